/* The organisations pane's answer as screen rows: the lines of tui/orgview.h made safe
 * for the terminal, converted to the display script and wrapped to the pane's width
 * (CJK line breaking, hanging indent after a tag), with a cursor that moves between the
 * lines one can act on (an organisation's name, an article to open, a look-alike to
 * check) and a scroll position that keeps it visible. Pure: no curses. */
#ifndef GONGKAI_ORGDOC_H
#define GONGKAI_ORGDOC_H

#include <stddef.h>

#include "convert.h"
#include "orgview.h"

#define OD_NONE ((size_t)-1)

typedef struct {
    size_t line;       /* index into lines */
    size_t start, end; /* bytes of text[line] on this row */
    int first;         /* the line's first row: draws the tag */
} od_row;

typedef struct {
    ov_lines lines;
    char **text;       /* per line: display text (sanitised, converted) */
    char **tag;        /* per line: display tag "【在列】" or NULL */
    od_row *rows;
    size_t nrows;
    int width;         /* of the last layout; 0 = none yet */
    enum convert_script script;
    size_t cursor;     /* the selected line (actionable), OD_NONE when there is none */
    size_t top;        /* first row shown */
} orgdoc;

void orgdoc_init(orgdoc *d);
void orgdoc_free(orgdoc *d);

/* Takes lines (the caller's struct is emptied); the cursor goes to the first line one
 * can act on, the view to the top. */
void orgdoc_set(orgdoc *d, ov_lines *lines);

/* Wraps for width columns in script; does nothing when neither changed. */
void orgdoc_layout(orgdoc *d, int width, enum convert_script script);

/* True for a line Enter does something with. */
int orgdoc_actionable(const ov_line *l);

/* Moves the cursor to the next (dir > 0) or previous actionable line. Returns 1 when it
 * moved, 0 at the end. */
int orgdoc_move(orgdoc *d, int dir);

/* Scrolls by n rows (negative: up) in a view of height rows; the cursor follows into
 * view when it left it, or becomes OD_NONE when no actionable line is in view. */
void orgdoc_scroll(orgdoc *d, int n, int height);

/* Scrolls so that the cursor's line is visible in height rows. */
void orgdoc_keep_visible(orgdoc *d, int height);

/* First row of a line. */
size_t orgdoc_row_of_line(const orgdoc *d, size_t line);

/* The selected line, or NULL. */
const ov_line *orgdoc_current(const orgdoc *d);

#endif
