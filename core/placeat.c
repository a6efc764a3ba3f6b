/* The as-of date of a place look-up: reading the date a caller gives, the verdict of a
 * division row at it, and for a code not in force then, the codes of its history that
 * were. Only dates a source gives decide: the NBS tables and the county history give
 * none, and a row without dates is said to be unknown before the data's date, never
 * guessed from its neighbours. */
#include "place_int.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *place_at_label(enum place_at a)
{
    static const char *const labels[] = {"", "有效", "来源日期只到年或月，无法判断",
                                         "来源未注明日期", "尚未设立", "已撤销"};
    return (unsigned)a < sizeof labels / sizeof *labels ? labels[a] : "";
}

const char *place_at_key(enum place_at a)
{
    static const char *const keys[] = {"", "in_force", "unsure", "unknown", "not_yet", "ended"};
    return (unsigned)a < sizeof keys / sizeof *keys ? keys[a] : "";
}

int place_date_parse(const char *text, char out[11], char **problem)
{
    out[0] = '\0';
    if (problem)
        *problem = NULL;
    const char *p = text ? text : "";
    while (*p == ' ')
        p++;
    if (!*p)
        return 0;
    isodate d;
    if (!isodate_parse_all(p, &d)) {
        if (problem)
            *problem = xasprintf("日期“%s”无法识别：请写 YYYY-MM-DD、YYYY-MM 或 YYYY"
                                 "（如 1990-01-01、2006-10、2006年10月；1900–2100 年）",
                                 text);
        return -1;
    }
    /* A partial date names a period; its first day stands for it (documented). */
    if (d.prec < ISODATE_MONTH)
        d.m = 1;
    if (d.prec < ISODATE_DAY)
        d.d = 1;
    d.prec = ISODATE_DAY;
    isodate_format(&d, out);
    return 1;
}

int pl_date_set(pl_ctx *c, const char *text, char **problem)
{
    c->dated = 0;
    c->date[0] = '\0';
    c->o.date = c->date;
    int rc = place_date_parse(text, c->date, problem);
    if (rc <= 0)
        return rc;
    c->dated = 1;
    isodate_parse_all(c->date, &c->day);
    char *as_of = db_meta(c->db->h, "as_of");
    if (!as_of || !isodate_parse_all(as_of, &c->data_as_of))
        memset(&c->data_as_of, 0, sizeof c->data_as_of);
    free(as_of);
    return 0;
}

/* The date is on or after the data's date, as far as their precisions tell. */
static int from_data_date(const pl_ctx *c)
{
    if (!c->data_as_of.prec)
        return 0;
    int k = isodate_cmp(&c->day, &c->data_as_of);
    return k > 0 || (k == 0 && c->data_as_of.prec == ISODATE_DAY);
}

enum place_at pl_verdict(const pl_ctx *c, const char *from, const char *to, int ended)
{
    isodate f, t;
    int hf = from && *from && isodate_parse_all(from, &f);
    int ht = to && *to && isodate_parse_all(to, &t);
    if (!hf && !ht) {
        /* The sources without dates say how things stand on their data's date only. */
        if (from_data_date(c))
            return ended ? PLACE_AT_ENDED : PLACE_AT_IN_FORCE;
        return PLACE_AT_UNKNOWN;
    }
    if (hf) {
        int k = isodate_cmp(&f, &c->day);
        if (k > 0)
            return PLACE_AT_NOT_YET;
        if (k == 0 && f.prec < ISODATE_DAY)
            return PLACE_AT_UNSURE;
    }
    if (ht) {
        int k = isodate_cmp(&t, &c->day);
        if (k < 0)
            return PLACE_AT_ENDED;
        if (k == 0 && t.prec < ISODATE_DAY)
            return PLACE_AT_UNSURE;
    }
    if (!hf)
        return PLACE_AT_UNKNOWN; /* until valid_to, but set up when? */
    if (!ht && ended)            /* ended at a date nobody gave */
        return from_data_date(c) ? PLACE_AT_ENDED : PLACE_AT_UNKNOWN;
    return PLACE_AT_IN_FORCE;
}

int pl_at_rank(enum place_at a)
{
    switch (a) {
    case PLACE_AT_IN_FORCE:
        return 0;
    case PLACE_AT_UNSURE:
    case PLACE_AT_UNKNOWN:
    case PLACE_AT_NONE:
        return 1;
    default:
        return 2;
    }
}

int pl_cand_rank(const pl_ctx *c, const char *from, const char *to, int ended)
{
    return c->dated ? pl_at_rank(pl_verdict(c, from, to, ended)) : ended;
}

/* The name code had at the date: its first row with verdict want then (rows as PL_NAMES
 * gives them), NULL when none. 0, or -1 on a database error. */
static int name_then(pl_ctx *c, const char *code, enum place_at want, char **name)
{
    *name = NULL;
    sqlite3_stmt *st = pl_stmt(c, PL_NAMES);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    int rc = SQLITE_DONE;
    while (!*name && (rc = sqlite3_step(st)) == SQLITE_ROW)
        if (pl_verdict(c, (const char *)sqlite3_column_text(st, 2),
                       (const char *)sqlite3_column_text(st, 3),
                       sqlite3_column_int(st, 1)) == want)
            *name = pl_col(st, 0);
    if (*name)
        rc = SQLITE_DONE;
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Adds code to h->then when a row of it has verdict want and it is not there yet. */
static int then_add(pl_ctx *c, place_history_t *h, const place_ref *ref, enum place_at want)
{
    if (!*ref->code || !strcmp(ref->code, h->code))
        return 0;
    for (size_t i = 0; i < h->nthen; i++)
        if (!strcmp(h->then[i].code, ref->code))
            return 0;
    char *name;
    if (name_then(c, ref->code, want, &name))
        return -1;
    if (!name)
        return 0;
    h->then = xrealloc(h->then, (h->nthen + 1) * sizeof *h->then);
    place_ref *r = &h->then[h->nthen++];
    memset(r, 0, sizeof *r);
    memcpy(r->code, ref->code, sizeof r->code);
    r->name = name;
    r->ended = ref->ended;
    return 0;
}

int pl_history_at(pl_ctx *c, place_history_t *h)
{
    if (!c->dated)
        return 0;
    h->code_at = PLACE_AT_NONE;
    for (size_t i = 0; i < h->nnames; i++) {
        place_name_row *n = &h->names[i];
        n->at = pl_verdict(c, n->valid_from, n->valid_to, n->ended);
        if (n->at == PLACE_AT_IN_FORCE && !h->name_at)
            h->name_at = xstrdup(n->name);
        /* The code's verdict is its best row's: enum order is the answer's order. */
        if (h->code_at == PLACE_AT_NONE || n->at < h->code_at)
            h->code_at = n->at;
    }
    if (h->code_at == PLACE_AT_IN_FORCE)
        return 0;
    /* Not in force then, or cannot tell: the codes along its history that were (pred is
     * breadth first from the code, so the nearest come first); when none surely was, those
     * the dates cannot tell, said as such: a change in the month a source names. */
    static const enum place_at wants[] = {PLACE_AT_IN_FORCE, PLACE_AT_UNSURE};
    for (size_t k = 0; k < 2 && !h->nthen; k++) {
        for (size_t i = 0; i < h->npred; i++)
            if (then_add(c, h, &h->pred[i].from, wants[k]))
                return -1;
        for (size_t i = 0; i < h->nsucc; i++)
            if (then_add(c, h, &h->succ[i].to, wants[k]))
                return -1;
        h->then_unsure = k == 1 && h->nthen;
    }
    return 0;
}
