/* `gongkai qa` output (qafmt.h). */
#include "qafmt.h"

#include "output.h"
#include "qaview.h"
#include "u8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void qf_print_lines(buf_t *b, const ov_lines *l, int width, enum convert_script script)
{
    for (size_t i = 0; i < l->n; i++) {
        const ov_line *line = &l->v[i];
        buf_t t;
        buf_init(&t);
        if (line->tag)
            buf_printf(&t, "【%s】", line->tag);
        size_t tag_len = t.len;
        out_append(&t, line->text, strlen(line->text), 0, script);
        int hang = line->indent + (int)u8_width(t.s ? t.s : "", tag_len);
        int cols = width - hang;
        if (cols < 20)
            cols = 20;
        const char *text = t.s ? t.s + tag_len : "";
        u8_line_t *rows;
        size_t n = u8_wrap(text, strlen(text), (size_t)cols, &rows);
        for (size_t r = 0; r < n; r++) {
            if (!r)
                buf_printf(b, "%*s%.*s", line->indent, "", (int)tag_len, t.s ? t.s : "");
            else
                buf_printf(b, "%*s", hang, "");
            buf_add(b, text + rows[r].start, rows[r].end - rows[r].start);
            buf_addc(b, '\n');
        }
        free(rows);
        buf_free(&t);
    }
}

void qf_item_text(buf_t *b, const qa_entry *e, enum convert_script script)
{
    ov_lines l = {0};
    qv_item(&l, e, 0, 0);
    qf_print_lines(b, &l, QF_WIDTH, script);
    ov_lines_free(&l);
}

void qf_text(buf_t *b, const qa_result *r, const char *text, const char *category,
             enum convert_script script)
{
    char *sum = qv_summary(r, text, category);
    out_append(b, sum, strlen(sum), 0, script);
    buf_addc(b, '\n');
    free(sum);
    if (r->note) {
        out_append(b, r->note, strlen(r->note), 0, script);
        buf_addc(b, '\n');
    }
    for (size_t i = 0; i < r->n; i++) {
        buf_addc(b, '\n');
        ov_lines l = {0};
        qv_item(&l, &r->items[i], (int)i + 1, i);
        qf_print_lines(b, &l, QF_WIDTH, script);
        ov_lines_free(&l);
    }
}

static char *bases_joined(const qa_entry *e)
{
    buf_t s;
    buf_init(&s);
    for (size_t i = 0; i < e->nbases; i++) {
        char *t = qv_basis_text(&e->bases[i]);
        buf_printf(&s, "%s%s", i ? "；" : "", t);
        free(t);
    }
    return s.s ? buf_take(&s) : xstrdup("");
}

void qf_table(buf_t *b, const qa_result *r, int csv, enum convert_script script)
{
    out_row w = {b, csv, script, 0};
    static const char *const head[] = {"id",       "问题",     "状态",     "可能过时原因", "答复",
                                       "依据",     "类别",     "地区",     "发布机构",     "平台",
                                       "发布日期", "更新日期", "常见问法"};
    for (size_t i = 0; i < sizeof head / sizeof *head; i++)
        out_row_cell(&w, head[i]);
    out_row_end(&w);
    for (size_t i = 0; i < r->n; i++) {
        const qa_entry *e = &r->items[i];
        char *bases = bases_joined(e);
        out_row_num(&w, e->id);
        out_row_cell(&w, e->question);
        out_row_cell(&w, e->outdated ? "可能过时" : "现行");
        out_row_cell(&w, e->reason);
        out_row_cell(&w, e->answer);
        out_row_cell(&w, bases);
        out_row_cell(&w, e->category);
        out_row_cell(&w, qa_region_label(e));
        out_row_cell(&w, e->publisher);
        out_row_cell(&w, e->platform);
        out_row_cell(&w, e->published);
        out_row_cell(&w, e->updated);
        char *v = e->variants ? xstrdup(e->variants) : NULL;
        for (char *p = v; p && (p = strchr(p, '\n'));)
            *p = '|';
        out_row_cell(&w, v);
        free(v);
        out_row_end(&w);
        free(bases);
    }
}

static void json_str(buf_t *b, const char *key, const char *v, int comma)
{
    buf_printf(b, "%s\"%s\":", comma ? "," : "", key);
    if (v)
        out_json_string(b, v, strlen(v));
    else
        buf_adds(b, "null");
}

static void json_id(buf_t *b, const char *key, long long v)
{
    if (v)
        buf_printf(b, ",\"%s\":%lld", key, v);
    else
        buf_printf(b, ",\"%s\":null", key);
}

static void json_basis(buf_t *b, const qa_basis_t *x)
{
    json_str(b, "ref_text", x->ref_text, 0);
    json_str(b, "title", x->title, 1);
    json_str(b, "label", x->label, 1);
    json_id(b, "reg_id", x->reg_id);
    json_id(b, "node_id", x->node_id);
    json_id(b, "article_node_id", x->open_node);
    json_id(b, "cited_reg_id", x->cited_reg_id);
    json_str(b, "version", x->version, 1);
    json_str(b, "cited_version", x->cited_version, 1);
    buf_printf(b, ",\"changed\":%s", x->changed ? "true" : "false");
    json_str(b, "status", x->status, 1);
    buf_printf(b, ",\"in_force\":%s", x->in_force ? "true" : "false");
    buf_printf(b, ",\"resolved\":%s", x->node_id ? "true" : "false");
    json_str(b, "problem", x->problem, 1);
    char *t = qv_basis_text(x);
    json_str(b, "text", t, 1);
    free(t);
}

void qf_json(buf_t *b, const qa_result *r, const char *text, const char *category)
{
    buf_adds(b, "{");
    json_str(b, "query", text && *text ? text : NULL, 0);
    json_str(b, "category", category && *category ? category : NULL, 1);
    buf_printf(b, ",\"total\":%lld,\"items\":[", r->total);
    for (size_t i = 0; i < r->n; i++) {
        const qa_entry *e = &r->items[i];
        buf_printf(b, "%s{\"id\":%lld", i ? "," : "", e->id);
        json_str(b, "question", e->question, 1);
        json_str(b, "status", e->outdated ? "possibly_outdated" : "current", 1);
        json_str(b, "status_reason", e->reason, 1);
        json_str(b, "answer", e->answer, 1);
        buf_adds(b, ",\"variants\":[");
        int first = 1;
        for (const char *p = e->variants ? e->variants : ""; *p;) {
            size_t n = strcspn(p, "\n");
            if (n) {
                buf_adds(b, first ? "" : ",");
                out_json_string(b, p, n);
                first = 0;
            }
            p += n;
            if (*p)
                p++;
        }
        buf_adds(b, "]");
        json_str(b, "publisher", e->publisher, 1);
        json_str(b, "platform", e->platform, 1);
        json_str(b, "category", e->category, 1);
        json_str(b, "region_code", e->region_code, 1);
        json_str(b, "region", qa_region_label(e), 1);
        json_str(b, "published", e->published, 1);
        json_str(b, "updated", e->updated, 1);
        json_str(b, "url", e->url, 1);
        json_str(b, "source", e->source, 1);
        buf_printf(b, ",\"line\":%ld,\"bases\":[", e->line);
        for (size_t j = 0; j < e->nbases; j++) {
            buf_adds(b, j ? ",{" : "{");
            json_basis(b, &e->bases[j]);
            buf_adds(b, "}");
        }
        buf_adds(b, "]}");
    }
    buf_adds(b, "]}\n");
}
