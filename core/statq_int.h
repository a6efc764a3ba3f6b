/* Internals of the statistics queries (core/statq.h), shared by statq_meta.c (indicators,
 * regions, periods, names), statq_fetch.c (the one query that reads a table's values),
 * statq_table.c (tables, sorting, rankings, series), statq_change.c (同比, 环比) and
 * statq_format.c (numbers and footnotes for people, copying cells). */
#ifndef GONGKAI_STATQ_INT_H
#define GONGKAI_STATQ_INT_H

#include "statq.h"
#include "xalloc.h"

/* An indicator by code, name or alias without counting its values (the table path must
 * not scan an indicator's index range); nvalues is -1. Returns as statq_indicator. */
int sq_indicator(sqlite3 *db, const char *text, stat_ind *out);

/* The regions with values for any of inds (n == 0: any indicator) under parent (NULL or
 * STAT_NATIONAL: the provinces), in code order, as stored. Index seeks, one per region
 * found and per indicator: never a scan of the values. */
int sq_children(sqlite3 *db, const char *const *inds, size_t nind, const char *parent,
                char ***codes, size_t *n, char **err);

/* The period of a type that ends on end (YYYY-MM-DD), as stat_value stores it. 1, or 0
 * when end is not the last day of such a period. */
int sq_period_of(enum stat_ptype type, const char *end, stat_period *out);

/* What the value query reads: exactly these periods (type and last day), or every period
 * of type whose last day is in [from, to] ("" open). */
typedef struct {
    const stat_period *periods;
    size_t nperiods;
    enum stat_ptype type;
    const char *from, *to;
} sq_when;

/* One stat_value row: the cell as stored (value in its own unit, not converted) and the
 * name the source gave its region. */
typedef struct {
    stat_cell c;
    char *region_name;
    char *published_sort; /* published, "" when none: newer wins a duplicate */
} sq_val;

/* Reads the values of inds × regions (nreg == 0: any region) × when in one statement;
 * measure per indicator from inds. Returns 0, or -1 with *err. */
int sq_fetch(sqlite3 *db, const stat_ind *inds, size_t nind, const char *const *regions,
             size_t nreg, const sq_when *when, sq_val **out, size_t *n, char **err);
void sq_vals_free(sq_val *v, size_t n);

/* The error text of a database failure, for the user. New string. */
char *sq_db_error(sqlite3 *db, int rc);

/* A period's key for arguments and tables: 2021, 2021H1, 2021Q1, 2021-03. buf 16. */
const char *sq_period_key(const stat_period *p, char buf[16]);

/* Digits after the decimal point of the first number in raw (-1 when raw holds none). */
int sq_raw_decimals(const char *raw, double *number);

/* A number for people: thousands grouped, exactly decimals after the point (0..6); trim
 * drops trailing zeros. buf 48. */
const char *sq_format_number(double v, int decimals, int trim, char buf[48]);

/* Unit of a change: "%" for a relative change, "个百分点" for a difference of percents. */
stat_unit sq_change_unit(const stat_unit *of);

/* ---- placing values into a table's cells (statq_cells.c) ---------------------------- */

/* Why cells were left out, counted for the table's notes. */
enum sq_why {
    SQW_MONTH_YEAR,  /* 元/人·月 against 元/人·年 without convert_period: a, b the units */
    SQW_OTHER_UNIT,  /* another dimension: a, b the units */
    SQW_BAD_UNIT,    /* a unit the program cannot read: a */
    SQW_NO_BASE,     /* a change without the value before */
    SQW_REFUSED,     /* a change refused: a says why */
};

typedef struct {
    enum sq_why why;
    size_t ind;      /* index into the grid's indicators */
    char *a, *b;
    size_t count;
} sq_tally_item;

typedef struct {
    sq_tally_item *v;
    size_t n, cap;
} sq_tally;

void sq_tally_add(sq_tally *t, enum sq_why why, size_t ind, const char *a, const char *b);
void sq_tally_free(sq_tally *t);

/* A table's axes: regions, periods and indicators, each shown unit, and which axis runs
 * down and which across (the third has one item). */
typedef struct {
    const stat_ind *inds;
    size_t nind;
    const stat_unit *show;     /* per indicator: the unit its values are shown in */
    char *const *regions;
    size_t nreg;
    const stat_period *periods; /* an item with year 0 matches nothing */
    size_t nper;
    enum stat_axis rows, cols;
    int convert;               /* convert_period */
    const char *convert_hint;  /* stat_request.convert_hint */
    enum stat_change change;
} sq_grid;

size_t sq_axis_size(const sq_grid *g, enum stat_axis a);

/* The cells of the grid (rows × cols, new array): every cell named (indicator, region,
 * period, measure); the best value for it (in the unit shown, else refused and tallied)
 * taken out of vals. Among several values of one cell: one in the unit shown, then one
 * that converts, then revised, newer published, later loaded. */
stat_cell *sq_place(const sq_grid *g, sq_val *vals, size_t nvals, sq_tally *t);

/* Replaces each present cell by its change against base (the same grid a year or a
 * period before); cells without a base value or refused become absent, tallied. */
void sq_changes(const sq_grid *g, stat_cell *cells, const stat_cell *base, sq_tally *t);

/* The notes for people, one per tally item, in the order first met. */
void sq_tally_notes(const sq_tally *t, const sq_grid *g, char ***notes, size_t *n);

#endif
