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

/* "（1980 至 1994-04）", "（2006-10 起）", "（至 1994-04）" or nothing: a row's dates. */
static void period(buf_t *b, const char *from, const char *to)
{
    if (from && to)
        buf_printf(b, "（%s 至 %s）", from, to);
    else if (from)
        buf_printf(b, "（%s 起）", from);
    else if (to)
        buf_printf(b, "（至 %s）", to);
}

/* What the codes of a history were at the date when the code was not in force then:
 * " · 当时名为 桥西区（代码未变）" for another name of the same code, else the codes in
 * force then (or those the dates cannot tell), else, for a code with links but none
 * dated then, that none says so. */
static void then_text(buf_t *b, const place_history_t *h, const char *name, enum place_at at,
                      enum convert_script script)
{
    if (h->name_at && strcmp(h->name_at, name)) {
        buf_adds(b, " · 当时名为 ");
        put(b, h->name_at, script);
        buf_adds(b, "（代码未变）");
    } else if (h->nthen) {
        char *then = pf_then_text(h);
        int also = h->then_unsure && at == PLACE_AT_UNSURE; /* said once already */
        buf_adds(b, !h->then_unsure ? " · 当时有效：" : also ? " · 也可能为：" : " · 当时可能为：");
        put(b, then, script);
        buf_adds(b, h->then_unsure && !also ? "（来源日期只到年或月，无法判断）" : "");
        free(then);
    } else if ((at == PLACE_AT_NOT_YET || at == PLACE_AT_ENDED) && !h->name_at &&
               (h->npred || h->nsucc)) {
        buf_adds(b, " · 沿革中没有注明当时有效的代码");
    }
}

void pt_at(buf_t *b, const place_hit *h, const char *date, enum convert_script script)
{
    buf_printf(b, "%s 时：%s", date, place_at_label(h->at));
    period(b, h->valid_from, h->valid_to);
    if (h->at != PLACE_AT_IN_FORCE)
        then_text(b, &h->hist, h->name, h->at, script);
}

/* "  1990-01-01 时：尚未设立（2006-10 起） · 当时有效：512323 南川县" under a hit. */
static void at_line(buf_t *b, const place_hit *h, const char *date, enum convert_script script)
{
    buf_adds(b, "  ");
    pt_at(b, h, date, script);
    buf_addc(b, '\n');
}

static void hits_text(buf_t *b, const place_result *r, int reason, enum convert_script script)
{
    for (size_t i = 0; i < r->n; i++) {
        hit_line(b, &r->hits[i], reason, script);
        if (r->date && *r->date)
            at_line(b, &r->hits[i], r->date, script);
    }
}

void pt_hits(buf_t *b, const place_result *r, enum convert_script script)
{
    hits_text(b, r, 1, script);
}

void pt_lookup(buf_t *b, const place_result *r, enum convert_script script)
{
    buf_adds(b, "查询“");
    put(b, r->input, script);
    buf_adds(b, "”");
    if (r->date && *r->date)
        buf_printf(b, "（%s 时）", r->date);
    buf_adds(b, "：");
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
    hits_text(b, r, 1, script);
}

void pt_children(buf_t *b, const place_result *self, const place_result *r,
                          enum convert_script script)
{
    if (!*r->input) {
        buf_adds(b, "顶层区划（省级，和上级不在库中的）");
    } else if (self->n && self->hits[0].reason == PLACE_BY_CODE) {
        const place_hit *h = &self->hits[0];
        buf_printf(b, "%s ", h->code);
        put(b, h->path_text, script);
    } else {
        buf_printf(b, "区划代码 %s", r->input);
    }
    if (r->date && *r->date)
        buf_printf(b, "：%s 时的下级 %zu 个", r->date, r->total);
    else
        buf_printf(b, "：现行下级 %zu 个", r->total);
    if (r->total > r->n)
        buf_printf(b, "，显示前 %zu 个", r->n);
    buf_printf(b, "；数据截至 %s（%.1f ms）\n", *r->as_of ? r->as_of : "未知", r->ms);
    hits_text(b, r, 0, script);
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

/* "1990-01-01 时：有效，名称 南川县" or "…：尚未设立 · 当时有效：512323 南川县". */
static void history_at(buf_t *b, const place_history_t *h, const char *date,
                       enum convert_script script)
{
    buf_printf(b, "%s 时：%s", date,
               h->code_at == PLACE_AT_NONE ? "无记录" : place_at_label(h->code_at));
    if (h->name_at) {
        buf_adds(b, "，名称 ");
        put(b, h->name_at, script);
    } else {
        then_text(b, h, "", h->code_at, script);
    }
    buf_addc(b, '\n');
}

void pt_history(buf_t *b, const place_history_t *h, int known, const char *as_of,
                const char *date, enum convert_script script)
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
    if (date && *date)
        history_at(b, h, date, script);
    steps_text(b, "演变", h->succ, h->nsucc, script);
    steps_text(b, "由来", h->pred, h->npred, script);
    for (size_t i = 0; i < h->ngaz; i++) {
        char *line = pt_gaz_line(&h->gaz[i]);
        buf_adds(b, "地名资料：");
        put(b, line, script);
        buf_addc(b, '\n');
        free(line);
        const char *label[] = {"含义", "来历", "沿革"};
        const char *text[] = {h->gaz[i].meaning, h->gaz[i].origin, h->gaz[i].history};
        for (int k = 0; k < 3; k++)
            if (text[k]) {
                buf_printf(b, "  %s：", label[k]);
                put(b, text[k], script);
                buf_addc(b, '\n');
            }
    }
}

char *pt_gaz_line(const place_gaz *g)
{
    buf_t b;
    buf_init(&b);
    buf_adds(&b, g->name ? g->name : "");
    if (g->category)
        buf_printf(&b, " · %s", g->category);
    if (g->pinyin)
        buf_printf(&b, " · 拼音 %s", g->pinyin);
    if (g->has_coords)
        buf_printf(&b, " · 经度 %.6g 纬度 %.6g", g->lon, g->lat);
    if (g->source)
        buf_printf(&b, " · 来源 %s", g->source);
    return buf_take(&b);
}

