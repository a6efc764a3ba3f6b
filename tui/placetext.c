/* Place answers as text (tui/placetext.h). */
#include "placetext.h"

#include "divcode.h"
#include "output.h"
#include "placefmt.h"

#include <stdlib.h>
#include <string.h>

static void put(buf_t *b, const char *s, enum convert_script script)
{
    out_append(b, s, strlen(s), 0, script);
}

/* [县级] 东城区 110101 — 北京市 / 东城区（下辖 17）  市辖区 · 名称开头 · 曾用名 …; an
 * ended one says what it is now: 【已撤销】 … 现为 500119 南川区, or 【已更名】 … 现名 信都区
 * when its code is still in force under another name. */
static void hit_line(buf_t *b, const place_hit *h, int reason, enum convert_script script)
{
    const char *renamed = pf_renamed_to(h);
    buf_printf(b, "[%s] ", place_level_label(h->level));
    put(b, h->name, script);
    buf_printf(b, " %s%s — ", h->code, !h->ended ? "" : renamed ? "【已更名】" : "【已撤销】");
    put(b, h->path_text, script);
    if (h->children)
        buf_printf(b, "（下辖 %zu）", h->children);
    buf_t d;
    buf_init(&d);
    if (*h->type)
        buf_printf(&d, "%s%s", h->type, h->type_by_code ? "（按代码）" : "");
    if (reason)
        buf_printf(&d, "%s%s", d.len ? " · " : "", place_reason_label(h->reason));
    if (renamed) {
        buf_printf(&d, "%s现名 %s（代码未变）", d.len ? " · " : "", renamed);
    } else if (h->ended) {
        char *now = pf_now_text(h);
        buf_printf(&d, "%s%s%s", d.len ? " · " : "", *now ? "现为 " : "",
                   *now ? now : h->hist.nsucc ? "无现行的接替代码" : "无接替代码记录");
        free(now);
    } else {
        char *others = pf_other_names(&h->hist, h->name, 1);
        if (*others)
            buf_printf(&d, "%s曾用名 %s", d.len ? " · " : "", others);
        free(others);
    }
    if (d.len) {
        buf_adds(b, "  ");
        put(b, d.s, script);
    }
    buf_free(&d);
    buf_addc(b, '\n');
}

void pt_lookup(buf_t *b, const place_result *r, enum convert_script script)
{
    buf_adds(b, "查询“");
    put(b, r->input, script);
    buf_adds(b, "”：");
    if (*r->problem) {
        put(b, r->problem, script);
    } else if (!r->n) {
        buf_adds(b, "没有找到。查了");
        put(b, r->searched, script);
    } else {
        buf_printf(b, "%s%zu 处", r->total_capped ? "约 " : "", r->total);
        if (r->total > r->n)
            buf_printf(b, "，显示前 %zu 处", r->n);
    }
    buf_printf(b, "；数据截至 %s（%.1f ms）\n", *r->as_of ? r->as_of : "未知", r->ms);
    if (r->same_name > 1) {
        buf_printf(b, "同名：%zu 处现行区划都叫“", r->same_name);
        put(b, r->input, script);
        buf_adds(b, "”，各附完整路径\n");
    }
    for (size_t i = 0; i < r->n; i++)
        hit_line(b, &r->hits[i], 1, script);
}

void pt_children(buf_t *b, const place_result *self, const place_result *r,
                          enum convert_script script)
{
    if (self->n && self->hits[0].reason == PLACE_BY_CODE) {
        const place_hit *h = &self->hits[0];
        buf_printf(b, "%s ", h->code);
        put(b, h->path_text, script);
    } else {
        buf_printf(b, "区划代码 %s", r->input);
    }
    buf_printf(b, "：现行下级 %zu 个", r->total);
    if (r->total > r->n)
        buf_printf(b, "，显示前 %zu 个", r->n);
    buf_printf(b, "；数据截至 %s（%.1f ms）\n", *r->as_of ? r->as_of : "未知", r->ms);
    for (size_t i = 0; i < r->n; i++)
        hit_line(b, &r->hits[i], 0, script);
}

static void steps_text(buf_t *b, const char *title, const place_step *v, size_t n,
                       enum convert_script script)
{
    buf_printf(b, "%s：%s\n", title, n ? "" : "无记录");
    for (size_t i = 0; i < n; i++) {
        buf_printf(b, "  %d. %s ", v[i].depth, v[i].from.code);
        put(b, v[i].from.name, script);
        if (*v[i].to.code) {
            buf_printf(b, " → %s ", v[i].to.code);
            put(b, v[i].to.name, script);
            buf_adds(b, v[i].to.ended ? "" : "（现行）");
        } else {
            buf_adds(b, " → （无接替代码）");
        }
        buf_adds(b, "  ");
        put(b, v[i].event, script);
        buf_printf(b, " · %s\n", pf_relation_label(v[i].relation));
    }
}

void pt_history(buf_t *b, const place_history_t *h, int known, const char *as_of,
                         enum convert_script script)
{
    buf_printf(b, "区划代码 %s", h->code);
    if (!known) {
        buf_printf(b, "：数据库中没有记录；数据截至 %s\n", *as_of ? as_of : "未知");
        return;
    }
    int level = div_level(h->code);
    buf_printf(b, "（%s）：", place_level_label(level));
    if (h->nnames) {
        put(b, h->names[0].name, script);
        buf_adds(b, h->names[0].ended ? "【已撤销】" : "");
    }
    buf_printf(b, "；数据截至 %s\n名称：", *as_of ? as_of : "未知");
    /* While the code is in force under another name, an ended name is an earlier name,
     * not an abolished division. */
    int code_current = h->nnames && !h->names[0].ended;
    for (size_t i = 0; i < h->nnames; i++) {
        buf_adds(b, i ? "、" : "");
        put(b, h->names[i].name, script);
        buf_adds(b, !h->names[i].ended ? "（现行）" : code_current ? "（曾用名）" : "（已撤销）");
    }
    buf_adds(b, h->nnames ? "\n" : "无记录\n");
    if (h->nnames && h->names[0].ended) {
        buf_adds(b, "现为：");
        for (size_t i = 0; i < h->nnow; i++) {
            buf_printf(b, "%s%s ", i ? "；" : "", h->now[i].code);
            put(b, h->now[i].name, script);
        }
        buf_adds(b, h->nnow ? "\n" : "无现行的接替代码\n");
    }
    steps_text(b, "演变", h->succ, h->nsucc, script);
    steps_text(b, "由来", h->pred, h->npred, script);
}

