/* The console's input line, as a model without curses: a buffer of code points with a
 * cursor counted in characters, emacs editing keys, history browsing, and a view that
 * scrolls horizontally by columns so the cursor stays visible (double-width characters
 * are never cut). lineedit_draw in draw.c puts it on the screen and the hardware cursor
 * where an input method expects it. */
#ifndef GONGKAI_LINEEDIT_H
#define GONGKAI_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

#include "hist.h"
#include "keys.h"

typedef struct {
    uint32_t *buf;
    size_t len, cap, max; /* max characters (config ui.input_max) */
    size_t cur;           /* cursor, in characters */
    size_t scroll;        /* first visible character */
    int hist_pos;         /* -1 when not browsing history, else the entry shown */
    char *saved;          /* the line being typed before browsing history */
} lineedit;

enum le_result {
    LE_IGNORED = 0, /* not an editing key */
    LE_MOVED,       /* the cursor moved; the text is the same */
    LE_CHANGED,     /* the text changed */
    LE_SUBMIT,      /* Enter */
    LE_CANCEL,      /* Esc */
};

void le_init(lineedit *le, size_t max);
void le_free(lineedit *le);

/* Replaces the text (UTF-8, sanitised as u8_sanitize does: escape sequences, controls
 * and bidi controls removed, an invalid byte '?') and puts the cursor at the end. */
void le_set(lineedit *le, const char *utf8);
/* The text as UTF-8; the caller frees it. */
char *le_text(const lineedit *le);
int le_empty(const lineedit *le);

/* Inserts one character at the cursor (controls and bidi controls refused; the line is
 * full at max). Returns LE_CHANGED or LE_IGNORED. */
enum le_result le_insert(lineedit *le, uint32_t cp);

/* Handles an editing key: characters, Left/Right, Home/End, C-a C-e C-b C-f, Backspace,
 * Del, C-d, C-k, C-u, C-w, Up/Down and C-p/C-n through the history h (may be NULL),
 * Enter, Esc. */
enum le_result le_key(lineedit *le, const gk_key *k, hist_t *h);

typedef struct {
    size_t start, end;   /* visible characters [start, end) */
    size_t cursor_col;   /* column of the cursor within the field */
    int more_left;       /* text is hidden on the left / right */
    int more_right;
} le_view;

/* Scrolls so that the cursor is visible in a field of `width` columns, keeping a few
 * characters of context, and says what to draw. */
void le_layout(lineedit *le, size_t width, le_view *v);

#endif
