/* Similar names: the 名称相近 candidates of a check and the look-alikes of an organisation,
 * found through the bigram postings of the names' cores (core/orggram.h, org_name_gram)
 * rather than by reading every name that shares a bigram with the query.
 *
 * Why counting a few lists is enough: orgname_compare relates two cores when their edit
 * distance is at most d (1 or 2, by length) or their bigram Dice is at least 0.75, and a
 * name to a query it contains or that contains it. Each of these needs the name to share
 * many of the query's m distinct bigrams: Dice >= 0.75 needs o >= 3m/5 (2o >= 0.75(m + y)
 * and o <= y, y the name's own count), d edits destroy at most 2d pairs (o >= m - 2d), and
 * a name holding the query holds every pair of it that cannot lie in or across the name's
 * dropped 中国 prefix (og_prefix_pair). With alpha the least of these, a name in fewer
 * than alpha - L of the query's lists, L of them left unread, cannot relate. So the
 * rarest lists are counted (at least m - alpha + 1 of them, then more while a budget
 * lasts: the longest, 服务 or 协会, are left out), and each name's count plus L, with its
 * own pair count, bounds the overlap it can reach under each criterion.
 *
 * The names within a bound are then read most counted pairs first (the nearest), newest
 * rowid first among equals (listed organisations first, data/schema.sql), their exact
 * overlap checked, and the rest compared, until max are
 * found. When many in a row turn out unrelated, one more list is counted: every bound
 * tightens by one for the names not read yet. */
#include "orgcheck_int.h"

#include "orggram.h"
#include "orgstmt.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define SIM_BUDGET 200000      /* postings counted at first beyond the lists that must be */
#define SIM_HARD_BUDGET 600000 /* ... and at most, counting more while names disappoint */
#define TIGHTEN_AFTER 32       /* names read without finding one: count another list */
#define SIM_VERIFY 400         /* names read at most (the old search read 2000 unsorted) */
#define WALK_SORT_MAX 20000    /* names within the bounds that are sorted rather than walked */
#define TOUCHED_MAX 262144     /* names met that are remembered (past it the counts are walked) */
#define CONTAINED_MAX_CHARS 24 /* parts longer than this are not looked up */
#define CONTAINED_MAX_INPUT 64 /* longer names: no parts are looked up */
#define ROW_BITS 40                /* a walk key: shared pairs above, the rowid below */
#define ROW_MASK ((1LL << ROW_BITS) - 1)

typedef struct {
    long long key[2]; /* og_key per side searched (one or two) */
    long long n;      /* names holding it on those sides */
} qgram;

static int by_n(const void *a, const void *b)
{
    long long x = ((const qgram *)a)->n, y = ((const qgram *)b)->n;
    return (x > y) - (x < y);
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static int cmp_desc(const void *a, const void *b)
{
    return cmp_ll(b, a);
}

/* The query: m distinct pairs, msafe of them not og_prefix_pair (a name holding the
 * query holds those), d edits allowed for its length (0: none), pq code points of prefix
 * dropped from its key (a name inside it may have that many pairs there). */
typedef struct {
    unsigned m, msafe, d, pq;
} qshape;

/* Whether a name in c of the read lists (L unread), with y pairs, can relate to the query
 * under any criterion. */
static int within_bounds(unsigned c, unsigned L, unsigned y, const qshape *q)
{
    unsigned ub = c + L, m = q->m;
    if (ub > y)
        ub = y;
    if (ub > m)
        ub = m;
    unsigned longer = m > y ? m : y;
    return 8 * ub >= 3 * (m + y)                /* Dice >= 0.75 */
           || (q->d && ub + 2 * q->d >= longer) /* d edits */
           || ub >= q->msafe                    /* holds the query */
           || ub + q->pq >= y;                  /* held by the query */
}

/* Pairs shared by two sorted sets. */
static unsigned overlap(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0;
    unsigned o = 0;
    while (i < na && j < nb)
        if (a[i] == b[j])
            o++, i++, j++;
        else if (a[i] < b[j])
            i++;
        else
            j++;
    return o;
}

/* The names met in the lists counted: count[rowid] lists, size[rowid] the name's own pair
 * count, touched the rowids met (the first TOUCHED_MAX; ntouched counts all); walked
 * newest first through order (touched sorted, when few) or else by walking the counts
 * down from next. */
typedef struct {
    unsigned char *count, *size;
    long long max;
    uint32_t *touched; /* in the same scratch buffer, after the counts */
    size_t ntouched;
    long long *order;
    size_t norder, pos;
    long long next;
} tally;

static int tally_list(og_reader *r, long long key, tally *t)
{
    og_iter it;
    if (og_list(r, key, &it) != 0)
        return -1;
    while (og_next(&it)) {
        if (it.rowid < 1 || it.rowid > t->max)
            continue; /* not a row of org_name: ignore rather than trust */
        if (!t->count[it.rowid]++) {
            t->size[it.rowid] = (unsigned char)it.nbigrams;
            if (t->ntouched < TOUCHED_MAX)
                t->touched[t->ntouched] = (uint32_t)it.rowid;
            t->ntouched++; /* past TOUCHED_MAX, only counted */
        }
    }
    return 0;
}

/* Starts the walk over the names within the bounds now (L lists unread, need the least
 * count; later bounds are only tighter, and the caller checks them again): sorted when
 * there are up to WALK_SORT_MAX of them, else found by walking the counts downwards
 * (cheaper than sorting that many, and the search usually stops early then). */
static void walk_start(tally *t, unsigned L, unsigned need, const qshape *shape)
{
    if (t->ntouched > TOUCHED_MAX || t->max > ROW_MASK) {
        t->order = NULL; /* too many to have kept (or to sort by key): walk the counts */
        t->pos = 0;
        t->next = t->max;
        return;
    }
    t->order = xmalloc((t->ntouched + 1) * sizeof *t->order);
    t->norder = 0;
    /* Most shared pairs first (the nearest names), newest first among equals: the key
     * is count << ROW_BITS | rowid. */
    for (size_t i = 0; i < t->ntouched && t->norder <= WALK_SORT_MAX; i++) {
        long long r = t->touched[i];
        if (t->count[r] >= need && within_bounds(t->count[r], L, t->size[r], shape))
            t->order[t->norder++] = (long long)t->count[r] << ROW_BITS | r;
    }
    if (t->norder > WALK_SORT_MAX) {
        free(t->order);
        t->order = NULL;
    } else {
        qsort(t->order, t->norder, sizeof *t->order, cmp_desc);
    }
    t->pos = 0;
    t->next = t->max;
}

/* The next name met: nearest first when sorted, else newest first; 0 at the end. */
static long long walk_next(tally *t)
{
    if (t->order)
        return t->pos < t->norder ? t->order[t->pos++] & ROW_MASK : 0;
    while (t->next >= 1 && !t->count[t->next])
        t->next--;
    return t->next >= 1 ? t->next-- : 0;
}

/* What oc_find_similar compares and where it adds. */
typedef struct {
    const char *query;
    const uint64_t *bg; /* the query core's pairs, sorted */
    qshape shape;
    const oc_similar_opts *o;
    const long long *known; /* organisations found before (sorted): not read again */
    size_t nknown;
    oc_cands *out;
    size_t max, added;
} sim_search;

/* Reads row r (within the bounds) and adds its organisation when related. Returns 1 when
 * it added one, 0 when not, -1 on a database error. */
static int compare_row(sqlite3_stmt *st, long long r, sim_search *q)
{
    sqlite3_bind_int64(st, 1, r);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        const char *core = (const char *)sqlite3_column_text(st, 2);
        uint64_t *nb;
        size_t y = og_bigrams(core ? core : "", &nb, NULL);
        /* The exact overlap first: orgname_compare costs several times as much. */
        int near = within_bounds(overlap(q->bg, q->shape.m, nb, y), 0, (unsigned)y, &q->shape);
        free(nb);
        double sim = 0;
        enum orgname_match how;
        if (near && id != q->o->exclude &&
            !bsearch(&id, q->known, q->nknown, sizeof *q->known, cmp_ll) &&
            (how = orgname_compare(q->query, name, &sim)) != ONM_NONE) {
            size_t had = q->out->n;
            oc_cands_add(q->out, id, how, sim, name, NULL);
            found = q->out->n > had;
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? found : -1;
}

/* The search through the lists (see the top of this file). */
static int by_grams(sqlite3 *h, sim_search *q)
{
    og_reader rd;
    sqlite3_stmt *mx = NULL, *row = NULL;
    size_t m = q->shape.m;
    qgram *g = xcalloc(m, sizeof *g);
    tally t = {0};
    int rc = -1, sides[2], nsides = 0;
    if (og_reader_open(&rd, h) != 0) {
        free(g);
        return -1;
    }
    if (!(mx = oc_stmt_get(h, "SELECT coalesce(max(rowid), 0) FROM org_name")) ||
        !(row = oc_stmt_get(h, "SELECT org_id, name, name_core FROM org_name WHERE rowid = ?1")))
        goto out;
    /* Sides: 0 registered, 1 known only from lists. */
    if (q->o->want_registered != 0)
        sides[nsides++] = 0;
    if (q->o->want_registered != 1)
        sides[nsides++] = 1;
    for (size_t i = 0; i < m; i++)
        for (int s = 0; s < nsides; s++) {
            g[i].key[s] = og_key((uint32_t)(q->bg[i] >> 32), (uint32_t)q->bg[i], sides[s]);
            g[i].n += og_len(&rd, g[i].key[s]);
        }
    qsort(g, m, sizeof *g, by_n);

    long long alpha = (3 * (long long)m + 4) / 5, d = q->shape.d;
    if (d && (long long)m - 2 * d < alpha)
        alpha = (long long)m - 2 * d;
    if (q->shape.msafe < alpha)
        alpha = q->shape.msafe;
    if (alpha < 1)
        alpha = 1; /* a name sharing no pair is out of reach, as it always was */
    size_t read = m - (size_t)alpha + 1;
    long long cost = 0;
    for (size_t i = 0; i < read; i++)
        cost += g[i].n;
    while (read < m && cost + g[read].n <= SIM_BUDGET)
        cost += g[read++].n;
    t.max = sqlite3_step(mx) == SQLITE_ROW ? sqlite3_column_int64(mx, 0) : 0;
    /* One scratch buffer: counts, sizes, then the touched rowids (4-byte aligned). */
    size_t counts = (2 * ((size_t)t.max + 1) + 3) & ~(size_t)3;
    t.count = oc_scratch_get(h, counts + TOUCHED_MAX * sizeof *t.touched);
    t.size = t.count + t.max + 1;
    t.touched = (uint32_t *)(void *)(t.count + counts);
    rc = 0;
    for (size_t i = 0; i < read && !rc; i++)
        for (int s = 0; s < nsides && !rc; s++)
            rc = tally_list(&rd, g[i].key[s], &t);
    walk_start(&t, (unsigned)(m - read), (unsigned)(alpha - (long long)(m - read)), &q->shape);
    unsigned misses = 0;
    size_t nread = 0;
    long long r;
    while (!rc && q->added < q->max && nread < SIM_VERIFY && (r = walk_next(&t))) {
        unsigned L = (unsigned)(m - read), need = (unsigned)(alpha - (long long)L);
        if (t.count[r] < need || !within_bounds(t.count[r], L, t.size[r], &q->shape) ||
            (q->o->skip && bsearch(&r, q->o->skip, q->o->nskip, sizeof *q->o->skip, cmp_ll)))
            continue;
        nread++;
        int found = compare_row(row, r, q);
        if (found < 0) {
            rc = -1;
        } else if (found) {
            q->added++;
            misses = 0;
        } else if (++misses >= TIGHTEN_AFTER && read < m && cost + g[read].n <= SIM_HARD_BUDGET) {
            cost += g[read].n;
            for (int s = 0; s < nsides && !rc; s++)
                rc = tally_list(&rd, g[read].key[s], &t);
            read++;
            misses = 0;
        }
    }
out:
    og_reader_close(&rd);
    oc_stmt_put(mx);
    oc_stmt_put(row);
    if (t.count) {
        /* The scratch goes back zeroed. */
        if (t.ntouched > TOUCHED_MAX)
            memset(t.count, 0, 2 * ((size_t)t.max + 1));
        else
            for (size_t i = 0; i < t.ntouched; i++)
                t.count[t.touched[i]] = t.size[t.touched[i]] = 0;
        memset(t.touched, 0,
               (t.ntouched < TOUCHED_MAX ? t.ntouched : TOUCHED_MAX) * sizeof *t.touched);
        oc_scratch_put(h, t.count);
    }
    free(t.order);
    free(g);
    return rc;
}

/* Names whose key is a part of the query's key (4 to CONTAINED_MAX_CHARS characters). */
static int contained(sqlite3 *h, const char *query, const char *key, int want_registered,
                     long long exclude, oc_cands *out, size_t max, size_t *added)
{
    size_t len = strlen(key), n = 0, *off = xmalloc((len + 1) * sizeof *off);
    for (size_t i = 0; i < len; n++) {
        uint32_t cp;
        int valid;
        off[n] = i;
        i += (size_t)u8_decode((const unsigned char *)key + i, (const unsigned char *)key + len,
                               &cp, &valid);
    }
    off[n] = len;
    sqlite3_stmt *st;
    if (n >= 5 && n <= CONTAINED_MAX_INPUT) {
        if (!(st = oc_stmt_get(h, "SELECT n.org_id, n.name FROM org_name n JOIN org o "
                                  "ON o.id = n.org_id WHERE n.name_key = ?1 "
                                  "AND (?2 < 0 OR o.registered = ?2)"))) {
            free(off);
            return -1;
        }
        sqlite3_bind_int(st, 2, want_registered);
        for (size_t l = n - 1 < CONTAINED_MAX_CHARS ? n - 1 : CONTAINED_MAX_CHARS;
             l >= 4 && *added < max; l--)
            for (size_t i = 0; i + l <= n && *added < max; i++) {
                sqlite3_bind_text(st, 1, key + off[i], (int)(off[i + l] - off[i]), SQLITE_STATIC);
                while (sqlite3_step(st) == SQLITE_ROW && *added < max) {
                    long long id = sqlite3_column_int64(st, 0);
                    const char *name = (const char *)sqlite3_column_text(st, 1);
                    double sim = 0;
                    enum orgname_match how;
                    if (id == exclude || (how = orgname_compare(query, name, &sim)) == ONM_NONE)
                        continue;
                    size_t had = out->n;
                    oc_cands_add(out, id, how, sim, name, NULL);
                    *added += out->n > had;
                }
                sqlite3_reset(st);
            }
        oc_stmt_put(st);
    }
    free(off);
    return 0;
}

int oc_find_similar(gk_db *db, const char *name, const oc_similar_opts *o, oc_cands *out,
                    size_t max)
{
    char *key = orgname_key(name);
    char *core = orgname_core(key);
    uint64_t *bg = NULL;
    size_t ncp, m = og_bigrams(core, &bg, &ncp);
    long long *known = xmalloc((out->n + 1) * sizeof *known);
    for (size_t i = 0; i < out->n; i++)
        known[i] = out->v[i].org_id;
    qsort(known, out->n, sizeof *known, cmp_ll);
    sim_search q = {name, bg, {(unsigned)m, 0, 0, 0}, o, known, out->n, out, max, 0};
    int rc = 0;
    /* Counts are bytes: more than 255 pairs is no organisation name (200 bytes at most). */
    if (ncp >= 3 && m > 0 && m <= 255) {
        size_t nkey = 0;
        for (const char *k = key; *k; k++)
            nkey += ((unsigned char)*k & 0xC0) != 0x80;
        q.shape.d = ncp >= 8 ? 2 : ncp >= 4 ? 1 : 0;
        q.shape.pq = (unsigned)(nkey - ncp);
        for (size_t i = 0; i < m; i++)
            q.shape.msafe += !og_prefix_pair((uint32_t)(bg[i] >> 32), (uint32_t)bg[i]);
        rc = by_grams(db->h, &q);
    }
    if (!rc && o->with_contained && q.added < max)
        rc = contained(db->h, name, key, o->want_registered, o->exclude, out, max, &q.added);
    free(known);
    free(bg);
    free(core);
    free(key);
    return rc;
}
