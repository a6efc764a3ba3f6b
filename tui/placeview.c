/* The places pane's lines (tui/placeview.h). */
#include "placeview.h"

#include "divcode.h"
#include "placefmt.h"
#include "placetext.h"

#include <stdlib.h>
#include <string.h>

#define NO_SUBJECT ((size_t)-1)

/* 【已撤销】 or 【已更名】 (the code lives on under another name) for an ended hit. */
static const char *ended_tag(const place_hit *h)
{
    return !h->ended ? NULL : pf_renamed_to(h) ? "已更名" : "已撤销";
}

static void title(ov_lines *out, const place_hit *h, size_t i, int indent)
{
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "%s  %s  %s", h->name, h->code, place_level_label(h->level));
    if (*h->type)
        buf_printf(&b, "·%s", h->type);
    if (h->children)
        buf_printf(&b, "  下辖 %zu", h->children);
    ov_line *l = ov_add(out, OV_TITLE, indent, i, "%s", b.s);
    buf_free(&b);
    const char *t = ended_tag(h);
    if (t)
        ov_tag(l, t, OV_WARN);
}

/* What an ended code is now, or a current one's earlier names ("" when neither). */
static char *fate(const place_hit *h)
{
    const char *renamed = pf_renamed_to(h);
    if (renamed)
        return xasprintf("现名 %s（代码未变）", renamed);
    if (h->ended) {
        char *now = pf_now_text(h);
        char *s = *now ? xasprintf("现为 %s", now)
                       : xstrdup(h->hist.nsucc ? "无现行的接替代码" : "无接替代码记录");
        free(now);
        return s;
    }
    char *others = pf_other_names(&h->hist, h->name, 1);
    char *s = *others ? xasprintf("曾用名 %s", others) : xstrdup("");
    free(others);
    return s;
}

/* Under a hit with an as-of date: what it was then. */
static void at_line(ov_lines *out, const place_hit *h, const char *date, int indent, size_t i)
{
    if (!date || !*date || h->at == PLACE_AT_NONE)
        return;
    buf_t b;
    buf_init(&b);
    pt_at(&b, h, date, CONVERT_ORIGINAL);
    ov_add(out, h->at == PLACE_AT_IN_FORCE ? OV_PLAIN : OV_WARN, indent, i, "%s", b.s);
    buf_free(&b);
}

void pv_filters(ov_lines *out, int level, int include_ended, const char *as_of)
{
    if (!level && include_ended && !*as_of)
        return;
    buf_t b;
    buf_init(&b);
    if (level)
        buf_printf(&b, "只看%s", place_level_label(level));
    if (!include_ended)
        buf_printf(&b, "%s不含已撤销、已更名的代码", b.len ? "；" : "");
    if (*as_of)
        buf_printf(&b, "%s按日期 %s", b.len ? "；" : "", as_of);
    ov_add(out, OV_WARN, 0, NO_SUBJECT, "筛选：%s（F4、a 更改）", b.s);
    buf_free(&b);
}

void pv_lookup(ov_lines *out, const place_result *r)
{
    if (r->same_name > 1)
        ov_add(out, OV_WARN, 0, NO_SUBJECT, "同名：%zu 处现行区划都叫“%s”，各附完整路径", r->same_name,
               r->input);
    for (size_t i = 0; i < r->n; i++) {
        const place_hit *h = &r->hits[i];
        title(out, h, i, 0);
        char *f = fate(h);
        ov_add(out, OV_DIM, 2, i, "%s  · %s%s%s", h->path_text, place_reason_label(h->reason),
               *f ? " · " : "", f);
        free(f);
        at_line(out, h, r->date, 2, i);
    }
}

void pv_children(ov_lines *out, const place_hit *parent, const place_result *r)
{
    if (parent)
        ov_add(out, OV_DIM, 0, NO_SUBJECT, "%s %s 的下级：%zu 个", parent->code, parent->path_text,
               r->total);
    else
        ov_add(out, OV_DIM, 0, NO_SUBJECT, "顶层区划（省级，和上级不在库中的）：%zu 个", r->total);
    for (size_t i = 0; i < r->n; i++) {
        title(out, &r->hits[i], i, 1);
        if (r->hits[i].at != PLACE_AT_IN_FORCE)
            at_line(out, &r->hits[i], r->date, 3, i);
    }
    if (r->total > r->n)
        ov_add(out, OV_DIM, 1, NO_SUBJECT, "……另有 %zu 个未列出（输入代码或名称查找）",
               r->total - r->n);
}

/* The digits of a code by segment: "省 50 · 地 01 · 县 19". */
static void structure(ov_lines *out, const char *code, int level)
{
    static const char *const seg[] = {"省", "地", "县", "乡", "村"};
    static const int width[] = {2, 2, 2, 3, 3};
    buf_t b;
    buf_init(&b);
    size_t at = 0, len = strlen(code);
    /* The segments up to the place's level; the zeros after them are padding. */
    for (int k = 0; k < 5 && k < level && at + (size_t)width[k] <= len; k++) {
        buf_printf(&b, "%s%s %.*s", k ? " · " : "", seg[k], width[k], code + at);
        at += (size_t)width[k];
    }
    div_info info;
    div_parse(code, &info);
    ov_add(out, OV_PLAIN, 2, NO_SUBJECT, "代码结构  %s%s%s%s", b.s ? b.s : code,
           info.category ? "（编码惯例：" : "", info.category ? info.category : "",
           info.category ? "）" : "");
    if (*info.hint)
        ov_add(out, OV_DIM, 12, NO_SUBJECT, "%s", info.hint);
    buf_free(&b);
}

static void ref_line(ov_lines *out, const place_ref *p, const char *text)
{
    ov_line *l = ov_add(out, OV_LINK, 4, NO_SUBJECT, "%s", text);
    l->ref = xstrdup(p->code);
}


static void steps(ov_lines *out, const char *heading, const place_step *v, size_t n, int forward)
{
    ov_add(out, OV_PLAIN, 2, NO_SUBJECT, "%s%s", heading, n ? "" : "：无记录");
    for (size_t i = 0; i < n; i++) {
        const place_step *s = &v[i];
        /* The link leads to the code at the far end: the new one going forward. */
        const place_ref *far = forward ? &s->to : &s->from;
        char *text;
        if (*s->to.code)
            text = xasprintf("%d. %s %s → %s %s%s  %s · %s", s->depth, s->from.code,
                             s->from.name, s->to.code, s->to.name, s->to.ended ? "" : "（现行）",
                             s->event, pf_relation_label(s->relation));
        else
            text = xasprintf("%d. %s %s → （无接替代码）  %s · %s", s->depth, s->from.code,
                             s->from.name, s->event, pf_relation_label(s->relation));
        if (*far->code)
            ref_line(out, far, text);
        else
            ov_add(out, OV_PLAIN, 4, NO_SUBJECT, "%s", text);
        free(text);
    }
}

static void names(ov_lines *out, const place_history_t *hist)
{
    int code_current = hist->nnames && !hist->names[0].ended;
    for (size_t i = 0; i < hist->nnames; i++) {
        const place_name_row *n = &hist->names[i];
        const char *state = !n->ended ? "现行" : code_current ? "曾用名" : "已撤销";
        buf_t b;
        buf_init(&b);
        buf_printf(&b, "%s%s（%s", i ? "    " : "名称  ", n->name, state);
        if (n->valid_from || n->valid_to)
            buf_printf(&b, "，%s 至 %s", n->valid_from ? n->valid_from : "?",
                       n->valid_to ? n->valid_to : "今");
        buf_adds(&b, "）");
        ov_add(out, n->ended ? OV_DIM : OV_PLAIN, 2, NO_SUBJECT, "%s", b.s);
        buf_free(&b);
    }
}

void pv_detail(ov_lines *out, const place_hit *h, const char *as_of, const char *date)
{
    title(out, h, 0, 0);
    at_line(out, h, date, 2, NO_SUBJECT);
    for (size_t i = 0; date && *date && h->at != PLACE_AT_IN_FORCE && i < h->hist.nthen; i++) {
        char *text = xasprintf("当时 %s %s", h->hist.then[i].code, h->hist.then[i].name);
        ref_line(out, &h->hist.then[i], text);
        free(text);
    }
    ov_add(out, OV_PLAIN, 2, NO_SUBJECT, "路径  %s", h->path_text);
    ov_add(out, OV_PLAIN, 2, NO_SUBJECT, "层级  %s%s%s%s", place_level_label(h->level),
           *h->type ? " · " : "", h->type, h->type_by_code ? "（按代码）" : "");
    if (h->pinyin)
        ov_add(out, OV_PLAIN, 2, NO_SUBJECT, "拼音  %s（地名资料公布的读法，拼音检索按它）",
               h->pinyin);
    if (h->children)
        ov_add(out, OV_PLAIN, 2, NO_SUBJECT, "下辖  %zu 个（在名称上按 Enter 列出）", h->children);
    structure(out, h->code, h->level);
    if (*h->parent && h->npath >= 2) {
        ov_line *l = ov_add(out, OV_LINK, 2, NO_SUBJECT, "上级  %s %s", h->parent,
                            h->path[h->npath - 2]);
        l->ref = xstrdup(h->parent);
    }
    names(out, &h->hist);
    if (h->ended) {
        char *f = fate(h);
        ov_add(out, OV_WARN, 2, NO_SUBJECT, "%s", f);
        free(f);
        for (size_t i = 0; i < h->hist.nnow; i++) {
            char *text = xasprintf("现行 %s %s", h->hist.now[i].code, h->hist.now[i].name);
            ref_line(out, &h->hist.now[i], text);
            free(text);
        }
    }
    steps(out, "由来（哪些代码变成了它）", h->hist.pred, h->hist.npred, 0);
    steps(out, "演变（它变成了哪些代码）", h->hist.succ, h->hist.nsucc, 1);
    for (size_t i = 0; i < h->hist.ngaz; i++) {
        const place_gaz *g = &h->hist.gaz[i];
        char *line = pt_gaz_line(g);
        ov_add(out, OV_PLAIN, 2, NO_SUBJECT, "地名资料  %s", line);
        free(line);
        const char *label[] = {"含义", "来历", "沿革"};
        const char *text[] = {g->meaning, g->origin, g->history};
        for (int k = 0; k < 3; k++)
            if (text[k])
                ov_add(out, OV_PLAIN, 12, NO_SUBJECT, "%s：%s", label[k], text[k]);
    }
    ov_add(out, OV_DIM, 2, NO_SUBJECT, "数据截至 %s；名称和代码以民政部、国家统计局公布为准",
           *as_of ? as_of : "未知");
}

char *pv_summary(const place_result *r, int children)
{
    buf_t b;
    buf_init(&b);
    if (*r->problem)
        buf_printf(&b, "%s", r->problem);
    else if (!r->n)
        buf_printf(&b, "没有找到（查了%s）", r->searched);
    else
        buf_printf(&b, "%s%s%zu %s%s", children ? "下级 " : "", r->total_capped ? "约 " : "",
                   r->total, children ? "个" : "处", r->total > r->n ? "（列出部分）" : "");
    buf_printf(&b, "；数据截至 %s（%.1f ms）", *r->as_of ? r->as_of : "未知", r->ms);
    return buf_take(&b);
}

char *pv_citation(const place_hit *h, const char *as_of)
{
    char *f = h->ended ? fate(h) : xstrdup("");
    char *s = xasprintf("%s（%s，%s%s）%s%s%s；数据截至 %s，gongkai 查询", h->name, h->code,
                        place_level_label(h->level), h->ended ? "，已不用" : "", h->path_text,
                        *f ? "；" : "", f, *as_of ? as_of : "未知");
    free(f);
    return s;
}
