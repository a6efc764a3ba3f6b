/* The bigram postings of organisation names (table org_name_gram, core/orggram.h), written
 * once org_name has its final rowids: one pass over the names, each gram's list kept as
 * encoded bytes in memory (about 2.5 bytes a bigram: 40 MB for a million names), then one
 * row per gram and side, in key order. */
#include "org_grams.h"

#include "orggram.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    long long key;  /* og_key; 0 = empty slot (no gram has key 0: its code points are 0) */
    long long last; /* rowid of the last entry */
    long long n;
    unsigned char *buf;
    size_t len, cap;
} gram_list;

typedef struct {
    gram_list *v;
    size_t cap, n; /* open addressing, cap a power of two */
} gram_map;

static size_t slot_of(const gram_map *m, long long key)
{
    size_t i = (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ULL) >> 20) & (m->cap - 1);
    while (m->v[i].key && m->v[i].key != key)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static gram_list *map_get(gram_map *m, long long key)
{
    if ((m->n + 1) * 2 > m->cap) {
        gram_map bigger = {xcalloc(m->cap * 2, sizeof *m->v), m->cap * 2, m->n};
        for (size_t i = 0; i < m->cap; i++)
            if (m->v[i].key)
                bigger.v[slot_of(&bigger, m->v[i].key)] = m->v[i];
        free(m->v);
        *m = bigger;
    }
    gram_list *g = &m->v[slot_of(m, key)];
    if (!g->key) {
        g->key = key;
        m->n++;
    }
    return g;
}

static void list_add(gram_list *g, long long rowid, unsigned nbigrams)
{
    if (g->len + 16 > g->cap) {
        g->cap = g->cap ? g->cap * 2 : 32;
        g->buf = xrealloc(g->buf, g->cap);
    }
    g->len += og_put(g->buf + g->len, rowid - g->last, nbigrams);
    g->last = rowid;
    g->n++;
}

static int by_key(const void *a, const void *b)
{
    long long x = (*(gram_list *const *)a)->key, y = (*(gram_list *const *)b)->key;
    return (x > y) - (x < y);
}

int org_grams_build(load_ctx *c)
{
    sqlite3_stmt *q = NULL, *ins = NULL;
    gram_map m = {xcalloc(1 << 14, sizeof *m.v), 1 << 14, 0};
    int rc = -1;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT n.rowid, n.name_core, o.registered FROM org_name n "
                           "JOIN org o ON o.id = n.org_id ORDER BY n.rowid",
                           -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "INSERT INTO org_name_gram(gram, n, ids) VALUES (?1, ?2, ?3)", -1,
                           &ins, NULL) != SQLITE_OK)
        goto out;
    int step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        const unsigned char *core = sqlite3_column_text(q, 1);
        uint64_t *bg;
        size_t nb = og_bigrams(core ? (const char *)core : "", &bg, NULL);
        long long rowid = sqlite3_column_int64(q, 0);
        int unregistered = sqlite3_column_int(q, 2) == 0;
        for (size_t i = 0; i < nb; i++)
            list_add(map_get(&m, og_key((uint32_t)(bg[i] >> 32), (uint32_t)bg[i], unregistered)),
                     rowid, (unsigned)nb);
        free(bg);
    }
    if (step != SQLITE_DONE)
        goto out;
    /* Key order: each row goes in at the end of the b-tree. */
    gram_list **order = xcalloc(m.n + 1, sizeof *order);
    size_t k = 0;
    for (size_t i = 0; i < m.cap; i++)
        if (m.v[i].key)
            order[k++] = &m.v[i];
    qsort(order, k, sizeof *order, by_key);
    rc = 0;
    for (size_t i = 0; i < k && !rc; i++) {
        sqlite3_bind_int64(ins, 1, order[i]->key);
        sqlite3_bind_int64(ins, 2, order[i]->n);
        sqlite3_bind_blob(ins, 3, order[i]->buf, (int)order[i]->len, SQLITE_STATIC);
        rc = sqlite3_step(ins) == SQLITE_DONE ? 0 : -1;
        sqlite3_reset(ins);
    }
    free(order);
out:
    for (size_t i = 0; i < m.cap; i++)
        free(m.v[i].buf);
    free(m.v);
    sqlite3_finalize(q);
    sqlite3_finalize(ins);
    return rc;
}
