/* The 统计 pane's table model (tui/statview.h). */
#include "statview.h"

#include "u8.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static int width_of(const char *s)
{
    return s ? (int)u8_width(s, strlen(s)) : 0;
}

void sv_init(statview *v)
{
    memset(v, 0, sizeof *v);
    v->sort_col = SV_UNSORTED;
    v->keep_sort_col = SV_UNSORTED;
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

static void free_content(statview *v)
{
    free(v->corner);
    free_strings(v->row_labels, v->nrows);
    free_strings(v->col_labels, v->ncols);
    free_strings(v->col_units, v->ncols);
    for (size_t i = 0; v->cells && i < v->nrows * v->ncols; i++)
        free(v->cells[i].text);
    free(v->cells);
    free(v->order);
    free(v->col_w);
    free(v->col_mark);
    v->corner = NULL;
    v->row_labels = v->col_labels = v->col_units = NULL;
    v->cells = NULL;
    v->order = NULL;
    v->col_w = v->col_mark = NULL;
    v->nrows = v->ncols = 0;
    v->npinned = 0;
    v->width = 0;
}

static void forget(statview *v)
{
    free(v->keep_row);
    free(v->keep_col);
    free(v->keep_sort);
    free(v->keep_left);
    v->keep_row = v->keep_col = v->keep_sort = v->keep_left = NULL;
    v->keep_valid = 0;
}

void sv_free(statview *v)
{
    free_content(v);
    forget(v);
}

void sv_clear(statview *v)
{
    sv_free(v);
    sv_init(v);
}

void sv_begin(statview *v, size_t nrows, size_t ncols)
{
    forget(v);
    if (v->nrows && v->order) {
        size_t tr = v->order[v->row < v->nrows ? v->row : 0];
        v->keep_row = xstrdup(v->row_labels[tr] ? v->row_labels[tr] : "");
        if (v->col >= 0 && (size_t)v->col < v->ncols)
            v->keep_col = xstrdup(v->col_labels[v->col] ? v->col_labels[v->col] : "");
        v->keep_label = v->col == SV_LABEL_COL && v->ncols > 0;
        if (v->left > 0 && (size_t)v->left < v->ncols)
            v->keep_left = xstrdup(v->col_labels[v->left] ? v->col_labels[v->left] : "");
        v->keep_sort_col = v->sort_col;
        if (v->sort_col >= 0 && (size_t)v->sort_col < v->ncols)
            v->keep_sort = xstrdup(v->col_labels[v->sort_col] ? v->col_labels[v->sort_col] : "");
        v->keep_desc = v->sort_desc;
        v->keep_valid = 1;
    }
    free_content(v);
    v->nrows = nrows;
    v->ncols = ncols;
    v->row_labels = xcalloc(nrows ? nrows : 1, sizeof *v->row_labels);
    v->col_labels = xcalloc(ncols ? ncols : 1, sizeof *v->col_labels);
    v->col_units = xcalloc(ncols ? ncols : 1, sizeof *v->col_units);
    v->cells = xcalloc(nrows * ncols > 0 ? nrows * ncols : 1, sizeof *v->cells);
    v->order = xcalloc(nrows ? nrows : 1, sizeof *v->order);
    v->col_w = xcalloc(ncols ? ncols : 1, sizeof *v->col_w);
    v->col_mark = xcalloc(ncols ? ncols : 1, sizeof *v->col_mark);
    for (size_t i = 0; i < nrows; i++)
        v->order[i] = i;
    v->row = 0;
    v->col = ncols ? 0 : SV_LABEL_COL;
    v->top = 0;
    v->left = 0;
    v->sort_col = SV_UNSORTED;
    v->sort_desc = 0;
}

static int find_label(char *const *labels, size_t n, const char *want)
{
    for (size_t i = 0; want && i < n; i++)
        if (labels[i] && !strcmp(labels[i], want))
            return (int)i;
    return -1;
}

static void apply_sort(statview *v);

int sv_end(statview *v)
{
    int found = 0;
    if (v->keep_valid) {
        if (v->keep_sort_col == SV_LABEL_COL) {
            v->sort_col = SV_LABEL_COL;
            v->sort_desc = v->keep_desc;
        } else if (v->keep_sort) {
            int c = find_label(v->col_labels, v->ncols, v->keep_sort);
            if (c >= 0) {
                v->sort_col = c;
                v->sort_desc = v->keep_desc;
            }
        }
        apply_sort(v);
        int r = find_label(v->row_labels, v->nrows, v->keep_row);
        for (size_t i = 0; r >= 0 && i < v->nrows; i++)
            if (v->order[i] == (size_t)r) {
                v->row = i;
                found |= SV_KEPT_ROW;
            }
        if (v->keep_col) {
            int c = find_label(v->col_labels, v->ncols, v->keep_col);
            if (c >= 0) {
                v->col = c;
                found |= SV_KEPT_COL;
            }
        } else if (v->keep_label) {
            v->col = SV_LABEL_COL;
            found |= SV_KEPT_COL;
        }
        int l = find_label(v->col_labels, v->ncols, v->keep_left);
        if (l >= 0)
            v->left = l; /* sv_keep_visible still brings the cursor into view */
        if (!v->ncols)
            v->col = SV_LABEL_COL;
    }
    forget(v);
    return found;
}

/* ---- layout --------------------------------------------------------------------------- */

const char *sv_mark(const sv_cell *c)
{
    if (!c || !c->present)
        return "";
    return c->flagged ? "!" : c->derived ? "*" : "";
}

void sv_layout(statview *v, int width)
{
    v->width = width > 1 ? width : 1;
    int lw = width_of(v->corner);
    for (size_t i = 0; i < v->nrows; i++) {
        int w = width_of(v->row_labels[i]);
        if (w > lw)
            lw = w;
    }
    int cap = v->width / 3;
    if (cap < 6)
        cap = v->width / 2;
    int cw = width_of(v->corner);
    if (cap < cw && cw <= v->width / 2)
        cap = cw;
    v->label_w = lw > cap ? cap : lw;
    if (v->label_w < 1)
        v->label_w = 1;
    for (size_t c = 0; c < v->ncols; c++) {
        int vw = 1, mark = 0;
        for (size_t r = 0; r < v->nrows; r++) {
            const sv_cell *cell = &v->cells[r * v->ncols + c];
            if (!cell->present)
                continue;
            int w = width_of(cell->text);
            if (w > vw)
                vw = w;
            if (*sv_mark(cell))
                mark = 1;
        }
        int hw = width_of(v->col_labels[c]);
        int uw = width_of(v->col_units[c]);
        if (uw > hw)
            hw = uw;
        if (hw > SV_COL_MAX)
            hw = SV_COL_MAX;
        v->col_mark[c] = mark;
        v->col_w[c] = vw + mark > hw ? vw + mark : hw;
    }
}

void sv_visible(const statview *v, int *first, int *end)
{
    int left = v->left < 0 ? 0 : v->left;
    *first = left;
    *end = left;
    int x = v->label_w;
    for (int c = left; (size_t)c < v->ncols; c++) {
        x += SV_GAP + v->col_w[c];
        if (x > v->width && c > left)
            break;
        *end = c + 1;
        if (x >= v->width)
            break;
    }
}

int sv_col_x(const statview *v, int c, int *w)
{
    int first, end;
    sv_visible(v, &first, &end);
    if (c < first || c >= end)
        return -1;
    int x = v->label_w;
    for (int i = first; i < c; i++)
        x += SV_GAP + v->col_w[i];
    x += SV_GAP;
    if (w) {
        int room = v->width - x;
        *w = v->col_w[c] < room ? v->col_w[c] : room > 0 ? room : 0;
    }
    return x;
}

/* Whether data columns [from, to] fit beside the label column. */
static int fits(const statview *v, int from, int to)
{
    int x = v->label_w;
    for (int c = from; c <= to; c++)
        x += SV_GAP + v->col_w[c];
    return x <= v->width;
}

void sv_keep_visible(statview *v, int height)
{
    if (height < 1)
        height = 1;
    if (v->nrows == 0) {
        v->row = v->top = 0;
    } else {
        if (v->row >= v->nrows)
            v->row = v->nrows - 1;
        if (v->row < v->top)
            v->top = v->row;
        if (v->row >= v->top + (size_t)height)
            v->top = v->row - (size_t)height + 1;
        /* No empty rows below the table while rows above are hidden. */
        if (v->top + (size_t)height > v->nrows)
            v->top = v->nrows > (size_t)height ? v->nrows - (size_t)height : 0;
    }
    int last = (int)v->ncols - 1;
    if (v->left > last)
        v->left = last > 0 ? last : 0;
    if (v->left < 0)
        v->left = 0;
    if (v->col >= 0 && v->ncols) {
        if (v->col < v->left)
            v->left = v->col;
        while (v->left < v->col && !fits(v, v->left, v->col))
            v->left++;
    }
    /* A wider screen gives columns back: scroll right only as far as needed. */
    while (v->left > 0 && fits(v, v->left - 1, last))
        v->left--;
}

int sv_move_row(statview *v, long delta)
{
    if (!v->nrows)
        return 0;
    long r = (long)v->row + delta;
    if (r < 0)
        r = 0;
    if (r > (long)v->nrows - 1)
        r = (long)v->nrows - 1;
    int moved = (size_t)r != v->row;
    v->row = (size_t)r;
    return moved;
}

int sv_move_col(statview *v, int delta)
{
    int c = v->col + delta;
    if (c < SV_LABEL_COL)
        c = SV_LABEL_COL;
    if (c > (int)v->ncols - 1)
        c = (int)v->ncols - 1;
    int moved = c != v->col;
    v->col = c;
    return moved;
}

void sv_first(statview *v)
{
    v->row = 0;
}

void sv_last(statview *v)
{
    v->row = v->nrows ? v->nrows - 1 : 0;
}

/* ---- order ---------------------------------------------------------------------------- */

/* Whether table row a goes before table row b in the current order. */
static int before(const statview *v, size_t a, size_t b)
{
    if (v->sort_col == SV_LABEL_COL)
        return v->sort_desc ? a > b : a < b;
    if (v->sort_col < 0 || (size_t)v->sort_col >= v->ncols)
        return a < b;
    const sv_cell *ca = &v->cells[a * v->ncols + (size_t)v->sort_col];
    const sv_cell *cb = &v->cells[b * v->ncols + (size_t)v->sort_col];
    if (ca->present != cb->present)
        return ca->present; /* absent values last either way */
    if (ca->present && ca->value != cb->value)
        return v->sort_desc ? ca->value > cb->value : ca->value < cb->value;
    return a < b; /* ties in table order */
}

/* A stable merge sort of order[lo, hi) (small tables; no global state for qsort). */
static void merge_sort(const statview *v, size_t *a, size_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(v, a, tmp, h);
    merge_sort(v, a + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = before(v, a[j], a[i]) ? a[j++] : a[i++];
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

static void apply_sort(statview *v)
{
    size_t at = v->nrows ? v->order[v->row < v->nrows ? v->row : 0] : 0;
    size_t pin = v->npinned < v->nrows ? v->npinned : v->nrows;
    for (size_t i = 0; i < v->nrows; i++)
        v->order[i] = i;
    if (v->nrows - pin > 1) {
        size_t *tmp = xmalloc((v->nrows - pin) * sizeof *tmp);
        merge_sort(v, v->order + pin, tmp, v->nrows - pin);
        free(tmp);
    }
    for (size_t i = 0; i < v->nrows; i++)
        if (v->order[i] == at)
            v->row = i;
}

void sv_sort(statview *v, int c)
{
    if (c < SV_LABEL_COL || (c >= 0 && (size_t)c >= v->ncols))
        return;
    if (v->sort_col == c) {
        v->sort_desc = !v->sort_desc;
    } else {
        v->sort_col = c;
        v->sort_desc = c >= 0; /* numbers largest first; labels in the table's order */
    }
    apply_sort(v);
}

size_t sv_table_row(const statview *v, size_t r)
{
    return r < v->nrows ? v->order[r] : 0;
}

const sv_cell *sv_cell_at(const statview *v, size_t r, int c)
{
    if (r >= v->nrows || c < 0 || (size_t)c >= v->ncols)
        return NULL;
    return &v->cells[v->order[r] * v->ncols + (size_t)c];
}

/* ---- text ----------------------------------------------------------------------------- */

/* s right-aligned in w columns, cut with '>' when wider. */
static char *right(const char *s, int w)
{
    if (w <= 0)
        return xstrdup("");
    size_t len = strlen(s);
    int sw = (int)u8_width(s, len);
    if (sw > w) {
        char *t = u8_truncate(s, len, (size_t)w, ">");
        int tw = width_of(t);
        char *out = xasprintf("%*s%s", w - tw, "", t);
        free(t);
        return out;
    }
    return xasprintf("%*s%s", w - sw, "", s);
}

char *sv_cell_text(const statview *v, size_t r, int c)
{
    const sv_cell *cell = sv_cell_at(v, r, c);
    if (!cell)
        return xstrdup("");
    int w = v->col_w[c];
    int mark = v->col_mark[c];
    const char *m = sv_mark(cell);
    char *num = right(cell->present && cell->text ? cell->text : "-", w - mark);
    char *out = mark ? xasprintf("%s%s", num, *m ? m : " ") : xstrdup(num);
    free(num);
    return out;
}

char *sv_header_text(const statview *v, int c, int line)
{
    if (c < 0 || (size_t)c >= v->ncols)
        return xstrdup("");
    const char *s = line ? v->col_units[c] : v->col_labels[c];
    return right(s ? s : "", v->col_w[c]);
}

char *sv_sort_text(const statview *v)
{
    if (v->sort_col == SV_LABEL_COL) {
        const char *what = v->corner && *v->corner ? v->corner : "表";
        return v->sort_desc ? xasprintf("按%s倒序", what) : xasprintf("按%s顺序", what);
    }
    if (v->sort_col < 0 || (size_t)v->sort_col >= v->ncols)
        return xstrdup("");
    const char *l = v->col_labels[v->sort_col] ? v->col_labels[v->sort_col] : "";
    return xasprintf("按“%s”%s", l, v->sort_desc ? "从大到小" : "从小到大");
}

/* A label for TSV: tabs and line breaks as spaces. */
static void tsv_label(buf_t *b, const char *s)
{
    for (; s && *s; s++)
        buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

char *sv_tsv(const statview *v)
{
    buf_t b;
    buf_init(&b);
    tsv_label(&b, v->corner);
    for (size_t c = 0; c < v->ncols; c++) {
        buf_addc(&b, '\t');
        tsv_label(&b, v->col_labels[c]);
        if (v->col_units[c] && *v->col_units[c]) {
            buf_adds(&b, "（");
            tsv_label(&b, v->col_units[c]);
            buf_adds(&b, "）");
        }
    }
    buf_addc(&b, '\n');
    for (size_t r = 0; r < v->nrows; r++) {
        tsv_label(&b, v->row_labels[v->order[r]]);
        for (size_t c = 0; c < v->ncols; c++) {
            buf_addc(&b, '\t');
            const sv_cell *cell = &v->cells[v->order[r] * v->ncols + c];
            for (const char *p = cell->present && cell->text ? cell->text : ""; *p; p++)
                if (*p != ',')
                    buf_addc(&b, *p);
        }
        buf_addc(&b, '\n');
    }
    return buf_take(&b);
}
