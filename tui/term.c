/* The only file besides draw.c that includes curses. */
#include "term.h"

#include "script.h"
#include "xalloc.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <wchar.h>

static struct {
    int active;
    SCREEN *screen;
    FILE *in, *out;      /* files given to newterm */
    script *script;      /* test mode */
    int unicode_frame;
    attr_t attrs[AT_COUNT];
    int saved_stderr;    /* stderr goes to a temporary file while curses runs */
    FILE *err_log;
    int err_fd;          /* its descriptor, for the crash handler */
    int out_fd;          /* the terminal's, for the same */
    const char *cnorm;   /* terminfo: show the cursor (NULL: none) */
} T = {.saved_stderr = -1, .err_fd = -1, .out_fd = -1};

static volatile sig_atomic_t got_signal;

static void on_quit_signal(int sig)
{
    (void)sig;
    got_signal = 1;
}

/* After endwin: curses scrolls with sc/rc (ESC 7, ESC 8) around a scroll region while the
 * cursor is hidden; libvterm terminals (vim's and Neovim's :terminal) keep the cursor's
 * visibility with ESC 7 and give that saved state back when rmcup leaves the alternate
 * screen, so the shell's cursor stayed hidden (found by the monkey test). Show it again;
 * curs_set cannot, as curses believes it is shown. Async-signal-safe. */
static void show_cursor_after_endwin(void)
{
    if (T.script || !T.cnorm || T.out_fd < 0)
        return;
    size_t n = strlen(T.cnorm);
    if (write(T.out_fd, T.cnorm, n) != (ssize_t)n) {
        /* nothing better to do on the way out */
    }
}

/* A crash must not leave the clerk's terminal in raw mode without echo. */
static void on_crash(int sig)
{
    if (T.active) {
        endwin();
        show_cursor_after_endwin();
    }
    /* The reason (an assertion, out of memory, a sanitizer's report) went to stderr, the
     * temporary file while curses ran: copy it to the restored terminal, or it dies with
     * the process. Only async-signal-safe calls. */
    if (T.saved_stderr >= 0 && T.err_fd >= 0 && lseek(T.err_fd, 0, SEEK_SET) == 0) {
        char buf[4096];
        ssize_t n;
        while ((n = read(T.err_fd, buf, sizeof buf)) > 0)
            if (write(T.saved_stderr, buf, (size_t)n) != n)
                break;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_quit_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_crash;
    sa.sa_flags = (int)SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);
}

static void setup_colours(int mono)
{
    /* Mono, or NO_COLOR: plain attributes that read well on any background. */
    attr_t mono_attrs[AT_COUNT] = {
        [AT_NORMAL] = A_NORMAL,     [AT_TITLE] = A_REVERSE,     [AT_TAB] = A_NORMAL,
        [AT_TAB_ACTIVE] = A_REVERSE, [AT_STATUS] = A_NORMAL,     [AT_MESSAGE] = A_BOLD,
        [AT_ERROR] = A_BOLD | A_REVERSE, [AT_FKEY_NUM] = A_BOLD, [AT_FKEY_LABEL] = A_REVERSE,
        [AT_PROMPT] = A_BOLD,       [AT_INPUT] = A_NORMAL,      [AT_HL] = A_BOLD | A_UNDERLINE,
        [AT_SEL] = A_REVERSE,       [AT_SEL_HL] = A_REVERSE | A_BOLD | A_UNDERLINE,
        [AT_HEADER] = A_BOLD,       [AT_DIM] = A_DIM,           [AT_FRAME] = A_DIM,
        [AT_GOOD] = A_NORMAL,       [AT_WARN] = A_BOLD,         [AT_BAD] = A_DIM,
    };
    memcpy(T.attrs, mono_attrs, sizeof T.attrs);
    if (mono || !has_colors() || start_color() == ERR)
        return;
    use_default_colors();
    /* pair, foreground, background (-1: the terminal's default) */
    static const struct {
        enum attr_kind kind;
        short fg, bg;
        attr_t extra;
    } pairs[] = {
        {AT_TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD},  {AT_TAB_ACTIVE, COLOR_BLACK, COLOR_CYAN, 0},
        {AT_MESSAGE, COLOR_GREEN, -1, A_BOLD},        {AT_ERROR, COLOR_WHITE, COLOR_RED, A_BOLD},
        {AT_FKEY_LABEL, COLOR_BLACK, COLOR_CYAN, 0},  {AT_PROMPT, COLOR_CYAN, -1, A_BOLD},
        {AT_HL, COLOR_BLACK, COLOR_YELLOW, 0},        {AT_SEL_HL, COLOR_BLACK, COLOR_YELLOW, A_BOLD},
        {AT_HEADER, COLOR_CYAN, -1, A_BOLD},          {AT_FRAME, COLOR_BLUE, -1, 0},
        {AT_GOOD, COLOR_GREEN, -1, 0},                {AT_WARN, COLOR_YELLOW, -1, 0},
        {AT_BAD, COLOR_RED, -1, 0},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        short n = (short)(i + 1);
        if (init_pair(n, pairs[i].fg, pairs[i].bg) == OK)
            T.attrs[pairs[i].kind] = COLOR_PAIR(n) | pairs[i].extra;
    }
}

unsigned long term_attr(enum attr_kind k)
{
    return k < AT_COUNT ? (unsigned long)T.attrs[k] : (unsigned long)A_NORMAL;
}

static int utf8_codeset(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
}

int term_init(const term_opts *o, char **err)
{
    if (!utf8_codeset()) {
        *err = xstrdup("没有可用的 UTF-8 区域设置（no UTF-8 locale）；请用 gongkai --cli");
        return -1;
    }
    if (o->script) {
        T.script = script_open(o->script, err);
        if (!T.script)
            return -1;
        T.out = fopen("/dev/null", "w");
        T.in = fopen("/dev/null", "r");
        if (!getenv("TERM"))
            setenv("TERM", "xterm-256color", 1);
    } else {
        if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
            *err = xstrdup("不是终端（not a terminal）；请用 gongkai --cli 或 gongkai search");
            return -1;
        }
        T.out = stdout;
        T.in = stdin;
    }
    T.screen = newterm(NULL, T.out, T.in);
    /* Offline laptops may lack the terminfo entry of an exotic $TERM: try plainer ones. */
    static const char *const fallbacks[] = {"xterm-256color", "xterm", "vt100"};
    for (size_t i = 0; !T.screen && i < sizeof fallbacks / sizeof *fallbacks; i++)
        T.screen = newterm(fallbacks[i], T.out, T.in);
    if (!T.screen) {
        *err = xasprintf("无法启动终端界面（cannot start curses for TERM=%s）；请用 gongkai --cli",
                         getenv("TERM") ? getenv("TERM") : "(unset)");
        if (T.script) {
            fclose(T.out);
            fclose(T.in);
            script_close(T.script);
            T.script = NULL;
        }
        return -1;
    }
    set_term(T.screen);
    T.active = 1;
    if (T.script)
        resizeterm(o->rows > 0 ? o->rows : 24, o->cols > 0 ? o->cols : 80);
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    setup_colours(o->mono || (getenv("NO_COLOR") && *getenv("NO_COLOR")));
    T.unicode_frame = o->unicode_frame;
    if (!T.script) {
        mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0);
        /* Anything written to stderr while curses runs would garble the screen. */
        T.err_log = tmpfile();
        if (T.err_log) {
            fflush(stderr);
            T.saved_stderr = dup(STDERR_FILENO);
            T.err_fd = fileno(T.err_log);
            dup2(T.err_fd, STDERR_FILENO);
        }
        const char *cnorm = tigetstr("cnorm");
        T.cnorm = cnorm && cnorm != (const char *)-1 ? cnorm : NULL;
        T.out_fd = fileno(T.out);
    }
    install_signals();
    return 0;
}

void term_done(void)
{
    if (!T.active)
        return;
    T.active = 0;
    curs_set(1);
    endwin();
    show_cursor_after_endwin();
    T.cnorm = NULL; /* it points into the terminal's description, freed by delscreen */
    delscreen(T.screen);
    T.screen = NULL;
    if (T.script) {
        script_close(T.script);
        T.script = NULL;
        fclose(T.out);
        fclose(T.in);
    }
    if (T.saved_stderr >= 0) {
        fflush(stderr);
        dup2(T.saved_stderr, STDERR_FILENO);
        close(T.saved_stderr);
        T.saved_stderr = -1;
        rewind(T.err_log);
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, T.err_log)) > 0)
            fwrite(buf, 1, n, stderr);
        fclose(T.err_log);
        T.err_log = NULL;
        T.err_fd = -1;
    }
}

int term_rows(void)
{
    return LINES;
}

int term_cols(void)
{
    return COLS;
}

int term_unicode_frame(void)
{
    return T.unicode_frame;
}

int term_test_mode(void)
{
    return T.script != NULL;
}

static void from_script(gk_key *k)
{
    for (;;) {
        script_cmd c;
        script_next(T.script, &c);
        switch (c.kind) {
        case SC_KEY:
            *k = c.key;
            return;
        case SC_RESIZE:
            resizeterm(c.rows, c.cols);
            k->code = KEYC_RESIZE;
            return;
        case SC_DUMP:
            if (term_dump(c.path) != 0)
                fprintf(stderr, "dump %s: %s\n", c.path, strerror(errno));
            continue;
        case SC_END:
        default:
            k->code = KEYC_SIGNAL;
            return;
        }
    }
}

static void translate(int r, wint_t ch, gk_key *k)
{
    if (r == KEY_CODE_YES) {
        switch (ch) {
        case KEY_RESIZE:
            k->code = KEYC_RESIZE;
            break;
        case KEY_UP:
            k->code = KEYC_UP;
            break;
        case KEY_DOWN:
            k->code = KEYC_DOWN;
            break;
        case KEY_LEFT:
            k->code = KEYC_LEFT;
            break;
        case KEY_RIGHT:
            k->code = KEYC_RIGHT;
            break;
        case KEY_HOME:
            k->code = KEYC_HOME;
            break;
        case KEY_END:
            k->code = KEYC_END;
            break;
        case KEY_PPAGE:
            k->code = KEYC_PGUP;
            break;
        case KEY_NPAGE:
            k->code = KEYC_PGDN;
            break;
        case KEY_BACKSPACE:
            k->code = KEYC_BACKSPACE;
            break;
        case KEY_DC:
            k->code = KEYC_DELETE;
            break;
        case KEY_IC:
            k->code = KEYC_INSERT;
            break;
        case KEY_BTAB:
            k->code = KEYC_BTAB;
            break;
        case KEY_ENTER:
            k->code = KEYC_ENTER;
            break;
        case KEY_MOUSE: {
            MEVENT ev;
            if (getmouse(&ev) != OK)
                break;
            k->code = KEYC_MOUSE;
            k->y = ev.y;
            k->x = ev.x;
            if (ev.bstate & BUTTON4_PRESSED)
                k->mouse = MOUSE_WHEEL_UP;
            else if (ev.bstate & BUTTON5_PRESSED)
                k->mouse = MOUSE_WHEEL_DOWN;
            else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
                k->mouse = MOUSE_CLICK;
            else
                k->code = KEYC_NONE;
            break;
        }
        default:
            if (ch >= KEY_F(1) && ch <= KEY_F(12)) {
                k->code = KEYC_F;
                k->n = (int)(ch - KEY_F(0));
            }
        }
        return;
    }
    switch (ch) {
    case '\r':
    case '\n':
        k->code = KEYC_ENTER;
        break;
    case '\t':
        k->code = KEYC_TAB;
        break;
    case 127:
    case 8:
        k->code = KEYC_BACKSPACE;
        break;
    case 27:
        k->code = KEYC_ESC;
        break;
    default:
        if (ch >= 1 && ch <= 26) {
            k->code = KEYC_CTRL;
            k->ch = (uint32_t)('a' + ch - 1);
        } else if (ch >= ' ') {
            k->code = KEYC_CHAR;
            k->ch = (uint32_t)ch;
        }
    }
}

void term_read_key(gk_key *k, int timeout_ms)
{
    memset(k, 0, sizeof *k);
    if (T.script) {
        from_script(k);
        return;
    }
    if (got_signal) {
        k->code = KEYC_SIGNAL;
        return;
    }
    wtimeout(stdscr, timeout_ms);
    wint_t ch;
    int r = wget_wch(stdscr, &ch);
    if (r == ERR) {
        k->code = got_signal ? KEYC_SIGNAL : KEYC_TIMEOUT;
        return;
    }
    translate(r, ch, k);
    /* Alt-x arrives as ESC x: look for a second key without waiting. */
    if (k->code == KEYC_ESC) {
        wtimeout(stdscr, 0);
        r = wget_wch(stdscr, &ch);
        if (r != ERR) {
            translate(r, ch, k);
            k->alt = 1;
        }
    }
    if (k->code == KEYC_NONE)
        k->code = KEYC_TIMEOUT;
}

void term_update(int y, int x)
{
    /* Input methods draw their candidates at the hardware cursor: put it where the next
     * character goes, and hide it when no input has the focus. */
    leaveok(stdscr, y < 0);
    curs_set(y >= 0);
    if (y >= 0)
        wmove(stdscr, y, x);
    wnoutrefresh(stdscr);
    doupdate();
}

void term_repaint(void)
{
    clearok(curscr, TRUE);
}

int term_dump(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    for (int y = 0; y < LINES; y++) {
        char line[4096];
        size_t len = 0, keep = 0;
        for (int x = 0; x < COLS;) {
            cchar_t cc;
            wchar_t wch[CCHARW_MAX + 1];
            attr_t attrs;
            short pair;
            int w = 1;
            if (mvwin_wch(curscr, y, x, &cc) == OK &&
                getcchar(&cc, wch, &attrs, &pair, NULL) != ERR && wch[0]) {
                int cw = wcwidth(wch[0]);
                char mb[8];
                mbstate_t st;
                memset(&st, 0, sizeof st);
                size_t n = wcrtomb(mb, wch[0], &st);
                if (n == (size_t)-1) {
                    mb[0] = '?';
                    n = 1;
                }
                if (len + n < sizeof line) {
                    memcpy(line + len, mb, n);
                    len += n;
                }
                w = cw > 1 ? cw : 1;
            } else if (len + 1 < sizeof line) {
                line[len++] = ' ';
            }
            if (line[len - 1] != ' ')
                keep = len;
            x += w;
        }
        fprintf(f, "%.*s\n", (int)keep, line);
    }
    return fclose(f);
}

void term_osc52(const char *utf8)
{
    if (T.script || !T.active)
        return;
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    buf_t b;
    buf_init(&b);
    buf_adds(&b, "\033]52;c;");
    const unsigned char *s = (const unsigned char *)utf8;
    size_t n = strlen(utf8);
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) |
                     (i + 2 < n ? s[i + 2] : 0);
        buf_addc(&b, b64[(v >> 18) & 63]);
        buf_addc(&b, b64[(v >> 12) & 63]);
        buf_addc(&b, i + 1 < n ? b64[(v >> 6) & 63] : '=');
        buf_addc(&b, i + 2 < n ? b64[v & 63] : '=');
    }
    buf_adds(&b, "\a");
    fwrite(b.s, 1, b.len, T.out);
    fflush(T.out);
    buf_free(&b);
}
