/* The places pane's screens as styled lines (tui/orgview.h's ov_lines, wrapped and drawn
 * by tui/orgdoc.h): a look-up's places two lines each (name, code, level, children; then
 * path, why it matched and, for a code no longer in force, what it is now), a code's
 * children one line each, and one place in detail (path, code structure, every name of
 * the code, where it came from and what it became, each code a link). Title lines carry
 * the hit's index as subject; a line naming another code carries it in ref. Pure: no
 * curses; corpus text is raw (orgdoc sanitises and converts it). */
#ifndef GONGKAI_PLACEVIEW_H
#define GONGKAI_PLACEVIEW_H

#include "orgview.h"
#include "place.h"

/* A line naming the filters in force (nothing when none): level 1..5 or 0, whether
 * ended codes are included, the as-of date ("" none). */
void pv_filters(ov_lines *out, int level, int include_ended, const char *as_of);

/* The places of a look-up, two lines each. */
void pv_lookup(ov_lines *out, const place_result *r);

/* The children of a code, one line each, under a heading naming the parent's path
 * (parent may be NULL for the provinces). */
void pv_children(ov_lines *out, const place_hit *parent, const place_result *r);

/* One place with its history; as_of is the data's date ("" when unknown), date the
 * as-of date asked ("" none: then nothing about a date is said). */
void pv_detail(ov_lines *out, const place_hit *h, const char *as_of, const char *date);

/* The status line: "3 处；数据截至 2023-06-30（0.4 ms）", for children "下级 17 个；…". */
char *pv_summary(const place_result *r, int children);

/* One line for the record: "南川区（500119，县级）重庆市 / 南川区；数据截至 …". */
char *pv_citation(const place_hit *h, const char *as_of);

#endif
