#include "keymap.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Defaults. Letters are left free in lists: typing them starts a search. */
static const struct {
    enum keymap_ctx ctx;
    enum action action;
    const char *keys;
} defaults[] = {
    {KM_GLOBAL, ACT_QUIT, "F10 C-q"},
    {KM_GLOBAL, ACT_HELP, "F1 ?"},
    {KM_GLOBAL, ACT_REDRAW, "C-l"},
    {KM_GLOBAL, ACT_PANE_SEARCH, "F2 M-1"},
    {KM_GLOBAL, ACT_PANE_REGS, "F3 M-2"},
    {KM_GLOBAL, ACT_PANE_ORGS, "M-3"},
    {KM_GLOBAL, ACT_PANE_PLACES, "M-4"},
    {KM_GLOBAL, ACT_PANE_STATS, "M-5"},
    {KM_GLOBAL, ACT_PANE_HOTLINES, "M-6"},
    {KM_GLOBAL, ACT_NEXT_PANE, "Tab"},
    {KM_GLOBAL, ACT_PREV_PANE, "S-Tab"},
    {KM_GLOBAL, ACT_FOCUS_INPUT, "/ C-f"},
    {KM_GLOBAL, ACT_TOGGLE_SCRIPT, "F5"},
    {KM_GLOBAL, ACT_TOGGLE_HISTORY, "M-h"},
    {KM_GLOBAL, ACT_UP, "Up C-p"},
    {KM_GLOBAL, ACT_DOWN, "Down C-n"},
    {KM_GLOBAL, ACT_PAGE_UP, "PgUp"},
    {KM_GLOBAL, ACT_PAGE_DOWN, "PgDn Space"},
    {KM_GLOBAL, ACT_FIRST, "Home"},
    {KM_GLOBAL, ACT_LAST, "End"},
    {KM_GLOBAL, ACT_OPEN, "Enter Right"},
    {KM_GLOBAL, ACT_BACK, "Esc Backspace Left"},
    {KM_SEARCH, ACT_QA_BROWSE, "F4"},
    {KM_REGS, ACT_FILTER, "F4"},
    {KM_ORGS, ACT_FILTER, "F4"},
    {KM_ORGS, ACT_COPY_CITATION, "c F8"},
    {KM_PLACES, ACT_FILTER, "F4"},
    {KM_PLACES, ACT_COPY_CITATION, "c F8"},
    {KM_PLACES, ACT_DETAIL, "d F6"},
    {KM_PLACES, ACT_AS_OF, "a F7"},
    {KM_STATS, ACT_FILTER, "F4"},
    {KM_STATS, ACT_SORT, "s F6"},
    {KM_STATS, ACT_COPY_CITATION, "c F8"},
    {KM_STATS, ACT_COPY_TABLE, "C"},
    {KM_STATS, ACT_COLUMN_LEFT, "Left"},
    {KM_STATS, ACT_COLUMN_RIGHT, "Right"},
    {KM_STATS, ACT_CHART, "v"},
    {KM_STATS, ACT_CHANGE, "y"},
    {KM_STATS, ACT_CONVERT_PERIOD, "m"},
    {KM_STATS, ACT_TRANSPOSE, "t"},
    {KM_HOTLINES, ACT_FILTER, "F4"},
    {KM_HOTLINES, ACT_AS_OF, "F7"},
    {KM_HOTLINES, ACT_COPY_CITATION, "c F8"},
    {KM_HOTLINES, ACT_TOGGLE_INACTIVE, "a"},
    {KM_HOTLINES, ACT_LOCAL_INFO, "q"},
    {KM_REGS, ACT_SORT, "F6"},
    {KM_REGS, ACT_TOGGLE_REPEALED, "F7"},
    {KM_DOC, ACT_GOTO_ARTICLE, "g F4"},
    {KM_DOC, ACT_NEXT_ARTICLE, "] Right"},
    {KM_DOC, ACT_PREV_ARTICLE, "[ Left"},
    {KM_DOC, ACT_NEXT_MATCH, "n"},
    {KM_DOC, ACT_PREV_MATCH, "N"},
    {KM_DOC, ACT_COPY_CITATION, "c F8"},
    {KM_DOC, ACT_VERSIONS, "v F9"},
    {KM_DOC, ACT_TOGGLE_TREE, "t F6"},
    {KM_DOC, ACT_BACK, "Esc Backspace q"},
};

typedef struct {
    enum keymap_ctx ctx;
    enum action action;
    gk_key key;
} binding;

struct keymap {
    binding *v;
    size_t n, cap;
};

static void add(keymap *km, enum keymap_ctx ctx, enum action a, const gk_key *k)
{
    km->v = xgrow(km->v, &km->cap, km->n + 1, sizeof *km->v);
    km->v[km->n++] = (binding){ctx, a, *k};
}

/* Adds every key of a space-separated list; returns the first bad name or NULL. */
static const char *add_list(keymap *km, enum keymap_ctx ctx, enum action a, const char *keys,
                            char *bad, size_t badsize)
{
    char *copy = xstrdup(keys);
    const char *failed = NULL;
    for (char *save = NULL, *t = strtok_r(copy, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
        gk_key k;
        if (gkey_parse(t, &k) != 0) {
            snprintf(bad, badsize, "%s", t);
            failed = bad;
            continue;
        }
        add(km, ctx, a, &k);
    }
    free(copy);
    return failed;
}

keymap *keymap_new(void)
{
    keymap *km = xcalloc(1, sizeof *km);
    char bad[64];
    for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++)
        add_list(km, defaults[i].ctx, defaults[i].action, defaults[i].keys, bad, sizeof bad);
    return km;
}

void keymap_free(keymap *km)
{
    if (!km)
        return;
    free(km->v);
    free(km);
}

int keymap_configure(keymap *km, const config_binding_t *b, size_t n, const char *file,
                     char **errors)
{
    buf_t err;
    buf_init(&err);
    for (size_t i = 0; i < n; i++) {
        enum action a = action_by_name(b[i].action);
        if (a == ACT_NONE) {
            buf_printf(&err, "%s:%d: unknown action '%s' (see docs/keys.md)\n", file, b[i].line,
                       b[i].action);
            continue;
        }
        /* Check every name first, so a typo does not leave the action unbound. */
        keymap probe = {0};
        char bad[64];
        if (add_list(&probe, KM_GLOBAL, a, b[i].keys, bad, sizeof bad)) {
            buf_printf(&err, "%s:%d: unknown key '%s' for %s (names: F1..F12, C-x, Enter, Tab, "
                             "Esc, Up, PgDn, a single character ...)\n",
                       file, b[i].line, bad, b[i].action);
            free(probe.v);
            continue;
        }
        free(probe.v);
        /* Contexts where the action is bound now (at least the global one). */
        int ctxs[KM_COUNT] = {0}, any = 0;
        for (size_t j = 0; j < km->n; j++)
            if (km->v[j].action == a) {
                ctxs[km->v[j].ctx] = 1;
                any = 1;
            }
        if (!any)
            ctxs[KM_GLOBAL] = 1;
        size_t w = 0;
        for (size_t j = 0; j < km->n; j++)
            if (km->v[j].action != a)
                km->v[w++] = km->v[j];
        km->n = w;
        for (int c = 0; c < KM_COUNT; c++)
            if (ctxs[c])
                add_list(km, (enum keymap_ctx)c, a, b[i].keys, bad, sizeof bad);
    }
    if (err.len) {
        *errors = buf_take(&err);
        return -1;
    }
    buf_free(&err);
    return 0;
}

enum action keymap_lookup(const keymap *km, const enum keymap_ctx *chain, size_t nchain,
                          const gk_key *k)
{
    for (size_t c = 0; c < nchain; c++)
        for (size_t i = 0; i < km->n; i++)
            if (km->v[i].ctx == chain[c] && gkey_equal(&km->v[i].key, k))
                return km->v[i].action;
    for (size_t i = 0; i < km->n; i++)
        if (km->v[i].ctx == KM_GLOBAL && gkey_equal(&km->v[i].key, k))
            return km->v[i].action;
    return ACT_NONE;
}

const char *keymap_keys_of(const keymap *km, enum keymap_ctx ctx, enum action a, char *buf,
                           size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < km->n; i++) {
        if (km->v[i].ctx != ctx || km->v[i].action != a)
            continue;
        char name[32];
        gkey_name(&km->v[i].key, name, sizeof name);
        int w = snprintf(buf + used, size - used, "%s%s", used ? " " : "", name);
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

int keymap_fkey_of(const keymap *km, enum keymap_ctx ctx, enum action a)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < km->n; i++)
            if (km->v[i].ctx == (pass ? KM_GLOBAL : ctx) && km->v[i].action == a &&
                km->v[i].key.code == KEYC_F && !km->v[i].key.alt)
                return km->v[i].key.n;
    return 0;
}

const char *keymap_ctx_name(enum keymap_ctx ctx)
{
    static const char *const names[KM_COUNT] = {"global", "list",   "search", "regs",    "doc",
                                                "orgs",   "places", "stats",  "hotlines"};
    return ctx < KM_COUNT ? names[ctx] : "?";
}
