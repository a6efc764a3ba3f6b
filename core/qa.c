/* Policy Q&A, the reading side (qa.h). */
#include "qa.h"

#include "reg.h"
#include "regref.h"
#include "search.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *dup_col(sqlite3_stmt *s, int i)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t && *t ? xstrdup(t) : NULL;
}

static int db_fail(gk_db *db, char **err)
{
    if (err)
        *err = xasprintf("数据库错误：%s", sqlite3_errmsg(db->h));
    return -1;
}

const char *qa_status_label(const qa_entry *e)
{
    return e->outdated ? "可能过时" : "";
}

const char *qa_region_label(const qa_entry *e)
{
    if (!e->region_code || !*e->region_code || !strcmp(e->region_code, "000000"))
        return "全国";
    return e->region_code;
}

static void basis_free(qa_basis_t *b)
{
    free(b->ref_text);
    free(b->title);
    free(b->label);
    free(b->version);
    free(b->cited_version);
    free(b->problem);
}

void qa_entry_free(qa_entry *e)
{
    if (!e)
        return;
    free(e->question);
    free(e->variants);
    free(e->answer);
    free(e->publisher);
    free(e->platform);
    free(e->category);
    free(e->region_code);
    free(e->published);
    free(e->updated);
    free(e->url);
    free(e->reason);
    free(e->source);
    for (size_t i = 0; i < e->nbases; i++)
        basis_free(&e->bases[i]);
    free(e->bases);
    memset(e, 0, sizeof *e);
}

/* The label of the part a reference names ("第十一条第（三）项"), from the text as written
 * without a version in brackets; NULL when it names none. */
static char *ref_label(const char *ref_text)
{
    regref r;
    if (regref_parse(ref_text, &r) != 0)
        return NULL;
    return regref_label(&r);
}

/* The article (条, 段 or 题注) that holds node id: itself or an ancestor; 0 when none. */
static long long article_of(sqlite3_stmt *s, long long id)
{
    for (int depth = 0; id && depth < 8; depth++) {
        sqlite3_bind_int64(s, 1, id);
        long long next = 0, found = 0;
        if (sqlite3_step(s) == SQLITE_ROW) {
            const char *kind = (const char *)sqlite3_column_text(s, 0);
            if (kind && (!strcmp(kind, "条") || !strcmp(kind, "段") || !strcmp(kind, "题注")))
                found = id;
            else
                next = sqlite3_column_int64(s, 1);
        }
        sqlite3_reset(s);
        if (found)
            return found;
        id = next;
    }
    return 0;
}

static int load_bases(gk_db *db, qa_entry *e, char **err)
{
    sqlite3_stmt *s = NULL, *up = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT b.ref_text, coalesce(b.reg_id, 0), coalesce(b.node_id, 0), "
                           "coalesce(b.cited_reg_id, 0), b.problem, r.title, r.version_date, "
                           "r.status, r.effective_date, c.version_date FROM qa_basis b "
                           "LEFT JOIN regulation r ON r.id = b.reg_id "
                           "LEFT JOIN regulation c ON c.id = b.cited_reg_id "
                           "WHERE b.qa_id = ?1 ORDER BY b.ord, b.rowid",
                           -1, &s, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->h, "SELECT kind, coalesce(parent_id, 0) FROM reg_node WHERE id = ?1",
                           -1, &up, NULL) != SQLITE_OK) {
        db_fail(db, err);
        goto done;
    }
    sqlite3_bind_int64(s, 1, e->id);
    size_t cap = 0;
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        e->bases = xgrow(e->bases, &cap, e->nbases + 1, sizeof *e->bases);
        qa_basis_t *b = &e->bases[e->nbases++];
        memset(b, 0, sizeof *b);
        b->ref_text = dup_col(s, 0);
        if (!b->ref_text)
            b->ref_text = xstrdup("");
        b->reg_id = sqlite3_column_int64(s, 1);
        b->node_id = sqlite3_column_int64(s, 2);
        b->cited_reg_id = sqlite3_column_int64(s, 3);
        b->problem = dup_col(s, 4);
        b->label = ref_label(b->ref_text);
        if (b->reg_id) {
            b->title = dup_col(s, 5);
            b->version = dup_col(s, 6);
            const char *st = (const char *)sqlite3_column_text(s, 7);
            const char *eff = (const char *)sqlite3_column_text(s, 8);
            const char *today = reg_status_today(st, eff);
            b->status = reg_status_label(today);
            b->in_force = today && !strcmp(today, "in_force");
        }
        if (b->cited_reg_id) {
            b->cited_version = dup_col(s, 9);
            b->changed = b->cited_reg_id != b->reg_id;
        }
        if (b->node_id)
            b->open_node = article_of(up, b->node_id);
    }
    if (step != SQLITE_DONE) {
        db_fail(db, err);
        goto done;
    }
    rc = 0;
done:
    sqlite3_finalize(s);
    sqlite3_finalize(up);
    return rc;
}

int qa_get(gk_db *db, long long id, qa_entry *out, char **err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT q.id, q.question, q.variants, q.answer, q.publisher, q.platform, "
                           "q.category, q.region_code, q.published, q.updated, q.url, q.status, "
                           "q.status_reason, s.path, q.line FROM qa_item q "
                           "LEFT JOIN source s ON s.id = q.source_id WHERE q.id = ?1",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_int64(s, 1, id);
    int step = sqlite3_step(s);
    if (step != SQLITE_ROW) {
        sqlite3_finalize(s);
        return step == SQLITE_DONE ? 1 : db_fail(db, err);
    }
    out->id = sqlite3_column_int64(s, 0);
    out->question = dup_col(s, 1);
    if (!out->question)
        out->question = xstrdup("");
    out->variants = dup_col(s, 2);
    out->answer = dup_col(s, 3);
    if (!out->answer)
        out->answer = xstrdup("");
    out->publisher = dup_col(s, 4);
    out->platform = dup_col(s, 5);
    out->category = dup_col(s, 6);
    out->region_code = dup_col(s, 7);
    out->published = dup_col(s, 8);
    out->updated = dup_col(s, 9);
    out->url = dup_col(s, 10);
    const char *st = (const char *)sqlite3_column_text(s, 11);
    out->outdated = st && !strcmp(st, "possibly_outdated");
    out->reason = dup_col(s, 12);
    out->source = dup_col(s, 13);
    out->line = (long)sqlite3_column_int64(s, 14);
    sqlite3_finalize(s);
    if (load_bases(db, out, err) != 0) {
        qa_entry_free(out);
        return -1;
    }
    /* The loader names each basis it found changed in the reason: 《title》label…. */
    for (size_t i = 0; out->reason && i < out->nbases; i++) {
        qa_basis_t *b = &out->bases[i];
        if (!b->title)
            continue;
        char *name = xasprintf("《%s》%s", b->title, b->label ? b->label : "");
        b->text_changed = strstr(out->reason, name) != NULL;
        free(name);
    }
    return 0;
}

void qa_result_free(qa_result *r)
{
    for (size_t i = 0; i < r->n; i++)
        qa_entry_free(&r->items[i]);
    free(r->items);
    free(r->note);
    memset(r, 0, sizeof *r);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static size_t clamp_limit(size_t limit)
{
    return !limit ? 20 : limit > QA_MAX_LIMIT ? QA_MAX_LIMIT : limit;
}

/* Appends item id to r. 0, or -1 (*err). */
static int add_item(gk_db *db, qa_result *r, size_t *cap, long long id, char **err)
{
    r->items = xgrow(r->items, cap, r->n + 1, sizeof *r->items);
    int rc = qa_get(db, id, &r->items[r->n], err);
    if (rc < 0)
        return -1;
    if (rc == 0)
        r->n++;
    return 0;
}

int qa_search(gk_db *db, const char *text, const char *category, size_t limit, qa_result *r,
              char **err)
{
    memset(r, 0, sizeof *r);
    double t0 = now_ms();
    limit = clamp_limit(limit);
    int filter = category && *category;
    /* A category is a filter on the ranked hits: every qa hit is read (there are few). */
    search_opts o = {.domain = "qa", .limit = filter ? QA_MAX_LIMIT : limit, .snippet_chars = 40};
    search_result sr;
    int rc = search_run(db, text, strlen(text), &o, &sr, err);
    if (rc < 0)
        return -1;
    if (sr.note)
        r->note = xstrdup(sr.note);
    r->total = filter ? 0 : sr.total;
    size_t cap = 0;
    for (size_t i = 0; rc == 0 && i < sr.n; i++) {
        const search_hit *h = &sr.hits[i];
        if (strcmp(h->domain, "qa"))
            continue;
        if (filter) {
            sqlite3_stmt *s;
            int in = 0;
            if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM qa_item WHERE id = ?1 AND category = ?2",
                                   -1, &s, NULL) != SQLITE_OK) {
                search_result_free(&sr);
                qa_result_free(r);
                return db_fail(db, err);
            }
            sqlite3_bind_int64(s, 1, h->ref_id);
            sqlite3_bind_text(s, 2, category, -1, SQLITE_STATIC);
            in = sqlite3_step(s) == SQLITE_ROW;
            sqlite3_finalize(s);
            if (!in)
                continue;
            r->total++;
            if (r->n >= limit)
                continue;
        }
        if (add_item(db, r, &cap, h->ref_id, err) != 0) {
            search_result_free(&sr);
            qa_result_free(r);
            return -1;
        }
    }
    search_result_free(&sr);
    r->ms = now_ms() - t0;
    return rc;
}

int qa_browse(gk_db *db, const char *category, size_t limit, qa_result *r, char **err)
{
    memset(r, 0, sizeof *r);
    double t0 = now_ms();
    limit = clamp_limit(limit);
    int all = !category || !*category;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT id FROM qa_item WHERE ?1 OR category = ?2 "
                           "ORDER BY status = 'possibly_outdated', "
                           "coalesce(updated, published, '') DESC, id",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, err);
    sqlite3_bind_int(s, 1, all);
    sqlite3_bind_text(s, 2, all ? "" : category, -1, SQLITE_STATIC);
    size_t cap = 0;
    int step;
    long long *ids = NULL;
    size_t nids = 0, idcap = 0;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        r->total++;
        if (nids < limit) {
            ids = xgrow(ids, &idcap, nids + 1, sizeof *ids);
            ids[nids++] = sqlite3_column_int64(s, 0);
        }
    }
    sqlite3_finalize(s);
    if (step != SQLITE_DONE) {
        free(ids);
        return db_fail(db, err);
    }
    for (size_t i = 0; i < nids; i++)
        if (add_item(db, r, &cap, ids[i], err) != 0) {
            free(ids);
            qa_result_free(r);
            return -1;
        }
    free(ids);
    r->ms = now_ms() - t0;
    return 0;
}

int qa_categories(gk_db *db, qa_category **out, char **err)
{
    *out = NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT category, count(*), sum(status = 'possibly_outdated') "
                           "FROM qa_item WHERE coalesce(category, '') <> '' "
                           "GROUP BY category ORDER BY count(*) DESC, category",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, err);
    size_t n = 0, cap = 0;
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        *out = xgrow(*out, &cap, n + 1, sizeof **out);
        (*out)[n].name = dup_col(s, 0);
        (*out)[n].count = sqlite3_column_int64(s, 1);
        (*out)[n].outdated = sqlite3_column_int64(s, 2);
        n++;
    }
    sqlite3_finalize(s);
    if (step != SQLITE_DONE) {
        qa_categories_free(*out, (int)n);
        *out = NULL;
        return db_fail(db, err);
    }
    return (int)n;
}

void qa_categories_free(qa_category *v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i].name);
    free(v);
}
