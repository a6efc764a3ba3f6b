/* The 热线 pane's screens as styled lines (tui/orgview.h's ov_lines, wrapped and drawn by
 * tui/orgdoc.h): a heading naming the place the input resolved to (and how many other
 * places it could mean), the date and time the answers are for and the filters; then
 * each routed line: its state (【开放中】【已下班】【不确定】) with why and when it
 * changes, the number to dial, service line and operator, the hours, why it is offered
 * (本县无专线，使用市级热线), 【超过6个月未核实】, and a merged or retired line's
 * replacement. With the area shown (q): the local relief standard and the area's newest
 * policy Q&A above the lines. Title lines (one per hotline) carry the line's index as
 * subject. Pure: no curses, no database; corpus text is raw (orgdoc sanitises it). */
#ifndef GONGKAI_HOTVIEW_H
#define GONGKAI_HOTVIEW_H

#include "hotarea.h"
#include "hotroute.h"
#include "orgview.h"

/* What the operator set: the service line (NULL: all), the date and time ("" now),
 * whether merged and retired lines are included, the minute of day the answers are for
 * (for "when it changes": 12:00, 次日 8:30). */
typedef struct {
    const char *service;
    const char *at;
    int include_inactive;
    int minute;
} hv_opts;

/* 【开放中】, 【已下班】, 【不确定】 without brackets, and the style of that tag. */
const char *hv_state_label(enum hours_state s);
enum ov_style hv_state_style(enum hours_state s);

/* When the state changes, for people: "12:00 停止接听（2 小时 30 分后）", "次日 8:30 开始
 * 接听（23 小时后）", "10月9日 8:30 开始接听（3 天后）", "" when never (24 小时) or not
 * known. minute: the minute of day the answer is for. New string. */
char *hv_change(const hours_answer *a, int minute);

/* The heading: place, other candidates, time, filters. */
void hv_heading(ov_lines *out, const hr_result *r, const hv_opts *o);

/* One routed line (index i of the result), 3 to 6 lines. */
void hv_line(ov_lines *out, const hr_line *l, size_t i, int minute);

/* The caller's area: standard and Q&A (nothing for NULL). */
void hv_area(ov_lines *out, const hotarea *a);

/* The whole screen: heading, area (may be NULL), lines (or why there are none). */
void hv_result(ov_lines *out, const hr_result *r, const hotarea *a, const hv_opts *o);

/* The status line: "示例县：4 条热线（开放 2）（0.4 ms）". New string. */
char *hv_summary(const hr_result *r);

/* One line for the record: "拨打12345转2（社会救助，示例县民政局（示例））周一至周五 …；
 * 示例县 339921；2026-10-08 09:30 开放中；核实 2026-09-28". New string. */
char *hv_citation(const hr_line *l, const hr_result *r);

#endif
