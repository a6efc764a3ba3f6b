/* Registers the zh tokenizer with FTS5 on a connection. Every connection that touches a
 * table declared with tokenize='zh' must call this first, or SQLite reports
 * "no such tokenizer". */
#ifndef GONGKAI_ZH_FTS5_H
#define GONGKAI_ZH_FTS5_H

#include <sqlite3.h>

int zh_fts5_register(sqlite3 *db);

#endif
