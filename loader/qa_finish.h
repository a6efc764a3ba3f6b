/* Finishing the Q&A items (kind = qa): each basis reference resolved to the regulation
 * version in force and its article node, items whose basis changed marked
 * possibly_outdated with the reason, and one search unit per item. */
#ifndef GONGKAI_QA_FINISH_H
#define GONGKAI_QA_FINISH_H

#include "load.h"

/* Runs after the regulations' finish (loader/kinds.c orders it). Returns 0 or -1. */
int qa_finish(load_ctx *c);

/* Splits a basis reference into the reference proper and the version it names, if any:
 * "《慈善法》（2016年版）第二十二条" -> "《慈善法》第二十二条" and "2016". A parenthesised
 * group counts as a version when it starts with a year (1900..2100): （2016）, (2016-03-16),
 * （2019修订）; （一） and （示例） stay. version gets "" when none; out is freed by the caller. */
char *qa_basis_split(const char *ref, char version[11]);

#endif
