/* Published spellings (kind place_names: place_name.pinyin_key) onto the division rows
 * they spell (division.pinyin), before the division keys are built: a row of the same
 * code and name, else the one division of that level and name under the same parent.
 * What matches nothing is said in one warning and stays in place_name only. */
#ifndef GONGKAI_DIVISION_SPELLINGS_H
#define GONGKAI_DIVISION_SPELLINGS_H

#include "load.h"

/* Returns 0, or -1 with the error in sqlite3_errmsg(c->db). */
int division_spellings(load_ctx *c);

#endif
