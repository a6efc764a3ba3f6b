/* Searches and organisation checks off the keyboard's thread: the console stays
 * responsive while one runs, and a newer query interrupts it (sqlite3_interrupt). The worker has its
 * own read-only connection. In test mode it runs each search at once, so key scripts
 * give the same screens every time. */
#ifndef GONGKAI_WORKER_H
#define GONGKAI_WORKER_H

#include "orgcheck.h"
#include "search.h"

typedef struct worker worker;

/* What a job produced: a search (the search and regulations panes) or an organisation
 * check (the organisations pane). */
enum job_kind { JOB_SEARCH = 0, JOB_ORG };
typedef struct {
    enum job_kind kind;
    search_result search;
    oc_result org;
} job_result;
void job_result_free(job_result *r);

/* Opens path for the worker. synchronous = run searches in worker_submit itself. */
worker *worker_new(const char *db_path, int synchronous, char **err);
void worker_free(worker *w);

/* Asks for a search; gen identifies it. A search still running is interrupted and its
 * result dropped. The strings are copied. */
void worker_submit(worker *w, unsigned gen, const char *text, const search_opts *o);

/* Asks for an organisation check, like worker_submit. */
void worker_submit_org(worker *w, unsigned gen, const char *text, const oc_opts *o);

/* Takes the newest finished job: returns 1 and fills *gen, *r (free it with
 * job_result_free), *rc (as search_run or orgcheck_run) and *err; 0 when there is none. */
int worker_poll(worker *w, unsigned *gen, job_result *r, int *rc, char **err);

/* True while a search is queued, running, or finished but not yet taken. */
int worker_busy(worker *w);

#endif
