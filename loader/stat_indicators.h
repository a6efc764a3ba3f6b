/* The indicator catalogue in a load (kind stats): the built-in catalogue (core/statcat.h)
 * written into indicator and indicator_alias, and the names sources use resolved to it
 * while files are read, in memory (a million rows name a few dozen indicators). */
#ifndef GONGKAI_STAT_INDICATORS_H
#define GONGKAI_STAT_INDICATORS_H

#include "load.h"
#include "statcat.h"

/* Writes the catalogue (ord = its position) and every key of it: of the name, of each
 * alias, of the code and of the official code (statcat_key). Two indicators claiming one
 * key is an internal error. Returns 0, or -1 after reporting. */
int stat_ind_begin(load_ctx *c);

/* The indicator a source names by name, alias, code or official code; *marked (may be
 * NULL) says whether the text carried a cumulative mark ((累计), a trailing *). NULL when
 * the catalogue has no such key. */
const stat_ind_def *stat_ind_find(const char *text, int *marked);

/* The allowed units of an indicator for people: "万人、人". buf has 96 bytes. */
const char *stat_ind_units_label(const stat_ind_def *d, char buf[96]);

/* Forgets the keys (the end of a load). */
void stat_ind_end(void);

#endif
