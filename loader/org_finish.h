/* The end of loading the organisation domain (see loader/org_finish.c). */
#ifndef GONGKAI_ORG_FINISH_H
#define GONGKAI_ORG_FINISH_H

#include "load.h"

/* Drops duplicate registry rows, links list entries to organisations (by code, else
 * by a unique registered name for credit and elder-care lists), makes organisations of
 * the entries left, checks listings against 60号令, resolves basis.RULE citations and
 * stages one search unit per organisation. Returns 0, or -1 (the load must stop). */
int org_finish(load_ctx *c);

#endif
