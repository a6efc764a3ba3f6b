/* The place look-up: routes the input (code, pinyin or name), orders the candidates,
 * reads the hits shown and writes down what was searched; children and history of a
 * code; each at an as-of date when one is given (placeat.c). */
#include "place_int.h"

#include "pinyin.h"
#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const sql_text[PL_NSQL] = {
    [PL_ROW] = "SELECT code, level, ended, name, valid_from, valid_to, pinyin FROM division "
               "WHERE id = ?1",
    [PL_DETAIL] = "SELECT code, name, level, type, ended, parent_code, nullif(valid_from, ''), "
                  "valid_to, pinyin FROM division WHERE id = ?1",
    [PL_BEST] = "SELECT name, parent_code, ended FROM division WHERE code = ?1 "
                "ORDER BY ended, valid_from DESC, id DESC LIMIT 1",
    [PL_NAMES] = "SELECT name, ended, nullif(valid_from, ''), valid_to FROM division "
                 "WHERE code = ?1 ORDER BY ended, valid_from DESC, id",
    [PL_SUCC] = "SELECT l.new_code, l.relation, e.event_type FROM division_event_link l "
                "JOIN division_event e ON e.id = l.event_id WHERE l.old_code = ?1 "
                "ORDER BY l.new_code",
    [PL_PRED] = "SELECT l.old_code, l.relation, e.event_type FROM division_event_link l "
                "JOIN division_event e ON e.id = l.event_id WHERE l.new_code = ?1 "
                "ORDER BY l.old_code",
    [PL_KIDS] = "SELECT code, max(CASE WHEN ended = 0 THEN id ELSE 0 END) FROM division "
                "WHERE parent_code IS ?1 GROUP BY code ORDER BY code",
    [PL_KIDS_AT] = "SELECT code, id, ended, valid_from, valid_to FROM division "
                   "WHERE parent_code IS ?1 ORDER BY code, id",
    [PL_CODE_ROWS] = "SELECT id, code, level, ended, valid_from, valid_to FROM division "
                     "WHERE code = ?1 ORDER BY ended, valid_from DESC, id",
    /* ?3 level (0 any), ?4 its code length (the index answers it without the row),
     * ?5 include ended, ?6 limit. */
    [PL_CODE_RANGE] = "SELECT id, code, level, ended FROM division WHERE code >= ?1 AND "
                      "code < ?2 AND (?4 = 0 OR length(code) = ?4) AND (?3 = 0 OR level = ?3) "
                      "AND (?5 OR ended = 0) ORDER BY code LIMIT ?6",
    [PL_CODE_COUNT] = "SELECT count(*) FROM (SELECT 1 FROM division WHERE code >= ?1 AND "
                      "code < ?2 AND (?4 = 0 OR length(code) = ?4) AND (?3 = 0 OR level = ?3) "
                      "AND (?5 OR ended = 0) LIMIT ?6)",
    [PL_KEY_EXACT] = "SELECT division FROM division_key WHERE key = ?1 AND kind = 0",
    [PL_KEY_RANGE] = "SELECT division FROM division_key WHERE key >= ?1 AND key < ?2 AND "
                     "kind = ?3",
    [PL_KEY_SPAN] = "SELECT division, kind FROM division_key WHERE key >= ?1 AND key < ?2",
    [PL_FTS] = "SELECT rowid FROM division_fts WHERE division_fts MATCH ?1",
    [PL_MAX_ID] = "SELECT max(id) FROM division",
    [PL_GAZ] = "SELECT standard_name, category, pinyin, meaning, origin, history, lon, lat, "
               "(SELECT coalesce(publisher, path) FROM source WHERE id = p.source_id) "
               "FROM place_name p WHERE division_code = ?1 ORDER BY id",
};

sqlite3_stmt *pl_stmt(pl_ctx *c, enum pl_sql which)
{
    sqlite3_stmt **st = &c->st[which];
    if (!*st && sqlite3_prepare_v2(c->db->h, sql_text[which], -1, st, NULL) != SQLITE_OK) {
        sqlite3_finalize(*st);
        *st = NULL;
        return NULL;
    }
    sqlite3_reset(*st);
    sqlite3_clear_bindings(*st);
    return *st;
}

void pl_ctx_close(pl_ctx *c)
{
    for (int i = 0; i < PL_NSQL; i++)
        sqlite3_finalize(c->st[i]);
    memset(c->st, 0, sizeof c->st);
}

char *pl_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return xstrdup(t ? (const char *)t : "");
}

const char *place_reason_label(enum place_reason r)
{
    static const char *const labels[] = {"代码一致", "名称一致", "代码开头", "名称开头",
                                         "拼音",     "拼音首字母", "名称包含", "下级"};
    return (unsigned)r < sizeof labels / sizeof *labels ? labels[r] : "";
}

const char *place_level_label(int level)
{
    static const char *const labels[] = {"", "省级", "地级", "县级", "乡级", "村级"};
    return level >= 1 && level <= 5 ? labels[level] : "";
}

/* Strength groups of the order: code and exact name, prefixes, pinyin, initials,
 * contains. */
static int tier(enum place_reason r)
{
    switch (r) {
    case PLACE_BY_CODE:
    case PLACE_BY_NAME:
        return 0;
    case PLACE_BY_CODE_PREFIX:
    case PLACE_BY_NAME_PREFIX:
        return 1;
    case PLACE_BY_PINYIN:
        return 2;
    case PLACE_BY_INITIALS:
        return 3;
    default:
        return 4;
    }
}

static int cand_cmp(const void *a, const void *b)
{
    const pl_cand *x = a, *y = b;
    if (tier(x->reason) != tier(y->reason))
        return tier(x->reason) - tier(y->reason);
    /* Everything under a code prefix stays in code order: a listing of the subtree. */
    if (x->reason != PLACE_BY_CODE_PREFIX || y->reason != PLACE_BY_CODE_PREFIX) {
        if (x->rank != y->rank) /* current first, or in force at the date first */
            return x->rank - y->rank;
        if (x->level != y->level)
            return x->level - y->level;
    }
    int c = strcmp(x->code, y->code);
    if (c)
        return c;
    return x->id < y->id ? -1 : x->id > y->id;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One read transaction: one snapshot, and no lock taken and dropped per statement. */
static int read_begin(sqlite3 *h)
{
    /* Ours when BEGIN took effect, even if an interrupt (a newer query) then made it
     * report an error: else the transaction would stay open and every later query on the
     * connection would read its old snapshot (found in statq_table by the monkey test). */
    if (!sqlite3_get_autocommit(h))
        return 0;
    sqlite3_exec(h, "BEGIN", NULL, NULL, NULL);
    return !sqlite3_get_autocommit(h);
}

static void read_end(sqlite3 *h, int began)
{
    if (began && sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
}

/* Sets up c and r; 0, or -1 when the as-of date is malformed (r->problem says why). */
static int start(gk_db *db, const char *input, const place_opts *o, pl_ctx *c,
                 place_result *r)
{
    memset(r, 0, sizeof *r);
    memset(c, 0, sizeof *c);
    c->db = db;
    place_opts def = PLACE_OPTS_INIT;
    c->o = o ? *o : def;
    if (!c->o.limit)
        c->o.limit = PLACE_DEFAULT_LIMIT;
    if (c->o.limit > PLACE_MAX_LIMIT)
        c->o.limit = PLACE_MAX_LIMIT;
    if (c->o.level < 0 || c->o.level > 5)
        c->o.level = 0;
    r->input = u8_normalize_input(input ? input : "", input ? strlen(input) : 0);
    r->problem = xstrdup("");
    r->as_of = db_meta(db->h, "as_of");
    if (!r->as_of)
        r->as_of = xstrdup("");
    char *problem = NULL;
    int rc = pl_date_set(c, c->o.date, &problem);
    r->date = xstrdup(c->date);
    if (rc) {
        free(r->problem);
        r->problem = problem;
    }
    return rc;
}

/* ASCII only, with at least two digits: meant as a code even when malformed (11A101). */
static int code_like(const char *s)
{
    int digits = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x80)
            return 0;
        digits += *p >= '0' && *p <= '9';
    }
    return digits >= 2;
}

static int letters(const char *s)
{
    int n = 0;
    for (const char *p = s; *p; p++)
        n += (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
    return n;
}

static void describe(place_result *r, const pl_ctx *c)
{
    buf_t b;
    buf_init(&b);
    switch (r->route) {
    case PLACE_ROUTE_CODE:
        buf_printf(&b, "区划代码“%s”：代码一致，否则以之开头的代码", r->input);
        break;
    case PLACE_ROUTE_PINYIN:
        buf_printf(&b, "拼音“%s”：全拼、首字母（从名称第一个字起）", r->input);
        break;
    case PLACE_ROUTE_NAME:
        buf_printf(&b, "名称“%s”：名称一致、名称开头、名称包含（繁简、全半角不同也算）",
                   r->input);
        break;
    default:
        buf_printf(&b, "“%s”：未查询", r->input);
        break;
    }
    buf_adds(&b, "；范围：行政区划");
    if (c->o.level)
        buf_printf(&b, "（仅%s）", place_level_label(c->o.level));
    if (!c->o.include_ended)
        buf_adds(&b, "（仅现行）");
    if (c->dated)
        buf_printf(&b, "；日期：%s 时", c->date);
    r->searched = buf_take(&b);
}

/* Distinct codes in force that carry exactly the typed name: more than one is a name
 * shared by several places, each of which is shown. */
static size_t same_name(const pl_cands *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++) {
        const pl_cand *x = &c->v[i];
        if (x->reason != PLACE_BY_NAME || x->ended)
            continue;
        size_t j = 0;
        while (j < i && !(c->v[j].reason == PLACE_BY_NAME && !c->v[j].ended &&
                          !strcmp(c->v[j].code, x->code)))
            j++;
        n += j == i;
    }
    return n;
}

static int fill_hits(pl_ctx *c, pl_cands *cands, place_result *r)
{
    if (cands->n > 1)
        qsort(cands->v, cands->n, sizeof *cands->v, cand_cmp);
    r->total = cands->total ? cands->total : cands->n + cands->unread;
    r->total_capped = cands->capped;
    size_t n = cands->n < c->o.limit ? cands->n : c->o.limit;
    r->hits = xcalloc(n + 1, sizeof *r->hits);
    for (size_t i = 0; i < n; i++) {
        int rc = pl_fill_hit(c, cands->v[i].id, cands->v[i].reason, &r->hits[r->n]);
        if (rc < 0) {
            pl_hit_free(&r->hits[r->n]);
            return -1;
        }
        if (rc == 0)
            r->n++;
    }
    return 0;
}

int place_lookup(gk_db *db, const char *query, const place_opts *o, place_result *r,
                 char **err)
{
    double t0 = now_ms();
    pl_ctx c;
    int bad_date = start(db, query, o, &c, r);
    int tx = read_begin(db->h);
    pl_cands cands = {0};
    int rc = 0;
    const char *in = r->input;
    if (bad_date) {
        /* r->problem says what is wrong with the date: nothing looked up */
    } else if (!*in) {
        free(r->problem);
        r->problem = xstrdup("请输入地名、区划代码或拼音");
    } else if (strlen(in) > PLACE_INPUT_MAX) {
        free(r->problem);
        r->problem = xasprintf("输入过长（%zu 字节，最多 %d）：地名不会这么长", strlen(in),
                               PLACE_INPUT_MAX);
    } else if (div_looks_like_code(in) || code_like(in)) {
        r->route = PLACE_ROUTE_CODE;
        rc = pl_by_code(&c, in, r, &cands);
    } else if (pinyin_looks_like(in)) {
        if (letters(in) < 2) {
            free(r->problem);
            r->problem = xstrdup("拼音请至少输入两个字母");
        } else {
            r->route = PLACE_ROUTE_PINYIN;
            rc = pl_by_pinyin(&c, in, &cands);
        }
    } else {
        r->route = PLACE_ROUTE_NAME;
        rc = pl_by_name(&c, in, &cands);
    }
    describe(r, &c);
    if (!rc) {
        r->same_name = same_name(&cands);
        rc = fill_hits(&c, &cands, r);
    }
    if (rc)
        *err = xstrdup(db_error_text(sqlite3_errcode(db->h)));
    free(cands.v);
    pl_ctx_close(&c);
    read_end(db->h, tx);
    r->ms = now_ms() - t0;
    return rc ? -1 : 0;
}

int place_children(gk_db *db, const char *code, const place_opts *o, place_result *r,
                   char **err)
{
    double t0 = now_ms();
    pl_ctx c;
    int bad_date = start(db, code, o, &c, r);
    r->route = PLACE_ROUTE_CODE;
    char canon[DIV_BUF];
    if (bad_date) {
        r->searched = xasprintf("区划代码“%s”的下级", r->input);
        r->ms = now_ms() - t0;
        return 0;
    }
    if (!*r->input) {
        canon[0] = '\0'; /* the top: the provinces */
    } else if (!div_normalize(r->input, canon)) {
        div_info info;
        div_parse(r->input, &info);
        free(r->problem);
        r->problem = xasprintf("区划代码“%s”：%s", r->input, info.problem);
        r->searched = xasprintf("区划代码“%s”的下级", r->input);
        r->ms = now_ms() - t0;
        return 0;
    }
    const char *what = *canon ? canon : "（顶层）";
    if (c.dated)
        r->searched = xasprintf("区划代码 %s 在 %s 时的下级", what, c.date);
    else
        r->searched = xasprintf("区划代码 %s 的现行下级", what);
    int tx = read_begin(db->h);
    long long *ids = NULL;
    size_t cap = 0;
    long n = pl_children(&c, canon, c.dated, &ids, &cap);
    int rc = n < 0 ? -1 : 0;
    if (!rc) {
        r->total = (size_t)n;
        size_t shown = (size_t)n < c.o.limit ? (size_t)n : c.o.limit;
        r->hits = xcalloc(shown + 1, sizeof *r->hits);
        for (size_t i = 0; i < shown && !rc; i++) {
            int k = pl_fill_hit(&c, ids[i], PLACE_BY_CHILD, &r->hits[r->n]);
            if (k < 0) {
                pl_hit_free(&r->hits[r->n]);
                rc = -1;
            } else if (k == 0) {
                r->n++;
            }
        }
    }
    if (rc)
        *err = xstrdup(db_error_text(sqlite3_errcode(db->h)));
    free(ids);
    pl_ctx_close(&c);
    read_end(db->h, tx);
    r->ms = now_ms() - t0;
    return rc;
}

int place_history(gk_db *db, const char *code, place_history_t *out, char **err)
{
    return place_history_at(db, code, NULL, out, err);
}

int place_history_at(gk_db *db, const char *code, const char *date, place_history_t *out,
                     char **err)
{
    memset(out, 0, sizeof *out);
    pl_ctx c;
    memset(&c, 0, sizeof c);
    c.db = db;
    c.o.gazetteer = 1;
    if (pl_date_set(&c, date, err))
        return 2;
    char canon[DIV_BUF];
    if (!div_normalize(code, canon))
        return 1;
    int tx = read_begin(db->h);
    int rc = pl_history(&c, canon, out);
    if (rc)
        *err = xstrdup(db_error_text(sqlite3_errcode(db->h)));
    pl_ctx_close(&c);
    read_end(db->h, tx);
    if (rc)
        return -1;
    return out->nnames || out->npred || out->nsucc ? 0 : 1;
}

/* ---- freeing --------------------------------------------------------------------------- */

static void ref_free(place_ref *r)
{
    free(r->name);
}

void place_history_free(place_history_t *h)
{
    for (size_t i = 0; i < h->nnames; i++) {
        free(h->names[i].name);
        free(h->names[i].valid_from);
        free(h->names[i].valid_to);
    }
    free(h->names);
    place_step *lists[] = {h->pred, h->succ};
    size_t counts[] = {h->npred, h->nsucc};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < counts[k]; i++) {
            ref_free(&lists[k][i].from);
            ref_free(&lists[k][i].to);
            free(lists[k][i].relation);
            free(lists[k][i].event);
        }
        free(lists[k]);
    }
    for (size_t i = 0; i < h->nnow; i++)
        ref_free(&h->now[i]);
    free(h->now);
    for (size_t i = 0; i < h->ngaz; i++) {
        place_gaz *g = &h->gaz[i];
        char *fields[] = {g->name,    g->category, g->pinyin, g->meaning,
                          g->origin, g->history,  g->source};
        for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
            free(fields[k]);
    }
    free(h->gaz);
    free(h->name_at);
    for (size_t i = 0; i < h->nthen; i++)
        ref_free(&h->then[i]);
    free(h->then);
    memset(h, 0, sizeof *h);
}

void pl_hit_free(place_hit *h)
{
    free(h->name);
    free(h->type);
    for (size_t i = 0; i < h->npath; i++)
        free(h->path[i]);
    free(h->path);
    free(h->path_text);
    free(h->valid_from);
    free(h->valid_to);
    free(h->pinyin);
    place_history_free(&h->hist);
    memset(h, 0, sizeof *h);
}

void place_result_free(place_result *r)
{
    for (size_t i = 0; i < r->n; i++)
        pl_hit_free(&r->hits[i]);
    free(r->hits);
    free(r->input);
    free(r->problem);
    free(r->searched);
    free(r->as_of);
    free(r->date);
    memset(r, 0, sizeof *r);
}
