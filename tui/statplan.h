/* What `gongkai stats` (tui/cmd_stats.c) shows, from its arguments: indicators and regions
 * as typed resolved to codes (a region by 全国, a code, a name or pinyin through
 * core/place.h: the best exact hit, one with values first, saying which when several fit),
 * periods parsed, and the regions, layout and periods chosen when the arguments leave them
 * open. Messages for people go to err as "gongkai stats: …", corpus text sanitised. */
#ifndef GONGKAI_STATPLAN_H
#define GONGKAI_STATPLAN_H

#include <stdio.h>

#include "cliopt.h"
#include "db.h"
#include "divcode.h"
#include "statq.h"
#include "xalloc.h"

/* The arguments as typed (strings point into argv). */
typedef struct {
    cliopt_output out;
    const char **inds, **regions, **periods; /* as typed */
    size_t nind, nreg, nper;
    const char *under, *from, *to, *unit, *rank;
    int has_type, has_rows, has_cols, convert, all;
    enum stat_ptype type;
    enum stat_axis rows, cols;
    enum stat_change change;
    int sort_set, sort_desc;
    size_t sort_col;   /* 0: row labels; else the value column, 1-based */
} stats_args;

/* The arguments resolved, then the table planned. */
typedef struct {
    char **inds;          /* codes */
    size_t nind;
    char (*regions)[DIV_BUF];
    size_t nreg;
    char under[DIV_BUF];  /* "" unless the regions are those under a parent */
    stat_period *periods;
    size_t nper;
    char from[11], to[11];
    enum stat_ptype type;   /* of the periods when none are listed */
    enum stat_axis rows, cols;
    stat_period rank;       /* --rank's */
    buf_t hint;             /* said on stderr once there is a table */
} stats_plan;

/* Indicators and regions to codes, periods and bounds parsed: 0, or the exit status (an
 * unknown indicator or region, a malformed period: 2) after saying why on err. */
int stats_resolve(gk_db *db, const stats_args *a, stats_plan *r, FILE *err);

/* The regions when none were given (全国 when it has values, else the provinces), the
 * layout (one region: a series; one indicator of several regions: regions × periods;
 * several of several: one period, the latest unless given), and the periods: as given,
 * every one with values for a series, else a type (--type, that of --from or --to, else
 * the one with most periods; the others in r->hint). 0, or the exit status. */
int stats_plan_layout(sqlite3 *h, const stats_args *a, stats_plan *r, FILE *err);

void stats_plan_free(stats_plan *r);

#endif
