/* Query builder: what a user typed -> a safe FTS5 MATCH expression (bound as a parameter,
 * never concatenated into SQL) plus the folded alternatives the highlighter looks for.
 *
 * Syntax offered to users (docs/search.md):
 *   terms separated by spaces are AND-ed;  "a phrase with spaces" is one term;
 *   OR (or |) between two terms makes them alternatives;  -term or NOT term excludes;
 *   a trailing * makes a term a prefix.
 * Everything else is literal text: quotes are doubled, FTS5 operators and punctuation
 * inside a term are only separators, and terms without letters, digits or CJK characters
 * are skipped with a note. Any input, however hostile, yields an expression or a note. */
#ifndef GONGKAI_QUERY_H
#define GONGKAI_QUERY_H

#include <stddef.h>

#include "vocab.h"
#include "xalloc.h"

#define QUERY_MAX_CHARS 256 /* longer input is cut (with a note) */
#define QUERY_MAX_TERMS 16
#define QUERY_MAX_ALTS 16 /* alternatives per term after vocabulary expansion */

enum query_op { QUERY_AND = 0, QUERY_OR = 1, QUERY_NOT = 2 };

typedef struct {
    char *text;     /* folded text of this alternative (sent inside "...") */
    int prefix;     /* sent as "..."* */
    int from_vocab; /* produced by vocabulary expansion */
} query_alt;

typedef struct {
    char *typed;       /* the term as the user typed it (normalised input) */
    enum query_op op;  /* how it joins the terms before it */
    query_alt *alts;
    size_t nalts;
    int single_char;   /* exactly one letter/digit/CJK character */
    int cjk_chars;     /* number of CJK characters in the term */
} query_term;

typedef struct {
    query_term *terms;
    size_t nterms;
    char *fts;   /* MATCH expression to bind, or NULL when there is nothing to search */
    char *note;  /* message for the user (skipped terms, truncation, expansions), or NULL */
    int broad;   /* every searched term is a single character: list unranked, by date */
    int relaxed; /* built by query_relax() */
} query;

/* Builds q from input (any bytes). or_mode makes OR the default between terms.
 * Returns 0 when q->fts is set, 1 when there is nothing to search (q->note says why).
 * v may be NULL (no expansion). Free with query_free() in both cases. */
int query_build(const char *input, size_t len, const vocab *v, int or_mode, query *q);

/* For a query that found nothing: splits long CJK terms (5+ characters, one alternative)
 * into two-character pieces that are AND-ed. Returns 0 and fills out when something was
 * split, 1 when the query cannot be relaxed. */
int query_relax(const query *q, query *out);

/* Appends one alternative as an FTS5 phrase: "text" with quotes doubled, * for a prefix. */
void query_append_phrase(buf_t *b, const query_alt *a);

void query_free(query *q);

#endif
