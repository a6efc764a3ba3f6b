/* The caller's area: relief standard and Q&A (tui/hotarea.h). */
#include "hotarea.h"

#include "statq.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *code, *name;
} standards[] = {
    {"urban_dibao_standard", "城市低保平均保障标准"},
    {"rural_dibao_standard", "农村低保平均保障标准"},
};

/* The division, its ancestors nearest first, then 全国. */
static size_t chain(const char *code, char out[][DIV_BUF], size_t max)
{
    char anc[8][DIV_BUF];
    size_t n = 0, na = div_ancestors(code, 0, anc, 8);
    if (na > 8)
        na = 8;
    if (n < max && strcmp(code, HOTAREA_NATIONAL_CODE))
        snprintf(out[n++], DIV_BUF, "%s", code);
    for (size_t i = na; i-- > 0 && n < max;)
        snprintf(out[n++], DIV_BUF, "%s", anc[i]);
    if (n < max)
        snprintf(out[n++], DIV_BUF, "%s", HOTAREA_NATIONAL_CODE);
    return n;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t && *t ? xstrdup((const char *)t) : NULL;
}

static int table_exists(sqlite3 *h, const char *name)
{
    sqlite3_stmt *st = NULL;
    int yes = 0;
    if (sqlite3_prepare_v2(h, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        yes = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return yes;
}

static void load_standards(gk_db *db, char regions[][DIV_BUF], size_t nregions, hotarea *out)
{
    if (!table_exists(db->h, "stat_value"))
        return;
    out->std = xcalloc(nregions * 2 + 1, sizeof *out->std);
    for (size_t r = 0; r < nregions; r++)
        for (size_t k = 0; k < sizeof standards / sizeof *standards; k++) {
            stat_cell c;
            memset(&c, 0, sizeof c);
            if (statq_latest(db->h, standards[k].code, regions[r], &c) != 1) {
                statq_cell_free(&c);
                continue;
            }
            hotarea_std *s = &out->std[out->nstd++];
            memcpy(s->region, regions[r], DIV_BUF);
            s->region[DIV_BUF - 1] = '\0';
            s->region_name = statq_region_name(db->h, regions[r]);
            s->indicator = xstrdup(standards[k].name);
            s->value = xstrdup(c.raw ? c.raw : "");
            char pb[32];
            s->period = xstrdup(stat_period_label(&c.period, pb));
            s->source = statq_cell_source(&c);
            statq_cell_free(&c);
        }
}

static int load_qa(gk_db *db, char regions[][DIV_BUF], size_t nregions, hotarea *out,
                   char **err)
{
    if (!table_exists(db->h, "qa_item"))
        return 0;
    /* At most 6 codes in the chain (village … province, 全国): bound one by one. */
    char in[64] = "";
    for (size_t i = 0; i < nregions; i++)
        snprintf(in + strlen(in), sizeof in - strlen(in), "%s?%zu", i ? "," : "", i + 1);
    char *count = xasprintf("SELECT count(*) FROM qa_item WHERE region_code IN (%s)", in);
    char *list = xasprintf(
        "SELECT id, question, region_code, publisher, published, updated, status, status_reason "
        "FROM qa_item WHERE region_code IN (%s) "
        "ORDER BY coalesce(updated, published, '') DESC, id DESC LIMIT %d",
        in, HOTAREA_QA_MAX);
    sqlite3_stmt *st = NULL;
    int rc = 0;
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        if (sqlite3_prepare_v2(db->h, pass ? list : count, -1, &st, NULL) != SQLITE_OK) {
            *err = xasprintf("读取政策问答失败：%s", sqlite3_errmsg(db->h));
            rc = -1;
            break;
        }
        for (size_t i = 0; i < nregions; i++)
            sqlite3_bind_text(st, (int)i + 1, regions[i], -1, SQLITE_STATIC);
        int s;
        while ((s = sqlite3_step(st)) == SQLITE_ROW) {
            if (!pass) {
                out->qa_total = (size_t)sqlite3_column_int64(st, 0);
                out->qa = xcalloc(HOTAREA_QA_MAX, sizeof *out->qa);
                continue;
            }
            hotarea_qa *q = &out->qa[out->nqa++];
            q->id = sqlite3_column_int64(st, 0);
            q->question = dup_col(st, 1);
            if (!q->question)
                q->question = xstrdup("");
            const unsigned char *rg = sqlite3_column_text(st, 2);
            q->region_name = statq_region_name(db->h, rg ? (const char *)rg : "");
            q->publisher = dup_col(st, 3);
            q->published = dup_col(st, 4);
            q->updated = dup_col(st, 5);
            const unsigned char *status = sqlite3_column_text(st, 6);
            q->outdated = status && !strcmp((const char *)status, "possibly_outdated");
            q->reason = dup_col(st, 7);
        }
        if (s != SQLITE_DONE) {
            *err = xasprintf("读取政策问答失败：%s", sqlite3_errmsg(db->h));
            rc = -1;
        }
        sqlite3_finalize(st);
        st = NULL;
    }
    free(count);
    free(list);
    return rc;
}

int hotarea_load(gk_db *db, const char *code, hotarea *out, char **err)
{
    memset(out, 0, sizeof *out);
    snprintf(out->division, sizeof out->division, "%s", code);
    char regions[8][DIV_BUF];
    size_t n = chain(code, regions, 8);
    load_standards(db, regions, n, out);
    if (load_qa(db, regions, n, out, err) != 0) {
        hotarea_free(out);
        return -1;
    }
    return 0;
}

void hotarea_free(hotarea *a)
{
    for (size_t i = 0; i < a->nstd; i++) {
        free(a->std[i].region_name);
        free(a->std[i].indicator);
        free(a->std[i].value);
        free(a->std[i].period);
        free(a->std[i].source);
    }
    for (size_t i = 0; i < a->nqa; i++) {
        free(a->qa[i].question);
        free(a->qa[i].region_name);
        free(a->qa[i].publisher);
        free(a->qa[i].published);
        free(a->qa[i].updated);
        free(a->qa[i].reason);
    }
    free(a->std);
    free(a->qa);
    memset(a, 0, sizeof *a);
}
