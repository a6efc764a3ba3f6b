#include "search.h"

#include "rank.h"
#include "reg.h"
#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct {
    const char *domain, *label, *alias1, *alias2;
} domains[] = {
    {"reg", "法规", "regs", "regulations"}, {"org", "社会组织", "orgs", "organisations"},
    {"place", "地名", "places", "divisions"}, {"stat", "统计", "stats", "statistics"},
    {"hotline", "热线", "hotlines", "phone"},  {"qa", "问答", "faq", "questions"},
};
#define NDOMAINS (sizeof domains / sizeof *domains)

const char *search_domain_name(const char *user)
{
    if (!user || !strcmp(user, "all"))
        return "all";
    for (size_t i = 0; i < NDOMAINS; i++)
        if (!strcmp(user, domains[i].domain) || !strcmp(user, domains[i].alias1) ||
            !strcmp(user, domains[i].alias2) || !strcmp(user, domains[i].label))
            return domains[i].domain;
    return NULL;
}

const char *search_domain_label(const char *domain)
{
    for (size_t i = 0; i < NDOMAINS; i++)
        if (!strcmp(domain, domains[i].domain))
            return domains[i].label;
    return domain;
}

const char *search_domain_at(size_t i)
{
    return i < NDOMAINS ? domains[i].domain : NULL;
}

static size_t domain_order(const char *domain)
{
    for (size_t i = 0; i < NDOMAINS; i++)
        if (!strcmp(domain, domains[i].domain))
            return i;
    return NDOMAINS;
}

typedef struct {
    long long rowid;
    double score;
} scored;

typedef struct {
    char domain[16];
    int group;
    long long lo, hi, count;
    long long reachable; /* hits offered for paging */
    scored *best;        /* ranked searches: the range's newest matches with their scores */
    size_t nbest, capbest;
} range;

static void free_ranges(range *rs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(rs[i].best);
    free(rs);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int range_cmp(const void *a, const void *b)
{
    const range *x = a, *y = b;
    size_t ox = domain_order(x->domain), oy = domain_order(y->domain);
    if (ox != oy)
        return ox < oy ? -1 : 1;
    if (ox == NDOMAINS) {
        int c = strcmp(x->domain, y->domain);
        if (c)
            return c;
    }
    return (x->group > y->group) - (x->group < y->group);
}

static int load_ranges(gk_db *db, const char *domain, range **out, size_t *n)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    int rc = sqlite3_prepare_v2(db->h, "SELECT domain, rank_group, lo, hi FROM doc_range", -1, &st,
                                NULL);
    if (rc != SQLITE_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(st, 0);
        if (!d || (strcmp(domain, "all") && strcmp(domain, d)))
            continue;
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        range *r = &(*out)[(*n)++];
        memset(r, 0, sizeof *r);
        snprintf(r->domain, sizeof r->domain, "%s", d);
        r->group = sqlite3_column_int(st, 1);
        r->lo = sqlite3_column_int64(st, 2);
        r->hi = sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc;
    if (*n > 1)
        qsort(*out, *n, sizeof **out, range_cmp);
    return SQLITE_OK;
}

/* The range holding rowid (ranges do not overlap), or NULL. */
static range *range_of(range *rs, size_t n, long long rowid)
{
    for (size_t i = 0; i < n; i++)
        if (rowid >= rs[i].lo && rowid <= rs[i].hi)
            return &rs[i];
    return NULL;
}

typedef struct {
    long long total;   /* matches seen (stops at SEARCH_COUNT_CAP) */
    int capped;        /* there were more */
    long long *page;   /* rowids [keep_from, keep_from + keep_n) of the scan, newest first */
    size_t npage;
} scan_t;

/* One pass over every match, newest first, counting per range up to SEARCH_COUNT_CAP.
 * Unranked, it keeps the rowids of one page; ranked, gk_bm25 scores the newest
 * SEARCH_RANK_WINDOW matches of each range in the same statement (see rank.h). One
 * statement matters: FTS5 evaluates a phrase against every candidate again for each
 * statement (10 ms for a six-character phrase of common bigrams), and a one-character
 * term merges the lists of every bigram starting with it before it returns a row. */
static int scan_matches(gk_db *db, const char *fts, const char *idf, range *rs, size_t n,
                        size_t keep_from, size_t keep_n, scan_t *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        rs[i].count = 0;
        rs[i].nbest = 0;
    }
    if (!n)
        return SQLITE_OK;
    long long lo = rs[0].lo, hi = rs[0].hi;
    buf_t windows;
    buf_init(&windows);
    for (size_t i = 0; i < n; i++) {
        if (rs[i].lo < lo)
            lo = rs[i].lo;
        if (rs[i].hi > hi)
            hi = rs[i].hi;
        buf_printf(&windows, "%s%lld:%lld:%d", i ? ";" : "", rs[i].lo, rs[i].hi,
                   SEARCH_RANK_WINDOW);
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h,
                                idf ? "SELECT rowid, gk_bm25(doc_fts, ?5, ?6) FROM doc_fts WHERE "
                                      "doc_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
                                      "ORDER BY rowid DESC LIMIT ?4"
                                    : "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1 AND rowid "
                                      "BETWEEN ?2 AND ?3 ORDER BY rowid DESC LIMIT ?4",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        buf_free(&windows);
        return rc;
    }
    sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, lo);
    sqlite3_bind_int64(st, 3, hi);
    sqlite3_bind_int64(st, 4, SEARCH_COUNT_CAP + 1);
    if (idf) {
        sqlite3_bind_text(st, 5, idf, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, windows.s, -1, SQLITE_STATIC);
    }
    out->page = xcalloc(keep_n ? keep_n : 1, sizeof *out->page);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (out->total == SEARCH_COUNT_CAP) {
            out->capped = 1;
            break;
        }
        long long rowid = sqlite3_column_int64(st, 0);
        range *r = range_of(rs, n, rowid);
        if (r) {
            r->count++;
            if (idf && sqlite3_column_type(st, 1) != SQLITE_NULL) {
                r->best = xgrow(r->best, &r->capbest, r->nbest + 1, sizeof *r->best);
                r->best[r->nbest++] = (scored){rowid, sqlite3_column_double(st, 1)};
            }
        }
        if ((size_t)out->total >= keep_from && out->npage < keep_n)
            out->page[out->npage++] = rowid;
        out->total++;
    }
    sqlite3_finalize(st);
    buf_free(&windows);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int fetch_doc(gk_db *db, sqlite3_stmt *st, long long id, search_hit *h)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc; /* index and table disagree */
    (void)db;
    memset(h, 0, sizeof *h);
    h->doc_id = id;
    snprintf(h->domain, sizeof h->domain, "%s", (const char *)sqlite3_column_text(st, 0));
    h->ref_id = sqlite3_column_int64(st, 1);
    h->rank_group = sqlite3_column_int(st, 2);
    h->date = sqlite3_column_text(st, 3) ? xstrdup((const char *)sqlite3_column_text(st, 3)) : NULL;
    h->title = xstrdup(sqlite3_column_text(st, 4) ? (const char *)sqlite3_column_text(st, 4) : "");
    h->body = xstrdup(sqlite3_column_text(st, 5) ? (const char *)sqlite3_column_text(st, 5) : "");
    return SQLITE_OK;
}

static int add_hit(gk_db *db, sqlite3_stmt *doc, search_result *r, size_t *cap, long long id)
{
    r->hits = xgrow(r->hits, cap, r->n + 1, sizeof *r->hits);
    int rc = fetch_doc(db, doc, id, &r->hits[r->n]);
    if (rc == SQLITE_OK)
        r->n++;
    return rc;
}

static int prepare_doc(gk_db *db, sqlite3_stmt **doc)
{
    return sqlite3_prepare_v2(db->h,
                              "SELECT domain, ref_id, rank_group, date, title, body FROM doc "
                              "WHERE id = ?1",
                              -1, doc, NULL);
}

/* Newest first: the page was collected by scan_matches. */
static int fetch_page(gk_db *db, search_result *r, const scan_t *scan)
{
    sqlite3_stmt *doc = NULL;
    size_t cap = 0;
    int rc = prepare_doc(db, &doc);
    for (size_t i = 0; rc == SQLITE_OK && i < scan->npage; i++)
        rc = add_hit(db, doc, r, &cap, scan->page[i]);
    sqlite3_finalize(doc);
    return rc;
}

static int by_score(const void *a, const void *b)
{
    const scored *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1; /* gk_bm25 is negative: smaller is better */
    return (x->rowid < y->rowid) - (x->rowid > y->rowid); /* then newest first */
}

/* Ranked: range by range in display order, the scored window of each sorted. */
static int fetch_ranked(gk_db *db, const search_opts *o, search_result *r, range *rs, size_t n)
{
    sqlite3_stmt *doc = NULL;
    int rc = prepare_doc(db, &doc);
    size_t skip = o->offset, need = o->limit, cap = 0;
    for (size_t i = 0; rc == SQLITE_OK && i < n && need; i++) {
        if (rs[i].nbest <= skip) {
            skip -= rs[i].nbest;
            continue;
        }
        qsort(rs[i].best, rs[i].nbest, sizeof *rs[i].best, by_score);
        for (size_t j = skip; j < rs[i].nbest && need && rc == SQLITE_OK; j++, need--)
            rc = add_hit(db, doc, r, &cap, rs[i].best[j].rowid);
        skip = 0;
    }
    sqlite3_finalize(doc);
    return rc;
}

static void add_status(gk_db *db, search_hit *h, sqlite3_stmt **reg_st)
{
    /* An organisation's unit is grouped by its verdict (loader/org_finish.c). */
    if (!strcmp(h->domain, "org")) {
        static const char *const verdict[] = {"在列", "曾列入", "未列入", "未列入"};
        h->status = h->rank_group >= 0 && h->rank_group < 4 ? verdict[h->rank_group] : NULL;
        return;
    }
    /* A Q&A item whose basis changed ranks after the current ones (loader/qa_finish.c). */
    if (!strcmp(h->domain, "qa")) {
        h->status = h->rank_group == 1 ? "可能过时" : NULL;
        return;
    }
    if (strcmp(h->domain, "reg"))
        return;
    if (!*reg_st && sqlite3_prepare_v2(db->h,
                                       "SELECT r.status, r.effective_date FROM reg_node n "
                                       "JOIN regulation r ON r.id = n.reg_id WHERE n.id = ?1",
                                       -1, reg_st, NULL) != SQLITE_OK)
        return;
    sqlite3_reset(*reg_st);
    sqlite3_bind_int64(*reg_st, 1, h->ref_id);
    if (sqlite3_step(*reg_st) == SQLITE_ROW)
        h->status = reg_status_label(
            reg_status_today((const char *)sqlite3_column_text(*reg_st, 0),
                             (const char *)sqlite3_column_text(*reg_st, 1)));
}

/* The hit's title and body as they will be shown: spans and the snippet window are
 * counted on that, not on stored text whose escape sequences the screen drops (a window
 * of 40 characters spent on "\033]52;c;…" showed one character of text, issue 8). Only
 * text holding controls is touched: clean text stays byte for byte, in any locale. */
static void sanitise(char **s, unsigned flags)
{
    if (!u8_has_controls(*s, strlen(*s)))
        return;
    char *clean = u8_sanitize(*s, strlen(*s), flags);
    free(*s);
    *s = clean;
}

static void decorate(gk_db *db, search_result *r, size_t snippet_chars)
{
    sqlite3_stmt *reg_st = NULL;
    for (size_t i = 0; i < r->n; i++) {
        search_hit *h = &r->hits[i];
        add_status(db, h, &reg_st);
        sanitise(&h->title, 0);
        sanitise(&h->body, U8_SAN_KEEP_NL);
        hl_find(r->matcher, h->title, strlen(h->title), &h->title_spans);
        hl_find(r->matcher, h->body, strlen(h->body), &h->body_spans);
        hl_snippet(h->body, strlen(h->body), &h->body_spans, snippet_chars, &h->snip_start,
                   &h->snip_end);
    }
    sqlite3_finalize(reg_st);
}

int search_run(gk_db *db, const char *input, size_t len, const search_opts *o, search_result *r,
               char **err)
{
    double t0 = now_ms();
    memset(r, 0, sizeof *r);
    search_opts opts = *o;
    if (!opts.limit)
        opts.limit = 20;
    if (!opts.snippet_chars)
        opts.snippet_chars = 40;
    const char *domain = search_domain_name(opts.domain);
    if (!domain) {
        *err = xasprintf("未知的范围 %s（unknown domain; use all, regs, orgs, places, stats, "
                         "hotlines, qa）",
                         opts.domain);
        return -1;
    }
    if (query_build(input, len, db->vocab, opts.or_mode, &r->q) != 0) {
        r->note = r->q.note ? xstrdup(r->q.note) : NULL;
        r->ms = now_ms() - t0;
        return 1;
    }
    range *rs;
    size_t n;
    scan_t scan;
    memset(&scan, 0, sizeof scan);
    r->ranked = !(r->q.broad || opts.order == SEARCH_NEWEST);
    size_t keep_from = r->ranked ? 0 : opts.offset, keep_n = r->ranked ? 0 : opts.limit;
    int rc = load_ranges(db, domain, &rs, &n);
    char *idf = r->ranked ? rank_idf_arg(db->h, &r->q, db->nunits, SEARCH_COUNT_CAP) : NULL;
    if (rc == SQLITE_OK)
        rc = scan_matches(db, r->q.fts, idf, rs, n, keep_from, keep_n, &scan);
    if (rc == SQLITE_OK && scan.total == 0) {
        query relaxed;
        if (query_relax(&r->q, &relaxed) == 0) {
            scan_t s2;
            char *idf2 = r->ranked ? rank_idf_arg(db->h, &relaxed, db->nunits, SEARCH_COUNT_CAP)
                                   : NULL;
            rc = scan_matches(db, relaxed.fts, idf2, rs, n, keep_from, keep_n, &s2);
            free(idf2);
            if (rc == SQLITE_OK && s2.total > 0) {
                query_free(&r->q);
                r->q = relaxed;
                r->relaxed = 1;
                free(scan.page);
                scan = s2;
            } else {
                query_free(&relaxed); /* the per-range counts are all zero either way */
                free(s2.page);
            }
        }
    }
    r->total = scan.total;
    r->capped = scan.capped;
    int windowed = 0;
    for (size_t i = 0; i < n; i++) {
        rs[i].reachable = rs[i].count;
        if (r->ranked && rs[i].count > SEARCH_RANK_WINDOW) {
            rs[i].reachable = SEARCH_RANK_WINDOW;
            windowed = 1;
        }
        r->reachable += rs[i].reachable;
    }
    if (rc == SQLITE_OK) {
        r->matcher = hl_matcher_new(&r->q);
        rc = r->ranked ? fetch_ranked(db, &opts, r, rs, n) : fetch_page(db, r, &scan);
    }
    free(scan.page);
    free(idf);
    for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
        if (r->ncounts && !strcmp(r->counts[r->ncounts - 1].domain, rs[i].domain)) {
            r->counts[r->ncounts - 1].count += rs[i].count;
        } else if (r->ncounts < sizeof r->counts / sizeof *r->counts) {
            snprintf(r->counts[r->ncounts].domain, sizeof r->counts[0].domain, "%s", rs[i].domain);
            r->counts[r->ncounts++].count = rs[i].count;
        }
    }
    free_ranges(rs, n);
    if (rc != SQLITE_OK) {
        *err = xstrdup(db_error_text(rc));
        return -1;
    }
    decorate(db, r, opts.snippet_chars);
    /* Notes: what the builder said, and the relaxation. */
    buf_t note;
    buf_init(&note);
    if (r->q.note)
        buf_adds(&note, r->q.note);
    if (r->q.broad && r->total > 0)
        buf_adds(&note, "单字查询范围很广，按日期列出（one character: newest first）。");
    if (windowed)
        buf_printf(&note, "结果很多，只在最新的 %d 条中按相关度排序；加一个词可以缩小范围。",
                   SEARCH_RANK_WINDOW);
    r->note = note.len ? buf_take(&note) : NULL;
    buf_free(&note);
    r->ms = now_ms() - t0;
    return 0;
}

void search_result_free(search_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        search_hit *h = &r->hits[i];
        free(h->date);
        free(h->title);
        free(h->body);
        hl_spans_free(&h->title_spans);
        hl_spans_free(&h->body_spans);
    }
    free(r->hits);
    hl_matcher_free(r->matcher);
    query_free(&r->q);
    free(r->note);
    memset(r, 0, sizeof *r);
}
