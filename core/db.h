/* Opening gongkai databases.
 *
 * The console and the command line open the database read-only; the loader creates a
 * new file. Both register the zh tokenizer first (a connection without it cannot touch
 * doc_fts). A read-only open refuses a file whose schema version or tokenizer/fold stamp
 * differs from this binary's, saying how to rebuild it, since an index built with another
 * fold table silently misses matches. */
#ifndef GONGKAI_DB_H
#define GONGKAI_DB_H

#include <sqlite3.h>

#include "vocab.h"

#define GK_SCHEMA_VERSION 9

/* db_open runs PRAGMA quick_check on files up to this size (about 1 ms per MB), so a
 * damaged file is refused with one clear message instead of failing part-way through a
 * query; larger files report damage when a query meets it (db_error_text). */
#define GK_QUICK_CHECK_MAX_BYTES (32LL * 1024 * 1024)

typedef struct {
    sqlite3 *h;
    char *path;
    vocab *vocab; /* built-in vocabulary plus the corpus's own (table vocab) */
    long long nunits; /* search units (rows of doc), for ranking */
} gk_db;

/* Opens path read-only and checks it. On failure returns -1 with a message for the user
 * in *err (malloc'd): missing file (with the command that creates one), not a gongkai
 * database, damaged file (a read error, or PRAGMA quick_check on files up to
 * GK_QUICK_CHECK_MAX_BYTES), or built by a different version. */
int db_open(const char *path, gk_db **out, char **err);
void db_close(gk_db *db);

/* Creates a new, empty database at path (which must not exist) with the schema's tables
 * and the tokenizer registered, ready for loading. Returns SQLITE_OK or an error with
 * *err set. */
int db_create(const char *path, sqlite3 **out, char **err);

/* Creates the indexes of data/schema.sql (the part after "-- @after-load"), which the
 * loader adds once the rows are in. Returns SQLITE_OK or an error with *err set. */
int db_create_indexes(sqlite3 *h, char **err);

/* Value of a meta key (malloc'd), or NULL. */
char *db_meta(sqlite3 *h, const char *key);

/* A message for the user for an SQLite error code, never raw SQL text. */
const char *db_error_text(int rc);

#endif
