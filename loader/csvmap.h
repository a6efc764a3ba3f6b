/* Reading a CSV/TSV source whose columns the manifest names: `map.FIELD = COLUMN` takes a
 * field from a column, `value.FIELD = TEXT` gives it the same text on every row, and
 * `delimiter = tab|;|...` picks the separator (comma by default). Shared by the table
 * kinds (reg_index, orgs, org_lists) so that they report header and row problems alike:
 * a missing column is an error at the manifest's line, a row with the wrong number of
 * fields is skipped with its line. */
#ifndef GONGKAI_CSVMAP_H
#define GONGKAI_CSVMAP_H

#include "csv.h"
#include "load.h"

#define CSVMAP_MAX_FIELDS 32

typedef struct {
    csv_reader r;
    csv_row row;
    const char *const *fields;     /* field names, NULL-terminated */
    size_t nfields;
    int col[CSVMAP_MAX_FIELDS];    /* column of each field, -1 when not mapped */
    const char *constant[CSVMAP_MAX_FIELDS]; /* value.FIELD, else NULL */
    size_t header_fields;
    const char *v[CSVMAP_MAX_FIELDS]; /* the current row: "" when a field has no value */
    long line;                     /* line of the current row */
    char err[256];
    int rc;
} csvmap;

/* Reads the header of text and maps fields. Every name in required must be mapped by a
 * column or a constant. Returns 0, or -1 after reporting why the file cannot be read
 * (the caller returns -1 when diag asks to stop, else 0: the file is rejected). */
int csvmap_open(csvmap *m, load_ctx *c, const char *text, size_t len,
                const char *const *fields, const char *const *required);

/* Moves to the next row with as many fields as the header; other rows are reported and
 * counted as skipped. Returns 1 with m->v filled, 0 at the end (a CSV syntax error is
 * reported first) or when diag asks to stop. */
int csvmap_next(csvmap *m, load_ctx *c);

/* True when field i is mapped (by a column or a constant). */
int csvmap_mapped(const csvmap *m, size_t i);

void csvmap_close(csvmap *m);

#endif
