/* Which statistics indicators a search's text names (搜索's 统计 group, the line mode's
 * plain search): those whose name or one of whose aliases holds the text, compared as
 * statcat_key folds both (繁→简, full-width → half-width, no spaces), in catalogue order.
 * Pure: the caller gives the catalogue (from the database's indicator and indicator_alias
 * tables, or the built-in one); core/statq.h's statq_match adds the latest values.
 *
 * The rules, kept simple:
 *   - the folded text must be at least 2 characters; a single CJK character matches only
 *     an indicator with a key that is exactly that character;
 *   - keys of ASCII only (our codes URBAN_DIBAO_PERSONS, official codes YZH012410000)
 *     match only whole: codes are not words to look inside;
 *   - any other key matches when it contains the text. */
#ifndef GONGKAI_STATMATCH_H
#define GONGKAI_STATMATCH_H

#include <stddef.h>

#include "statcat.h"

typedef struct {
    char *code;   /* urban_dibao_persons */
    char **keys;  /* folded (statcat_key): name, aliases, codes */
    size_t nkeys, capkeys;
} statmatch_ind;

typedef struct {
    statmatch_ind *v; /* catalogue order */
    size_t n, cap;
} statmatch_cat;

/* Adds a folded key to the indicator code (appended to the catalogue when new). */
void statmatch_add(statmatch_cat *c, const char *code, const char *key);

/* The index of code in the catalogue, or -1. */
long statmatch_index(const statmatch_cat *c, const char *code);

/* A catalogue from indicator definitions (name, aliases, code, official code folded as the
 * loader folds them into indicator_alias), in their order. */
void statmatch_from_defs(const stat_catalogue *defs, statmatch_cat *out);

void statmatch_free(statmatch_cat *c);

/* Indexes into c->v of the indicators that match text, in catalogue order, at most max
 * of them into out (may be NULL when max is 0). Returns how many match in all. */
size_t statmatch_find(const statmatch_cat *c, const char *text, size_t *out, size_t max);

#endif
