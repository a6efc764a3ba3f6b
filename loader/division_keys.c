/* Division name keys (loader/division_keys.h), built in memory.
 *
 * Why not SQL: the folded names inserted unsorted, then 3.4 million pinyin keys staged in a
 * temp table and inserted with ORDER BY took 8 of the 12 s of the real 5-level load.
 * Here each distinct (key, kind) is interned once (1.6 million), those are sorted once,
 * the rows placed by a counting sort, and the table filled in its own order by one
 * statement (0.85 s for 4.1 million rows). Names repeat (669,000 divisions, 408,000
 * names), so a name's pinyin keys are computed once; and all but the insert runs on a
 * second thread while the connection builds the name index. */
#include "division_keys.h"

#include "pinyin.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define KEY_FULL_LETTERS 24   /* letters of a full-spelling key kept (about 6 syllables) */
#define KEY_INITIAL_LETTERS 8 /* letters of an initials key kept */

/* Interned byte strings with a small tag (the key kind), by open addressing. */
typedef struct {
    uint32_t off, len, hash;
    uint8_t tag;
} istr;

typedef struct {
    buf_t bytes;    /* every string, NUL-terminated */
    istr *v;
    size_t n, cap;
    uint32_t *slot; /* index + 1, 0 empty */
    size_t nslot;   /* a power of two, kept at least twice n */
} itab;

static uint32_t hash_of(const char *s, size_t len, unsigned tag)
{
    uint32_t h = 2166136261u ^ tag; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Sized for about `expect` strings, so that it seldom grows. */
static void itab_init(itab *t, size_t expect)
{
    memset(t, 0, sizeof *t);
    buf_init(&t->bytes);
    t->nslot = 1u << 10;
    while (t->nslot < 2 * expect)
        t->nslot *= 2;
    t->slot = xcalloc(t->nslot, sizeof *t->slot);
}

static void itab_free(itab *t)
{
    buf_free(&t->bytes);
    free(t->v);
    free(t->slot);
    memset(t, 0, sizeof *t);
}

static void itab_rehash(itab *t)
{
    free(t->slot);
    t->nslot *= 2;
    t->slot = xcalloc(t->nslot, sizeof *t->slot);
    for (size_t i = 0; i < t->n; i++) {
        size_t j = t->v[i].hash & (t->nslot - 1);
        while (t->slot[j])
            j = (j + 1) & (t->nslot - 1);
        t->slot[j] = (uint32_t)i + 1;
    }
}

/* The index of (s, tag), added when new (*added = 1). */
static uint32_t itab_intern(itab *t, const char *s, size_t len, unsigned tag, int *added)
{
    uint32_t h = hash_of(s, len, tag);
    size_t j = h & (t->nslot - 1);
    for (; t->slot[j]; j = (j + 1) & (t->nslot - 1)) {
        const istr *e = &t->v[t->slot[j] - 1];
        if (e->hash == h && e->tag == tag && e->len == len &&
            !memcmp(t->bytes.s + e->off, s, len)) {
            *added = 0;
            return t->slot[j] - 1;
        }
    }
    t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
    t->v[t->n] = (istr){(uint32_t)t->bytes.len, (uint32_t)len, h, (uint8_t)tag};
    buf_add(&t->bytes, s, len);
    buf_addc(&t->bytes, '\0');
    t->slot[j] = (uint32_t)t->n + 1;
    *added = 1;
    if (++t->n * 2 > t->nslot)
        itab_rehash(t);
    return (uint32_t)t->n - 1;
}

typedef struct {
    /* The divisions as read: id, then name, folded name and published spelling ("" when
     * none; NUL-terminated, one after the other) from text + at[row]. */
    long long *ids;
    uint32_t *at;
    size_t nrows, rows_cap;
    buf_t text;
    /* Computed (compute_keys): a row's keys are its folded name's pair row_key[row] and
     * the pinyin pairs of its name row_name[row]. */
    itab pairs;          /* (key, kind) */
    itab names;          /* distinct names */
    struct span {
        uint32_t first, n; /* in name_pairs */
    } *span;             /* per name */
    size_t span_cap;
    uint32_t *name_pairs;
    size_t n_name_pairs, name_pairs_cap;
    uint32_t *row_key, *row_name;
    /* Sorted (sort_rows), for the table to read in sequence: the distinct (key, kind) in
     * table order, their keys one after the other, and every row's division id. */
    struct run {
        uint32_t off, len; /* in sorted_text */
        uint32_t end;      /* end of its divisions in sorted_ids */
        uint32_t kind;
    } *runs;
    size_t nruns;
    buf_t sorted_text;
    long long *sorted_ids;
} keys;

/* The pinyin pairs of a new name: kind 1 full spellings, 2 initials, cut, distinct. */
static void name_pinyin(keys *k, uint32_t nm, const char *name, const char *spelled)
{
    pinyin_key pk[PINYIN_MAX_KEYS];
    pinyin_unit u[PINYIN_MAX_UNITS];
    size_t nu = pinyin_units(name, strlen(name), u, PINYIN_MAX_UNITS);
    char *copy = *spelled ? xstrdup(spelled) : NULL; /* a published spelling leads */
    if (copy)
        pinyin_units_spelled(u, nu, copy);
    size_t n = pinyin_index_keys_units(u, nu, pk, PINYIN_MAX_KEYS), kept = 0;
    free(copy);
    uint32_t first = (uint32_t)k->n_name_pairs;
    for (size_t i = 0; i < n; i++) {
        /* Keys serve prefix look-ups of what people type: the first syllables. Cut, the
         * spellings that differ only in a long name's tail (委员会 yuan/yun, hui/kuai)
         * become one row; longer queries are checked by pinyin_match. */
        int full = pk[i].kind == PINYIN_KEY_FULL;
        size_t cut = full ? KEY_FULL_LETTERS : KEY_INITIAL_LETTERS;
        if (strlen(pk[i].key) > cut)
            pk[i].key[cut] = '\0';
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = pk[j].kind == pk[i].kind && !strcmp(pk[j].key, pk[i].key);
        if (seen)
            continue; /* the same key once cut: one row */
        int added;
        uint32_t p = itab_intern(&k->pairs, pk[i].key, strlen(pk[i].key), full ? 1 : 2, &added);
        k->name_pairs = xgrow(k->name_pairs, &k->name_pairs_cap, k->n_name_pairs + 1,
                              sizeof *k->name_pairs);
        k->name_pairs[k->n_name_pairs++] = p;
        kept++;
    }
    k->span = xgrow(k->span, &k->span_cap, (size_t)nm + 1, sizeof *k->span);
    k->span[nm] = (struct span){first, (uint32_t)kept};
}

/* The divisions, copied: the keys are computed while the connection does other work. */
static int read_rows(load_ctx *c, keys *k)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT id, name, name_key, coalesce(pinyin, '') FROM division "
                           "ORDER BY id",
                           -1, &q, NULL) != SQLITE_OK)
        return -1;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        /* Rows, entries and text offsets are counted in 32 bits. */
        if (k->nrows >= UINT32_MAX / (PINYIN_MAX_KEYS + 1) || k->text.len >= UINT32_MAX / 2)
            break;
        size_t cap = k->rows_cap;
        k->ids = xgrow(k->ids, &k->rows_cap, k->nrows + 1, sizeof *k->ids);
        if (k->rows_cap != cap) /* only when it grew: ASan copies on every realloc */
            k->at = xrealloc(k->at, k->rows_cap * sizeof *k->at);
        k->ids[k->nrows] = sqlite3_column_int64(q, 0);
        k->at[k->nrows++] = (uint32_t)k->text.len;
        buf_add(&k->text, (const char *)sqlite3_column_text(q, 1),
                (size_t)sqlite3_column_bytes(q, 1));
        buf_addc(&k->text, '\0');
        buf_add(&k->text, (const char *)sqlite3_column_text(q, 2),
                (size_t)sqlite3_column_bytes(q, 2));
        buf_addc(&k->text, '\0');
        buf_add(&k->text, (const char *)sqlite3_column_text(q, 3),
                (size_t)sqlite3_column_bytes(q, 3));
        buf_addc(&k->text, '\0');
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? 0 : -1;
}

static void sort_rows(keys *k);

/* Every division's pairs, then sorted. Touches no connection. */
static void compute_keys(keys *k)
{
    itab_init(&k->pairs, k->nrows * 3);
    itab_init(&k->names, k->nrows);
    k->row_key = xmalloc((k->nrows ? k->nrows : 1) * sizeof *k->row_key);
    k->row_name = xmalloc((k->nrows ? k->nrows : 1) * sizeof *k->row_name);
    for (size_t row = 0; row < k->nrows; row++) {
        const char *name = k->text.s + k->at[row];
        size_t len = strlen(name);
        const char *fold = name + len + 1;
        const char *spelled = fold + strlen(fold) + 1;
        int added;
        k->row_key[row] = itab_intern(&k->pairs, fold, strlen(fold), 0, &added);
        /* A name's keys are computed once; with a published spelling it is another name
         * (tag 1: interned as the name, a NUL, the spelling). */
        if (*spelled) {
            buf_t both;
            buf_init(&both);
            buf_add(&both, name, len + 1);
            buf_adds(&both, spelled);
            k->row_name[row] = itab_intern(&k->names, both.s, both.len, 1, &added);
            buf_free(&both);
        } else {
            k->row_name[row] = itab_intern(&k->names, name, len, 0, &added);
        }
        if (added)
            name_pinyin(k, k->row_name[row], name, spelled);
    }
    itab_free(&k->names); /* the texts are not needed any more: less memory to sort in */
    buf_free(&k->text);
    sort_rows(k);
}

static void *compute_thread(void *k)
{
    compute_keys(k);
    return NULL;
}

/* For pair_cmp: qsort has no context argument in C11 (only the key thread sorts). */
static const itab *sort_tab;

/* The table's order: key bytes (SQLite's BINARY), then kind. */
static int pair_cmp(const void *a, const void *b)
{
    const istr *x = &sort_tab->v[*(const uint32_t *)a], *y = &sort_tab->v[*(const uint32_t *)b];
    int d = memcmp(sort_tab->bytes.s + x->off, sort_tab->bytes.s + y->off,
                   x->len < y->len ? x->len : y->len);
    if (d)
        return d;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return (int)x->tag - (int)y->tag;
}

/* The pairs of a row: its folded name's, then its name's pinyin pairs. */
static size_t row_pairs(const keys *k, size_t row, uint32_t out[1 + PINYIN_MAX_KEYS])
{
    const struct span *sp = &k->span[k->row_name[row]];
    out[0] = k->row_key[row];
    memcpy(out + 1, k->name_pairs + sp->first, sp->n * sizeof *out);
    return 1 + sp->n;
}

/* Sorts the rows into runs, sorted_text and sorted_ids, and frees what made them. */
static void sort_rows(keys *k)
{
    size_t np = k->pairs.n;
    uint32_t *order = xmalloc((np ? np : 1) * sizeof *order);
    for (size_t i = 0; i < np; i++)
        order[i] = (uint32_t)i;
    sort_tab = &k->pairs;
    qsort(order, np, sizeof *order, pair_cmp);
    /* A counting sort by the pair's place: stable, so a pair's divisions stay in id
     * order. */
    uint32_t *at = xcalloc(np ? np : 1, sizeof *at);
    uint32_t p[1 + PINYIN_MAX_KEYS];
    for (size_t row = 0; row < k->nrows; row++)
        for (size_t i = 0, n = row_pairs(k, row, p); i < n; i++)
            at[p[i]]++;
    k->runs = xmalloc((np ? np : 1) * sizeof *k->runs);
    k->nruns = np;
    uint32_t sum = 0;
    for (size_t i = 0; i < np; i++) {
        const istr *pair = &k->pairs.v[order[i]];
        uint32_t n = at[order[i]];
        at[order[i]] = sum;
        sum += n;
        k->runs[i] = (struct run){(uint32_t)k->sorted_text.len, pair->len, sum, pair->tag};
        buf_add(&k->sorted_text, k->pairs.bytes.s + pair->off, pair->len);
    }
    k->sorted_ids = xmalloc((sum ? sum : 1) * sizeof *k->sorted_ids);
    for (size_t row = 0; row < k->nrows; row++)
        for (size_t i = 0, n = row_pairs(k, row, p); i < n; i++)
            k->sorted_ids[at[p[i]]++] = k->ids[row];
    free(at);
    free(order);
    itab_free(&k->pairs);
}

/* ---- the sorted rows as a table ------------------------------------------------------
 * An eponymous virtual table over the sorted rows, read by one INSERT ... SELECT: one
 * statement keeps its cursor on the last leaf, where each row lands, where an INSERT per
 * row seeks from the root each time and pays a statement per row. */

typedef struct {
    sqlite3_vtab base;
    const keys *k;
} ktab;

typedef struct {
    sqlite3_vtab_cursor base;
    const keys *k;
    size_t i, r; /* in runs[], in sorted_ids[] */
} kcur;

static int kt_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                      sqlite3_vtab **out, char **err)
{
    (void)argc, (void)argv, (void)err;
    int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(key TEXT, kind INTEGER, division INTEGER)");
    if (rc != SQLITE_OK)
        return rc;
    ktab *t = sqlite3_malloc(sizeof *t);
    if (!t)
        return SQLITE_NOMEM;
    memset(t, 0, sizeof *t);
    t->k = aux;
    *out = &t->base;
    return SQLITE_OK;
}

static int kt_disconnect(sqlite3_vtab *t)
{
    sqlite3_free(t);
    return SQLITE_OK;
}

static int kt_best_index(sqlite3_vtab *t, sqlite3_index_info *info)
{
    (void)t;
    info->estimatedCost = 1e6;
    return SQLITE_OK;
}

static int kt_open(sqlite3_vtab *t, sqlite3_vtab_cursor **out)
{
    kcur *cur = sqlite3_malloc(sizeof *cur);
    if (!cur)
        return SQLITE_NOMEM;
    memset(cur, 0, sizeof *cur);
    cur->k = ((ktab *)t)->k;
    *out = &cur->base;
    return SQLITE_OK;
}

static int kt_close(sqlite3_vtab_cursor *cur)
{
    sqlite3_free(cur);
    return SQLITE_OK;
}

/* Skips pairs whose run is over (none is empty, but the last ends the table). */
static void kt_settle(kcur *cur)
{
    while (cur->i < cur->k->nruns && cur->r >= cur->k->runs[cur->i].end)
        cur->i++;
}

static int kt_filter(sqlite3_vtab_cursor *c, int idx, const char *idxstr, int argc,
                     sqlite3_value **argv)
{
    (void)idx, (void)idxstr, (void)argc, (void)argv;
    kcur *cur = (kcur *)c;
    cur->i = cur->r = 0;
    kt_settle(cur);
    return SQLITE_OK;
}

static int kt_next(sqlite3_vtab_cursor *c)
{
    kcur *cur = (kcur *)c;
    cur->r++;
    kt_settle(cur);
    return SQLITE_OK;
}

static int kt_eof(sqlite3_vtab_cursor *c)
{
    const kcur *cur = (const kcur *)c;
    return cur->i >= cur->k->nruns;
}

static int kt_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int col)
{
    const kcur *cur = (const kcur *)c;
    const struct run *u = &cur->k->runs[cur->i];
    if (col == 0)
        sqlite3_result_text(ctx, cur->k->sorted_text.s + u->off, (int)u->len, SQLITE_STATIC);
    else if (col == 1)
        sqlite3_result_int(ctx, (int)u->kind);
    else
        sqlite3_result_int64(ctx, cur->k->sorted_ids[cur->r]);
    return SQLITE_OK;
}

static int kt_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *rowid)
{
    *rowid = (sqlite3_int64)((const kcur *)c)->r;
    return SQLITE_OK;
}

static const sqlite3_module key_module = {
    .iVersion = 1,
    .xConnect = kt_connect, /* no xCreate: eponymous only, nothing in the schema */
    .xBestIndex = kt_best_index,
    .xDisconnect = kt_disconnect,
    .xOpen = kt_open,
    .xClose = kt_close,
    .xFilter = kt_filter,
    .xNext = kt_next,
    .xEof = kt_eof,
    .xColumn = kt_column,
    .xRowid = kt_rowid,
};

#define KEY_MODULE "gongkai_division_keys"

static int insert_sorted(load_ctx *c, const keys *k)
{
    int rc = sqlite3_create_module_v2(c->db, KEY_MODULE, &key_module, (void *)k, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(c->db,
                          "INSERT INTO division_key(key, kind, division) SELECT key, kind, "
                          "division FROM " KEY_MODULE,
                          NULL, NULL, NULL);
    sqlite3_create_module_v2(c->db, KEY_MODULE, NULL, NULL, NULL); /* k is going */
    return rc == SQLITE_OK ? 0 : -1;
}

int division_keys_build(load_ctx *c, int (*meanwhile)(load_ctx *c))
{
    keys k;
    memset(&k, 0, sizeof k);
    buf_init(&k.text);
    buf_init(&k.sorted_text);
    int rc = read_rows(c, &k);
    if (rc == 0) {
        /* Two cores: the keys are computed while the connection builds the name index. */
        pthread_t th;
        int threaded = pthread_create(&th, NULL, compute_thread, &k) == 0;
        rc = meanwhile(c);
        if (threaded)
            pthread_join(th, NULL);
        else
            compute_keys(&k);
        if (rc == 0)
            rc = insert_sorted(c, &k);
    }
    buf_free(&k.text);
    free(k.ids);
    free(k.at);
    itab_free(&k.pairs);
    itab_free(&k.names);
    free(k.span);
    free(k.name_pairs);
    free(k.row_key);
    free(k.row_name);
    free(k.runs);
    buf_free(&k.sorted_text);
    free(k.sorted_ids);
    return rc;
}
