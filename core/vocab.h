/* Search vocabulary: groups of equivalent wordings (Taiwan/mainland terms, abbreviations
 * and aliases) used for query-time OR expansion. Members are stored folded, so a group
 * written in Simplified matches Traditional input too. Documents are never rewritten. */
#ifndef GONGKAI_VOCAB_H
#define GONGKAI_VOCAB_H

#include <stddef.h>

typedef struct vocab vocab;

vocab *vocab_new(void);
void vocab_free(vocab *v);

/* Adds one group of equivalent terms; members are folded. Groups with fewer than two
 * distinct non-empty members are ignored. Returns the group's index or -1. */
long vocab_add_group(vocab *v, const char *const *members, size_t n);

/* Parses the data/vocab.txt format ("a / b / c" per line, # comments) into v.
 * A line without two different terms is skipped; returns the number of such lines and
 * the first one's number in *bad_line (0 when every line was good). */
int vocab_load_text(vocab *v, const char *text, size_t len, int *bad_line);

/* The built-in vocabulary (data/vocab.txt compiled in), parsed on first use. */
const vocab *vocab_builtin(void);

/* Longest member that starts at `folded` (a folded UTF-8 string of len bytes).
 * Returns the member's byte length and sets *group, or returns 0. */
size_t vocab_match(const vocab *v, const char *folded, size_t len, size_t *group);

size_t vocab_group_count(const vocab *v);
size_t vocab_group_size(const vocab *v, size_t group);
const char *vocab_member(const vocab *v, size_t group, size_t i);

#endif
