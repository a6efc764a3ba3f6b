/* Searches, organisation checks and place look-ups off the keyboard's thread: the console stays
 * responsive while one runs, and a newer query interrupts it (sqlite3_interrupt). The worker has its
 * own read-only connection. In test mode it runs each search at once, so key scripts
 * give the same screens every time. */
#ifndef GONGKAI_WORKER_H
#define GONGKAI_WORKER_H

#include "hotarea.h"
#include "hotroute.h"
#include "orgcheck.h"
#include "place.h"
#include "search.h"
#include "statq.h"

typedef struct worker worker;

/* What a job produced: a search (the search and regulations panes), an organisation
 * check (the organisations pane), a place look-up (the places pane) or a statistics
 * table (the statistics pane). */
enum job_kind { JOB_SEARCH = 0, JOB_ORG, JOB_PLACE, JOB_STAT, JOB_HOTLINE };
typedef struct {
    enum job_kind kind;
    search_result search;
    oc_result org;
    place_result place; /* JOB_PLACE, or with_places of a JOB_SEARCH when have_place */
    int have_place;
    stat_match indicators; /* with_indicators of a JOB_SEARCH when have_indicators */
    int have_indicators;
    stat_table stat;    /* JOB_STAT */
    double stat_ms;     /* JOB_STAT: how long statq_table took */
    hr_result hot;      /* JOB_HOTLINE: the routing */
    hotarea area;       /* JOB_HOTLINE with the area asked for and a place found */
    int have_area;
} job_result;
void job_result_free(job_result *r);

/* Opens path for the worker. synchronous = run searches in worker_submit itself. */
worker *worker_new(const char *db_path, int synchronous, char **err);
void worker_free(worker *w);

/* Asks for a search; gen identifies it. A search still running is interrupted and its
 * result dropped. The strings are copied. with_places: also look the text up as a place
 * (place_lookup, at most places hits) for 搜索's 地名 group; with_indicators: also the
 * statistics indicators it names (statq_match, at most that many) for its 统计 group;
 * 0 for none. */
void worker_submit(worker *w, unsigned gen, const char *text, const search_opts *o,
                   size_t with_places, size_t with_indicators);

/* Asks for an organisation check, like worker_submit. */
void worker_submit_org(worker *w, unsigned gen, const char *text, const oc_opts *o);

/* Asks for a place look-up (place_lookup), like worker_submit. */
void worker_submit_place(worker *w, unsigned gen, const char *text, const place_opts *o);

/* Asks for a statistics table (statq_table), like worker_submit. The request's lists and
 * strings are copied. */
void worker_submit_stat(worker *w, unsigned gen, const stat_request *rq);

/* Asks for a caller's routing (hotroute), like worker_submit; with_area: also the area's
 * relief standard and Q&A (hotarea_load) of the place it resolved to. The options'
 * strings are copied. */
void worker_submit_hotline(worker *w, unsigned gen, const char *text, const hr_opts *o,
                           int with_area);

/* Takes the newest finished job: returns 1 and fills *gen, *r (free it with
 * job_result_free), *rc (as search_run, orgcheck_run, place_lookup, statq_table or hotroute) and *err; 0 when there is none. */
int worker_poll(worker *w, unsigned *gen, job_result *r, int *rc, char **err);

/* True while a search is queued, running, or finished but not yet taken. */
int worker_busy(worker *w);

#endif
