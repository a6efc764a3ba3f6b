/* Search across every domain of a database.
 *
 * Each (domain, rank group) of doc is one rowid range (see data/schema.sql). A search
 * counts matches per range, then reads hits range by range in display order (domains in
 * a fixed order, in-force before repealed): ranked by weighted bm25 inside a range, or
 * newest first for very broad one-character queries. Highlights and the snippet window
 * are computed on the original text. */
#ifndef GONGKAI_SEARCH_H
#define GONGKAI_SEARCH_H

#include <stddef.h>

#include "db.h"
#include "highlight.h"
#include "query.h"

enum search_order { SEARCH_RANK = 0, SEARCH_NEWEST = 1 };

/* Counting stops at this many matches ("5000+"): counting every unit that
 * contains 部门 costs as much as reading them all. */
#define SEARCH_COUNT_CAP 5000
/* A range with more matches than this ranks only its newest this many by bm25, which
 * would otherwise be computed for every match (hundreds of ms for the broadest terms). */
#define SEARCH_RANK_WINDOW 1000

typedef struct {
    const char *domain;   /* NULL or "all" for every domain, else reg, org, place ... */
    size_t limit;         /* hits to return (default 20) */
    size_t offset;        /* hits to skip */
    size_t snippet_chars; /* characters in the snippet window (default 40) */
    int or_mode;          /* OR instead of AND between terms */
    enum search_order order;
} search_opts;

typedef struct {
    long long doc_id;
    char domain[16];
    long long ref_id;
    int rank_group;
    char *date;
    char *title;
    char *body;
    const char *status; /* reg: 现行有效, 已修改 ...; org: 在列, 曾列入, 未列入; qa: 可能过时
                           (static strings); NULL elsewhere */
    hl_spans title_spans;
    hl_spans body_spans;
    size_t snip_start, snip_end; /* snippet window in body */
} search_hit;

typedef struct {
    char domain[16];
    long long count;
} search_count;

typedef struct {
    search_hit *hits;
    size_t n;
    long long total;     /* matches counted (a lower bound when capped) */
    int capped;          /* some range had more than SEARCH_COUNT_CAP matches */
    long long reachable; /* hits that offset/limit can page through */
    search_count counts[16]; /* per domain, display order */
    size_t ncounts;
    double ms;      /* time spent, counting and fetching */
    int relaxed;    /* the phrase found nothing; pieces were AND-ed */
    int ranked;     /* hits are ranked by relevance (else newest first) */
    query q;        /* the query actually run (highlight more text with it) */
    hl_matcher *matcher;
    char *note;     /* for the user: query notes, relaxation */
} search_result;

/* Domain names users may give (--in): all, regs/reg, orgs/org, places/place, stats/stat,
 * hotlines/hotline, qa. Returns the canonical domain or NULL if unknown. */
const char *search_domain_name(const char *user);
/* Chinese label of a domain (法规, 社会组织 ...). */
const char *search_domain_label(const char *domain);
/* The domains in display order (i = 0 first), NULL past the end. The loader inserts units
 * so that a higher rowid means earlier in this order. */
const char *search_domain_at(size_t i);

/* Returns 0 (r filled; r->n may be 0), 1 when there was nothing to search (r->note says
 * why), -1 on a database error (*err: a message for the user). */
int search_run(gk_db *db, const char *input, size_t len, const search_opts *o, search_result *r,
               char **err);
void search_result_free(search_result *r);

#endif
