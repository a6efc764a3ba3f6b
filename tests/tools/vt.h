/* vtrun's shared state and the functions its files share (see vtrun.c for the tool and
 * its script commands).
 *
 *   vtrun.c        main, the pty and the program's process, failing, the script loop
 *   vt_screen.c    libvterm setup and callbacks, screen text and attribute snapshots,
 *                  waiting for the screen
 *   vt_keys.c      key names and mouse events to the bytes the program reads
 *   vt_commands.c  the script commands
 *   vt_monkey.c    the monkey command: seeded random keys, mouse events and resizes
 *   vt_inert.c     the record of the program's output and the check-inert command */
#ifndef VT_H
#define VT_H

#include <regex.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <vterm.h>

#define MAXMASK 16

struct vtrun {
    VTerm *vt;
    VTermScreen *scr;
    int rows, cols, fd, eof, exited, status, timeout_ms, quiet_ms;
    pid_t pid;
    char **argv; /* the program and its arguments (the monkey restarts it) */
    int alt, cursor, mouse, ever_alt, ever_hidden;
    char out[65536];
    size_t outlen;
    int sigpipe[2];
    double t0;
    const char *script;
    int line;
    regex_t mask_re[MAXMASK];
    char *mask_rep[MAXMASK];
    int nmask;
};

extern struct vtrun V;

/* ---- vtrun.c: the pty and the program ---- */

double now_ms(void);
/* libvterm's output (and the keys written directly): queued for the pty. */
void out_cb(const char *s, size_t len, void *user);
/* Waits up to timeout_ms for output, the child's exit or room to write; feeds libvterm.
 * Returns 1 when something happened. */
int pump(int timeout_ms);
void send_bytes(const char *s, size_t n);
/* Prints the script line, the reason and the screen, kills the program, exits 1. */
__attribute__((format(printf, 1, 2), noreturn)) void fail(const char *fmt, ...);

/* ---- vt_screen.c: the screen ---- */

/* Creates the terminal (V.rows x V.cols) and its screen. */
void vt_setup(void);
/* Feeds the program's output to libvterm. */
void feed(const char *b, size_t n);
/* Row y's text into buf (at least cols * 4 * VTERM_MAX_CHARS_PER_CELL + 1), trimmed. */
void row_text(int y, char *buf);
/* The whole screen, rows joined by newlines, masked when mask; caller frees. */
char *screen_text(int mask);
/* The attribute map (see the attrs command) to path; -1 with errno when it cannot. */
int write_attrs(const char *path);
int row_of(int y);

typedef int (*pred_fn)(const void *arg);

/* Polls until pred holds; 0 on timeout or when nothing can change any more. */
int wait_for(pred_fn pred, const void *arg, int timeout_ms);

struct rowarg {
    int row;
    const char *text;
    int mode; /* 0: the row contains text, 1: it differs from text, 2: it equals text */
};

struct atarg {
    int row, col;
    const char *text;
};

/* Row ra->row differs from ra->text and the frame is complete: the cursor is back on
 * row cursor_row (curses moves it there last). */
struct updarg {
    struct rowarg row;
    int cursor_row;
};

int has_text(const void *arg);     /* a string */
int lacks_text(const void *arg);   /* a string */
int screen_is(const void *arg);    /* the masked screen text */
int row_has(const void *arg);      /* struct rowarg */
int at_has(const void *arg);       /* struct atarg */
int attr_is(const void *arg);      /* struct atarg, text the attribute letters */
int cursor_is(const void *arg);    /* int: 1 visible, 0 hidden */
int row_updated(const void *arg);  /* struct updarg */

/* Output settles: nothing arrives for quiet_ms (bounded by the timeout). */
void settle(void);
void wait_exit(void);

/* ---- vt_keys.c: keys and the mouse ---- */

/* Queues the bytes of key NAME (see the key command); -1 for an unknown name. */
int send_key(const char *name);
/* Button press (and release for button 1) at screen row y (negative from the bottom)
 * and column x, as libvterm encodes it for the mouse mode the program asked for. */
void send_mouse(int button, int y, int x);

/* ---- vt_commands.c: the script commands ---- */

void run_command(char *cmd, char *arg);

/* ---- vt_monkey.c: seeded random events (see vt_monkey.c) ---- */

void monkey(char *arg);

/* ---- vt_inert.c: the program's output is inert ---- */

/* Keeps the program's raw output for check-inert (and writes it to $VTRUN_RAW_LOG). */
void inert_record(const char *b, size_t n);
/* libvterm reported a terminal property: notes a window title or icon name. */
void inert_termprop(VTermProp prop);
/* check-inert [+copies] [MARKER...]: fails when the output was not inert (vt_inert.c). */
void check_inert(char *arg);

#endif
