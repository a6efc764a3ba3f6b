/* Internals of the organisation check, shared by orgcheck.c (routing, ordering,
 * filters, the answer), orgcand.c (finding candidate organisations by name),
 * orgsimilar.c (similar names) and orgsubject.c (reading one organisation with its
 * listings and look-alikes). */
#ifndef GONGKAI_ORGCHECK_INT_H
#define GONGKAI_ORGCHECK_INT_H

#include "isodate.h"
#include "orgcheck.h"

/* A candidate organisation and the best reason it matched. */
typedef struct {
    long long org_id;
    enum orgname_match how;
    double similarity;
    char *matched; /* the name (or code) that matched */
    char *why;     /* a reason for people when orgname_match_label is not enough, or NULL */
    int group;     /* verdict group of the org (0 listed now ... 3), filled by orgcheck.c */
} oc_cand;

typedef struct {
    oc_cand *v;
    size_t n, cap;
} oc_cands;

/* Adds or improves the candidate for org_id (a stronger how wins). */
void oc_cands_add(oc_cands *c, long long org_id, enum orgname_match how, double similarity,
                  const char *matched, const char *why);
void oc_cands_free(oc_cands *c);

/* Candidates for a name: exact, folded and punctuation-free keys, the prefix-free core,
 * names containing it, names it contains, similar names. *total receives how many
 * organisations were found before the per-step caps (a lower bound when capped). */
int oc_find_by_name(gk_db *db, const char *input, oc_cands *out, size_t *total);

/* The org_name rows that may hold key (a name's key) as a part, from the bigram lists,
 * newest first into *rows (a superset: check each): returns 1 when there are at most cap
 * of them, 2 when there are more (their number then estimates how many names hold key,
 * from above), 0 when the lists cannot narrow them down (the rarest pair is common), -1
 * on a database error (core/orgcontains.c). */
int oc_contains_candidates(sqlite3 *h, const char *key, size_t cap, long long **rows,
                           size_t *nrows);

/* What oc_find_similar looks among. */
typedef struct {
    int want_registered;      /* registered flag of the organisations wanted, -1 any */
    long long exclude;        /* an organisation left out (0 none) */
    int with_contained;       /* also look up the names that are a part of the name */
    const long long *skip;    /* org_name rowids already compared (ascending), or NULL */
    size_t nskip;
} oc_similar_opts;

/* Organisations with a name related to name by orgname_compare (similar, or one holding
 * the other), except those already in out; appends at most max (core/orgsimilar.c). */
int oc_find_similar(gk_db *db, const char *name, const oc_similar_opts *o, oc_cands *out,
                    size_t max);

/* Reads organisation org_id into *s with its names, listings (newest first, with
 * lifecycle events as of today) and verdict. Returns 0, 1 when absent, -1 on error. */
int oc_subject_load(gk_db *db, long long org_id, const isodate *today, oc_subject *s);

/* Look-alike warnings of s: legal organisations its listings name as confusable, list
 * entries that name it as confusable, and (when similar is set) organisations on the
 * other side of the law with similar names. */
int oc_subject_alikes(gk_db *db, oc_subject *s, int similar);

void oc_subject_free(oc_subject *s);

/* A read transaction around a step's statements, when none is open: each statement
 * run on its own takes and drops the shared lock (fcntl, fstat, a page read), which at
 * a hundred statements a check cost more than the statements. oc_read_begin returns
 * whether it began one, for oc_read_end. */
int oc_read_begin(sqlite3 *h);
void oc_read_end(sqlite3 *h, int began);

/* Column text or NULL, copied. */
char *oc_col(sqlite3_stmt *s, int i);

#endif
