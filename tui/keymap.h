/* Key bindings: defaults per context (a pane or view) falling back to the global ones, and
 * config.ini's [keys] section, which rebinds an action by name ("quit = F10 C-q"). */
#ifndef GONGKAI_KEYMAP_H
#define GONGKAI_KEYMAP_H

#include <stddef.h>

#include "action.h"
#include "config.h"
#include "keys.h"

enum keymap_ctx {
    KM_GLOBAL = 0, /* everywhere unless a context binds the key */
    KM_LIST,       /* any list (search results, regulations) */
    KM_SEARCH,     /* the search pane */
    KM_REGS,       /* the regulations list */
    KM_DOC,        /* a regulation's text */
    KM_ORGS,       /* the organisations pane */
    KM_PLACES,     /* the places pane */
    KM_STATS,      /* the statistics pane */
    KM_HOTLINES,   /* the hotlines pane */
    KM_COUNT
};

typedef struct keymap keymap;

/* A keymap holding the defaults. */
keymap *keymap_new(void);
void keymap_free(keymap *km);

/* Applies [keys] lines: each replaces the keys of that action in every context where it
 * is bound by default. Unknown actions and key names are reported as "FILE:LINE: reason"
 * lines in *errors (malloc'd); valid lines are applied either way. Returns 0 or -1. */
int keymap_configure(keymap *km, const config_binding_t *b, size_t n, const char *file,
                     char **errors);

/* The action bound to k in ctx; the chain is ctx, then KM_LIST for list panes, then
 * KM_GLOBAL. ACT_NONE when unbound. */
enum action keymap_lookup(const keymap *km, const enum keymap_ctx *chain, size_t nchain,
                          const gk_key *k);

/* Names of the keys bound to a in ctx ("F10 C-q"), written to buf; "" when none. */
const char *keymap_keys_of(const keymap *km, enum keymap_ctx ctx, enum action a, char *buf,
                           size_t size);

/* The first function key (1..12) bound to a in ctx or globally, or 0: the F-key bar. */
int keymap_fkey_of(const keymap *km, enum keymap_ctx ctx, enum action a);

/* Context names for docs and help: "global", "list", "search", "regs", "doc", "orgs",
 * "places", "stats", "hotlines". */
const char *keymap_ctx_name(enum keymap_ctx ctx);

#endif
