/* Internals of the organisation check, shared by orgcheck.c (routing, ordering,
 * filters, the answer), orgcand.c (finding candidate organisations by name) and
 * orgsubject.c (reading one organisation with its listings and look-alikes). */
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

/* Organisations with a name related to name by orgname_compare (similar, or one holding
 * the other) among those whose registered flag is want_registered (-1: any), except org
 * exclude. Appends at most max. */
int oc_find_similar(gk_db *db, const char *name, int want_registered, long long exclude,
                    oc_cands *out, size_t max);

/* Reads organisation org_id into *s with its names, listings (newest first, with
 * lifecycle events as of today) and verdict. Returns 0, 1 when absent, -1 on error. */
int oc_subject_load(gk_db *db, long long org_id, const isodate *today, oc_subject *s);

/* Look-alike warnings of s: legal organisations its listings name as confusable, list
 * entries that name it as confusable, and (when similar is set) organisations on the
 * other side of the law with similar names. */
int oc_subject_alikes(gk_db *db, oc_subject *s, int similar);

void oc_subject_free(oc_subject *s);

/* Column text or NULL, copied. */
char *oc_col(sqlite3_stmt *s, int i);

#endif
