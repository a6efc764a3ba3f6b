/* Candidates of a place look-up: division rows for a code (whole or partial), a name
 * (exact, prefix, contained) or typed pinyin, each with the strongest reason it was found
 * for. Ids are gathered first from the indexes alone (PLACE_SCAN_KEYS entries at most),
 * then rows are read by reason and id (PLACE_READ_ROWS at most): a row read costs about a
 * microsecond, and a one-syllable query matches tens of thousands of village names. */
#include "place_int.h"

#include "fold.h"
#include "pinyin.h"
#include "u8.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CODE_COUNT_CAP 10000 /* divisions under a code prefix counted exactly up to this */
#define FULL_KEY_LETTERS 24  /* the loader cuts full-spelling keys here ... */
#define INITIALS_KEY_LETTERS 8 /* ... and initials keys here (loader/division_rows.c) */

void pl_cands_add(pl_cands *c, long long id, enum place_reason why, const char *code,
                  int level, int ended, int rank)
{
    c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
    pl_cand *x = &c->v[c->n++];
    memset(x, 0, sizeof *x);
    x->id = id;
    x->reason = why;
    x->level = level;
    x->ended = ended;
    x->rank = rank;
    snprintf(x->code, sizeof x->code, "%s", code ? code : "");
}

/* The ids found, one bitmap over division ids per reason: a name found for several
 * reasons counts once (for the strongest), and reading the set bits gives the ids in
 * load order without sorting up to PLACE_SCAN_KEYS of them. */
#define NREASONS (PLACE_BY_CHILD + 1)

typedef struct {
    uint64_t *bits[NREASONS];
    size_t words;   /* per bitmap: the largest id / 64 + 1 */
    size_t scanned; /* index entries read, duplicates included */
    int cut;        /* PLACE_SCAN_KEYS reached */
} pl_ids;

static int ids_init(pl_ctx *c, pl_ids *s)
{
    memset(s, 0, sizeof *s);
    sqlite3_stmt *st = pl_stmt(c, PL_MAX_ID);
    if (!st || sqlite3_step(st) != SQLITE_ROW)
        return -1;
    s->words = (size_t)(sqlite3_column_int64(st, 0) / 64) + 1;
    sqlite3_reset(st);
    return 0;
}

static void ids_free(pl_ids *s)
{
    for (int i = 0; i < NREASONS; i++)
        free(s->bits[i]);
}

/* Steps st (ids in column 0) into the bitmap of why until PLACE_SCAN_KEYS entries are
 * read in all. */
static int scan(sqlite3_stmt *st, pl_ids *s, enum place_reason why)
{
    if (!s->bits[why])
        s->bits[why] = xcalloc(s->words, sizeof **s->bits);
    uint64_t *b = s->bits[why];
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (s->scanned >= PLACE_SCAN_KEYS) {
            s->cut = 1;
            rc = SQLITE_DONE;
            break;
        }
        long long id = sqlite3_column_int64(st, 0);
        if (id > 0 && (size_t)(id / 64) < s->words) {
            b[id / 64] |= 1ull << (id % 64);
            s->scanned++;
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int passes(const pl_ctx *c, int level, int ended)
{
    return (!c->o.level || level == c->o.level) && (c->o.include_ended || !ended);
}

/* The candidate's order within its reason from valid_from, valid_to in columns i, i + 1. */
static int col_rank(const pl_ctx *c, sqlite3_stmt *st, int i, int ended)
{
    return pl_cand_rank(c, (const char *)sqlite3_column_text(st, i),
                        (const char *)sqlite3_column_text(st, i + 1), ended);
}

/* Does the pinyin query match the name, read with its published spelling (division.pinyin,
 * "lu an" for 六安市) where it has one? */
static int matches(const char *query, const char *name, const char *spelled)
{
    if (!spelled)
        return pinyin_match(query, name, strlen(name)) > 0;
    /* Split in a copy on the stack (the units point into it): this runs per candidate row. */
    char copy[7 * PINYIN_MAX_UNITS];
    size_t len = strlen(spelled);
    if (len >= sizeof copy) /* longer than any spelling the loader keeps */
        return pinyin_match(query, name, strlen(name)) > 0;
    memcpy(copy, spelled, len + 1);
    pinyin_unit u[PINYIN_MAX_UNITS];
    size_t n = pinyin_units(name, strlen(name), u, PINYIN_MAX_UNITS);
    pinyin_units_spelled(u, n, copy);
    return pinyin_match_units(query, u, n) > 0;
}

/* Reads one row into out when it passes the filters and, for pinyin, the matcher (the
 * key ranges hold names the query does not match: "zq" for zhq holds zi + q). */
static int read_row(pl_ctx *c, sqlite3_stmt *st, long long id, enum place_reason why,
                    const char *pinyin, pl_cands *out)
{
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        int level = sqlite3_column_int(st, 1), ended = sqlite3_column_int(st, 2);
        const char *name = (const char *)sqlite3_column_text(st, 3);
        if (passes(c, level, ended) &&
            (!pinyin || (name && matches(pinyin, name, (const char *)sqlite3_column_text(st, 6)))))
            pl_cands_add(out, id, why, code, level, ended, col_rank(c, st, 4, ended));
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Reads the rows of the ids into out: the strongest reasons first and, within one, the
 * rows loaded first, up to PLACE_READ_ROWS; the ids left are counted as unread. */
static int read_rows(pl_ctx *c, pl_ids *s, const char *pinyin, pl_cands *out)
{
    sqlite3_stmt *st = pl_stmt(c, PL_ROW);
    if (!st)
        return -1;
    size_t nread = 0;
    for (int r = 0; r < NREASONS; r++) {
        if (!s->bits[r])
            continue;
        for (size_t w = 0; w < s->words; w++) {
            uint64_t word = s->bits[r][w];
            for (int k = 0; k < r && word; k++)
                if (s->bits[k])
                    word &= ~s->bits[k][w]; /* found already for a stronger reason */
            if (nread >= PLACE_READ_ROWS) {
                out->unread += (size_t)__builtin_popcountll(word);
                continue;
            }
            while (word && nread < PLACE_READ_ROWS) {
                int bit = __builtin_ctzll(word);
                word &= word - 1;
                nread++;
                if (read_row(c, st, (long long)(w * 64 + (size_t)bit), (enum place_reason)r,
                             pinyin, out))
                    return -1;
            }
            out->unread += (size_t)__builtin_popcountll(word);
        }
    }
    if (out->unread || s->cut)
        out->capped = 1;
    return 0;
}

/* ---- code ------------------------------------------------------------------------------ */

static void bind_filters(sqlite3_stmt *st, const pl_ctx *c, int first)
{
    /* The level also as a code length, which the code index answers without the row. */
    int len = !c->o.level ? 0 : c->o.level <= DIV_COUNTY ? 6 : c->o.level == DIV_TOWNSHIP ? 9 : 12;
    sqlite3_bind_int(st, first, c->o.level);
    sqlite3_bind_int(st, first + 1, len);
    sqlite3_bind_int(st, first + 2, c->o.include_ended);
}

int pl_by_code(pl_ctx *c, const char *input, place_result *r, pl_cands *out)
{
    div_prefix p;
    if (!div_prefix_parse(input, &p)) {
        div_info info;
        div_parse(input, &info);
        free(r->problem);
        r->problem = xasprintf("区划代码“%s”：%s", input, *p.problem ? p.problem : info.problem);
        return 0;
    }
    sqlite3_stmt *st;
    char canon[DIV_BUF];
    if (p.complete && div_normalize(input, canon)) {
        if (!(st = pl_stmt(c, PL_CODE_ROWS)))
            return -1;
        sqlite3_bind_text(st, 1, canon, -1, SQLITE_STATIC);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int level = sqlite3_column_int(st, 2), ended = sqlite3_column_int(st, 3);
            if (passes(c, level, ended))
                pl_cands_add(out, sqlite3_column_int64(st, 0), PLACE_BY_CODE, canon, level,
                             ended, col_rank(c, st, 4, ended));
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return -1;
        if (out->n)
            return 0;
    }
    /* A partial code, or a whole one without rows: everything under it, in code order
     * (a listing of the subtree), counted. */
    if (!(st = pl_stmt(c, PL_CODE_RANGE)))
        return -1;
    sqlite3_bind_text(st, 1, p.text_lo, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, p.text_hi, -1, SQLITE_STATIC);
    bind_filters(st, c, 3);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)c->o.limit);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) /* code order: the rank is not used */
        pl_cands_add(out, sqlite3_column_int64(st, 0), PLACE_BY_CODE_PREFIX,
                     (const char *)sqlite3_column_text(st, 1), sqlite3_column_int(st, 2),
                     sqlite3_column_int(st, 3), sqlite3_column_int(st, 3));
    sqlite3_reset(st);
    if (rc != SQLITE_DONE || !(st = pl_stmt(c, PL_CODE_COUNT)))
        return -1;
    sqlite3_bind_text(st, 1, p.text_lo, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, p.text_hi, -1, SQLITE_STATIC);
    bind_filters(st, c, 3);
    sqlite3_bind_int(st, 6, CODE_COUNT_CAP + 1);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return -1;
    }
    size_t n = (size_t)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    out->total = n > CODE_COUNT_CAP ? CODE_COUNT_CAP : n;
    out->capped = n > CODE_COUNT_CAP;
    return 0;
}

/* ---- pinyin ---------------------------------------------------------------------------- */

/* The keys starting with prefix (cut at the loader's key length), every kind at once:
 * division_key's primary key is (key, kind, division), so a range of one kind walks the
 * other kinds' keys in it anyway ("xi" initials keys lie among 187,000 full spellings).
 * Kind 2 keys count when initials is set, kind 1 keys when full is (the query's full
 * spelling, cut: the range itself). */
static int pinyin_span(pl_ctx *c, const char *prefix, size_t cut, int initials,
                       const char *full, pl_ids *s)
{
    char lo[PINYIN_KEY_LEN + 1], hi[PINYIN_KEY_LEN + 2];
    size_t n = strlen(prefix) < cut ? strlen(prefix) : cut;
    memcpy(lo, prefix, n);
    lo[n] = '\0';
    memcpy(hi, lo, n);
    hi[n] = '{'; /* sorts after z and the digits; keys hold nothing else */
    hi[n + 1] = '\0';
    sqlite3_stmt *st = pl_stmt(c, PL_KEY_SPAN);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
    for (int r = PLACE_BY_PINYIN; r <= PLACE_BY_INITIALS; r++)
        if (!s->bits[r])
            s->bits[r] = xcalloc(s->words, sizeof **s->bits);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (s->scanned++ >= PLACE_SCAN_KEYS) {
            s->cut = 1;
            rc = SQLITE_DONE;
            break;
        }
        long long id = sqlite3_column_int64(st, 0);
        int kind = sqlite3_column_int(st, 1);
        enum place_reason why;
        if (kind == 2 && initials)
            why = PLACE_BY_INITIALS;
        else if (kind == 1 && full)
            why = PLACE_BY_PINYIN;
        else
            continue;
        if (id > 0 && (size_t)(id / 64) < s->words)
            s->bits[why][id / 64] |= 1ull << (id % 64);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

int pl_by_pinyin(pl_ctx *c, const char *input, pl_cands *out)
{
    pinyin_plan plan;
    if (!pinyin_plan_query(input, &plan))
        return 0;
    pl_ids s;
    if (ids_init(c, &s))
        return -1;
    char full[FULL_KEY_LETTERS + 1]; /* the loader's keys are no longer */
    size_t nfull = strlen(plan.full) < FULL_KEY_LETTERS ? strlen(plan.full) : FULL_KEY_LETTERS;
    memcpy(full, plan.full, nfull);
    full[nfull] = '\0';
    /* The full spelling first: the stronger reason and the narrower range. An initials
     * prefix equal to it ("xi") is the same range: read once for both kinds. */
    int rc = 0, same = 0;
    for (int i = 0; i < plan.n_initials; i++)
        same |= *full && !strcmp(full, plan.initials[i]);
    if (*full)
        rc = pinyin_span(c, full, FULL_KEY_LETTERS, same, full, &s);
    for (int i = 0; !rc && i < plan.n_initials; i++)
        if (!(same && !strcmp(full, plan.initials[i])))
            rc = pinyin_span(c, plan.initials[i], INITIALS_KEY_LETTERS, 1, NULL, &s);
    if (!rc)
        rc = read_rows(c, &s, input, out);
    ids_free(&s);
    return rc;
}

/* ---- name ------------------------------------------------------------------------------ */

/* The input as one FTS5 phrase: quoted, embedded quotes doubled, so nothing typed is
 * ever FTS5 syntax (core/orgcand.c does the same). */
static char *phrase(const char *text)
{
    buf_t b;
    buf_init(&b);
    buf_addc(&b, '"');
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            buf_addc(&b, '"');
        buf_addc(&b, *p);
    }
    buf_addc(&b, '"');
    return buf_take(&b);
}

int pl_by_name(pl_ctx *c, const char *input, pl_cands *out)
{
    pl_ids s;
    if (ids_init(c, &s))
        return -1;
    char *key = fold_utf8(input, strlen(input));
    int rc = -1;
    sqlite3_stmt *st;
    if (!(st = pl_stmt(c, PL_KEY_EXACT)))
        goto done;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (scan(st, &s, PLACE_BY_NAME))
        goto done;
    /* Names starting with the key: every valid UTF-8 continuation sorts below F4 90. */
    char *hi = xasprintf("%s\xF4\x90", key);
    if (!(st = pl_stmt(c, PL_KEY_RANGE))) {
        free(hi);
        goto done;
    }
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, 0);
    int failed = scan(st, &s, PLACE_BY_NAME_PREFIX);
    free(hi);
    if (failed)
        goto done;
    /* Names holding it, through the bigram index: from two characters (one would be a
     * prefix query over most of the table, and the prefix step has found its starts). */
    if (u8_count(key, strlen(key)) >= 2) {
        char *e = phrase(input);
        if (!(st = pl_stmt(c, PL_FTS))) {
            free(e);
            goto done;
        }
        sqlite3_bind_text(st, 1, e, -1, SQLITE_TRANSIENT);
        free(e);
        if (scan(st, &s, PLACE_BY_CONTAINS))
            goto done;
    }
    rc = read_rows(c, &s, NULL, out);
done:
    ids_free(&s);
    free(key);
    return rc;
}
