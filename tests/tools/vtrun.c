/* vtrun: runs a program in a pseudo-terminal read with libvterm and drives it from a
 * script, for end-to-end screen tests and the console latency benchmark.
 *
 *   vtrun [-r ROWS] [-c COLS] [-t TIMEOUT_MS] [-q QUIET_MS] -s SCRIPT -- PROGRAM ARGS...
 *
 * The child gets TERM=xterm-256color and no LINES/COLUMNS (so the size comes from the
 * pty). Keys are encoded by libvterm as xterm does (application cursor keys when the
 * program asks for them); terminal queries are answered through libvterm's output.
 * Script commands, one a line ("#" starts a comment; ROW/COL are 0-based, a negative
 * ROW counts from the bottom):
 *
 *   type TEXT              raw UTF-8 to the pty, as an input method commits it
 *   key NAME...            Enter Tab S-Tab Esc Backspace Del Ins Up Down Left Right Home
 *                          End PgUp PgDn F1..F12 Space C-x M-x, or one character
 *   click ROW COL          mouse button 1 press and release (the program must have
 *   wheel up|down ROW COL  enabled mouse reporting; libvterm encodes it as asked)
 *   wait TEXT              poll the screen until TEXT appears (fails after the timeout)
 *   waitnot TEXT           ... until TEXT is gone
 *   waitrow ROW TEXT       ... until row ROW contains TEXT
 *   waitline ROW TEXT      ... until row ROW is TEXT (trailing spaces trimmed, masks applied)
 *   waitat ROW COL TEXT    ... until TEXT is drawn from column COL on, each character in
 *                          a cell of its own width
 *   waitattr ROW COL CHARS ... until the cell's attribute letter (see attrs) is one of CHARS
 *   waitcursor visible|hidden  ... until the terminal's cursor is shown or hidden
 *   absent TEXT            once output has settled, TEXT is not on the screen
 *   mask ERE REPLACEMENT   in snap, expect and waitline: replace matches of ERE (bytes, no
 *                          spaces: use [[:space:]]) on each line
 *   snap FILE              the screen text once output has settled: one line per row,
 *                          trailing spaces trimmed, double-width characters once
 *   expect FILE            poll until the (masked) screen text equals FILE; on a timeout
 *                          the screen goes to $VTRUN_ACTUAL_DIR/NAME.actual when set.
 *                          With VTRUN_UPDATE=1 it writes FILE instead (regenerating)
 *   attrs FILE             per-column map: c colour background, r reverse, b bold,
 *                          u underline, . normal; upper case (C R B U F) when the
 *                          foreground has a colour too (F: colour and nothing else)
 *   resize ROWS COLS       TIOCSWINSZ (the kernel sends SIGWINCH)
 *   signal NAME            TERM, HUP, INT or KILL to the program
 *   timeout MS             the timeout of the commands that follow
 *   expect-exit CODE       wait for the program to exit with CODE
 *   check-restored         after the exit: alternate screen left, cursor visible, mouse
 *                          reporting off, the tty back in canonical mode with echo
 *   check-plain            after the exit: the program never used the alternate screen
 *                          nor hid the cursor (a plain message, no curses)
 *   check-inert [+copies] [MARKER...]  everything the program wrote was inert: no OSC
 *                          (title, clipboard), DCS, BEL, stray C0, C1, bidi control or
 *                          invalid UTF-8, no MARKER inside an escape sequence; +copies
 *                          allows the console's copies (OSC 52) and checks what they
 *                          carry (see vt_inert.c; $VTRUN_RAW_LOG=FILE keeps the raw output)
 *   monkey SEED N [PACE_MS [EVENT_LOG]]  N seeded random keys, mouse events and resizes
 *                          (see vt_monkey.c); then F10 until the program exits
 *   time-wait TEXT FILE    wait, then append the ms since the program started to FILE
 *   time-type IN ST FILE TEXT  type TEXT one character at a time; for each append to FILE
 *                          "ECHO_MS UPDATE_MS N CHAR ROW": until row IN shows the new input,
 *                          until row ST changes and the cursor is back on row IN (the
 *                          frame is complete; "-" when it did not within the timeout),
 *                          N the character's position in TEXT (1 = first), then row ST
 *
 * Exit status 0 when every command succeeded; else 1, with the script line, the reason
 * and the screen on stderr.
 *
 * The sources: this file (the pty, the program, the script loop), vt_screen.c,
 * vt_keys.c and vt_commands.c; vt.h lists what they share. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vt.h"

struct vtrun V = {.rows = 24, .cols = 80, .fd = -1, .timeout_ms = 5000, .quiet_ms = 30, .cursor = 1};

double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void on_chld(int sig)
{
    (void)sig;
    int e = errno;
    if (write(V.sigpipe[1], "c", 1) < 0) {
        /* the pipe is full: a wake-up is pending anyway */
    }
    errno = e;
}

/* ---- the pty --------------------------------------------------------------------------- */

void out_cb(const char *s, size_t len, void *user)
{
    (void)user;
    if (V.outlen + len > sizeof V.out)
        len = sizeof V.out - V.outlen; /* cannot happen with a live reader */
    memcpy(V.out + V.outlen, s, len);
    V.outlen += len;
}

static void reap(void)
{
    int st;
    if (!V.exited && waitpid(V.pid, &st, WNOHANG) == V.pid) {
        V.exited = 1;
        V.status = st;
    }
}

/* Waits up to timeout_ms for output, the child's exit or room to write; feeds libvterm.
 * Returns 1 when something happened. */
int pump(int timeout_ms)
{
    struct pollfd p[2] = {{.fd = V.eof ? -1 : V.fd, .events = POLLIN}, {.fd = V.sigpipe[0], .events = POLLIN}};
    if (V.outlen && !V.eof)
        p[0].events |= POLLOUT;
    if (V.eof && V.exited)
        return 0;
    int n = poll(p, 2, timeout_ms < 0 ? 0 : timeout_ms);
    if (n <= 0)
        return 0;
    if (p[1].revents) {
        char b[64];
        while (read(V.sigpipe[0], b, sizeof b) > 0) {
        }
        reap();
    }
    if (p[0].revents & POLLOUT && V.outlen) {
        ssize_t w = write(V.fd, V.out, V.outlen);
        if (w > 0) {
            memmove(V.out, V.out + w, V.outlen - (size_t)w);
            V.outlen -= (size_t)w;
        }
    }
    if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
        char b[65536];
        for (;;) {
            ssize_t r = read(V.fd, b, sizeof b);
            if (r > 0) {
                inert_record(b, (size_t)r);
                feed(b, (size_t)r);
                continue;
            }
            if (r < 0 && errno == EINTR)
                continue;
            if (r == 0 || (r < 0 && errno != EAGAIN))
                V.eof = 1; /* EIO: every slave descriptor is closed */
            break;
        }
        vterm_screen_flush_damage(V.scr);
    }
    return 1;
}

void send_bytes(const char *s, size_t n)
{
    out_cb(s, n, NULL);
    double end = now_ms() + V.timeout_ms;
    while (V.outlen && !V.eof && now_ms() < end)
        pump((int)(end - now_ms()) + 1);
}

/* ---- failing --------------------------------------------------------------------------- */

static void finish_child(void)
{
    if (V.pid > 0 && !V.exited) {
        kill(V.pid, SIGKILL);
        waitpid(V.pid, &V.status, 0);
        V.exited = 1;
    }
}

void fail(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "vtrun: %s:%d: ", V.script, V.line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    char *s = screen_text(0);
    fprintf(stderr, "\n---- screen %dx%d at that moment ----\n%s---- end of screen ----\n",
            V.rows, V.cols, s);
    free(s);
    finish_child();
    exit(1);
}

int main(int argc, char **argv)
{
    int opt;
    while ((opt = getopt(argc, argv, "+r:c:t:q:s:")) != -1) {
        switch (opt) {
        case 'r': V.rows = atoi(optarg); break;
        case 'c': V.cols = atoi(optarg); break;
        case 't': V.timeout_ms = atoi(optarg); break;
        case 'q': V.quiet_ms = atoi(optarg); break;
        case 's': V.script = optarg; break;
        default: goto usage;
        }
    }
    if (!V.script || optind >= argc || V.rows < 1 || V.cols < 1 || V.rows > 500 || V.cols > 500) {
    usage:
        fprintf(stderr, "usage: vtrun [-r ROWS] [-c COLS] [-t TIMEOUT_MS] [-q QUIET_MS] "
                        "-s SCRIPT -- PROGRAM ARGS...\n");
        return 2;
    }
    FILE *sf = fopen(V.script, "r");
    if (!sf) {
        fprintf(stderr, "vtrun: %s: %s\n", V.script, strerror(errno));
        return 2;
    }

    vt_setup();

    if (pipe(V.sigpipe) != 0)
        return 2;
    fcntl(V.sigpipe[0], F_SETFL, O_NONBLOCK);
    fcntl(V.sigpipe[1], F_SETFL, O_NONBLOCK);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_chld;
    sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigaction(SIGCHLD, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct winsize ws = {.ws_row = (unsigned short)V.rows, .ws_col = (unsigned short)V.cols};
    fflush(NULL);
    V.t0 = now_ms();
    V.pid = forkpty(&V.fd, NULL, NULL, &ws);
    if (V.pid < 0) {
        fprintf(stderr, "vtrun: forkpty: %s\n", strerror(errno));
        return 2;
    }
    if (V.pid == 0) {
        setenv("TERM", "xterm-256color", 1);
        unsetenv("LINES");
        unsetenv("COLUMNS");
        execvp(argv[optind], argv + optind);
        fprintf(stderr, "vtrun: %s: %s\n", argv[optind], strerror(errno));
        _exit(127);
    }
    fcntl(V.fd, F_SETFL, O_NONBLOCK);
    V.argv = argv + optind;

    char line[8192];
    while (fgets(line, sizeof line, sf)) {
        V.line++;
        line[strcspn(line, "\r\n")] = '\0';
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            continue;
        char *arg = strchr(p, ' ');
        if (arg)
            *arg++ = '\0';
        else
            arg = p + strlen(p);
        run_command(p, arg);
    }
    fclose(sf);
    finish_child();
    return 0;
}
