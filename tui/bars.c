/* The bars around the pane: title (corpus and its date), tabs, status line and the
 * function-key bar with Chinese labels (cf. htop's FunctionBar), and mouse clicks on
 * tabs and function keys. */
#include "app_private.h"

#include "u8.h"

#include <stdio.h>
#include <string.h>

/* Function keys shown in the bar, in this order, when bound in the current context. */
static const enum action bar_actions[] = {
    ACT_HELP,          ACT_PANE_SEARCH, ACT_PANE_REGS,   ACT_FILTER,          ACT_QA_BROWSE,
    ACT_GOTO_ARTICLE,  ACT_TOGGLE_SCRIPT, ACT_SORT,      ACT_TOGGLE_TREE,     ACT_TOGGLE_REPEALED,
    ACT_COPY_CITATION, ACT_VERSIONS,    ACT_DETAIL,      ACT_AS_OF,           ACT_QUIT,
};

static void draw_title(app *a, int cols)
{
    /* │ and — are ambiguous-width: ASCII unless the config asks for box characters. */
    const char *sep = term_unicode_frame() ? "│" : "|";
    char title[512];
    snprintf(title, sizeof title, " 政务公开查询台 gongkai %s %s %s 数据截至 %s", sep,
             a->corpus_name ? a->corpus_name : "", sep, a->as_of ? a->as_of : "?");
    /* While queries are not recorded (M-h, or [history] record = no), say so. */
    const char *script = hist_recording(a->hist)
                             ? (a->script == CONVERT_TRADITIONAL ? "[繁] " : "[简] ")
                             : (a->script == CONVERT_TRADITIONAL ? "【不记录】[繁] " : "【不记录】[简] ");
    int sw = (int)u8_width(script, strlen(script));
    draw_fill(0, 0, cols, AT_TITLE);
    draw_text(0, 0, cols - sw, title, strlen(title), AT_TITLE, NULL, AT_TITLE, 1);
    draw_str(0, cols - sw, sw, script, AT_TITLE);
}

static void draw_tabs(app *a, int cols)
{
    draw_fill(1, 0, cols, AT_TAB);
    int x = 1;
    for (int i = 0; i < a->npanes && x < cols; i++) {
        const pane_ops *o = a->panes[i].ops;
        /* The tab names its key: the F-key, else the first key bound (M-3). */
        int f = keymap_fkey_of(a->keys, KM_GLOBAL, o->show);
        char keys[64], label[96];
        keymap_keys_of(a->keys, KM_GLOBAL, o->show, keys, sizeof keys);
        keys[strcspn(keys, " ")] = 0;
        if (f)
            snprintf(label, sizeof label, " F%d %s ", f, o->label);
        else if (*keys)
            snprintf(label, sizeof label, " %s %s ", keys, o->label);
        else
            snprintf(label, sizeof label, " %s ", o->label);
        enum attr_kind at = i == a->focus ? AT_TAB_ACTIVE : AT_TAB;
        int w = draw_str(1, x, cols - x, label, at);
        a->tab_hit[i].x0 = x;
        a->tab_hit[i].x1 = x + w;
        x += w + 1;
    }
}

static void draw_status(app *a, int y, int cols)
{
    draw_fill(y, 0, cols, AT_STATUS);
    if (a->message[0]) {
        draw_text(y, 0, cols, a->message, strlen(a->message),
                  a->message_error ? AT_ERROR : AT_MESSAGE, NULL, AT_NORMAL, 1);
        return;
    }
    draw_text(y, 0, cols, a->count, strlen(a->count), AT_STATUS, NULL, AT_STATUS, 1);
}

static void draw_fkeys(app *a, int y, int cols)
{
    enum keymap_ctx chain[8];
    size_t n = app_contexts(a, chain, 8);
    draw_fill(y, 0, cols, AT_NORMAL);
    a->nfkey_hit = 0;
    /* The function key of each action in the current context: the pane's, else global. */
    struct fkey {
        int f;
        enum action act;
    } keys[APP_FKEYS];
    int nkeys = 0;
    for (size_t i = 0; i < sizeof bar_actions / sizeof *bar_actions; i++) {
        int f = 0;
        for (size_t c = 0; c < n && !f; c++)
            f = keymap_fkey_of(a->keys, chain[c], bar_actions[i]);
        if (!f)
            f = keymap_fkey_of(a->keys, KM_GLOBAL, bar_actions[i]);
        if (!f)
            continue;
        /* The key must really do this action here (a context may rebind it). */
        gk_key k = {.code = KEYC_F, .n = f};
        if (keymap_lookup(a->keys, chain, n, &k) != bar_actions[i])
            continue;
        int dup = 0;
        for (int j = 0; j < nkeys; j++)
            dup |= keys[j].f == f;
        if (!dup && nkeys < APP_FKEYS)
            keys[nkeys++] = (struct fkey){f, bar_actions[i]};
    }
    /* In key order. */
    for (int i = 1; i < nkeys; i++)
        for (int j = i; j > 0 && keys[j - 1].f > keys[j].f; j--) {
            struct fkey t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
        }
    int x = 0;
    for (int i = 0; i < nkeys && x < cols; i++) {
        char num[8];
        snprintf(num, sizeof num, "F%d", keys[i].f);
        int x0 = x;
        x += draw_str(y, x, cols - x, num, AT_FKEY_NUM);
        x += draw_str(y, x, cols - x, action_label(keys[i].act), AT_FKEY_LABEL);
        a->fkey_hit[a->nfkey_hit].x0 = x0;
        a->fkey_hit[a->nfkey_hit].x1 = x;
        a->fkey_hit[a->nfkey_hit].act = keys[i].act;
        a->nfkey_hit++;
        x += 1;
    }
}

void bars_draw(app *a)
{
    int rows = term_rows(), cols = term_cols();
    draw_title(a, cols);
    draw_tabs(a, cols);
    draw_status(a, rows - 3, cols);
    draw_fkeys(a, rows - 1, cols);
}

int bars_mouse(app *a, const gk_key *k)
{
    if (k->mouse != MOUSE_CLICK)
        return 0;
    if (k->y == 1) {
        for (int i = 0; i < a->npanes; i++)
            if (k->x >= a->tab_hit[i].x0 && k->x < a->tab_hit[i].x1) {
                app_show_pane(a, a->panes[i].ops->name);
                return 1;
            }
        return 1;
    }
    if (k->y == term_rows() - 1) {
        for (int i = 0; i < a->nfkey_hit; i++)
            if (k->x >= a->fkey_hit[i].x0 && k->x < a->fkey_hit[i].x1) {
                app_do_action(a, a->fkey_hit[i].act);
                return 1;
            }
        return 1;
    }
    return 0;
}
