/* Policy Q&A (issue 7), the reading side: one item with its bases as the loader resolved
 * them (loader/qa_finish.c: each basis to the version in force of its regulation and the
 * article it names there, the version the item rests on, why it is unresolved; an item
 * whose cited article changed, or whose regulation is no longer in force, is
 * possibly_outdated with the reason), items found by text through core/search (domain
 * qa: question, colloquial forms and answer, Simplified finds Traditional), items of a
 * category, and the categories. Pure: no curses; corpus text is returned raw (callers
 * sanitise and convert it). */
#ifndef GONGKAI_QA_H
#define GONGKAI_QA_H

#include <stddef.h>

#include "db.h"

/* Items returned at most by one search or browse. */
#define QA_MAX_LIMIT 500

typedef struct {
    char *ref_text;        /* as written in the item: 社会救助暂行办法第十一条第（三）项 */
    char *title;           /* the regulation's title (its version in force), NULL when the
                              reference names no regulation that was found */
    char *label;           /* the part it names: 第十一条第（三）项; NULL when none */
    long long reg_id;      /* the version in force; 0 when unresolved */
    long long node_id;     /* the unit named in that version; 0 when unresolved */
    long long open_node;   /* the article (条, 段 or 题注) holding node_id: what 法规 opens */
    long long cited_reg_id;/* the version the item rests on; 0 when not known */
    char *version;         /* version date of reg_id, NULL when undated or unresolved */
    char *cited_version;   /* version date of cited_reg_id, NULL when none */
    const char *status;    /* the regulation's status today, as a label (现行有效, 已废止 …;
                              static), NULL when unresolved */
    int in_force;          /* status is 现行有效 */
    int changed;           /* rests on another version than the one in force */
    int text_changed;      /* the article's text differs in the version in force, or the
                              regulation is no longer in force (the item's reason names it) */
    char *problem;         /* why it is unresolved (as reported at load), else NULL */
} qa_basis_t;

typedef struct {
    long long id;
    char *question, *variants, *answer; /* variants: one per line, may be NULL */
    char *publisher, *platform, *category, *region_code, *published, *updated, *url;
    int outdated;          /* status possibly_outdated */
    char *reason;          /* why (status_reason), NULL when current */
    char *source;          /* the file it was loaded from, NULL when unknown */
    long line;
    qa_basis_t *bases;
    size_t nbases;
} qa_entry;

typedef struct {
    qa_entry *items;
    size_t n;
    long long total;  /* matches (a search: as search_run counted them, or those in the
                         category; a browse: items in the category) */
    double ms;
    char *note;       /* for the user: query notes, relaxation; NULL */
} qa_result;

typedef struct {
    char *name;
    long long count;
    long long outdated;
} qa_category;

/* Status label of an item: "可能过时" or "" (current). */
const char *qa_status_label(const qa_entry *e);

/* The region of an item for people: 全国 for 000000 and empty, else the code. */
const char *qa_region_label(const qa_entry *e);

/* One item by qa_item.id: 0, 1 when there is none, -1 on a database error (*err). */
int qa_get(gk_db *db, long long id, qa_entry *out, char **err);
void qa_entry_free(qa_entry *e);

/* Items whose question, colloquial forms or answer match text (core/search, domain qa:
 * current items before possibly outdated ones, each by relevance), only those of
 * category when it is not NULL or "", at most limit (1..QA_MAX_LIMIT, 0: 20). Returns 0
 * (r->n may be 0), 1 when text has nothing to search (r->note says why), -1 on error. */
int qa_search(gk_db *db, const char *text, const char *category, size_t limit, qa_result *r,
              char **err);

/* The items of a category (NULL or "": every item), current before possibly outdated,
 * newest first, at most limit (0: 20). 0, or -1 on error. */
int qa_browse(gk_db *db, const char *category, size_t limit, qa_result *r, char **err);

void qa_result_free(qa_result *r);

/* The categories with their item counts, most items first: the number of them, or -1. */
int qa_categories(gk_db *db, qa_category **out, char **err);
void qa_categories_free(qa_category *v, int n);

#endif
