/* Searches off the keyboard's thread: the console stays responsive while a search runs,
 * and a newer query interrupts the running one (sqlite3_interrupt). The worker has its
 * own read-only connection. In test mode it runs each search at once, so key scripts
 * give the same screens every time. */
#ifndef GONGKAI_WORKER_H
#define GONGKAI_WORKER_H

#include "search.h"

typedef struct worker worker;

/* Opens path for the worker. synchronous = run searches in worker_submit itself. */
worker *worker_new(const char *db_path, int synchronous, char **err);
void worker_free(worker *w);

/* Asks for a search; gen identifies it. A search still running is interrupted and its
 * result dropped. The strings are copied. */
void worker_submit(worker *w, unsigned gen, const char *text, const search_opts *o);

/* Takes the newest finished search: returns 1 and fills *gen, *r (free it with
 * search_result_free), *rc (as search_run) and *err; 0 when there is none. */
int worker_poll(worker *w, unsigned *gen, search_result *r, int *rc, char **err);

/* True while a search is queued, running, or finished but not yet taken. */
int worker_busy(worker *w);

#endif
