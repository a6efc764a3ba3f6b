/* Queries over relief statistics (issue 6): tables of indicator × region × period, a
 * region's series, a period's ranking of regions, and change year on year or period on
 * period. Arithmetic only between compatible units (core/statunit.h): 万人 and 人 convert
 * by scale; 元/人·年 and 元/人·月 are refused unless the request asks to convert (÷12 or
 * ×12, labelled). Every cell carries where its number comes from; a derived cell (a
 * conversion, a change) says how it was derived. Uses the database, no curses.
 *
 * Regions are division codes (6 or 12 digits, as stored in stat_value.region_code) and
 * 000000 for 全国. Periods are matched by type and last day. */
#ifndef GONGKAI_STATQ_H
#define GONGKAI_STATQ_H

#include <sqlite3.h>
#include <stddef.h>

#include "statcat.h"
#include "statperiod.h"
#include "statunit.h"

#define STAT_NATIONAL "000000"

/* One indicator as the database knows it (table indicator). */
typedef struct {
    char *code, *name, *official_code, *units, *parent, *note;
    enum stat_measure measure;
    stat_unit unit; /* the first allowed unit (the catalogue's; tables show what the
                       values were published in unless asked, see stat_request.unit) */
    long nvalues;   /* rows in stat_value */
} stat_ind;

/* Indicators in catalogue order that have at least one value (all when all != 0).
 * Returns 0/-1 (*err). */
int statq_indicators(sqlite3 *db, int all, stat_ind **out, size_t *n, char **err);
void statq_indicators_free(stat_ind *v, size_t n);

/* An indicator by code, name or alias (statcat_key). Returns 1 and fills out, 0 when
 * unknown, -1 on a database error. */
int statq_indicator(sqlite3 *db, const char *text, stat_ind *out);
void statq_ind_free(stat_ind *i);

/* A region's name for tables: 全国, the division's name in the division table, else the
 * name the source wrote (stat_value.region_name), else the code. New string. */
char *statq_region_name(sqlite3 *db, const char *code);

/* The regions that have values for an indicator (NULL: any) under a parent (NULL or
 * STAT_NATIONAL: provinces and 全国's own row excluded; a code: its children), in code
 * order. Returns 0/-1; *codes is an array of new strings. */
int statq_regions(sqlite3 *db, const char *indicator, const char *parent, char ***codes,
                  size_t *n, char **err);

/* The periods of a type that have values for an indicator (NULL: any) and region (NULL:
 * any), oldest first. Returns 0/-1. */
int statq_periods(sqlite3 *db, const char *indicator, const char *region,
                  enum stat_ptype type, stat_period **out, size_t *n, char **err);

/* ---- cells and tables ------------------------------------------------------------ */

typedef struct {
    int present;         /* 0: no value for this cell */
    long long id;        /* stat_value.id (0 for a cell computed from two values) */
    double value;        /* in unit */
    stat_unit unit;
    char *raw;           /* as published, with its unit: "737.8 万人" */
    char *indicator;     /* code */
    char region[13];
    stat_period period;
    enum stat_measure measure;
    char *source_doc, *source_url, *published, *note; /* NULL when the source gives none */
    char *source_file;   /* corpus path of the file it was loaded from, and its line */
    long line;
    int revised;
    int derived;         /* converted or computed: derivation says how */
    char *derivation;    /* "由 7.1 万人 换算为人", "按 12 个月换算", "同比：…" */
    char *flags;         /* the loader's findings (stat_flag), "；"-joined, or NULL */
    /* A change cell (STAT_CHANGE_*): the two values it compares. */
    double base_value;
    stat_period base_period;
} stat_cell;

enum stat_axis { SA_REGION = 0, SA_PERIOD, SA_INDICATOR };
enum stat_change { SC_NONE = 0, SC_YOY, SC_POP }; /* 同比, 环比 */

typedef struct {
    /* What to show; each list may hold one item when the axis is fixed. */
    const char *const *indicators; size_t nindicators; /* codes (statq_indicator resolves) */
    const char *const *regions;    size_t nregions;    /* codes; see children_of */
    const char *children_of;       /* when nregions == 0: the regions under this code
                                      (STAT_NATIONAL: the provinces) that have values */
    enum stat_ptype ptype;         /* periods of this type ... */
    char from[11], to[11];         /* ... whose last day is in [from, to] ("" = open) */
    const stat_period *periods;    size_t nperiods;    /* or exactly these */
    enum stat_axis rows, cols;     /* the third axis must have one item */
    const char *unit;              /* show values in this unit (NULL: per indicator, the
                                      dimension and unit most of its values in the table
                                      were published in; a tie goes to the smaller scale) */
    int convert_period;            /* allow 元/人·月 <-> 元/人·年 (÷12 / ×12, labelled) */
    const char *convert_hint;      /* how the caller's user asks for that ("加 --convert",
                                      "按 m 键"), put in the note of a refusal; NULL: "可" */
    enum stat_change change;       /* cells become the change against the period a year
                                      before (SC_YOY) or just before (SC_POP) */
} stat_request;

typedef struct {
    size_t nrows, ncols;
    char **row_keys, **col_keys;   /* codes: region, indicator, or period label key */
    char **row_labels, **col_labels; /* for people: 北京市, 2021年3月, 城市低保人数 */
    stat_unit *col_units;          /* the unit a column's values are shown in; when rows are
                                      indicators, row_units instead */
    stat_unit *row_units;
    stat_cell *cells;              /* nrows * ncols, row-major */
    char *title;                   /* 城市低保人数（万人），2021年各月 */
    char **notes; size_t nnotes;   /* refusals and mixed units, for a footnote */
} stat_table;

/* Builds the table. Cells with a value in a unit the column cannot show (another
 * dimension, or 月/年 without convert_period) are left absent and a note says why.
 * Returns 0, or -1 with *err for the user (unknown indicator, no such axis, database). */
int statq_table(sqlite3 *db, const stat_request *rq, stat_table *out, char **err);
void statq_table_free(stat_table *t);

/* Sorts rows by column col (SIZE_MAX: by row label, runs of digits compared as numbers so
 * that 2021年2月 comes before 2021年10月), absent cells last; stable. */
void statq_table_sort(stat_table *t, size_t col, int descending);

/* A period's ranking of regions for one indicator: a one-column table of the regions
 * under parent (STAT_NATIONAL: provinces), largest first. */
int statq_ranking(sqlite3 *db, const char *indicator, const stat_period *period,
                  const char *parent, const char *unit, int convert_period,
                  stat_table *out, char **err);

/* A region's series: one row per period of type ptype in [from, to], one column per
 * indicator. */
int statq_series(sqlite3 *db, const char *const *indicators, size_t n, const char *region,
                 enum stat_ptype ptype, const char *from, const char *to, const char *unit,
                 int convert_period, stat_table *out, char **err);

/* The change of a value against another of the same indicator and region: in percent for
 * amounts, in percentage points for % indicators. Refused (-1, *why) when the units
 * cannot be compared; a cumulative figure is compared only with the same span of another
 * year (period on period across January is refused). Fills out as a derived cell whose
 * derivation names both values and periods. */
int statq_change(const stat_cell *now, const stat_cell *before, int convert_period,
                 stat_cell *out, char **why);

/* Copies and frees cells (all strings owned). */
void statq_cell_copy(stat_cell *dst, const stat_cell *src);
void statq_cell_free(stat_cell *c);

/* The value for people: thousands grouped, as many decimals as the published figure
 * ("1,701.1", "3,177.6", "0.3"); a change signed with one decimal ("+5.0"); "-" for an
 * absent cell; buf has 48 bytes. */
const char *statq_format_value(const stat_cell *c, char buf[48]);

/* ---- indicators a search's text names (搜索's 统计 group, the line mode) ---------- */

/* One indicator that matched, with its latest value. */
typedef struct {
    stat_ind ind;        /* code, name, units, measure (nvalues -1) */
    int have_value;      /* 0: no value could be read (the others are then empty) */
    int national;        /* the value is 全国's; else 全国 has none and region is another's */
    char *region_name;   /* 全国, or the region the latest value is of (statq_region_name) */
    stat_cell cell;      /* the latest value: the last period 全国 (else any region) has */
} stat_match_hit;

typedef struct {
    stat_match_hit *hits;
    size_t n;
    size_t total;        /* indicators with values that match (may exceed n) */
    double ms;
} stat_match;

/* The indicators with values whose name or alias holds text (core/statmatch.h: folded,
 * at least 2 characters, catalogue order), at most max of them, each with its latest
 * national value (else a province's, else any region's: statq_latest). The catalogue is
 * read from the database each time (a few dozen rows); every value is read by index
 * seeks. Returns 0, or -1 with *err (out is then empty). */
int statq_match(sqlite3 *db, const char *text, size_t max, stat_match *out, char **err);
void statq_match_free(stat_match *m);

/* The latest value of an indicator in a region (STAT_NATIONAL for 全国; NULL: of the
 * provinces with values the one with the latest period start, else of any region): of its
 * periods the one whose last day comes last (a year before a month that ends on the same
 * day); of duplicates a revised value, then the one published last. Index seeks of
 * stat_value_lookup (a few per province for NULL; without provinces it reads the
 * indicator's range of that index). 1 and *out (out->region says where), 0 when there is
 * none, -1 on a database error. */
int statq_latest(sqlite3 *db, const char *indicator, const char *region, stat_cell *out);

/* The footnote of a cell, one line: 来源：2021年民政事业发展统计公报 https://… （发布
 * 2022-08-26）· stats/national.csv:12, then ；换算：… (or ；计算：… for a change) when
 * derived, ；注意：… when flagged, ；修订值 and ；附注：… when so. New string. */
char *statq_cell_source(const stat_cell *c);

#endif
