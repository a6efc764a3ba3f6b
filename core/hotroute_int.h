/* What core/hotroute.c and core/hotroute_lines.c share: reading the lines that serve one
 * division code, each line's open-now and verification age, and freeing. */
#ifndef GONGKAI_HOTROUTE_INT_H
#define GONGKAI_HOTROUTE_INT_H

#include "hotroute.h"

#include <sqlite3.h>

#define HR_STALE_DAYS 183 /* "more than 6 months" */

typedef struct {
    sqlite3_stmt *lines; /* the lines whose hotline_area holds ?1 */
    sqlite3_stmt *div;   /* one division row of ?1: name, level, parent_code, ended */
} hr_stmts;

int hr_stmts_prepare(gk_db *db, hr_stmts *s, char **err);
void hr_stmts_finalize(hr_stmts *s);

/* Appends the lines serving code (served_at = code, reason unset) to *v; lines already in
 * *v (by id) are skipped. 0, -1 with *err. */
int hr_read_lines(gk_db *db, hr_stmts *s, const char *code, hr_line **v, size_t *n,
                  size_t *cap, char **err);

/* open (at date and minute, against cal) and hours_label of l from its stored hours; a
 * merged or retired line is closed ("已并入" / "已停用"). */
void hr_fill_open(hr_line *l, const hours_calendar *cal, const char *date, int minute);

/* stale and stale_days at date (YYYY-MM-DD). */
void hr_fill_stale(hr_line *l, const char *date);

void hr_line_free(hr_line *l);

#endif
