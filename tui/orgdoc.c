#include "orgdoc.h"

#include "output.h"
#include "u8.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void orgdoc_init(orgdoc *d)
{
    memset(d, 0, sizeof *d);
    d->cursor = OD_NONE;
}

static void free_display(orgdoc *d)
{
    for (size_t i = 0; d->text && i < d->lines.n; i++) {
        free(d->text[i]);
        free(d->tag[i]);
    }
    free(d->text);
    free(d->tag);
    free(d->rows);
    d->text = d->tag = NULL;
    d->rows = NULL;
    d->nrows = 0;
    d->width = 0;
}

void orgdoc_free(orgdoc *d)
{
    free_display(d);
    ov_lines_free(&d->lines);
    orgdoc_init(d);
}

int orgdoc_actionable(const ov_line *l)
{
    return l->style == OV_TITLE || (l->style == OV_LINK && l->node_id) || l->org_id || l->ref;
}

void orgdoc_set(orgdoc *d, ov_lines *lines)
{
    orgdoc_free(d);
    d->lines = *lines;
    memset(lines, 0, sizeof *lines);
    for (size_t i = 0; i < d->lines.n && d->cursor == OD_NONE; i++)
        if (orgdoc_actionable(&d->lines.v[i]))
            d->cursor = i;
}

static char *display(const char *s, enum convert_script script)
{
    buf_t b;
    buf_init(&b);
    out_append(&b, s, strlen(s), 0, script);
    return b.s ? buf_take(&b) : xstrdup("");
}

void orgdoc_layout(orgdoc *d, int width, enum convert_script script)
{
    if (width < 8)
        width = 8;
    if (d->width == width && d->script == script && d->text)
        return;
    size_t keep_line = d->nrows && d->top < d->nrows ? d->rows[d->top].line : 0;
    free_display(d);
    d->width = width;
    d->script = script;
    d->text = xcalloc(d->lines.n + 1, sizeof *d->text);
    d->tag = xcalloc(d->lines.n + 1, sizeof *d->tag);
    size_t cap = 0;
    for (size_t i = 0; i < d->lines.n; i++) {
        const ov_line *l = &d->lines.v[i];
        d->text[i] = display(l->text, script);
        if (l->tag) {
            char *t = display(l->tag, script);
            d->tag[i] = xasprintf("【%s】", t);
            free(t);
        }
        /* A hanging indent: wrapped rows start under the text, after the tag. */
        int tagw = d->tag[i] ? (int)u8_width(d->tag[i], strlen(d->tag[i])) : 0;
        int avail = width - l->indent - tagw;
        /* At least one double-width character per row. The floor was 4, which made rows
         * of deeply indented tagged lines (indent 5 + 【推算】) wider than the pane at
         * 16 columns and less, and the drawing then cut their text off. */
        if (avail < 2)
            avail = 2;
        u8_line_t *wl;
        size_t n = u8_wrap(d->text[i], strlen(d->text[i]), (size_t)avail, &wl);
        for (size_t k = 0; k < n; k++) {
            d->rows = xgrow(d->rows, &cap, d->nrows + 1, sizeof *d->rows);
            d->rows[d->nrows++] = (od_row){i, wl[k].start, wl[k].end, k == 0};
        }
        free(wl);
    }
    d->top = orgdoc_row_of_line(d, keep_line);
}

size_t orgdoc_row_of_line(const orgdoc *d, size_t line)
{
    for (size_t r = 0; r < d->nrows; r++)
        if (d->rows[r].line >= line)
            return r;
    return d->nrows ? d->nrows - 1 : 0;
}

static size_t last_row_of_line(const orgdoc *d, size_t line)
{
    size_t r = orgdoc_row_of_line(d, line);
    while (r + 1 < d->nrows && d->rows[r + 1].line == line)
        r++;
    return r;
}

int orgdoc_move(orgdoc *d, int dir)
{
    if (!d->lines.n)
        return 0;
    size_t i = d->cursor;
    if (i == OD_NONE && d->nrows && d->top < d->nrows) {
        /* No selection (scrolled past every line one can act on): start from the view,
         * the line at its top included. */
        size_t at = d->rows[d->top].line;
        if (dir > 0 && orgdoc_actionable(&d->lines.v[at])) {
            d->cursor = at;
            return 1;
        }
        i = at;
        if (dir < 0 && orgdoc_actionable(&d->lines.v[at]))
            i = at + 1;
    }
    for (;;) {
        if (dir > 0) {
            i = i == OD_NONE ? 0 : i + 1;
            if (i >= d->lines.n)
                return 0;
        } else {
            if (i == OD_NONE || i == 0)
                return 0;
            i--;
        }
        if (orgdoc_actionable(&d->lines.v[i])) {
            d->cursor = i;
            return 1;
        }
    }
}

void orgdoc_keep_visible(orgdoc *d, int height)
{
    if (height < 1 || d->cursor == OD_NONE || !d->nrows)
        return;
    size_t first = orgdoc_row_of_line(d, d->cursor), last = last_row_of_line(d, d->cursor);
    if (first < d->top)
        d->top = first;
    else if (last >= d->top + (size_t)height)
        d->top = last + 1 - (size_t)height > first ? first : last + 1 - (size_t)height;
}

void orgdoc_scroll(orgdoc *d, int n, int height)
{
    if (!d->nrows || height < 1)
        return;
    long top = (long)d->top + n;
    long max = (long)d->nrows - height;
    if (top > max)
        top = max;
    if (top < 0)
        top = 0;
    d->top = (size_t)top;
    /* The cursor follows into view: the first actionable line on screen. */
    if (d->cursor != OD_NONE) {
        size_t row = orgdoc_row_of_line(d, d->cursor);
        if (row >= d->top && row < d->top + (size_t)height)
            return;
        for (size_t r = d->top; r < d->nrows && r < d->top + (size_t)height; r++)
            if (d->rows[r].first && orgdoc_actionable(&d->lines.v[d->rows[r].line])) {
                d->cursor = d->rows[r].line;
                return;
            }
        /* None on screen: nothing is selected rather than a line out of view. A cursor
         * left behind made orgdoc_keep_visible (called on every draw) scroll straight
         * back to it, so PgDn, End and the wheel could never show the rows after the
         * last actionable line of a long answer. orgdoc_move starts from the view. */
        d->cursor = OD_NONE;
    }
}

const ov_line *orgdoc_current(const orgdoc *d)
{
    return d->cursor != OD_NONE && d->cursor < d->lines.n ? &d->lines.v[d->cursor] : NULL;
}
