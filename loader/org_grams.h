/* The bigram postings that find similar organisation names (loader/org_grams.c). */
#ifndef GONGKAI_ORG_GRAMS_H
#define GONGKAI_ORG_GRAMS_H

#include "load.h"

/* Fills org_name_gram from org_name (its rowids final). Returns 0, or -1 on an SQL error
 * (the caller reports it). */
int org_grams_build(load_ctx *c);

#endif
