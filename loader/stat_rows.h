/* One value of relief statistics on its way into stat_value (kind stats): what a row (tall
 * layout) or a cell (wide layout) gives is checked here, alone, and staged in a temp table
 * with its file, line and source; the checks that need every value (regions by name,
 * duplicates, sums, cumulative figures, jumps) run when the load finishes
 * (stat_regions.h, stat_checks.h), and only then are the values written. */
#ifndef GONGKAI_STAT_ROWS_H
#define GONGKAI_STAT_ROWS_H

#include "load.h"
#include "stat_regions.h"
#include "statcat.h"
#include "statperiod.h"

/* A value as the source gives it; "" for what it lacks (never NULL, except ind). */
typedef struct {
    const stat_ind_def *ind; /* resolved by the caller (a wide column), else NULL: */
    const char *indicator;   /* a name, alias or code, resolved here */
    const char *indicator_code; /* an official code (YZH012410000), resolved here */
    int marked;              /* with ind: the column's name carried a cumulative mark */
    const char *unit, *value;
    const char *region;
    const stat_region_map *regions; /* the section's region.NAME = CODE entries */
    const char *period, *period_type, *period_start, *period_end;
    const char *source, *source_doc, *source_url, *published, *note;
    const char *revised, *derived, *derivation;
    const char *column;      /* wide: the column's header, named in messages; else NULL */
    long line;
    int *row_problem;        /* may be NULL: set to 1 when a rejection concerns the row
                                (period, dates, region), not the cell, so that a wide
                                table reports it once and leaves the rest of the row */
} stat_in;

/* The staging table (temp.stat_stage). Returns 0/-1. */
int stat_rows_begin(load_ctx *c);

/* Checks a value and stages it. A problem rejects it with file:line (and the column, in a
 * wide table). Returns 1 staged, 0 rejected, -1 when the load must stop. */
int stat_row_stage(load_ctx *c, const stat_in *in);

/* Writes the staged values into stat_value with the same ids (stat_flag rows already made
 * by the checks point at them), one record each. Returns 0/-1. */
int stat_rows_commit(load_ctx *c);

/* ---- parts, also for tests ------------------------------------------------------ */

/* A published number: 1701.1, "1,701.1", full-width digits, outer spaces, a sign. 1 with
 * *out and the decimals written (*decimals), 0 when it is not a number. */
int stat_number_parse(const char *text, double *out, int *decimals);

/* A period type as sources label it: year-end, month-end (news of MCA briefing), month,
 * quarter, half, year, 年末, 月末, 季度 ... 1 with *out, 0 when unknown. */
int stat_ptype_hint(const char *hint, enum stat_ptype *out);

/* yes/no as sources write it: 1/0, 是/否, yes/no, true/false (empty: no). 1 with *out,
 * 0 when it is neither. */
int stat_yesno(const char *text, int *out);

#endif
