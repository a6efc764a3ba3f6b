/* Prepared statements of the organisation check, kept per connection (core/orgstmt.c).
 * A check runs the same few statements for each of up to 50 organisations, and preparing
 * one (5-26 µs) costs more than running it. */
#ifndef GONGKAI_ORGSTMT_H
#define GONGKAI_ORGSTMT_H

#include <sqlite3.h>
#include <stddef.h>

/* The statement for sql (a constant) on h, ready to bind: prepared the first time, then
 * reused. While it is out (until oc_stmt_put) the same sql gets a statement of its own.
 * NULL when it cannot be prepared (sqlite3_errcode(h) says why). */
sqlite3_stmt *oc_stmt_get(sqlite3 *h, const char *sql);

/* Gives st back: reset, bindings cleared (never finalize it). NULL is ignored. */
void oc_stmt_put(sqlite3_stmt *st);

/* A zeroed buffer of at least bytes kept with the connection (a fresh one would cost a
 * page fault per 4 KB touched: half a millisecond for the 2 MB a similar-name search
 * counts in). The caller zeroes what it wrote before oc_scratch_put. While it is out,
 * another caller gets a buffer of its own. */
void *oc_scratch_get(sqlite3 *h, size_t bytes);
void oc_scratch_put(sqlite3 *h, void *buf);

/* Finalizes h's statements and frees its scratch buffer; db_close calls it before
 * sqlite3_close. A connection closed any other way must call it first (a later
 * connection at the same address would otherwise find the old statements). */
void oc_stmt_release(sqlite3 *h);

#endif
