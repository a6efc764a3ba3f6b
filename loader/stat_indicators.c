/* The indicator catalogue in a load (loader/stat_indicators.h). */
#include "stat_indicators.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *key;
    const stat_ind_def *def;
} ind_key;

static ind_key *keys;
static size_t nkeys, keycap;
/* The last text asked for: rows of a tall file name one indicator many times running. */
static char *last_text;
static const stat_ind_def *last_def;
static int last_marked;

void stat_ind_end(void)
{
    for (size_t i = 0; i < nkeys; i++)
        free(keys[i].key);
    free(keys);
    keys = NULL;
    nkeys = keycap = 0;
    free(last_text);
    last_text = NULL;
    last_def = NULL;
}

static void add_key(const char *text, size_t len, const stat_ind_def *def)
{
    char *one = xstrndup(text, len);
    char *key = statcat_key(one, NULL);
    free(one);
    if (!*key) {
        free(key);
        return;
    }
    keys = xgrow(keys, &keycap, nkeys + 1, sizeof *keys);
    keys[nkeys++] = (ind_key){key, def};
}

static int key_cmp(const void *a, const void *b)
{
    const ind_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    /* the same key of one indicator twice: adjacent, for the dropping below */
    return x->def < y->def ? -1 : x->def > y->def;
}

/* Every key of the catalogue, sorted, one per (key, indicator); a key two indicators
 * claim is named in *clash (the first found). */
static void build_keys(const stat_catalogue *cat, char **clash)
{
    for (size_t i = 0; i < cat->n; i++) {
        const stat_ind_def *d = &cat->v[i];
        add_key(d->name, strlen(d->name), d);
        add_key(d->code, strlen(d->code), d);
        add_key(d->official_code, strlen(d->official_code), d);
        for (const char *p = d->aliases; *p;) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            add_key(p, n, d);
            if (!bar)
                break;
            p = bar + 1;
        }
    }
    qsort(keys, nkeys, sizeof *keys, key_cmp);
    size_t w = 0;
    for (size_t i = 0; i < nkeys; i++) {
        if (w && !strcmp(keys[w - 1].key, keys[i].key)) {
            if (keys[w - 1].def != keys[i].def && !*clash)
                *clash = xasprintf("“%s”同时属于 %s 和 %s", keys[i].key, keys[w - 1].def->code,
                                   keys[i].def->code);
            free(keys[i].key);
            continue;
        }
        keys[w++] = keys[i];
    }
    nkeys = w;
}

static int bind_opt(sqlite3_stmt *s, int i, const char *v)
{
    return *v ? sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(s, i);
}

static int write_catalogue(load_ctx *c, const stat_catalogue *cat)
{
    sqlite3_stmt *ind = NULL, *alias = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(c->db,
                           "INSERT INTO indicator(code, official_code, name, allowed_units, "
                           "measure_type, parent_code, ord, note) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                           -1, &ind, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "INSERT INTO indicator_alias(key, indicator) VALUES (?1, ?2)",
                           -1, &alias, NULL) != SQLITE_OK)
        goto out;
    for (size_t i = 0; i < cat->n; i++) {
        const stat_ind_def *d = &cat->v[i];
        sqlite3_bind_text(ind, 1, d->code, -1, SQLITE_STATIC);
        bind_opt(ind, 2, d->official_code);
        sqlite3_bind_text(ind, 3, d->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(ind, 4, d->units, -1, SQLITE_STATIC);
        sqlite3_bind_text(ind, 5, stat_measure_key(d->measure), -1, SQLITE_STATIC);
        bind_opt(ind, 6, d->parent);
        sqlite3_bind_int64(ind, 7, (sqlite3_int64)i);
        bind_opt(ind, 8, d->note);
        if (sqlite3_step(ind) != SQLITE_DONE)
            goto out;
        sqlite3_reset(ind);
    }
    for (size_t i = 0; i < nkeys; i++) {
        sqlite3_bind_text(alias, 1, keys[i].key, -1, SQLITE_STATIC);
        sqlite3_bind_text(alias, 2, keys[i].def->code, -1, SQLITE_STATIC);
        if (sqlite3_step(alias) != SQLITE_DONE)
            goto out;
        sqlite3_reset(alias);
    }
    rc = 0;
out:
    sqlite3_finalize(ind);
    sqlite3_finalize(alias);
    return rc;
}

int stat_ind_begin(load_ctx *c)
{
    stat_ind_end();
    const stat_catalogue *cat = statcat_builtin();
    if (!cat->n)
        return diag_error(c->d, "gongkai", 0, "internal: the built-in indicator catalogue "
                                              "does not parse (tests/unit/test_statcat.c)"),
               -1;
    char *clash = NULL;
    build_keys(cat, &clash);
    if (clash) {
        diag_error(c->d, "gongkai", 0, "internal: indicator catalogue: %s", clash);
        free(clash);
        return -1;
    }
    if (write_catalogue(c, cat) != 0)
        return diag_error(c->d, "gongkai", 0, "cannot store the indicator catalogue: %s",
                          sqlite3_errmsg(c->db)),
               -1;
    return 0;
}

const stat_ind_def *stat_ind_find(const char *text, int *marked)
{
    if (last_text && !strcmp(last_text, text)) {
        if (marked)
            *marked = last_marked;
        return last_def;
    }
    int cum = 0;
    char *key = statcat_key(text, &cum);
    const stat_ind_def *def = NULL;
    size_t lo = 0, hi = nkeys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int d = strcmp(keys[mid].key, key);
        if (!d) {
            def = keys[mid].def;
            break;
        }
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    free(key);
    free(last_text);
    last_text = xstrdup(text);
    last_def = def;
    last_marked = cum;
    if (marked)
        *marked = cum;
    return def;
}

const char *stat_ind_units_label(const stat_ind_def *d, char buf[96])
{
    size_t w = 0;
    for (const char *p = d->units; *p && w + 4 < 96; p++) {
        if (*p == '|') {
            memcpy(buf + w, "、", 3);
            w += 3;
        } else {
            buf[w++] = *p;
        }
    }
    buf[w] = '\0';
    return buf;
}
