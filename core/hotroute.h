/* Routing a caller to hotlines (issue 7): any place form the place look-up understands
 * (name in either script, old name, code, pinyin) → the division → the lines that serve it
 * for a service line, falling back county → city → province → national, each with the
 * reason ("本县无专线，使用市级热线"); whether each is open at a date and time (the
 * operator's own clock or one they set) from its hours and the holiday table; entries not
 * verified for more than 6 months marked; a merged or retired line pointing to what
 * replaced it. Uses the database (hotline, hotline_area, holiday, division), no curses. */
#ifndef GONGKAI_HOTROUTE_H
#define GONGKAI_HOTROUTE_H

#include <stddef.h>

#include "db.h"
#include "divcode.h"
#include "hours.h"

#define HOTROUTE_NATIONAL "000000"

/* How a line came to be offered. */
enum hr_reason {
    HR_SERVES = 0,  /* its areas include the division itself */
    HR_PARENT,      /* it serves an ancestor: the county has none of its own */
    HR_NATIONAL,    /* a national line (areas 000000): nothing nearer */
};

typedef struct {
    long long id;           /* hotline.id */
    char *display;          /* 0431-85086100, 12345 转 2 */
    char *number;           /* digits */
    char *via_platform;     /* 12345, or NULL */
    char *service_line;     /* 社会救助 ... */
    char *operator_name;    /* NULL when none */
    char *admin_level;      /* 部 省 市 县 乡, or NULL */
    char division[DIV_BUF]; /* the operator's division, "" when unknown */
    char *division_name;
    char *hours;            /* canonical (hours_format), NULL when the source gives none */
    char *hours_label;      /* for people (hours_label), NULL when none */
    char *address, *note;
    char *status;           /* active, merged, retired */
    char *replaced_by;      /* display of the replacing line, or NULL */
    char *published, *verified; /* YYYY-MM-DD or NULL */
    int stale;              /* verified (or published) more than 6 months before `at`, or
                               never: "未核实" / "超过6个月未核实" */
    long stale_days;        /* days since verified, -1 when never */
    enum hr_reason reason;
    char *reason_text;      /* "本县无专线，使用市级热线", "全国统一热线" ... */
    char served_at[DIV_BUF]; /* the division whose area matched (the county, its city ...) */
    hours_answer open;      /* at `at`; HS_UNSURE when the hours are unknown */
    char *source;           /* corpus path:line */
} hr_line;

typedef struct {
    char *input;            /* as typed */
    char division[DIV_BUF]; /* the place it resolved to, "" when none */
    char *division_name;    /* its full path for people: 吉林省 / 长春市 / 双阳区 */
    char *resolved_how;     /* "名称一致", "曾用名（现为 …）", "拼音" ... from the place look-up */
    size_t ncandidates;     /* other places the input could mean (the first is taken) */
    char *at_label;         /* "2026-10-08 09:30（星期四，调休上班）" */
    int minute;             /* the minute of day asked (lines' open.next_minutes count from it) */
    hr_line *lines;         /* ordered: serving, then parents nearest first, then national;
                               active before merged/retired; open before closed */
    size_t nlines;
    char *problem;          /* why nothing could be routed, or NULL */
    double ms;
} hr_result;

typedef struct {
    const char *service;    /* a service line (社会救助 …; variants as the loader accepts),
                               or NULL for every line */
    const char *date;       /* YYYY-MM-DD; NULL: today (local time) */
    int minute;             /* 0..1439; -1: now */
    int include_inactive;   /* also merged and retired lines (shown with what replaced them) */
} hr_opts;

/* Routes input. Returns 0 (r filled; r->nlines may be 0 with r->problem), -1 on a
 * database error with *err. */
int hotroute(gk_db *db, const char *input, const hr_opts *o, hr_result *r, char **err);

/* The lines for a division code directly (the 热线 pane after a place is picked). */
int hotroute_code(gk_db *db, const char *code, const hr_opts *o, hr_result *r, char **err);

void hr_result_free(hr_result *r);

/* The holiday calendar of the database (table holiday), for hours_open_at; cached per
 * connection by the caller. Returns 0/-1. */
int hotroute_calendar(gk_db *db, hours_calendar *cal, char **err);
void hotroute_calendar_free(hours_calendar *cal);

/* "社会救助" for "救助", "儿童救助保护" for "12349" ...; NULL when unknown. */
const char *hotroute_service(const char *text);

#endif
