/* What a place look-up tells about one division: its path of names up to the province,
 * its current children (or those at an as-of date), and the history of its code (other
 * names, the codes that became it, what it became). */
#include "place_int.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PATH_MAX_STEPS 6   /* parents followed: five levels and one spare */
#define CHAIN_MAX_LINKS 64 /* links kept each way (a split of a split ...) */

/* The row code goes by (current first): name and parent into the buffers, ended. 1 when
 * there is one, 0 when the code has no row, -1 on a database error. */
static int best_row(pl_ctx *c, const char *code, char **name, char parent[DIV_BUF], int *ended)
{
    sqlite3_stmt *st = pl_stmt(c, PL_BEST);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (name)
            *name = pl_col(st, 0);
        if (parent) {
            const char *p = (const char *)sqlite3_column_text(st, 1);
            snprintf(parent, DIV_BUF, "%s", p && strlen(p) < DIV_BUF ? p : "");
        }
        if (ended)
            *ended = sqlite3_column_int(st, 2);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static int ref_of(pl_ctx *c, const char *code, place_ref *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->code, sizeof out->code, "%s", code ? code : "");
    out->ended = 1;
    if (!code || !*code) {
        out->name = xstrdup("");
        return 0;
    }
    int rc = best_row(c, code, &out->name, NULL, &out->ended);
    if (rc <= 0)
        out->name = xstrdup("");
    return rc < 0 ? -1 : 0;
}

/* Names of the ancestors through parent_code, province first, summary codes (110100
 * 市辖区, 429000 省直辖县级行政区划) left out; a parent without a row is passed by its
 * code's own parent. */
static int fill_path(pl_ctx *c, const char *parent_code, place_hit *h)
{
    char *names[PATH_MAX_STEPS + 1];
    size_t n = 0;
    char cur[DIV_BUF];
    snprintf(cur, sizeof cur, "%s", parent_code ? parent_code : "");
    for (int step = 0; step < PATH_MAX_STEPS && *cur && strcmp(cur, h->code); step++) {
        char *name = NULL, next[DIV_BUF];
        int rc = best_row(c, cur, &name, next, NULL);
        if (rc < 0) {
            while (n)
                free(names[--n]);
            return -1;
        }
        if (rc == 0)
            div_parent(cur, 0, next);
        if (rc > 0 && !div_is_summary(cur)) {
            names[n++] = name;
            if (!*h->parent)
                memcpy(h->parent, cur, sizeof h->parent);
        } else {
            free(name);
        }
        memcpy(cur, next, sizeof cur);
    }
    h->npath = n + 1;
    h->path = xcalloc(h->npath, sizeof *h->path);
    for (size_t i = 0; i < n; i++)
        h->path[i] = names[n - 1 - i];
    h->path[n] = xstrdup(h->name);
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; i < h->npath; i++)
        buf_printf(&b, "%s%s", i ? " / " : "", h->path[i]);
    h->path_text = buf_take(&b);
    return 0;
}

typedef struct {
    char code[DIV_BUF];
    long long id; /* the row it is listed by, 0 for none */
    int pick;     /* with a date: how good that row is (lower is better) */
} kid;

/* How a child's row at the as-of date lists it: 0 in force then, 1 the dates cannot tell,
 * 2 a current row without dates (listed as now); -1 not listed. */
static int kid_pick(const pl_ctx *c, sqlite3_stmt *st)
{
    int ended = sqlite3_column_int(st, 2);
    enum place_at a = pl_verdict(c, (const char *)sqlite3_column_text(st, 3),
                                 (const char *)sqlite3_column_text(st, 4), ended);
    return a == PLACE_AT_IN_FORCE ? 0
           : a == PLACE_AT_UNSURE ? 1
           : a == PLACE_AT_UNKNOWN && !ended ? 2
                                             : -1;
}

static long children_of(pl_ctx *c, const char *code, int at_date, long long **ids,
                        size_t *cap, size_t *n, int depth)
{
    sqlite3_stmt *st = pl_stmt(c, at_date ? PL_KIDS_AT : PL_KIDS);
    if (!st)
        return -1;
    if (*code)
        sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 1); /* the provinces: no parent */
    /* Copied out first: a summary child is expanded with the same statement. */
    kid *v = NULL;
    size_t nv = 0, vcap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        if (!k || strlen(k) >= DIV_BUF)
            continue;
        if (at_date) {
            /* Every row of the children, by code: the best row of each code. */
            int pick = kid_pick(c, st);
            long long id = pick < 0 ? 0 : sqlite3_column_int64(st, 1);
            if (nv && !strcmp(v[nv - 1].code, k)) {
                if (id && (!v[nv - 1].id || pick < v[nv - 1].pick)) {
                    v[nv - 1].id = id;
                    v[nv - 1].pick = pick;
                }
                continue;
            }
            v = xgrow(v, &vcap, nv + 1, sizeof *v);
            snprintf(v[nv].code, DIV_BUF, "%s", k);
            v[nv].pick = pick;
            v[nv++].id = id;
            continue;
        }
        v = xgrow(v, &vcap, nv + 1, sizeof *v);
        snprintf(v[nv].code, DIV_BUF, "%s", k);
        v[nv++].id = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    long count = rc == SQLITE_DONE ? 0 : -1;
    for (size_t i = 0; i < nv && count >= 0; i++) {
        if (depth == 0 && div_is_summary(v[i].code)) {
            long k = children_of(c, v[i].code, at_date, ids, cap, n, 1);
            count = k < 0 ? -1 : count + k;
        } else if (v[i].id) {
            count++;
            if (ids) {
                *ids = xgrow(*ids, cap, *n + 1, sizeof **ids);
                (*ids)[(*n)++] = v[i].id;
            }
        }
    }
    free(v);
    return count;
}

long pl_children(pl_ctx *c, const char *code, int at_date, long long **ids, size_t *cap)
{
    size_t n = 0;
    return children_of(c, code, at_date && c->dated, ids, cap, &n, 0);
}

/* ---- history ------------------------------------------------------------------------- */

static int have_code(char (*v)[DIV_BUF], size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i], code))
            return 1;
    return 0;
}

/* Follows the links out of (forward) or into (backward) code, breadth first, up to
 * PLACE_CHAIN_STEPS links deep. Forward, a code in force ends a chain (into h->now). */
static int follow(pl_ctx *c, const char *code, int forward, place_history_t *h)
{
    char seen[CHAIN_MAX_LINKS + 1][DIV_BUF];
    int go[CHAIN_MAX_LINKS + 1]; /* followed further: not a code in force */
    size_t nseen = 1, from = 0;
    snprintf(seen[0], DIV_BUF, "%s", code);
    go[0] = 1;
    place_step **steps = forward ? &h->succ : &h->pred;
    size_t *nsteps = forward ? &h->nsucc : &h->npred, cap = 0;
    for (int depth = 1; depth <= PLACE_CHAIN_STEPS && from < nseen; depth++) {
        for (size_t upto = nseen; from < upto; from++) {
            if (!go[from])
                continue;
            sqlite3_stmt *st = pl_stmt(c, forward ? PL_SUCC : PL_PRED);
            if (!st)
                return -1;
            sqlite3_bind_text(st, 1, seen[from], -1, SQLITE_STATIC);
            int rc;
            while ((rc = sqlite3_step(st)) == SQLITE_ROW && *nsteps < CHAIN_MAX_LINKS) {
                const char *other = (const char *)sqlite3_column_text(st, 0);
                if (other && strlen(other) >= DIV_BUF)
                    continue;
                *steps = xgrow(*steps, &cap, *nsteps + 1, sizeof **steps);
                place_step *s = &(*steps)[(*nsteps)++];
                memset(s, 0, sizeof *s);
                s->relation = pl_col(st, 1);
                s->event = pl_col(st, 2);
                s->depth = depth;
                place_ref *near = forward ? &s->from : &s->to, *far = forward ? &s->to : &s->from;
                if (ref_of(c, seen[from], near) || ref_of(c, other, far)) {
                    sqlite3_reset(st);
                    return -1;
                }
                if (!other || !*other || have_code(seen, nseen, other) || nseen > CHAIN_MAX_LINKS)
                    continue;
                snprintf(seen[nseen], DIV_BUF, "%s", other);
                go[nseen++] = !forward || far->ended;
                if (forward && !far->ended) {
                    h->now = xrealloc(h->now, (h->nnow + 1) * sizeof *h->now);
                    if (ref_of(c, other, &h->now[h->nnow++])) {
                        sqlite3_reset(st);
                        return -1;
                    }
                }
            }
            sqlite3_reset(st);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE)
                return -1;
        }
    }
    return 0;
}

static char *opt_col(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : pl_col(st, i);
}

/* The code's gazetteer records (place_name). */
static int gazetteer(pl_ctx *c, const char *code, place_history_t *h)
{
    sqlite3_stmt *st = pl_stmt(c, PL_GAZ);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        h->gaz = xgrow(h->gaz, &cap, h->ngaz + 1, sizeof *h->gaz);
        place_gaz *g = &h->gaz[h->ngaz++];
        memset(g, 0, sizeof *g);
        g->name = opt_col(st, 0);
        g->category = opt_col(st, 1);
        g->pinyin = opt_col(st, 2);
        g->meaning = opt_col(st, 3);
        g->origin = opt_col(st, 4);
        g->history = opt_col(st, 5);
        g->has_coords = sqlite3_column_type(st, 6) != SQLITE_NULL &&
                        sqlite3_column_type(st, 7) != SQLITE_NULL;
        g->lon = sqlite3_column_double(st, 6);
        g->lat = sqlite3_column_double(st, 7);
        g->source = opt_col(st, 8);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

int pl_history(pl_ctx *c, const char *code, place_history_t *h)
{
    snprintf(h->code, sizeof h->code, "%s", code);
    sqlite3_stmt *st = pl_stmt(c, PL_NAMES);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        h->names = xgrow(h->names, &cap, h->nnames + 1, sizeof *h->names);
        place_name_row *n = &h->names[h->nnames++];
        n->name = pl_col(st, 0);
        n->ended = sqlite3_column_int(st, 1);
        n->valid_from = sqlite3_column_type(st, 2) == SQLITE_NULL ? NULL : pl_col(st, 2);
        n->valid_to = sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL : pl_col(st, 3);
        n->at = PLACE_AT_NONE; /* pl_history_at, with a date */
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return -1;
    return follow(c, code, 1, h) || follow(c, code, 0, h) || pl_history_at(c, h) ||
                   (c->o.gazetteer && gazetteer(c, code, h))
               ? -1
               : 0;
}

/* ---- one hit ------------------------------------------------------------------------- */

int pl_fill_hit(pl_ctx *c, long long id, enum place_reason why, place_hit *h)
{
    memset(h, 0, sizeof *h);
    sqlite3_stmt *st = pl_stmt(c, PL_DETAIL);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return rc == SQLITE_DONE ? 1 : -1;
    }
    h->id = id;
    h->reason = why;
    const char *code = (const char *)sqlite3_column_text(st, 0);
    snprintf(h->code, sizeof h->code, "%s", code && strlen(code) < DIV_BUF ? code : "");
    h->name = pl_col(st, 1);
    h->level = sqlite3_column_int(st, 2);
    h->type = pl_col(st, 3);
    h->ended = sqlite3_column_int(st, 4);
    char *parent = pl_col(st, 5);
    h->valid_from = sqlite3_column_type(st, 6) == SQLITE_NULL ? NULL : pl_col(st, 6);
    h->valid_to = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL : pl_col(st, 7);
    h->pinyin = sqlite3_column_type(st, 8) == SQLITE_NULL ? NULL : pl_col(st, 8);
    if (c->dated)
        h->at = pl_verdict(c, h->valid_from, h->valid_to, h->ended);
    sqlite3_reset(st);
    if (!*h->type) {
        /* The source gives no type (NBS tables): the numbering convention, marked. */
        const char *cat = div_category(h->code);
        if (cat) {
            free(h->type);
            h->type = xstrdup(cat);
            h->type_by_code = 1;
        }
    }
    rc = fill_path(c, parent, h);
    free(parent);
    if (rc)
        return -1;
    long kids = pl_children(c, h->code, 0, NULL, NULL); /* current, with a date too */
    if (kids < 0)
        return -1;
    h->children = (size_t)kids;
    return pl_history(c, h->code, &h->hist);
}
