/* Bigram postings of organisation names (table org_name_gram, data/schema.sql): the loader
 * writes them (loader/org_grams.c), the check reads them to find similar names without
 * reading every name that shares a common bigram (core/orgsimilar.c).
 *
 * A gram is a pair of adjacent code points of a name's core (orgname_core of orgname_key:
 * folded, no punctuation, no 中国/中华/全国 prefix): the pairs orgname_dice compares. Each
 * gram has one row per side (registered organisations, and those known only from lists),
 * so a look-alike search on the small side never reads the large one. */
#ifndef GONGKAI_ORGGRAM_H
#define GONGKAI_ORGGRAM_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* Row key of gram (a, b) on a side: (a << 21 | b) << 1 | unregistered. Code points are
 * at most 21 bits, so the key fits in 43. */
long long og_key(uint32_t a, uint32_t b, int unregistered);

/* Whether the folded pair (a, b) may lie in the prefix orgname_core drops from a name's
 * key (中华人民共和国, 中国, 中华, 全国) or straddle its end: ab is part of a prefix, or a is
 * the last character of one (国, 华). A name holding a query holds each of the query's
 * other pairs in its core, so in the core's lists. */
int og_prefix_pair(uint32_t a, uint32_t b);

/* The distinct bigrams of the UTF-8 string s as (a << 32 | b), sorted, into a new array
 * (NULL when there are none); returns how many. *ncp (may be NULL) receives the number of
 * code points of s. */
size_t og_bigrams(const char *s, uint64_t **out, size_t *ncp);

/* A posting list is, per name in ascending org_name rowid order, the varint (7 bits a byte,
 * low first) of the rowid minus the previous one (the first: minus 0), then one byte: the
 * name's number of distinct bigrams, capped at 255. og_put writes one entry (at most 11
 * bytes) and returns its length. */
size_t og_put(unsigned char *p, long long delta, unsigned nbigrams);

typedef struct {
    const unsigned char *p, *end;
    long long rowid;    /* of the entry just read */
    unsigned nbigrams;
} og_iter;

void og_iter_init(og_iter *it, const void *blob, size_t len);

/* Reads the next entry; 0 at the end (or at a truncated entry). Inline: a search decodes
 * a few hundred thousand entries. */
static inline int og_next(og_iter *it)
{
    uint64_t v = 0;
    unsigned shift = 0;
    while (it->p < it->end && shift < 64) {
        unsigned char b = *it->p++;
        v |= (uint64_t)(b & 0x7F) << shift;
        shift += 7;
        if (!(b & 0x80)) {
            if (it->p >= it->end)
                return 0; /* the count byte is missing */
            it->rowid += (long long)v;
            it->nbigrams = *it->p++;
            return 1;
        }
    }
    return 0;
}

/* Reading the lists of a database: two statements from the check's cache
 * (core/orgstmt.h), taken by og_reader_open and given back by og_reader_close. */
typedef struct {
    sqlite3_stmt *len, *list;
} og_reader;

/* Returns 0, or -1 (nothing to close) when the statements cannot be prepared. */
int og_reader_open(og_reader *r, sqlite3 *h);
void og_reader_close(og_reader *r);
/* Names in the list of key (0 when there is none). */
long long og_len(og_reader *r, long long key);
/* The list of key into *it (empty when there is none), valid until the next og_list or
 * og_len call. Returns 0, or -1 on a database error. */
int og_list(og_reader *r, long long key, og_iter *it);

#endif
