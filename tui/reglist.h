/* The regulations list of the 法规 pane, without curses: one row per regulation version,
 * filtered by status (in force by default, everything on request), by 效力位阶, 状态,
 * 制定机关 and 年份, and by a typed title filter; sorted by level, title or date. The facet
 * values for the filter picker come with their counts. */
#ifndef GONGKAI_REGLIST_H
#define GONGKAI_REGLIST_H

#include "convert.h"
#include "db.h"
#include "xalloc.h"

typedef struct {
    long long id;
    char *title;       /* as published */
    char *level;       /* 效力位阶, NULL when unknown */
    char *date;        /* version date, NULL when unknown */
    char *doc_number;  /* 令号/文号, NULL when none */
    char *organs;      /* 制定机关, several separated by 、 */
    char *status;      /* canonical (in_force ...), not_yet_effective derived from today */
    char *fold;        /* folded title and document number, for the typed filter */
    char *disp_title, *disp_level, *disp_number; /* display forms (reglist_display) */
} reglist_row;

enum reglist_dim { RL_LEVEL = 0, RL_STATUS, RL_ORGAN, RL_YEAR, RL_NDIMS };

enum reglist_sort { RL_SORT_LEVEL = 0, RL_SORT_TITLE, RL_SORT_NEWEST, RL_NSORTS };

typedef struct {
    reglist_row *rows;
    int n;
    size_t cap;
    int show_all;                 /* superseded versions too (F7) */
    char *filter[RL_NDIMS];       /* chosen value per dimension, NULL for any */
    char *text;                   /* typed title filter, "" for none */
    enum reglist_sort sort;
    int *vis;                     /* rows shown, in display order */
    int nvis;
    int sel, top;                 /* selected and first shown row (indexes into vis) */
    int have_disp;                /* display forms made for disp_script */
    enum convert_script disp_script;
} reglist;

/* A value of a dimension and the number of rows it would show. */
typedef struct {
    char *value;
    int count;
} reglist_value;

void reglist_init(reglist *l);
void reglist_free(reglist *l);

/* Reads every regulation of db into l (replacing its rows) and refreshes it. Returns 0,
 * or -1 with a message for the user in *err (malloc'd). */
int reglist_load(reglist *l, gk_db *db, char **err);

/* Adds a row (fields copied; fold computed); call reglist_refresh afterwards. */
void reglist_add(reglist *l, long long id, const char *title, const char *level,
                 const char *date, const char *doc_number, const char *organs,
                 const char *status);

/* Recomputes the rows shown after a change of filters, text, sort or show_all; the
 * selected regulation stays selected when it is still shown, else the first row is. */
void reglist_refresh(reglist *l);

/* Setters; each refreshes. value NULL or "" clears a dimension. A new typed text selects
 * the first row. */
void reglist_set_filter(reglist *l, enum reglist_dim d, const char *value);
void reglist_set_text(reglist *l, const char *text);
void reglist_clear_filters(reglist *l);

/* Whether a canonical status is shown without show_all (现行有效, 尚未生效, 部分失效). */
int reglist_status_current(const char *status);

/* The distinct values of dimension d among the rows the other filters let through
 * (status: among all rows), with counts, in a natural order (levels by rank, years
 * newest first, organs by count). Returns the number; free with reglist_values_free. */
int reglist_values(const reglist *l, enum reglist_dim d, reglist_value **out);
void reglist_values_free(reglist_value *v, int n);

/* Dimension names (效力位阶, 状态, 制定机关, 年份) and sort names (效力位阶, 标题, 最新). */
const char *reglist_dim_name(enum reglist_dim d);
const char *reglist_sort_name(enum reglist_sort s);

/* The status line: "N 部法规（筛选：…；仅现行有效；按效力位阶排序）". */
void reglist_describe(const reglist *l, buf_t *b);

/* Index into vis of the row with that id, or -1. */
int reglist_find(const reglist *l, long long id);

/* Selects row `to` of vis (clamped); the id of the selected row, 0 when none; the first
 * row to show in h rows so that the selection is visible (updates top). */
void reglist_select(reglist *l, int to);
long long reglist_selected(const reglist *l);
int reglist_scroll(reglist *l, int h);

/* Makes the rows' display forms (sanitised, converted to script) unless already done. */
void reglist_display(reglist *l, enum convert_script script);

/* Column widths for a list w columns wide (0: column left out). Each row starts one
 * column in and every column is followed by a one-column gap; 效力位阶 and 文号 are as
 * wide as their widest value shown (at most 14 and 24). The title takes the rest;
 * while it would get fewer than 34 columns 文号 shrinks (to 10) or is left out, then
 * 效力位阶, then the date. */
typedef struct {
    int tag, title, level, date, num;
} reglist_cols;
reglist_cols reglist_columns(const reglist *l, int w);

/* Items of the value picker of dimension d: "全部", then "行政法规 (14)" in script;
 * values[i] is the value of item i + 1 and *selected the item of the current filter.
 * Returns the number of values; free both arrays with reglist_strv_free(v, n + 1) and
 * reglist_strv_free(values, n). */
int reglist_pick_items(const reglist *l, enum reglist_dim d, enum convert_script script,
                       char ***items, char ***values, int *selected);
void reglist_strv_free(char **v, int n);

/* Rank of a 效力位阶 for sorting (宪法 0, 法律 1 ... unknown last). */
int reglist_level_rank(const char *level);

#endif
