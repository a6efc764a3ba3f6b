/* Names that may hold the query, from the bigram postings (core/orggram.h): for a long or
 * rare query the intersection of its rarest lists is a handful of names, which is much
 * cheaper than a phrase query on org_name_fts (that sets up an iterator over the list of
 * every bigram, 服务 and 协会 included: about 3 ms at a million names whatever it finds).
 *
 * The lists hold the bigrams of each name's core, which is its key without a 中国/中华/
 * 全国/中华人民共和国 prefix. A name whose key holds the query's key holds each pair of the
 * query in its core too, except a pair that falls inside the dropped prefix or across its
 * end (og_prefix_pair): those pairs are not used. */
#include "orgcheck_int.h"

#include "orggram.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define START_MAX 30000         /* the rarest list longer than this: leave it to the index */
#define INTERSECT_BUDGET 100000 /* postings decoded at most, while few names are left */
#define ESTIMATE_BUDGET 300000  /* ... and while many are */
#define DECODE_PER_ROW                                                                             \
    1000 /* a list this many times longer than the candidates is not                               \
            worth decoding: checking a name costs about as much */

typedef struct {
    long long key[2];
    long long n;
} pair;

static int by_n(const void *a, const void *b)
{
    long long x = ((const pair *)a)->n, y = ((const pair *)b)->n;
    return (x > y) - (x < y);
}

/* The rowids of p's lists, ascending: the two sides merged (each is ascending). */
static int read_pair(og_reader *rd, const pair *p, long long **out, size_t *n)
{
    size_t cap = (size_t)p->n + 1, len[2] = {0, 0};
    long long *side[2];
    for (int s = 0; s < 2; s++) {
        side[s] = xmalloc(cap * sizeof *side[s]);
        og_iter it;
        if (og_list(rd, p->key[s], &it) != 0) {
            free(side[0]);
            if (s)
                free(side[1]);
            return -1;
        }
        while (og_next(&it) && len[s] < cap)
            side[s][len[s]++] = it.rowid;
    }
    long long *v = xmalloc((len[0] + len[1] + 1) * sizeof *v);
    size_t a = 0, b = 0, k = 0;
    while (a < len[0] || b < len[1])
        v[k++] =
            b >= len[1] || (a < len[0] && side[0][a] < side[1][b]) ? side[0][a++] : side[1][b++];
    free(side[0]);
    free(side[1]);
    *out = v;
    *n = k;
    return 0;
}

int oc_contains_candidates(sqlite3 *h, const char *key, size_t cap, long long **rows, size_t *nrows)
{
    *rows = NULL;
    *nrows = 0;
    size_t len = strlen(key), ncp = 0, np = 0;
    uint32_t *cp = xmalloc((len + 1) * sizeof *cp);
    for (size_t i = 0; i < len;) {
        int valid;
        i += (size_t)u8_decode((const unsigned char *)key + i, (const unsigned char *)key + len,
                               &cp[ncp++], &valid);
    }
    pair *p = xcalloc(ncp + 1, sizeof *p);
    for (size_t i = 0; i + 1 < ncp; i++) {
        if (og_prefix_pair(cp[i], cp[i + 1]))
            continue;
        long long k0 = og_key(cp[i], cp[i + 1], 0);
        int dup = 0;
        for (size_t j = 0; j < np && !dup; j++)
            dup = p[j].key[0] == k0;
        if (!dup) {
            p[np].key[0] = k0;
            p[np++].key[1] = og_key(cp[i], cp[i + 1], 1);
        }
    }
    free(cp);
    og_reader rd;
    int rc = 0;
    long long *cand = NULL, *next = NULL;
    size_t ncand = 0, nnext;
    if (!np) {
        free(p);
        return 0;
    }
    if (og_reader_open(&rd, h) != 0) {
        free(p);
        return -1;
    }
    for (size_t i = 0; i < np; i++)
        p[i].n = og_len(&rd, p[i].key[0]) + og_len(&rd, p[i].key[1]);
    qsort(p, np, sizeof *p, by_n);
    if (p[0].n > START_MAX)
        goto out;
    if (read_pair(&rd, &p[0], &cand, &ncand) != 0) {
        rc = -1;
        goto out;
    }
    long long cost = p[0].n;
    for (size_t i = 1; i < np && ncand; i++) {
        /* Another list is worth decoding while it removes names to check (a name costs
         * about DECODE_PER_ROW entries), or, while there are too many to check, so that
         * the estimate of how many there are gets closer. */
        long long budget = ncand <= cap ? INTERSECT_BUDGET : ESTIMATE_BUDGET;
        if (cost + p[i].n > budget ||
            (ncand <= cap && p[i].n > (long long)ncand * DECODE_PER_ROW))
            break;
        cost += p[i].n;
        if (read_pair(&rd, &p[i], &next, &nnext) != 0) {
            rc = -1;
            goto out;
        }
        size_t a = 0, b = 0, k = 0;
        while (a < ncand && b < nnext) /* both ascending */
            if (cand[a] == next[b])
                cand[k++] = cand[a++], b++;
            else if (cand[a] < next[b])
                a++;
            else
                b++;
        ncand = k;
        free(next);
        next = NULL;
    }
    for (size_t i = 0; i < ncand / 2; i++) { /* newest first */
        long long t = cand[i];
        cand[i] = cand[ncand - 1 - i];
        cand[ncand - 1 - i] = t;
    }
    *rows = cand;
    *nrows = ncand;
    cand = NULL;
    rc = ncand <= cap ? 1 : 2;
out:
    og_reader_close(&rd);
    free(cand);
    free(p);
    return rc;
}
