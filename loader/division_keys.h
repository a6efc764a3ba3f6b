/* The division_key rows of every division (loader/division_keys.c): kind 0 the folded
 * name, 1 the full pinyin spellings cut at 24 letters, 2 the initials cut at 8, one row
 * per distinct key of a name (core/pinyin.h). Runs once when the load finishes, on an
 * empty division_key. */
#ifndef GONGKAI_DIVISION_KEYS_H
#define GONGKAI_DIVISION_KEYS_H

#include "load.h"

/* meanwhile(c) runs on the connection while the keys are computed on another thread
 * (the keys need nothing it writes). Returns 0, or -1 with the error in
 * sqlite3_errmsg(c->db). */
int division_keys_build(load_ctx *c, int (*meanwhile)(load_ctx *c));

#endif
