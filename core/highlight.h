/* Highlights and snippets computed on the original stored text.
 *
 * The text is tokenized exactly as the index saw it (zh_tokenizer, document mode), each
 * query alternative as FTS5 saw it (query mode), and phrase matches are found on the
 * token streams. A match spans from its first token's start to its last token's end; a
 * prefix token covers only as many characters as the query typed. Because the fold is
 * one code point to one code point, spans are exact for 1-character terms, vocabulary
 * expansions and mixed CJK/Latin terms, and always agree with what FTS5 matched. */
#ifndef GONGKAI_HIGHLIGHT_H
#define GONGKAI_HIGHLIGHT_H

#include <stddef.h>

#include "query.h"

typedef struct {
    size_t start, end; /* byte offsets into the text */
    int term;          /* index of the query term that matched */
} hl_span;

typedef struct {
    hl_span *v;
    size_t n, cap;
} hl_spans;

/* Prepared token streams of a query's positive alternatives; build once per query. */
typedef struct hl_matcher hl_matcher;

hl_matcher *hl_matcher_new(const query *q);
void hl_matcher_free(hl_matcher *m);

/* Appends the spans of every match in text (sorted, overlaps merged) to out. */
void hl_find(const hl_matcher *m, const char *text, size_t len, hl_spans *out);

/* Chooses a window of about `chars` characters that holds the most matches (the start
 * of the text when there are none), on character boundaries. */
void hl_snippet(const char *text, size_t len, const hl_spans *spans, size_t chars,
                size_t *start, size_t *end);

void hl_spans_clear(hl_spans *s);
void hl_spans_free(hl_spans *s);

#endif
