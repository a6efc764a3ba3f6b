/* Policy Q&A as styled lines (qaview.h). */
#include "qaview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *qv_basis_text(const qa_basis_t *b)
{
    buf_t s;
    buf_init(&s);
    if (b->title)
        buf_printf(&s, "《%s》%s", b->title, b->label ? b->label : "");
    else
        buf_adds(&s, b->ref_text);
    if (!b->node_id) {
        buf_printf(&s, "：未能对应到条文（%s）", b->problem ? b->problem : "原因不详");
        return buf_take(&s);
    }
    buf_adds(&s, "（");
    if (b->changed && b->cited_version)
        buf_printf(&s, "问答依据 %s 版；现行 %s 版", b->cited_version,
                   b->version ? b->version : "");
    else if (b->version)
        buf_printf(&s, "%s %s 版", b->cited_reg_id ? "依据" : "现行", b->version);
    else
        buf_adds(&s, "现行版本");
    buf_printf(&s, "，%s）", b->status ? b->status : "效力不详");
    return buf_take(&s);
}

char *qv_meta(const qa_entry *e)
{
    buf_t s;
    buf_init(&s);
    const char *parts[] = {e->publisher, e->platform, e->category, qa_region_label(e)};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (parts[i] && *parts[i])
            buf_printf(&s, "%s%s", s.len ? " · " : "", parts[i]);
    if (e->published)
        buf_printf(&s, "%s发布 %s", s.len ? " · " : "", e->published);
    if (e->updated)
        buf_printf(&s, "%s更新 %s", s.len ? " · " : "", e->updated);
    return s.s ? buf_take(&s) : xstrdup("");
}

void qv_item(ov_lines *out, const qa_entry *e, int number, size_t subject)
{
    ov_line *l;
    if (number > 0)
        ov_add(out, OV_TITLE, 0, subject, "%d. %s", number, e->question);
    else
        ov_add(out, OV_TITLE, 0, subject, "%s", e->question);
    if (e->outdated) {
        l = ov_add(out, OV_WARN, 2, subject, "%s", e->reason ? e->reason : "依据的条文有改动");
        ov_tag(l, "可能过时", OV_WARN);
    }
    ov_add(out, OV_PLAIN, 2, subject, "%s", e->answer);
    if (e->variants && *e->variants) {
        buf_t v;
        buf_init(&v);
        for (const char *p = e->variants; *p;) {
            size_t n = strcspn(p, "\n");
            if (n)
                buf_printf(&v, "%s%.*s", v.len ? "、" : "", (int)n, p);
            p += n;
            if (*p)
                p++;
        }
        if (v.len)
            ov_add(out, OV_DIM, 2, subject, "常见问法：%s", v.s);
        buf_free(&v);
    }
    if (e->nbases) {
        ov_add(out, OV_DIM, 2, subject, "依据：");
        for (size_t i = 0; i < e->nbases; i++) {
            const qa_basis_t *b = &e->bases[i];
            char *t = qv_basis_text(b);
            if (b->node_id) {
                l = ov_add(out, OV_LINK, 4, subject, "%s", t);
                l->node_id = b->open_node ? b->open_node : b->node_id;
                if (!b->in_force || b->text_changed)
                    ov_tag(l, b->in_force ? "条文有改动" : (b->status ? b->status : "效力不详"),
                           OV_WARN);
            } else {
                l = ov_add(out, OV_WARN, 4, subject, "%s", t);
                ov_tag(l, "未对应", OV_WARN);
            }
            free(t);
        }
    } else {
        ov_add(out, OV_DIM, 2, subject, "依据：未写明");
    }
    char *meta = qv_meta(e);
    if (*meta)
        ov_add(out, OV_DIM, 2, subject, "%s", meta);
    free(meta);
    if (e->source)
        ov_add(out, OV_DIM, 2, subject, "来源：%s:%ld", e->source, e->line);
}

void qv_list(ov_lines *out, const qa_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const qa_entry *e = &r->items[i];
        ov_line *l = ov_add(out, OV_TITLE, 0, i, "%s", e->question);
        if (e->outdated)
            ov_tag(l, "可能过时", OV_WARN);
        char *meta = qv_meta(e);
        ov_add(out, OV_DIM, 4, i, "%s", meta);
        free(meta);
    }
}

char *qv_summary(const qa_result *r, const char *query, const char *category)
{
    buf_t s;
    buf_init(&s);
    size_t outdated = 0;
    for (size_t i = 0; i < r->n; i++)
        outdated += r->items[i].outdated != 0;
    buf_adds(&s, "问答");
    if (query && *query)
        buf_printf(&s, "“%s”", query);
    if (category && *category)
        buf_printf(&s, " · %s", category);
    buf_printf(&s, "：%lld 条", r->total);
    if ((long long)r->n < r->total)
        buf_printf(&s, "，显示前 %zu 条", r->n);
    if (outdated)
        buf_printf(&s, "（可能过时 %zu）", outdated);
    buf_printf(&s, "（%.1f ms）", r->ms);
    return buf_take(&s);
}
