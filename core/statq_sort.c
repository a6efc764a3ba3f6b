/* Sorting a table's rows (core/statq.h): by a column's values, absent last whichever the
 * direction, or by the row labels with numbers compared as numbers (2021年2月 before
 * 2021年10月); stable, so equal rows keep the order they had. */
#include "statq_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const stat_table *t;
    size_t col;
    int descending;
} sort_by;

typedef struct {
    size_t row;
    const sort_by *by;
} sort_item;

/* Compares a and b with runs of ASCII digits as numbers. */
static int natural_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
            while (*a == '0')
                a++;
            while (*b == '0')
                b++;
            size_t na = strspn(a, "0123456789"), nb = strspn(b, "0123456789");
            if (na != nb)
                return na < nb ? -1 : 1;
            int c = strncmp(a, b, na);
            if (c)
                return c;
            a += na;
            b += nb;
            continue;
        }
        if (*a != *b)
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

static int item_cmp(const void *pa, const void *pb)
{
    const sort_item *a = pa, *b = pb;
    const sort_by *by = a->by;
    const stat_table *t = by->t;
    int c = 0;
    if (by->col == SIZE_MAX) {
        c = natural_cmp(t->row_labels[a->row], t->row_labels[b->row]);
        if (by->descending)
            c = -c;
    } else {
        const stat_cell *x = &t->cells[a->row * t->ncols + by->col];
        const stat_cell *y = &t->cells[b->row * t->ncols + by->col];
        if (x->present != y->present)
            return x->present ? -1 : 1; /* absent last, either way */
        if (x->present && x->value != y->value)
            c = (x->value < y->value ? -1 : 1) * (by->descending ? -1 : 1);
    }
    if (c)
        return c;
    return a->row < b->row ? -1 : a->row > b->row; /* stable */
}

void statq_table_sort(stat_table *t, size_t col, int descending)
{
    if (!t || t->nrows < 2 || (col != SIZE_MAX && col >= t->ncols))
        return;
    sort_by by = {t, col, descending};
    sort_item *items = xcalloc(t->nrows, sizeof *items);
    for (size_t i = 0; i < t->nrows; i++)
        items[i] = (sort_item){i, &by};
    qsort(items, t->nrows, sizeof *items, item_cmp);
    /* Permute every per-row array by the new order. */
    char **keys = xcalloc(t->nrows, sizeof *keys), **labels = xcalloc(t->nrows, sizeof *labels);
    stat_cell *cells = xcalloc(t->nrows * (t->ncols ? t->ncols : 1), sizeof *cells);
    stat_unit *units = t->row_units ? xcalloc(t->nrows, sizeof *units) : NULL;
    for (size_t i = 0; i < t->nrows; i++) {
        size_t r = items[i].row;
        keys[i] = t->row_keys[r];
        labels[i] = t->row_labels[r];
        if (units)
            units[i] = t->row_units[r];
        if (t->ncols)
            memcpy(&cells[i * t->ncols], &t->cells[r * t->ncols], t->ncols * sizeof *cells);
    }
    free(t->row_keys);
    free(t->row_labels);
    free(t->cells);
    free(t->row_units);
    t->row_keys = keys;
    t->row_labels = labels;
    t->cells = cells;
    t->row_units = units;
    free(items);
}
