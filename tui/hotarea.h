/* What the 热线 pane shows about a caller's area besides its lines (q): the local relief
 * standard (城市/农村低保平均保障标准, the latest value of the division, each ancestor and
 * 全国, with its source) and the newest policy Q&A items of the area (qa_item whose
 * region is the division, an ancestor or 000000). Read on the worker's connection after
 * the routing (tui/worker.c); laid out by tui/hotview.c. No curses. */
#ifndef GONGKAI_HOTAREA_H
#define GONGKAI_HOTAREA_H

#include <stddef.h>

#include "db.h"
#include "divcode.h"

#define HOTAREA_QA_MAX 5
#define HOTAREA_NATIONAL_CODE "000000"

typedef struct {
    char region[DIV_BUF];
    char *region_name;  /* 全国, 示例县 ... */
    char *indicator;    /* 城市低保平均保障标准 */
    char *value;        /* as published, with its unit: "780 元/人·月" */
    char *period;       /* 2025年12月 */
    char *source;       /* statq_cell_source: 来源：… · stats/x.csv:12 */
} hotarea_std;

typedef struct {
    long long id;
    char *question;
    char *region_name;  /* 全国, 示例市 ... */
    char *publisher, *published, *updated; /* NULL when the source gives none */
    int outdated;       /* status possibly_outdated */
    char *reason;       /* why, or NULL */
} hotarea_qa;

typedef struct {
    char division[DIV_BUF];
    hotarea_std *std;
    size_t nstd;
    hotarea_qa *qa;
    size_t nqa;
    size_t qa_total;    /* items of the area (nqa of them shown, newest first) */
} hotarea;

/* Reads both for code (a division). Returns 0, -1 with *err on a database error. A
 * database without statistics or Q&A gives empty lists. */
int hotarea_load(gk_db *db, const char *code, hotarea *out, char **err);
void hotarea_free(hotarea *a);

#endif
