/* The 统计 pane's state and what its files share, private to them: tui/pane_stats.c (state,
 * the query flow, drilling, actions), tui/statpane_input.c (reading what is typed),
 * tui/statpane_pick.c (the F4 picker) and tui/statpane_draw.c (drawing). Other panes see
 * only pane.h. */
#ifndef GONGKAI_STATPANE_H
#define GONGKAI_STATPANE_H

#include "app.h"
#include "statview.h"

#define MAX_SEL 32   /* indicators or regions in one request */
#define BACK_MAX 16  /* drills Backspace goes back through */
#define CODE_BUF 16

typedef struct {
    char code[CODE_BUF];
    char *name;       /* as tables name it: 北京市, 示例市（示例） */
    char *core;       /* without a bracketed remark: 示例市; or NULL */
    char *shortn;     /* 北京 (suffix off), or NULL */
    char parent[CODE_BUF]; /* STAT_NATIONAL for a province, "" for 全国 */
} sregion;

/* What is asked: the request being built. */
typedef struct {
    char *inds[MAX_SEL];
    size_t ninds;
    char *regs[MAX_SEL];  /* regions asked for; none: the parent and its subregions */
    size_t nregs;
    char parent[CODE_BUF];
    int ptype_set;
    enum stat_ptype ptype;
    char from[11], to[11]; /* "" open */
    char *focus;          /* a back entry: the row key the cursor was on */
} ssel;

/* The modes, kept apart from what is asked (they survive typing). */
typedef struct {
    int change;           /* enum stat_change */
    int convert;
    int transpose;
} smodes;

enum { TAB_IND = 0, TAB_REGION, TAB_PERIOD, NTABS }; /* the picker's tabs */

/* An item of the F4 picker. */
typedef struct {
    char *text;
    char *code;           /* indicator or region */
    int children;         /* region: its subregions rather than itself */
    int kind;             /* period: 0 a type, 1 a year of the current type */
    enum stat_ptype ptype;
    int year;
    int current;
} pitem;

typedef struct {
    int loaded;
    char *load_err;
    stat_ind *inds;
    size_t ninds;
    sregion *regs;
    size_t nregs;
    char *as_of;

    ssel sel;
    int have_sel;
    smodes modes;
    ssel back[BACK_MAX];
    int nback;

    /* How the table shown is laid out, and (next_*) the one asked for last, which
     * becomes it when its answer arrives. */
    enum stat_axis rows, cols, next_rows, next_cols;
    int pinned, next_pinned;
    char *where, *next_where; /* 北京市及所辖地区: what the engine's title leaves out */

    stat_table t;
    int have_t;
    size_t *colmap;       /* view column -> table column (empty columns of indicators hidden) */
    statview v;
    enum convert_script script;
    char *problem;        /* why there is no table (shown in its place) */
    double ms;

    int chart;
    int picking, tab;
    pitem *items;
    size_t nitems, psel, ptop;

    char *query;
    int view_h;
    char *focus;          /* put the cursor on this row key when the table arrives */
    /* Look-ups kept for the session (the database does not change under the console):
     * the periods of an indicator in a region, the regions under a parent. */
    struct centry {
        char *key;
        stat_period *periods;
        char **codes, **parents;
        size_t n;
    } *cache;
    size_t ncache, capcache;
    char **req_regs;      /* the regions of the request sent last */
    size_t nreq_regs;
} stats_pane;

/* tui/pane_stats.c */
void sp_sel_free(ssel *s);
void sp_sel_add_ind(ssel *s, const char *code);
void sp_sel_add_reg(ssel *s, const char *code);
/* Corpus text for the screen: sanitised, in the display script. */
char *sp_shown(const stats_pane *s, const char *text);
const stat_ind *sp_ind_by_code(const stats_pane *s, const char *code);
const sregion *sp_reg_by_code(const stats_pane *s, const char *code);
/* Reads the indicators and regions, the first time. */
void sp_load(stats_pane *s, app *a);
/* The periods of a type that an indicator has in any of the regions (none: anywhere),
 * within the selection's [from, to], oldest first. New array. */
stat_period *sp_periods_over(stats_pane *s, app *a, const char *ind, char *const *regions,
                             size_t nregions, enum stat_ptype type, size_t *n);
/* Builds the request from what is asked and sends it to the worker. */
void sp_ask(stats_pane *s, app *a);
/* Keeps what is asked (and the row the cursor is on) for Backspace. */
void sp_push(stats_pane *s);
const char *sp_axis_word(enum stat_axis x);
/* The labels again in another display script; cursor and order stay. */
void sp_relabel(stats_pane *s);
/* The table cell under the cursor (NULL on the label column or without a table). */
const stat_cell *sp_current_cell(const stats_pane *s);

/* tui/statpane_input.c */
/* The first and last day of a year (1949..2100); either may be NULL. */
void sp_year_days(int year, char first[11], char last[11]);
/* What is typed, read into a new selection *q; without an indicator, those of the
 * selection shown stay. Returns 0, or -1 with *why for the status line (*q then empty). */
int sp_read(stats_pane *s, app *a, const char *text, ssel *q, char **why);

/* tui/statpane_pick.c */
void sp_free_items(stats_pane *s);
/* Opens the picker on a tab (wrapping around), the cursor on the current item. */
void sp_open_tab(stats_pane *s, app *a, int tab);
/* Puts the item under the cursor into what is asked and asks. */
void sp_pick(stats_pane *s, app *a);
/* The keys while the picker is open. */
int sp_picker_action(stats_pane *s, app *a, enum action act);

/* tui/statpane_draw.c */
/* s padded with spaces to cols display columns (cut with '>' when wider). */
char *sp_pad_to(const char *s, int cols);
void sp_draw(void *st, app *a, const rect *r);

#endif
