/* Storing division rows, shared by the table kind (kind_divisions.c) and the JSON kinds
 * (kind_division_json.c), and finishing them once every corpus is read. */
#ifndef GONGKAI_DIVISION_ROWS_H
#define GONGKAI_DIVISION_ROWS_H

#include "load.h"

/* One row as a source gives it (empty strings for what it lacks). */
typedef struct {
    const char *code, *name, *type, *parent, *urban_rural, *valid_from, *valid_to, *ended,
        *seat, *as_of;
    long line;
} div_row;

/* Checks and stores r. Returns 1 stored, 0 rejected or a duplicate (reported), -1 when the
 * load must stop. */
int div_row_store(load_ctx *c, const div_row *r);

/* After every corpus: codes a change replaced are ended, the parent of rows that gave none
 * is their nearest ancestor that has a row, duplicate names of a code dropped, name keys
 * (folded name, pinyin full and initials) and the name index built. Runs when nothing was loaded too (then does nothing). */
int division_finish(load_ctx *c);

#endif
