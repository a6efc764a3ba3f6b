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
 *   time-wait TEXT FILE    wait, then append the ms since the program started to FILE
 *   time-type IN ST FILE TEXT  type TEXT one character at a time; for each append to FILE
 *                          "ECHO_MS UPDATE_MS N CHAR ROW": until row IN shows the new input,
 *                          until row ST changes and the cursor is back on row IN (the
 *                          frame is complete; "-" when it did not within the timeout),
 *                          N the character's position in TEXT (1 = first), then row ST
 *
 * Exit status 0 when every command succeeded; else 1, with the script line, the reason
 * and the screen on stderr. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <regex.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

#define MAXMASK 16

static struct {
    VTerm *vt;
    VTermScreen *scr;
    int rows, cols, fd, eof, exited, status, timeout_ms, quiet_ms;
    pid_t pid;
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
} V = {.rows = 24, .cols = 80, .fd = -1, .timeout_ms = 5000, .quiet_ms = 30, .cursor = 1};

static double now_ms(void)
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

/* ---- the screen ---------------------------------------------------------------------- */

static int put_utf8(char *p, uint32_t c)
{
    if (c < 0x80) { p[0] = (char)c; return 1; }
    if (c < 0x800) { p[0] = (char)(0xC0 | c >> 6); p[1] = (char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        p[0] = (char)(0xE0 | c >> 12); p[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        p[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    p[0] = (char)(0xF0 | c >> 18); p[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    p[2] = (char)(0x80 | ((c >> 6) & 0x3F)); p[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Row y's text into buf (at least cols * 4 * VTERM_MAX_CHARS_PER_CELL + 1), trimmed. */
static void row_text(int y, char *buf)
{
    size_t len = 0, keep = 0;
    for (int x = 0; x < V.cols;) {
        VTermScreenCell c;
        vterm_screen_get_cell(V.scr, (VTermPos){.row = y, .col = x}, &c);
        if (!c.chars[0] || c.chars[0] == (uint32_t)-1) {
            buf[len++] = ' ';
        } else {
            for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c.chars[i]; i++)
                len += (size_t)put_utf8(buf + len, c.chars[i]);
            if (c.chars[0] != ' ')
                keep = len;
        }
        x += c.width > 1 ? c.width : 1;
    }
    buf[keep] = '\0';
}

static void masked(char *line)
{
    for (int m = 0; m < V.nmask; m++) {
        char res[16384];
        size_t rl = 0;
        const char *p = line;
        regmatch_t rm;
        while (*p && regexec(&V.mask_re[m], p, 1, &rm, p == line ? 0 : REG_NOTBOL) == 0) {
            size_t rep = strlen(V.mask_rep[m]);
            if (rl + (size_t)rm.rm_so + rep >= sizeof res)
                break;
            memcpy(res + rl, p, (size_t)rm.rm_so);
            rl += (size_t)rm.rm_so;
            memcpy(res + rl, V.mask_rep[m], rep);
            rl += rep;
            if (rm.rm_eo > rm.rm_so) {
                p += rm.rm_eo;
            } else { /* an empty match: keep the next byte and go on after it */
                p += rm.rm_so;
                if (!*p || rl + 1 >= sizeof res)
                    break;
                res[rl++] = *p++;
            }
        }
        snprintf(res + rl, sizeof res - rl, "%s", p);
        strcpy(line, res);
    }
}

/* The whole screen, rows joined by newlines; caller frees. */
static char *screen_text(int mask)
{
    size_t rowmax = (size_t)V.cols * 4 * VTERM_MAX_CHARS_PER_CELL + 1;
    char *s = malloc((size_t)V.rows * (rowmax > 16384 ? rowmax : 16384) + 1), *p = s;
    char *row = malloc(rowmax > 16384 ? rowmax : 16384);
    if (!s || !row)
        abort();
    *p = '\0';
    for (int y = 0; y < V.rows; y++) {
        row_text(y, row);
        if (mask)
            masked(row);
        p += sprintf(p, "%s\n", row);
    }
    free(row);
    return s;
}

static char attr_char(const VTermScreenCell *c)
{
    int bg = !VTERM_COLOR_IS_DEFAULT_BG(&c->bg), fg = !VTERM_COLOR_IS_DEFAULT_FG(&c->fg);
    char a = bg ? 'c' : c->attrs.reverse ? 'r' : c->attrs.bold ? 'b' : c->attrs.underline ? 'u'
                                                                    : fg ? 'f' : '.';
    return fg && a != '.' ? (char)(a - 'a' + 'A') : a;
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

/* ---- the pty --------------------------------------------------------------------------- */

static void out_cb(const char *s, size_t len, void *user)
{
    (void)user;
    if (V.outlen + len > sizeof V.out)
        len = sizeof V.out - V.outlen; /* cannot happen with a live reader */
    memcpy(V.out + V.outlen, s, len);
    V.outlen += len;
}

static int settermprop(VTermProp prop, VTermValue *val, void *user)
{
    (void)user;
    if (prop == VTERM_PROP_ALTSCREEN) {
        V.alt = val->boolean;
        V.ever_alt |= V.alt;
    } else if (prop == VTERM_PROP_CURSORVISIBLE) {
        V.cursor = val->boolean;
        V.ever_hidden |= !V.cursor;
    } else if (prop == VTERM_PROP_MOUSE) {
        V.mouse = val->number;
    }
    return 1;
}

static void reap(void)
{
    int st;
    if (!V.exited && waitpid(V.pid, &st, WNOHANG) == V.pid) {
        V.exited = 1;
        V.status = st;
    }
}

/* libvterm 0.1.4 applies only the first mode of a DEC private mode set or reset, and
 * ncurses enables the mouse with ESC[?1006;1000h: split such sequences into one a mode.
 * A sequence cut by the end of a read waits in carry for the next. */
static void feed(const char *b, size_t n)
{
    static char carry[64];
    static size_t ncarry;
    char buf[65536 + sizeof carry];
    memcpy(buf, carry, ncarry);
    memcpy(buf + ncarry, b, n);
    n += ncarry;
    ncarry = 0;
    size_t done = 0;
    for (size_t i = 0; i < n; i++) {
        if (buf[i] != '\033')
            continue;
        size_t j = i + 1;
        if (j < n && buf[j] != '[')
            continue;
        if (j + 1 < n && buf[j + 1] != '?')
            continue;
        for (j += 2; j < n && ((buf[j] >= '0' && buf[j] <= '9') || buf[j] == ';'); j++) {
        }
        if (j >= n) { /* cut: keep it for the next read */
            if (n - i <= sizeof carry) {
                vterm_input_write(V.vt, buf + done, i - done);
                memcpy(carry, buf + i, n - i);
                ncarry = n - i;
                return;
            }
            break;
        }
        if ((buf[j] != 'h' && buf[j] != 'l') || !memchr(buf + i, ';', j - i))
            continue;
        vterm_input_write(V.vt, buf + done, i - done);
        for (const char *p = buf + i + 3; p < buf + j;) {
            size_t len = 0;
            while (p + len < buf + j && p[len] != ';')
                len++;
            char one[32];
            int m = snprintf(one, sizeof one, "\033[?%.*s%c", (int)len, p, buf[j]);
            vterm_input_write(V.vt, one, (size_t)m);
            p += len + 1;
        }
        done = j + 1;
        i = j;
    }
    vterm_input_write(V.vt, buf + done, n - done);
}

/* Waits up to timeout_ms for output, the child's exit or room to write; feeds libvterm.
 * Returns 1 when something happened. */
static int pump(int timeout_ms)
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

static void send_bytes(const char *s, size_t n)
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

__attribute__((format(printf, 1, 2), noreturn)) static void fail(const char *fmt, ...)
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

/* ---- waiting ----------------------------------------------------------------------------- */

typedef int (*pred_fn)(const void *arg);

/* Polls until pred holds; 0 on timeout or when nothing can change any more. */
static int wait_for(pred_fn pred, const void *arg, int timeout_ms)
{
    double end = now_ms() + timeout_ms;
    for (;;) {
        if (pred(arg))
            return 1;
        double left = end - now_ms();
        if (left <= 0 || (V.eof && V.exited))
            return pred(arg);
        pump((int)left + 1);
    }
}

static int has_text(const void *arg)
{
    char *s = screen_text(0);
    int r = strstr(s, arg) != NULL;
    free(s);
    return r;
}

static int lacks_text(const void *arg)
{
    return !has_text(arg);
}

static int screen_is(const void *arg)
{
    char *s = screen_text(1);
    int r = !strcmp(s, arg);
    free(s);
    return r;
}

static int row_of(int y)
{
    return y < 0 ? V.rows + y : y;
}

struct rowarg {
    int row;
    const char *text;
    int mode; /* 0: the row contains text, 1: it differs from text, 2: it equals text */
};

static int row_has(const void *arg)
{
    const struct rowarg *ra = arg;
    char buf[16384];
    int y = row_of(ra->row);
    if (y < 0 || y >= V.rows)
        return 0;
    row_text(y, buf);
    if (ra->mode == 2)
        masked(buf);
    return ra->mode == 1 ? strcmp(buf, ra->text) != 0
           : ra->mode == 2 ? !strcmp(buf, ra->text)
                           : strstr(buf, ra->text) != NULL;
}

struct atarg {
    int row, col;
    const char *text;
};

/* The cells from (row, col) on show text, each character in a cell of its own width
 * (a double-width character at col, not at col - 1). */
static int at_has(const void *arg)
{
    const struct atarg *a = arg;
    int y = row_of(a->row), x = a->col;
    if (y < 0 || y >= V.rows)
        return 0;
    for (const unsigned char *p = (const unsigned char *)a->text; *p;) {
        uint32_t cp = *p;
        int n = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
        if (n > 1)
            cp &= 0x3Fu >> (n - 1);
        for (int i = 1; i < n; i++)
            cp = cp << 6 | (p[i] & 0x3Fu);
        p += n;
        if (x >= V.cols)
            return 0;
        VTermScreenCell c;
        vterm_screen_get_cell(V.scr, (VTermPos){.row = y, .col = x}, &c);
        uint32_t got = c.chars[0] ? c.chars[0] : ' ';
        if (got != cp)
            return 0;
        x += c.width > 1 ? c.width : 1;
    }
    return 1;
}

static int attr_is(const void *arg)
{
    const struct atarg *a = arg;
    int y = row_of(a->row);
    if (y < 0 || y >= V.rows || a->col < 0 || a->col >= V.cols)
        return 0;
    VTermScreenCell c;
    vterm_screen_get_cell(V.scr, (VTermPos){.row = y, .col = a->col}, &c);
    return strchr(a->text, attr_char(&c)) != NULL;
}

static int cursor_is(const void *arg)
{
    return V.cursor == *(const int *)arg;
}

/* Row ra->row differs from ra->text and the frame is complete: the cursor is back on
 * row cursor_row (curses moves it there last). */
struct updarg {
    struct rowarg row;
    int cursor_row;
};

static int row_updated(const void *arg)
{
    const struct updarg *u = arg;
    VTermPos pos;
    vterm_state_get_cursorpos(vterm_obtain_state(V.vt), &pos);
    return pos.row == row_of(u->cursor_row) && row_has(&u->row);
}

static int exited(const void *arg)
{
    (void)arg;
    return V.exited && V.eof;
}

/* Output settles: nothing arrives for quiet_ms (bounded by the timeout). */
static void settle(void)
{
    double end = now_ms() + V.timeout_ms;
    while (now_ms() < end && pump(V.quiet_ms)) {
    }
}

static void wait_exit(void)
{
    if (!wait_for(exited, NULL, V.timeout_ms))
        fail("the program did not exit within %d ms", V.timeout_ms);
}

/* ---- keys -------------------------------------------------------------------------------- */

static int send_key(const char *name)
{
    static const struct {
        const char *name;
        VTermKey key;
    } keys[] = {
        {"Enter", VTERM_KEY_ENTER}, {"Tab", VTERM_KEY_TAB}, {"Esc", VTERM_KEY_ESCAPE},
        {"Backspace", VTERM_KEY_BACKSPACE}, {"BS", VTERM_KEY_BACKSPACE}, {"Del", VTERM_KEY_DEL},
        {"Ins", VTERM_KEY_INS}, {"Up", VTERM_KEY_UP}, {"Down", VTERM_KEY_DOWN},
        {"Left", VTERM_KEY_LEFT}, {"Right", VTERM_KEY_RIGHT}, {"Home", VTERM_KEY_HOME},
        {"End", VTERM_KEY_END}, {"PgUp", VTERM_KEY_PAGEUP}, {"PgDn", VTERM_KEY_PAGEDOWN},
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strcasecmp(name, keys[i].name)) {
            vterm_keyboard_key(V.vt, keys[i].key, VTERM_MOD_NONE);
            return 0;
        }
    if (!strcasecmp(name, "S-Tab")) {
        vterm_keyboard_key(V.vt, VTERM_KEY_TAB, VTERM_MOD_SHIFT);
        return 0;
    }
    if (!strcasecmp(name, "Space")) {
        out_cb(" ", 1, NULL);
        return 0;
    }
    if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
        char *end;
        long n = strtol(name + 1, &end, 10);
        if (*end || n < 1 || n > 12)
            return -1;
        vterm_keyboard_key(V.vt, VTERM_KEY_FUNCTION((int)n), VTERM_MOD_NONE);
        return 0;
    }
    if (!strncmp(name, "C-", 2) && name[2] && !name[3]) {
        char c = (char)(name[2] & 0x1f); /* written directly: libvterm uses CSI u for some */
        out_cb(&c, 1, NULL);
        return 0;
    }
    if (!strncmp(name, "M-", 2) && name[2]) {
        out_cb("\033", 1, NULL);
        return send_key(name + 2);
    }
    unsigned char c0 = (unsigned char)name[0];
    size_t n = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
    if (strlen(name) != n)
        return -1;
    out_cb(name, n, NULL);
    return 0;
}

/* ---- commands ---------------------------------------------------------------------------- */

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *s = malloc(cap);
    size_t n;
    while (s && (n = fread(s + len, 1, cap - len - 1, f)) > 0)
        if ((len += n) + 1 >= cap)
            s = realloc(s, cap *= 2);
    fclose(f);
    if (s)
        s[len] = '\0';
    return s;
}

static void append_line(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void append_line(const char *path, const char *fmt, ...)
{
    FILE *f = fopen(path, "a");
    if (!f)
        fail("%s: %s", path, strerror(errno));
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fclose(f);
}

static void time_type(char *arg)
{
    int in, st;
    char path[1024];
    int off = 0;
    if (sscanf(arg, "%d %d %1023s %n", &in, &st, path, &off) < 3 || !off)
        fail("time-type INPUT_ROW STATUS_ROW FILE TEXT");
    const char *text = arg + off;
    char input[4096] = "";
    size_t il = 0;
    int index = 0;
    for (const char *p = text; *p;) {
        unsigned char c0 = (unsigned char)*p;
        size_t n = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
        if (il + n >= sizeof input)
            break;
        memcpy(input + il, p, n);
        input[il += n] = '\0';
        char before[16384];
        int sy = row_of(st);
        row_text(sy, before);
        double t0 = now_ms();
        send_bytes(p, n);
        p += n;
        struct rowarg echo = {in, input, 0};
        struct updarg upd = {{st, before, 1}, in};
        if (!wait_for(row_has, &echo, V.timeout_ms))
            fail("time-type: row %d never showed \"%s\"", in, input);
        double t1 = now_ms();
        int ok = wait_for(row_updated, &upd, V.timeout_ms);
        double t2 = now_ms();
        char upd_ms[32] = "-";
        if (ok)
            snprintf(upd_ms, sizeof upd_ms, "%.3f", t2 - t0);
        char after[16384];
        row_text(sy, after);
        append_line(path, "%.3f %s %d %.*s %s\n", t1 - t0, upd_ms, ++index, (int)n, p - n, after);
    }
}

static void run_command(char *cmd, char *arg)
{
    if (!strcmp(cmd, "type")) {
        send_bytes(arg, strlen(arg));
    } else if (!strcmp(cmd, "key")) {
        for (char *k = strtok(arg, " "); k; k = strtok(NULL, " ")) {
            if (send_key(k) != 0)
                fail("unknown key %s", k);
        }
        send_bytes("", 0);
    } else if (!strcmp(cmd, "click") || !strcmp(cmd, "wheel")) {
        int y, x, button = 1;
        char dir[8] = "";
        if (!strcmp(cmd, "click") ? sscanf(arg, "%d %d", &y, &x) != 2
                                  : sscanf(arg, "%7s %d %d", dir, &y, &x) != 3)
            fail("click ROW COL / wheel up|down ROW COL");
        if (*dir)
            button = !strcmp(dir, "up") ? 4 : 5;
        if (V.mouse == VTERM_PROP_MOUSE_NONE)
            fail("%s: the program has not enabled mouse reporting", cmd);
        vterm_mouse_move(V.vt, row_of(y), x, VTERM_MOD_NONE);
        vterm_mouse_button(V.vt, button, 1, VTERM_MOD_NONE);
        if (button == 1)
            vterm_mouse_button(V.vt, button, 0, VTERM_MOD_NONE);
        send_bytes("", 0);
    } else if (!strcmp(cmd, "wait") || !strcmp(cmd, "waitnot")) {
        int want = !strcmp(cmd, "wait");
        if (!wait_for(want ? has_text : lacks_text, arg, V.timeout_ms))
            fail("%s \"%s\": not %s after %d ms%s", cmd, arg, want ? "there" : "gone",
                 V.timeout_ms, V.exited ? " (the program has exited)" : "");
    } else if (!strcmp(cmd, "waitrow") || !strcmp(cmd, "waitline")) {
        int off = 0;
        struct rowarg ra = {0, NULL, cmd[4] == 'l' ? 2 : 0};
        if (sscanf(arg, "%d%n", &ra.row, &off) < 1)
            fail("%s ROW TEXT", cmd);
        ra.text = arg + off + (arg[off] == ' ');
        if (!wait_for(row_has, &ra, V.timeout_ms))
            fail("%s %d \"%s\": not there after %d ms", cmd, ra.row, ra.text, V.timeout_ms);
    } else if (!strcmp(cmd, "waitat")) {
        int off = 0;
        struct atarg a = {0, 0, NULL};
        if (sscanf(arg, "%d %d%n", &a.row, &a.col, &off) < 2)
            fail("waitat ROW COL TEXT");
        a.text = arg + off + (arg[off] == ' ');
        if (!wait_for(at_has, &a, V.timeout_ms))
            fail("waitat %d %d \"%s\": not there after %d ms", a.row, a.col, a.text, V.timeout_ms);
    } else if (!strcmp(cmd, "waitattr")) {
        struct atarg a = {0, 0, NULL};
        char set[32];
        if (sscanf(arg, "%d %d %31s", &a.row, &a.col, set) < 3)
            fail("waitattr ROW COL CHARS");
        a.text = set;
        if (!wait_for(attr_is, &a, V.timeout_ms))
            fail("waitattr %d %d: the cell's attribute is not one of %s after %d ms", a.row,
                 a.col, set, V.timeout_ms);
    } else if (!strcmp(cmd, "waitcursor")) {
        int want = !strcmp(arg, "visible") ? 1 : !strcmp(arg, "hidden") ? 0 : -1;
        if (want < 0)
            fail("waitcursor visible|hidden");
        if (!wait_for(cursor_is, &want, V.timeout_ms))
            fail("waitcursor %s: not after %d ms", arg, V.timeout_ms);
    } else if (!strcmp(cmd, "absent")) {
        settle();
        if (has_text(arg))
            fail("absent \"%s\": it is on the screen", arg);
    } else if (!strcmp(cmd, "mask")) {
        char *rep = strchr(arg, ' ');
        if (!rep || V.nmask == MAXMASK)
            fail("mask ERE REPLACEMENT (at most %d)", MAXMASK);
        *rep++ = '\0';
        if (regcomp(&V.mask_re[V.nmask], arg, REG_EXTENDED) != 0)
            fail("mask: bad regular expression %s", arg);
        V.mask_rep[V.nmask++] = strdup(rep);
    } else if (!strcmp(cmd, "snap") || !strcmp(cmd, "attrs")) {
        settle();
        if (!strcmp(cmd, "snap")) {
            char *s = screen_text(1);
            int rc = write_file(arg, s);
            free(s);
            if (rc != 0)
                fail("%s: %s", arg, strerror(errno));
            return;
        }
        FILE *f = fopen(arg, "w");
        if (!f)
            fail("%s: %s", arg, strerror(errno));
        for (int y = 0; y < V.rows; y++) {
            for (int x = 0; x < V.cols;) {
                VTermScreenCell c;
                vterm_screen_get_cell(V.scr, (VTermPos){.row = y, .col = x}, &c);
                int w = c.width > 1 ? c.width : 1;
                for (int i = 0; i < w && x + i < V.cols; i++)
                    fputc(attr_char(&c), f);
                x += w;
            }
            fputc('\n', f);
        }
        fclose(f);
    } else if (!strcmp(cmd, "expect") && getenv("VTRUN_UPDATE") && *getenv("VTRUN_UPDATE")) {
        settle(); /* regenerating: the screen becomes the expected file */
        char *s = screen_text(1);
        int rc = write_file(arg, s);
        free(s);
        if (rc != 0)
            fail("%s: %s", arg, strerror(errno));
    } else if (!strcmp(cmd, "expect")) {
        char *want = read_file(arg);
        if (!want)
            fail("%s: %s", arg, strerror(errno));
        if (!wait_for(screen_is, want, V.timeout_ms)) {
            char *got = screen_text(1);
            fprintf(stderr, "vtrun: %s:%d: the screen differs from %s:\n", V.script, V.line, arg);
            const char *a = want, *b = got;
            for (int y = 0; *a || *b; y++) {
                size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
                if (la != lb || memcmp(a, b, la))
                    fprintf(stderr, "  row %2d want |%.*s|\n         got  |%.*s|\n", y, (int)la,
                            a, (int)lb, b);
                a += la + (a[la] != 0);
                b += lb + (b[lb] != 0);
            }
            const char *dir = getenv("VTRUN_ACTUAL_DIR"), *base = strrchr(arg, '/');
            if (dir && *dir) {
                char path[4096];
                snprintf(path, sizeof path, "%s/%s.actual", dir, base ? base + 1 : arg);
                if (write_file(path, got) == 0)
                    fprintf(stderr, "vtrun: the screen is in %s\n", path);
            }
            free(got);
            fail("expect %s: timed out after %d ms", arg, V.timeout_ms);
        }
        free(want);
    } else if (!strcmp(cmd, "resize")) {
        int r, c;
        if (sscanf(arg, "%d %d", &r, &c) != 2 || r < 1 || c < 1 || r > 500 || c > 500)
            fail("resize ROWS COLS (1 to 500)");
        V.rows = r;
        V.cols = c;
        vterm_set_size(V.vt, r, c);
        struct winsize ws = {.ws_row = (unsigned short)r, .ws_col = (unsigned short)c};
        if (ioctl(V.fd, TIOCSWINSZ, &ws) != 0)
            fail("TIOCSWINSZ: %s", strerror(errno));
    } else if (!strcmp(cmd, "signal")) {
        static const struct {
            const char *name;
            int sig;
        } sigs[] = {{"TERM", SIGTERM}, {"HUP", SIGHUP}, {"INT", SIGINT}, {"KILL", SIGKILL}};
        size_t i = 0;
        while (i < 4 && strcmp(arg, sigs[i].name))
            i++;
        if (i == 4)
            fail("signal TERM|HUP|INT|KILL");
        if (!V.exited)
            kill(V.pid, sigs[i].sig);
    } else if (!strcmp(cmd, "timeout")) {
        V.timeout_ms = atoi(arg);
    } else if (!strcmp(cmd, "expect-exit")) {
        wait_exit();
        int want = atoi(arg);
        if (!WIFEXITED(V.status))
            fail("expected exit status %d, the program was killed by signal %d", want,
                 WIFSIGNALED(V.status) ? WTERMSIG(V.status) : 0);
        if (WEXITSTATUS(V.status) != want)
            fail("expected exit status %d, got %d", want, WEXITSTATUS(V.status));
    } else if (!strcmp(cmd, "check-restored") || !strcmp(cmd, "check-plain")) {
        wait_exit();
        struct termios t;
        int tio = tcgetattr(V.fd, &t) == 0;
        if (!strcmp(cmd, "check-plain")) {
            if (V.ever_alt || V.ever_hidden)
                fail("the program drew a full screen (alternate screen %s, cursor hidden %s)",
                     V.ever_alt ? "used" : "not used", V.ever_hidden ? "yes" : "no");
        } else if (V.alt || !V.cursor || V.mouse != VTERM_PROP_MOUSE_NONE) {
            fail("terminal not restored: alternate screen %s, cursor %s, mouse reporting %s",
                 V.alt ? "still on" : "off", V.cursor ? "visible" : "hidden",
                 V.mouse ? "still on" : "off");
        }
        if (tio && (!(t.c_lflag & ICANON) || !(t.c_lflag & ECHO)))
            fail("the tty was left in raw mode (ICANON %s, ECHO %s)",
                 t.c_lflag & ICANON ? "on" : "off", t.c_lflag & ECHO ? "on" : "off");
    } else if (!strcmp(cmd, "time-wait")) {
        char *file = strrchr(arg, ' ');
        if (!file)
            fail("time-wait TEXT FILE");
        *file++ = '\0';
        if (!wait_for(has_text, arg, V.timeout_ms))
            fail("time-wait \"%s\": not there after %d ms", arg, V.timeout_ms);
        append_line(file, "%.3f\n", now_ms() - V.t0);
    } else if (!strcmp(cmd, "time-type")) {
        time_type(arg);
    } else {
        fail("unknown command \"%s\"", cmd);
    }
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

    V.vt = vterm_new(V.rows, V.cols);
    vterm_set_utf8(V.vt, 1);
    vterm_output_set_callback(V.vt, out_cb, NULL);
    V.scr = vterm_obtain_screen(V.vt);
    static const VTermScreenCallbacks cbs = {.settermprop = settermprop};
    vterm_screen_set_callbacks(V.scr, &cbs, NULL);
    vterm_screen_enable_altscreen(V.scr, 1);
    vterm_screen_reset(V.scr, 1);

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
