/* Duplicate values of relief statistics (kind stats): two staged values of one indicator,
 * region, period type and last day. Equal values (after converting units by scale: 625
 * 万人 is 6250000 人) keep the first quietly; a value marked revised replaces the one
 * before it; otherwise the first is kept, the later one reported with both file:lines,
 * and the kept value gets a stat_flag of kind duplicate. Runs on the staging table when
 * every region is resolved, before the values are written. */
#ifndef GONGKAI_STAT_DUPS_H
#define GONGKAI_STAT_DUPS_H

#include "load.h"

/* Returns 0, -1 when the load must stop. */
int stat_dups_finish(load_ctx *c);

#endif
