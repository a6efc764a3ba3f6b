/* Keys as the console sees them, independent of curses: a character or a named function
 * key, with names for config.ini and the help screen ("F10", "C-q", "Enter", "PgDn", "g").
 * term.c translates curses' codes into these; everything else is testable without a
 * terminal. */
#ifndef GONGKAI_KEYS_H
#define GONGKAI_KEYS_H

#include <stddef.h>
#include <stdint.h>

enum key_code {
    KEYC_NONE = 0,
    KEYC_CHAR,      /* a character (ch); control characters arrive as C-x (ch = 'x') */
    KEYC_CTRL,      /* Ctrl + letter: ch is the lower-case letter */
    KEYC_ENTER,
    KEYC_TAB,
    KEYC_BTAB,      /* Shift-Tab */
    KEYC_ESC,
    KEYC_BACKSPACE,
    KEYC_DELETE,
    KEYC_INSERT,
    KEYC_UP,
    KEYC_DOWN,
    KEYC_LEFT,
    KEYC_RIGHT,
    KEYC_HOME,
    KEYC_END,
    KEYC_PGUP,
    KEYC_PGDN,
    KEYC_F,         /* function key; n = 1..12 */
    KEYC_RESIZE,    /* the terminal changed size */
    KEYC_MOUSE,     /* a mouse event (see mouse_*) */
    KEYC_TIMEOUT,   /* no key within the wait */
    KEYC_SIGNAL,    /* SIGTERM/SIGHUP/SIGINT arrived */
};

enum mouse_kind { MOUSE_CLICK = 1, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

typedef struct {
    enum key_code code;
    uint32_t ch;   /* KEYC_CHAR: the code point; KEYC_CTRL: 'a'..'z' */
    int n;         /* KEYC_F: the number */
    int alt;       /* Alt/Meta held (ESC prefix) */
    enum mouse_kind mouse;
    int y, x;      /* KEYC_MOUSE: screen position */
} gk_key;

/* Parses one key name: a single character ("g", "/", "中"), "C-q" / "^Q", "M-x",
 * "F1".."F12", "Enter", "Tab", "S-Tab", "Esc", "Backspace", "Del", "Ins", "Up", "Down",
 * "Left", "Right", "Home", "End", "PgUp", "PgDn", "Space". Case-insensitive for names.
 * Returns 0, or -1 for an unknown name. */
int gkey_parse(const char *name, gk_key *out);

/* The canonical name of a key ("C-q", "F10", "Enter", "g"); buf of at least 16 bytes. */
const char *gkey_name(const gk_key *k, char *buf, size_t size);

/* Two keys are the same binding (mouse position and timeouts ignored). */
int gkey_equal(const gk_key *a, const gk_key *b);

/* A character that starts type-to-search: printable, not a control, not space. */
int gkey_is_text(const gk_key *k);

#endif
