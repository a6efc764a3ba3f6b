/* Relevance ranking: bm25 with inverse document frequencies supplied by the caller.
 *
 * FTS5's own bm25() finds each phrase's document frequency by reading every matching
 * row once per statement, so ranking even the newest 20 hits of a term found in 80,000
 * units costs as much as ranking all of them (measured: 21 ms for 20 or 2,000). gk_bm25
 * computes the same formula (k1 = 1.2, b = 0.75, body weight 1, title weight 3) from the
 * row itself and takes the frequencies as an argument. A one-phrase query needs none (the
 * idf scales every score alike); with several phrases each is counted up to a cap. */
#ifndef GONGKAI_RANK_H
#define GONGKAI_RANK_H

#include <sqlite3.h>

#include "query.h"

/* Registers the FTS5 auxiliary function gk_bm25(doc_fts, 'idf0,idf1,...' [, windows])
 * on a connection. windows, "lo:hi:limit;...", makes it score only the first `limit`
 * rows it meets in each rowid range and return NULL for the rest: a newest-first scan
 * then counts every match and ranks each range's newest ones in one statement.
 * Returns SQLITE_OK or an error. */
int rank_register(sqlite3 *db);

/* The idf argument for q's expression: one value per phrase, in the order FTS5 numbers
 * them (positive terms' alternatives, then excluded terms'), from each phrase's count of
 * matching units up to cap; "" for a one-phrase query. nrows is the number of units. The
 * caller frees the string. */
char *rank_idf_arg(sqlite3 *db, const query *q, long long nrows, long long cap);

#endif
