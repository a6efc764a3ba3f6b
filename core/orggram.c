#include "orggram.h"

#include "fold.h"
#include "orgstmt.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

long long og_key(uint32_t a, uint32_t b, int unregistered)
{
    return (long long)(((uint64_t)a << 21 | b) << 1 | (unregistered ? 1u : 0u));
}

/* The i-th code point of s, folded (s holds at least i + 1). */
static uint32_t folded_at(const char *s, size_t i)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    uint32_t c = 0;
    int valid;
    for (size_t k = 0; k <= i && p < end; k++)
        p += u8_decode(p, end, &c, &valid);
    return fold_cp(c);
}

int og_prefix_pair(uint32_t a, uint32_t b)
{
    static const char *const prefixes[] = {"中华人民共和国", "中国", "中华", "全国"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = 0;
        for (const char *p = prefixes[i]; *p; p++)
            n += ((unsigned char)*p & 0xC0) != 0x80;
        if (a == folded_at(prefixes[i], n - 1))
            return 1; /* straddles the end of the prefix */
        for (size_t k = 0; k + 1 < n; k++)
            if (a == folded_at(prefixes[i], k) && b == folded_at(prefixes[i], k + 1))
                return 1;
    }
    return 0;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

size_t og_bigrams(const char *s, uint64_t **out, size_t *ncp)
{
    size_t len = strlen(s), n = 0, k = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    uint64_t *g = len > 1 ? xmalloc(len * sizeof *g) : NULL;
    uint32_t prev = 0;
    while (p < end) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
        if (n++)
            g[k++] = (uint64_t)prev << 32 | cp;
        prev = cp;
    }
    if (ncp)
        *ncp = n;
    if (!k) {
        free(g);
        *out = NULL;
        return 0;
    }
    qsort(g, k, sizeof *g, cmp_u64);
    size_t d = 1;
    for (size_t i = 1; i < k; i++)
        if (g[i] != g[d - 1])
            g[d++] = g[i];
    *out = g;
    return d;
}

size_t og_put(unsigned char *p, long long delta, unsigned nbigrams)
{
    uint64_t v = (uint64_t)delta;
    size_t n = 0;
    while (v >= 0x80) {
        p[n++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    p[n++] = (unsigned char)v;
    p[n++] = (unsigned char)(nbigrams > 255 ? 255 : nbigrams);
    return n;
}

void og_iter_init(og_iter *it, const void *blob, size_t len)
{
    it->p = blob;
    it->end = it->p + (blob ? len : 0);
    it->rowid = 0;
    it->nbigrams = 0;
}

int og_reader_open(og_reader *r, sqlite3 *h)
{
    r->len = oc_stmt_get(h, "SELECT n FROM org_name_gram WHERE gram = ?1");
    r->list = oc_stmt_get(h, "SELECT ids FROM org_name_gram WHERE gram = ?1");
    if (r->len && r->list)
        return 0;
    og_reader_close(r);
    return -1;
}

void og_reader_close(og_reader *r)
{
    oc_stmt_put(r->len);
    oc_stmt_put(r->list);
    r->len = r->list = NULL;
}

long long og_len(og_reader *r, long long key)
{
    sqlite3_reset(r->list); /* releases the previous list */
    sqlite3_bind_int64(r->len, 1, key);
    long long n = sqlite3_step(r->len) == SQLITE_ROW ? sqlite3_column_int64(r->len, 0) : 0;
    sqlite3_reset(r->len);
    return n;
}

int og_list(og_reader *r, long long key, og_iter *it)
{
    sqlite3_reset(r->list);
    sqlite3_bind_int64(r->list, 1, key);
    int rc = sqlite3_step(r->list);
    if (rc == SQLITE_ROW)
        og_iter_init(it, sqlite3_column_blob(r->list, 0), (size_t)sqlite3_column_bytes(r->list, 0));
    else
        og_iter_init(it, NULL, 0);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}
