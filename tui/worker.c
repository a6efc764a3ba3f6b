#include "worker.h"

#include "xalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A statistics request with its own copies of every list and string (JOB_STAT). */
typedef struct {
    stat_request rq;    /* its pointers point into the fields below */
    char **inds, **regions;
    size_t ninds, nregions;
    char *children_of, *unit;
    stat_period *periods;
} stat_job;

typedef struct {
    enum job_kind kind;
    unsigned gen;
    char *text;
    search_opts opts;
    char domain[16];
    oc_opts org;       /* JOB_ORG; its strings point into region and today below */
    char region[16], today[11];
    place_opts place;  /* JOB_PLACE; its date points into date below */
    size_t with_places; /* JOB_SEARCH: also this many places (0 none) */
    size_t with_indicators; /* JOB_SEARCH: also this many indicators (0 none) */
    char date[11];
    stat_job *stat;     /* JOB_STAT */
    hr_opts hot;        /* JOB_HOTLINE; its strings point into service and date */
    char service[64];
    int with_area;      /* JOB_HOTLINE: also hotarea_load */
} request;

static char **copy_strings(const char *const *v, size_t n)
{
    char **out = xcalloc(n ? n : 1, sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = xstrdup(v[i] ? v[i] : "");
    return out;
}

static stat_job *stat_job_new(const stat_request *rq)
{
    stat_job *j = xcalloc(1, sizeof *j);
    j->rq = *rq;
    j->ninds = rq->nindicators;
    j->nregions = rq->nregions;
    j->inds = copy_strings(rq->indicators, rq->nindicators);
    j->regions = copy_strings(rq->regions, rq->nregions);
    j->children_of = rq->children_of ? xstrdup(rq->children_of) : NULL;
    j->unit = rq->unit ? xstrdup(rq->unit) : NULL;
    j->periods = xcalloc(rq->nperiods ? rq->nperiods : 1, sizeof *j->periods);
    if (rq->nperiods)
        memcpy(j->periods, rq->periods, rq->nperiods * sizeof *j->periods);
    j->rq.indicators = (const char *const *)j->inds;
    j->rq.regions = (const char *const *)j->regions;
    j->rq.children_of = j->children_of;
    j->rq.unit = j->unit;
    /* convert_hint is a string literal of the pane: kept as it is. */
    j->rq.periods = j->periods;
    return j;
}

static void stat_job_free(stat_job *j)
{
    if (!j)
        return;
    for (size_t i = 0; i < j->ninds; i++)
        free(j->inds[i]);
    for (size_t i = 0; i < j->nregions; i++)
        free(j->regions[i]);
    free(j->inds);
    free(j->regions);
    free(j->children_of);
    free(j->unit);
    free(j->periods);
    free(j);
}

static void request_free(request *rq)
{
    free(rq->text);
    stat_job_free(rq->stat);
    rq->text = NULL;
    rq->stat = NULL;
}

struct worker {
    gk_db *db;
    int synchronous;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stop;
    int has_request, running;
    request req;          /* the next request (replaces an unstarted one) */
    unsigned running_gen;
    int has_result;       /* a finished job waits in result */
    unsigned result_gen;
    job_result result;
    int result_rc;
    char *result_err;
};

void job_result_free(job_result *r)
{
    if (r->kind == JOB_SEARCH)
        search_result_free(&r->search);
    else if (r->kind == JOB_ORG)
        oc_result_free(&r->org);
    if (r->kind == JOB_PLACE || r->have_place)
        place_result_free(&r->place);
    if (r->have_indicators)
        statq_match_free(&r->indicators);
    if (r->kind == JOB_STAT)
        statq_table_free(&r->stat);
    if (r->kind == JOB_HOTLINE)
        hr_result_free(&r->hot);
    if (r->have_area)
        hotarea_free(&r->area);
}

static void run(worker *w, const request *rq)
{
    job_result r;
    memset(&r, 0, sizeof r);
    r.kind = rq->kind;
    char *err = NULL;
    int rc;
    if (rq->kind == JOB_ORG) {
        oc_opts o = rq->org;
        o.region = rq->region[0] ? rq->region : NULL;
        o.today = rq->today[0] ? rq->today : NULL;
        rc = orgcheck_run(w->db, rq->text, &o, &r.org, &err);
    } else if (rq->kind == JOB_PLACE) {
        place_opts o = rq->place;
        o.date = rq->date[0] ? rq->date : NULL;
        rc = place_lookup(w->db, rq->text, &o, &r.place, &err);
    } else if (rq->kind == JOB_HOTLINE) {
        hr_opts o = rq->hot;
        o.service = rq->service[0] ? rq->service : NULL;
        o.date = rq->date[0] ? rq->date : NULL;
        rc = hotroute(w->db, rq->text, &o, &r.hot, &err);
        if (rc == 0 && rq->with_area && r.hot.division[0]) {
            /* The routing stands without the area: its failure goes to the status line. */
            if (hotarea_load(w->db, r.hot.division, &r.area, &err) == 0)
                r.have_area = 1;
        }
    } else if (rq->kind == JOB_STAT) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        rc = statq_table(w->db->h, &rq->stat->rq, &r.stat, &err);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        r.stat_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    } else {
        search_opts o = rq->opts;
        o.domain = rq->domain[0] ? rq->domain : NULL;
        rc = search_run(w->db, rq->text, strlen(rq->text), &o, &r.search, &err);
        if (rc >= 0 && rq->with_places) {
            place_opts po = PLACE_OPTS_INIT;
            po.limit = rq->with_places;
            char *perr = NULL;
            /* A database without places, or a failure here, leaves the search alone. */
            if (place_lookup(w->db, rq->text, &po, &r.place, &perr) == 0)
                r.have_place = 1;
            else
                place_result_free(&r.place);
            free(perr);
        }
        if (rc >= 0 && rq->with_indicators) {
            char *serr = NULL;
            /* Likewise: without statistics the search is all there is. */
            if (statq_match(w->db->h, rq->text, rq->with_indicators, &r.indicators, &serr) == 0)
                r.have_indicators = 1;
            free(serr);
        }
    }
    pthread_mutex_lock(&w->lock);
    /* Drop the result of an interrupted or overtaken job. */
    if (w->has_request && w->req.gen != rq->gen) {
        job_result_free(&r);
        free(err);
    } else {
        if (w->has_result) {
            job_result_free(&w->result);
            free(w->result_err);
        }
        w->result = r;
        w->result_rc = rc;
        w->result_err = err;
        w->result_gen = rq->gen;
        w->has_result = 1;
    }
    pthread_mutex_unlock(&w->lock);
}

static void *loop(void *arg)
{
    worker *w = arg;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->stop && !w->has_request)
            pthread_cond_wait(&w->wake, &w->lock);
        if (w->stop)
            break;
        request rq = w->req;
        w->has_request = 0;
        w->running = 1;
        w->running_gen = rq.gen;
        pthread_mutex_unlock(&w->lock);
        run(w, &rq);
        request_free(&rq);
        pthread_mutex_lock(&w->lock);
        w->running = 0;
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

worker *worker_new(const char *db_path, int synchronous, char **err)
{
    worker *w = xcalloc(1, sizeof *w);
    if (db_open(db_path, &w->db, err) != 0) {
        free(w);
        return NULL;
    }
    w->synchronous = synchronous;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, NULL);
    if (!synchronous && pthread_create(&w->thread, NULL, loop, w) != 0)
        w->synchronous = 1; /* no thread: still correct, only less responsive */
    return w;
}

void worker_free(worker *w)
{
    if (!w)
        return;
    if (!w->synchronous) {
        pthread_mutex_lock(&w->lock);
        w->stop = 1;
        if (w->running)
            sqlite3_interrupt(w->db->h);
        pthread_cond_signal(&w->wake);
        pthread_mutex_unlock(&w->lock);
        pthread_join(w->thread, NULL);
    }
    if (w->has_request)
        request_free(&w->req);
    if (w->has_result) {
        job_result_free(&w->result);
        free(w->result_err);
    }
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->wake);
    db_close(w->db);
    free(w);
}

static void submit(worker *w, request *rq)
{
    if (w->synchronous) {
        run(w, rq);
        request_free(rq);
        return;
    }
    pthread_mutex_lock(&w->lock);
    if (w->has_request)
        request_free(&w->req);
    w->req = *rq;
    w->has_request = 1;
    if (w->running)
        sqlite3_interrupt(w->db->h); /* the running job is stale now */
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
}

void worker_submit(worker *w, unsigned gen, const char *text, const search_opts *o,
                   size_t with_places, size_t with_indicators)
{
    request rq;
    memset(&rq, 0, sizeof rq);
    rq.kind = JOB_SEARCH;
    rq.with_places = with_places;
    rq.with_indicators = with_indicators;
    rq.gen = gen;
    rq.text = xstrdup(text);
    rq.opts = *o;
    if (o->domain)
        snprintf(rq.domain, sizeof rq.domain, "%s", o->domain);
    rq.opts.domain = NULL;
    submit(w, &rq);
}

void worker_submit_org(worker *w, unsigned gen, const char *text, const oc_opts *o)
{
    request rq;
    memset(&rq, 0, sizeof rq);
    rq.kind = JOB_ORG;
    rq.gen = gen;
    rq.text = xstrdup(text);
    rq.org = *o;
    if (o->region)
        snprintf(rq.region, sizeof rq.region, "%s", o->region);
    if (o->today)
        snprintf(rq.today, sizeof rq.today, "%s", o->today);
    rq.org.region = rq.org.today = NULL;
    submit(w, &rq);
}

void worker_submit_place(worker *w, unsigned gen, const char *text, const place_opts *o)
{
    request rq;
    memset(&rq, 0, sizeof rq);
    rq.kind = JOB_PLACE;
    rq.gen = gen;
    rq.text = xstrdup(text);
    rq.place = *o;
    if (o->date)
        snprintf(rq.date, sizeof rq.date, "%s", o->date);
    rq.place.date = NULL;
    submit(w, &rq);
}

void worker_submit_stat(worker *w, unsigned gen, const stat_request *rq)
{
    request r;
    memset(&r, 0, sizeof r);
    r.kind = JOB_STAT;
    r.gen = gen;
    r.text = xstrdup("");
    r.stat = stat_job_new(rq);
    submit(w, &r);
}

void worker_submit_hotline(worker *w, unsigned gen, const char *text, const hr_opts *o,
                           int with_area)
{
    request rq;
    memset(&rq, 0, sizeof rq);
    rq.kind = JOB_HOTLINE;
    rq.gen = gen;
    rq.text = xstrdup(text);
    rq.hot = *o;
    if (o->service)
        snprintf(rq.service, sizeof rq.service, "%s", o->service);
    if (o->date)
        snprintf(rq.date, sizeof rq.date, "%s", o->date);
    rq.hot.service = rq.hot.date = NULL;
    rq.with_area = with_area;
    submit(w, &rq);
}

int worker_poll(worker *w, unsigned *gen, job_result *r, int *rc, char **err)
{
    pthread_mutex_lock(&w->lock);
    int got = w->has_result;
    if (got) {
        *gen = w->result_gen;
        *r = w->result;
        *rc = w->result_rc;
        *err = w->result_err;
        w->has_result = 0;
        w->result_err = NULL;
    }
    pthread_mutex_unlock(&w->lock);
    return got;
}

int worker_busy(worker *w)
{
    pthread_mutex_lock(&w->lock);
    int busy = w->has_request || w->running || w->has_result;
    pthread_mutex_unlock(&w->lock);
    return busy;
}
