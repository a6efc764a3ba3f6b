/* The terminal: the one file that owns ncurses (cf. htop's CRT.c). Initialisation and
 * teardown, colours and themes, keys (from the keyboard or a test script), resizing,
 * signals, and restoring the terminal on exit, SIGTERM, SIGHUP and crashes.
 *
 * Everything else draws through draw.h and reads gk_key values. */
#ifndef GONGKAI_TERM_H
#define GONGKAI_TERM_H

#include "keys.h"

/* Semantic attributes; each theme maps them to colours or plain attributes. */
enum attr_kind {
    AT_NORMAL = 0,
    AT_TITLE,      /* title bar */
    AT_TAB,        /* pane tabs */
    AT_TAB_ACTIVE,
    AT_STATUS,     /* status line */
    AT_MESSAGE,    /* a message in the status line */
    AT_ERROR,      /* an error in the status line */
    AT_FKEY_NUM,   /* "F1" in the function-key bar */
    AT_FKEY_LABEL, /* "帮助" in the function-key bar */
    AT_PROMPT,     /* "查询>" */
    AT_INPUT,      /* the input text */
    AT_HL,         /* a match */
    AT_SEL,        /* the selected row */
    AT_SEL_HL,     /* a match in the selected row */
    AT_HEADER,     /* group headers, headings */
    AT_DIM,        /* secondary text: dates, labels */
    AT_FRAME,      /* separators */
    AT_GOOD,       /* 现行有效 */
    AT_WARN,       /* 已修改, 尚未生效 */
    AT_BAD,        /* 已废止, 已失效 */
    AT_COUNT
};

typedef struct {
    const char *script;  /* key script (test mode): no terminal, screen to /dev/null */
    int rows, cols;      /* test mode size (default 24 x 80) */
    int mono;            /* theme = mono, or NO_COLOR set */
    int unicode_frame;   /* ui.borders = unicode */
} term_opts;

/* Starts curses. Returns 0, or -1 with a message in *err (malloc'd) when no UTF-8
 * terminal can be used (suggesting --cli). */
int term_init(const term_opts *o, char **err);
/* Restores the terminal; safe to call twice. Prints what was written to stderr meanwhile. */
void term_done(void);

/* The curses attribute (an attr_t with its colour pair) of a semantic attribute. */
unsigned long term_attr(enum attr_kind k);

int term_rows(void);
int term_cols(void);
int term_unicode_frame(void);

/* Waits up to timeout_ms (negative: forever) for a key. KEYC_TIMEOUT when none came,
 * KEYC_RESIZE after a size change (the new size is already in effect), KEYC_SIGNAL when
 * SIGTERM, SIGHUP or SIGINT arrived. In test mode the keys come from the script. */
void term_read_key(gk_key *k, int timeout_ms);

/* Shows the hardware cursor at (y, x) for the input line and input methods, or hides it
 * (y < 0). Then updates the physical screen. */
void term_update(int y, int x);
/* Forces a full repaint at the next update (after C-l). */
void term_repaint(void);

/* Test mode: true while a key script drives the console. */
int term_test_mode(void);

/* Writes the screen's text (one line per row, trailing spaces removed) to path. */
int term_dump(const char *path);

/* Sends text to the terminal's clipboard with OSC 52 (bypassing curses). */
void term_osc52(const char *utf8);

#endif
