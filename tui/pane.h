/* A pane of the console (搜索, 法规 ...) behind an ops table, one file each (cf. tig's
 * view_ops). The application owns the screen layout, the input line, key dispatch and the
 * search worker; a pane draws its rectangle, handles actions, reacts to what is typed and
 * receives search results. Panes draw through draw.h and never include curses. */
#ifndef GONGKAI_PANE_H
#define GONGKAI_PANE_H

#include <stddef.h>

#include "action.h"
#include "draw.h"
#include "hotarea.h"
#include "hotroute.h"
#include "keymap.h"
#include "orgcheck.h"
#include "place.h"
#include "search.h"
#include "statq.h"

typedef struct app app;

/* Results of pane handlers (bit flags). */
enum {
    PR_IGNORED = 0, /* not handled: the application tries its own handling */
    PR_HANDLED = 1,
    PR_REDRAW = 2,  /* the pane must be drawn again */
};

typedef struct pane_ops {
    const char *name;  /* "search", "regs", "orgs", "places", "stats": config and tests */
    const char *label; /* "搜索", "法规", "组织": tab */
    enum action show;  /* the action that switches to it (ACT_PANE_REGS) */
    void *(*init)(app *a);
    void (*done)(void *st);
    /* Draw into r (already cleared). */
    void (*draw)(void *st, app *a, const rect *r);
    /* A bound action; PR_IGNORED lets the application handle it. */
    int (*action)(void *st, app *a, enum action act);
    /* The input line changed (submitted = 0, as you type) or Enter was pressed. */
    void (*query)(void *st, app *a, const char *text, int submitted);
    /* A search this pane asked for (app_search) finished; the pane owns *r now. */
    void (*result)(void *st, app *a, search_result *r, int rc, const char *err);
    /* An organisation check it asked for (app_check_org) finished; it owns *r now. */
    void (*org_result)(void *st, app *a, oc_result *r, int rc, const char *err);
    /* A place look-up it asked for (app_lookup_place) finished; it owns *r now. */
    void (*place_result)(void *st, app *a, place_result *r, int rc, const char *err);
    /* The statistics indicators its search named (app_search_with_groups), delivered just
     * before the search's result; it owns *m now. */
    void (*indicator_result)(void *st, app *a, stat_match *m);
    /* A statistics table it asked for (app_query_stats) finished, taking ms; it owns *t. */
    void (*stat_result)(void *st, app *a, stat_table *t, double ms, int rc, const char *err);
    /* A routing it asked for (app_route_hotline) finished; it owns *r and, when area is
     * not NULL, *area now. */
    void (*hot_result)(void *st, app *a, hr_result *r, hotarea *area, int rc, const char *err);
    /* The keymap chain of the current view, most specific first. */
    size_t (*contexts)(void *st, enum keymap_ctx *out, size_t max);
    /* A mouse event inside the pane's rectangle (may be NULL). */
    int (*mouse)(void *st, app *a, const rect *r, const gk_key *k);
    /* The pane became visible (may be NULL). */
    void (*activate)(void *st, app *a);
    /* Prompt of the input line for this pane ("查询>"). */
    const char *(*prompt)(void *st);
} pane_ops;

extern const pane_ops pane_search_ops;
extern const pane_ops pane_regs_ops;
extern const pane_ops pane_orgs_ops;
extern const pane_ops pane_places_ops;
extern const pane_ops pane_stats_ops;
extern const pane_ops pane_hotlines_ops;

/* The regulations pane opens a regulation at a node (题注, 条 or 段 of reg_node) and
 * highlights q's matches in its text (q may be NULL). */
void pane_regs_open(void *st, app *a, long long node_id, const query *q);

/* The organisations pane shows one organisation (org.id) as a check would. */
void pane_orgs_open(void *st, app *a, long long org_id);

/* The places pane shows one division code in detail (Backspace: its results, if any). */
void pane_places_open(void *st, app *a, const char *code);

/* The statistics pane shows one indicator (indicator.code) as picking it in its own
 * indicator list would: its table for 全国 and the regions under it. */
void pane_stats_open(void *st, app *a, const char *indicator_code);

#endif
