/* One row of a hotline source (kind = hotlines) checked alone and staged: its numbers
 * (one staged line each, loader/hotline_numbers.h), service line, status, level, hours
 * (core/hours.h: stored canonical, the text as written kept) and dates; the places it
 * names (region, areas, province) wait in temp.hotline_stage / temp.hotline_area_stage
 * for the division table (loader/hotline_finish.h). A problem is reported with the row's
 * file:line and the row is not staged. */
#ifndef GONGKAI_HOTLINE_ROWS_H
#define GONGKAI_HOTLINE_ROWS_H

#include "load.h"
#include "stat_regions.h"

typedef struct {
    const char *number, *extension, *via_platform, *service_line, *operator_name,
        *admin_level, *region, *areas, *province, *hours, *holiday_rule, *status,
        *replaced_by, *published, *verified, *address, *note;
    int area_from_operator;          /* area_from = operator: the region from the name */
    const stat_region_map *regions;  /* the section's region.NAME = CODE entries */
    long line;
} hotline_in;

/* Creates the staging tables (once per load). 0, or -1. */
int hotline_rows_begin(load_ctx *c);

/* Checks and stages a row: the number of lines staged (0 when the row was rejected), -1
 * when the load must stop. */
int hotline_row_stage(load_ctx *c, const hotline_in *in);

#endif
