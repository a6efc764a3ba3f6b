/* The application's state, shared by app.c (loop and dispatch), bars.c (title, tabs,
 * status and function-key bars) and modal.c (picker and help overlays). Panes see only
 * app.h. */
#ifndef GONGKAI_APP_PRIVATE_H
#define GONGKAI_APP_PRIVATE_H

#include "app.h"

#define APP_MAX_PANES 8
#define APP_FKEYS 12

typedef struct {
    const pane_ops *ops;
    void *st;
} pane_slot;

/* A modal overlay: a picker (items) or the help screen (lines). */
typedef struct {
    int active;
    int help;            /* the help screen rather than a picker */
    char *title;
    char **items;
    int n, sel, top;
    app_pick_fn cb;
    void *cb_st;
} modal_t;

struct app {
    config_t *cfg;
    gk_db *db;
    worker *worker;
    keymap *keys;
    hist_t *hist;
    pane_slot panes[APP_MAX_PANES];
    int npanes, focus;

    lineedit input;
    int input_focus;     /* keys go to the input line */
    char *ask_prompt;    /* a question in the input line (app_ask), else NULL */
    app_answer_fn ask_cb;
    void *ask_st;
    char *saved_input;   /* the query line while a question is asked */

    enum convert_script script;
    char *corpus_name, *as_of;

    char message[512];   /* until the next key */
    int message_error;
    char count[256];     /* result count and time of the last query */

    unsigned gen;        /* the newest search asked for */
    int gen_pane;        /* the pane that asked for it */

    modal_t modal;
    int quit, too_small;
    rect pane_rect;
    /* where the function keys were drawn, for mouse clicks */
    struct {
        int x0, x1;
        enum action act;
    } fkey_hit[APP_FKEYS];
    int nfkey_hit;
    struct {
        int x0, x1;
    } tab_hit[APP_MAX_PANES];
};

/* bars.c */
void bars_draw(app *a);
int bars_mouse(app *a, const gk_key *k); /* 1 when the click hit a tab or function key */

/* modal.c */
void modal_draw(app *a);
void modal_key(app *a, const gk_key *k);
void modal_help(app *a);
void modal_close(app *a);

/* app.c */
void app_do_action(app *a, enum action act);
size_t app_contexts(app *a, enum keymap_ctx *out, size_t max);
const char *app_input_prompt(app *a);

#endif
