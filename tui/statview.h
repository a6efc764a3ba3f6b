/* The 统计 pane's table as a pure view model: the cells as text for people, the frozen
 * first column (regions, periods or indicators), column widths in display columns (CJK
 * labels are two columns a character, core/u8.h), the cursor on a row and a column,
 * vertical and horizontal scrolling that keep the cursor visible (the first column never
 * scrolls), and the sort: by a column (largest first, pressed again smallest first,
 * absent values always last) or by the label column (the table's own order: regions by
 * code, periods oldest first; again, reversed). Rows that head the table (全国 above its
 * provinces) stay on top in every order. The cursor follows its row when the order
 * changes, and a new table with the same row and column labels (同比 toggled, a unit
 * converted) keeps the cursor and the sort.
 *
 * Pure: no curses, no database; the pane fills the strings (sanitised and converted for
 * display) from a stat_table. */
#ifndef GONGKAI_STATVIEW_H
#define GONGKAI_STATVIEW_H

#include <stddef.h>

#define SV_GAP 2        /* columns between two columns of the table */
#define SV_COL_MAX 16   /* the widest a data column gets; longer headers are cut */
#define SV_LABEL_COL -1 /* the cursor on the frozen label column */
#define SV_UNSORTED -2  /* sort_col: the table's own order */

typedef struct {
    char *text;              /* the value for people ("1,701.1"); NULL when absent */
    double value;            /* for sorting and charts */
    unsigned char present;   /* 0: no value ("-") */
    unsigned char derived;   /* converted or computed: marked '*' */
    unsigned char flagged;   /* the loader found something: marked '!' (before '*') */
} sv_cell;

typedef struct {
    /* The table, owned (sv_begin allocates, the caller fills with xstrdup'd strings). */
    size_t nrows, ncols;
    char *corner;            /* header of the label column: 地区, 时期, 指标 */
    char **row_labels;       /* nrows */
    char **col_labels;       /* ncols */
    char **col_units;        /* ncols; NULL or "" when none */
    sv_cell *cells;          /* nrows * ncols, row-major, in the table's order */
    size_t npinned;          /* the first rows stay first whatever the order */

    size_t *order;           /* display row -> table row */

    /* Layout for a width (sv_layout). */
    int width, label_w;
    int *col_w;              /* ncols */
    int *col_mark;           /* ncols: 1 when a cell of the column carries a mark */

    /* Cursor and scrolling. */
    size_t row;              /* display row */
    int col;                 /* a column, or SV_LABEL_COL */
    size_t top;              /* first display row shown */
    int left;                /* first data column shown right of the label column */

    /* Order. */
    int sort_col;            /* SV_UNSORTED, SV_LABEL_COL or a column */
    int sort_desc;

    /* What sv_begin remembered for sv_end: labels of the cursor's row and column and of
     * the sorted column. */
    char *keep_row, *keep_col, *keep_sort, *keep_left;
    int keep_sort_col, keep_desc, keep_valid, keep_label;
} statview;

void sv_init(statview *v);
void sv_free(statview *v);

/* Starts a new table of nrows x ncols: frees the old content (remembering the cursor's
 * row and column labels and the sort), allocates the arrays (strings NULL, cells absent).
 * Fill them, then call sv_end, which restores the sort and the cursor by label when the
 * new table has them (else the cursor goes to the first row, first column), and the
 * horizontal scroll when the first column shown is still there; returns
 * SV_KEPT_ROW | SV_KEPT_COL for what was found again. */
#define SV_KEPT_ROW 1
#define SV_KEPT_COL 2
void sv_begin(statview *v, size_t nrows, size_t ncols);
int sv_end(statview *v);

/* Empties the view (no table) and forgets the cursor and the sort. */
void sv_clear(statview *v);

/* Lays the columns out for a pane width: the label column (its widest label, at most a
 * third of the width, at least the corner's), each data column as wide as its header,
 * unit and widest value with its mark, at most SV_COL_MAX. */
void sv_layout(statview *v, int width);

/* The data columns shown, [first, end), from v->left; at least the first one when there
 * is any (cut to the width if it alone does not fit). */
void sv_visible(const statview *v, int *first, int *end);

/* Screen column (from the pane's left edge) where data column c starts, or -1 when it is
 * not shown; *w (may be NULL) gets the columns it is drawn in. */
int sv_col_x(const statview *v, int c, int *w);

/* Scrolls so that the cursor is visible in height rows (and the columns of sv_layout's
 * width), using the room a wider screen gives back. */
void sv_keep_visible(statview *v, int height);

/* Moves the cursor by rows (clamped to the table) or columns (from SV_LABEL_COL to the
 * last column, clamped). Return 1 when it moved. */
int sv_move_row(statview *v, long delta);
int sv_move_col(statview *v, int delta);
/* Home/End: first or last row. */
void sv_first(statview *v);
void sv_last(statview *v);

/* Sorts by column c (SV_LABEL_COL: the table's own order). The same column again
 * reverses; a new data column starts largest first, the label column in table order.
 * The cursor stays on its row. */
void sv_sort(statview *v, int c);

/* The table row shown at display row r. */
size_t sv_table_row(const statview *v, size_t r);
/* The cell at display row r, column c (NULL when out of range). */
const sv_cell *sv_cell_at(const statview *v, size_t r, int c);
/* The mark of a cell: "!" flagged, "*" derived, "" none. */
const char *sv_mark(const sv_cell *c);

/* The text of display row r's cell in column c padded to the column's width: the value
 * right-aligned, then its mark (when the column has marks), "-" when absent. New string,
 * exactly the column's width. */
char *sv_cell_text(const statview *v, size_t r, int c);
/* The header of column c right-aligned in its width (line 0: the label, line 1: the
 * unit), cut with '>' when too long. New string. */
char *sv_header_text(const statview *v, int c, int line);

/* "按“2021年”从大到小" / "按地区顺序" / "" (unsorted). New string. */
char *sv_sort_text(const statview *v);

/* The table as TSV in display order: a header line (corner, each column with its unit
 * in brackets), then one line per row; values without thousands separators, absent
 * ones empty; tabs and line breaks in labels become spaces. New string. */
char *sv_tsv(const statview *v);

#endif
