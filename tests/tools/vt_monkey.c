/* vtrun's monkey command (issue 8): N seeded random events against the program, which must
 * not crash, hang or leave the terminal unrestored.
 *
 *   monkey SEED N [PACE_MS [EVENT_LOG]]
 *
 * The events come from a weighted mix drawn by a generator seeded with SEED alone, so a
 * seed always sends the same sequence (what the program makes of it can still depend on
 * timing: a search finishing before or after the next key, Esc and the next key read as
 * one Alt key). The mix: named keys (arrows, PgUp/PgDn, Home/End, Enter, Esc, Tab, S-Tab,
 * Backspace, Del, Ins, Space), F1..F12 but F10, C-a..C-z but C-q, M-1..M-9 and M-letters,
 * printable ASCII, digits, Chinese and pinyin chunks typed as an input method commits
 * them, pastes, button 1 clicks, wheel up/down and button 2/3 presses at random cells,
 * resizes (tiny or below the 80x24 minimum, left for a usable size after 1 to 8 events;
 * ordinary; large up to 60x200) and, rarely, the quit keys F10 and C-q. A quit key, or a
 * click on the F-key bar's row (its F10退出; our screen may lag the program's), may end the
 * program (not in a modal, which it closes): it must then exit 0 with the terminal
 * restored, and is started again (a restart).
 *
 * After each event the output is drained until it is quiet for PACE_MS (default 3, at most
 * 250 ms an event), so the program works through the keys rather than finding 10,000 in
 * its buffer; every 200 events the output must settle (quiet for the -q time) within the
 * timeout, and every 500 events a probe proves the program still answers: the screen is
 * cleared on our side, the terminal resized (24x80 <-> 30x100), and the program must draw
 * again within the timeout. At the end Esc (with pauses, so it is not read as Alt) and
 * F10 until the program exits; the script then checks expect-exit 0 and check-restored.
 *
 * A crash, a sanitizer abort, an unexpected exit, a hang, input no longer read, or an
 * unrestored terminal after a quit key fails with the seed, the event's index, the last 20
 * events (as vtrun script lines, to replay by hand) and the child's status. EVENT_LOG, when
 * given, receives every event as a vtrun script line. A summary line with the counts goes
 * to stdout. */
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "vt.h"

#define RING 20
#define SETTLE_EVERY 200
#define PROBE_EVERY 500
#define EVENT_CAP_MS 250

static struct {
    uint64_t rng, seed;
    long i, n;          /* the event being sent (1-based), of n */
    int pace_ms;
    FILE *log;
    char ring[RING][320];
    long ring_idx[RING];
    int nring;
    int quit_sent;      /* since the program (re)started: 1 a quit key or F10退出 clicked,
                         * 2 only clicks on the F-key bar's row */
    long restore_at;    /* the event that leaves a size below the minimum (0: none) */
    long keys, texts, clicks, wheels, buttons, resizes, quits, quit_clicks, restarts, probes;
    long final_tries;
} M;

/* ---- the generator: splitmix64, reproducible across machines ------------------------------ */

static uint64_t rnd(void)
{
    uint64_t z = (M.rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int pick(int n)
{
    return (int)(rnd() % (uint64_t)n);
}

static int between(int lo, int hi)
{
    return lo + pick(hi - lo + 1);
}

/* ---- the record of events ----------------------------------------------------------------- */

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note(const char *fmt, ...)
{
    char line[8192]; /* a paste is up to 4 KB: the log keeps it whole, the ring cut */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    int slot = (int)(M.i % RING);
    size_t n = strlen(line) < sizeof M.ring[slot] - 1 ? strlen(line) : sizeof M.ring[slot] - 1;
    while (n && ((unsigned char)line[n] & 0xC0) == 0x80)
        n--; /* not inside a character */
    memcpy(M.ring[slot], line, n);
    M.ring[slot][n] = '\0';
    M.ring_idx[slot] = M.i;
    if (M.nring < RING)
        M.nring++;
    if (M.log)
        fprintf(M.log, "%s\n", line);
}

static const char *status_text(void)
{
    static char s[128];
    if (!V.exited)
        snprintf(s, sizeof s, "is still running");
    else if (WIFEXITED(V.status))
        snprintf(s, sizeof s, "has exited with status %d", WEXITSTATUS(V.status));
    else if (WIFSIGNALED(V.status))
        snprintf(s, sizeof s, "was killed by signal %d (%s)", WTERMSIG(V.status),
                 strsignal(WTERMSIG(V.status)));
    else
        snprintf(s, sizeof s, "status 0x%x", (unsigned)V.status);
    return s;
}

/* Fails with the seed, the event, the child's status and the last events. */
static void mfail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void mfail(const char *fmt, ...)
{
    char why[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    char last[RING * 340] = "";
    size_t len = 0;
    long first = M.i - M.nring + 1;
    for (long k = first; k <= M.i; k++) {
        int slot = (int)(k % RING);
        if (k < 1 || M.ring_idx[slot] != k)
            continue;
        int w = snprintf(last + len, sizeof last - len, "  %s  # event %ld\n", M.ring[slot], k);
        if (w < 0 || (size_t)w >= sizeof last - len)
            break;
        len += (size_t)w;
    }
    if (M.log)
        fflush(M.log);
    fail("monkey seed %llu: event %ld of %ld: %s; the program %s (restarts so far %ld)\n"
         "---- the last %d events (vtrun script lines) ----\n%s---- end of events ----",
         (unsigned long long)M.seed, M.i, M.n, why, status_text(), M.restarts, M.nring, last);
}

/* ---- the program -------------------------------------------------------------------------- */

static int gone(const void *arg)
{
    (void)arg;
    return V.exited && V.eof;
}

/* curses has started: the alternate screen and mouse reporting are on. (What it draws
 * can be blank: 终端太小 does not fit in one column.) */
static int started(const void *arg)
{
    (void)arg;
    return V.alt && V.mouse != VTERM_PROP_MOUSE_NONE;
}

static int nonblank(const void *arg)
{
    (void)arg;
    char *s = screen_text(0);
    int r = s[strspn(s, " \n")] != '\0';
    free(s);
    return r;
}

/* The quit key's exit: status 0 and the terminal as it was, as check-restored sees it. */
static void check_quit_exit(void)
{
    if (!wait_for(gone, NULL, V.timeout_ms))
        mfail("the program's output did not end within %d ms of its exit", V.timeout_ms);
    if (!WIFEXITED(V.status) || WEXITSTATUS(V.status) != 0)
        mfail("after a quit (key or click) the program did not exit 0");
    if (V.alt || !V.cursor || V.mouse != VTERM_PROP_MOUSE_NONE)
        mfail("terminal not restored after a quit key: alternate screen %s, cursor %s, mouse "
              "reporting %s", V.alt ? "still on" : "off", V.cursor ? "visible" : "hidden",
              V.mouse ? "still on" : "off");
    struct termios t;
    if (tcgetattr(V.fd, &t) == 0 && (!(t.c_lflag & ICANON) || !(t.c_lflag & ECHO)))
        mfail("the tty was left in raw mode after a quit key");
}

/* Starts the program again in a fresh pty of the current size (after a quit key). */
static void respawn(void)
{
    close(V.fd);
    V.fd = -1;
    V.outlen = 0;
    V.eof = V.exited = V.status = 0;
    vterm_screen_reset(V.scr, 1);
    V.alt = 0;
    V.cursor = 1;
    V.mouse = VTERM_PROP_MOUSE_NONE;
    struct winsize ws = {.ws_row = (unsigned short)V.rows, .ws_col = (unsigned short)V.cols};
    fflush(NULL);
    V.t0 = now_ms();
    V.pid = forkpty(&V.fd, NULL, NULL, &ws);
    if (V.pid < 0)
        mfail("forkpty: %s", strerror(errno));
    if (V.pid == 0) {
        setenv("TERM", "xterm-256color", 1);
        unsetenv("LINES");
        unsetenv("COLUMNS");
        execvp(V.argv[0], V.argv);
        _exit(127);
    }
    fcntl(V.fd, F_SETFL, O_NONBLOCK);
    M.restarts++;
    M.quit_sent = 0;
    if (!wait_for(started, NULL, V.timeout_ms))
        mfail("the restarted program did not start curses within %d ms", V.timeout_ms);
}

/* The program exited: after a quit key that is a restart, else a failure. */
static void check_alive(void)
{
    if (!V.exited)
        return;
    if (!M.quit_sent)
        mfail("the program exited without a quit key or a click on the F-key bar");
    check_quit_exit();
    if (M.quit_sent == 2) { /* F10退出 clicked before our screen showed it */
        M.quits++;
        M.quit_clicks++;
    }
    respawn();
}

/* Drains the output until it is quiet for quiet_ms (or cap_ms pass). */
static void drain(int quiet_ms, int cap_ms)
{
    double end = now_ms() + cap_ms;
    while (!V.exited && now_ms() < end && pump(quiet_ms)) {
    }
}

/* Writes the queued bytes; a program that stops reading its input for the timeout hangs. */
static void flush_input(void)
{
    send_bytes("", 0);
    if (V.outlen && !V.eof && !V.exited)
        mfail("the program read no input for %d ms (hung?)", V.timeout_ms);
}

/* The output settles within the timeout; one that never does is a redraw loop. */
static void settle_checked(void)
{
    double end = now_ms() + V.timeout_ms;
    while (!V.exited && pump(V.quiet_ms))
        if (now_ms() > end)
            mfail("the output did not settle within %d ms (a redraw loop?)", V.timeout_ms);
    check_alive();
}

/* The program still answers: our copy of the screen cleared, a resize must make it draw. */
static void probe(void)
{
    settle_checked();
    int r = 24, c = 80;
    if (V.rows == 24 && V.cols == 80) {
        r = 30;
        c = 100;
    }
    vterm_input_write(V.vt, "\033[H\033[2J", 7);
    V.rows = r;
    V.cols = c;
    vterm_set_size(V.vt, r, c);
    struct winsize ws = {.ws_row = (unsigned short)r, .ws_col = (unsigned short)c};
    if (ioctl(V.fd, TIOCSWINSZ, &ws) != 0)
        mfail("TIOCSWINSZ: %s", strerror(errno));
    if (!wait_for(nonblank, NULL, V.timeout_ms)) {
        check_alive();
        mfail("probe: no redraw within %d ms of a resize to %dx%d (hung?)", V.timeout_ms, r, c);
    }
    M.probes++;
    settle_checked();
}

/* ---- events ------------------------------------------------------------------------------- */

static const char *const named[] = {"Enter", "Tab",  "S-Tab", "Esc",  "Backspace", "Del",
                                    "Ins",   "Up",   "Down",  "Left", "Right",     "Home",
                                    "End",   "PgUp", "PgDn",  "Space"};
/* What a clerk types: terms of the corpus, places, pinyin initials, codes, Traditional
 * text, and a few odd ones (full-width Latin, an emoji, a combining accent). */
static const char *const chunks[] = {
    "低保",   "民政",     "北京",       "救助",   "社会组织", "zgc",    "bj",     "社会救助",
    "最低生活保障", "特困", "临时救助", "南川",   "养老",     "養老",   "慈善法", "第十一条",
    "热线",   "110101",   "2023",       "婚姻登记", "殡葬",   "残疾人", "儿童",   "流浪乞讨",
    "救助管理站", "海淀区", "重庆",     "yunnan", "hdq",      "ＡＢＣ", "😀",     "é",
    "“引号”", "（括号）", "非法社会组织", "城市",   "农村",     "万元",   "人次",   "法",
};

static void send_named(const char *name)
{
    if (send_key(name) != 0)
        mfail("monkey: vtrun does not know key %s", name);
    note("key %s", name);
    flush_input();
}

static void key_event(const char *name)
{
    M.keys++;
    send_named(name);
}

static void type_event(const char *text)
{
    note("type %s", text);
    M.texts++;
    send_bytes(text, strlen(text));
    if (V.outlen && !V.eof && !V.exited)
        mfail("the program read no input for %d ms (hung?)", V.timeout_ms);
}

/* A random cell, biased to the bars where the mouse does most: tabs on top, F-keys below. */
static void cell(int *y, int *x)
{
    int w = pick(10);
    *y = w < 3 ? pick(V.rows < 3 ? V.rows : 3) : w < 5 ? V.rows - 1 - pick(V.rows < 3 ? V.rows : 3)
                                               : pick(V.rows);
    *x = pick(V.cols);
}

/* Is the cell (y, x) on the F-key bar's quit label "F10退出" as our screen shows it?
 * Clicking it quits, as F10 does. */
static int on_quit_label(int y, int x)
{
    static const uint32_t label[] = {'F', '1', '0', 0x9000 /* 退 */, 0x51FA /* 出 */};
    const int n = (int)(sizeof label / sizeof *label);
    for (int start = 0; start < V.cols; start++) {
        int col = start, k = 0;
        while (k < n && col < V.cols) {
            VTermScreenCell c;
            vterm_screen_get_cell(V.scr, (VTermPos){.row = y, .col = col}, &c);
            if (c.chars[0] != label[k])
                break;
            col += c.width > 1 ? c.width : 1;
            k++;
        }
        if (k == n)
            return x >= start && x < col;
    }
    return 0;
}

static void mouse_event(int kind)
{
    int y, x;
    cell(&y, &x);
    if (kind == 0) {
        int bar = y == V.rows - 1, quits = bar && on_quit_label(y, x);
        note("click %d %d%s", y, x, quits ? "  # on F10退出: a quit" : bar ? "  # F-key bar" : "");
        send_mouse(1, y, x);
        M.clicks++;
        /* Our screen can lag the program's (a slow frame after a resize): a click on the
         * bar's row may hit F10退出 where we do not see it yet. */
        if (bar && !M.quit_sent)
            M.quit_sent = 2;
        if (quits) {
            M.quits++;
            M.quit_clicks++;
            M.quit_sent = 1;
            flush_input();
            wait_for(gone, NULL, 2000);
            check_alive();
            return;
        }
    } else if (kind == 1) {
        int up = pick(2);
        note("wheel %s %d %d", up ? "up" : "down", y, x);
        send_mouse(up ? 4 : 5, y, x);
        M.wheels++;
    } else {
        int b = between(2, 3);
        note("# button %d press and release at %d %d (no vtrun command)", b, y, x);
        vterm_mouse_move(V.vt, y, x, VTERM_MOD_NONE);
        vterm_mouse_button(V.vt, b, 1, VTERM_MOD_NONE);
        vterm_mouse_button(V.vt, b, 0, VTERM_MOD_NONE);
        M.buttons++;
    }
    flush_input();
}

/* A random size; usable: at least the 80x24 minimum. Below it the console only shows
 * 终端太小 and takes F10 alone, so a small size is left again after a few events
 * (restore_at), or most of the run would go to keys it ignores. */
static void resize_event(int usable)
{
    int w = usable ? between(45, 99) : pick(100), r, c;
    if (w < 15) { /* tiny */
        r = between(1, 6);
        c = between(1, 12);
    } else if (w < 45) { /* below the 80x24 minimum in one or both */
        int which = pick(3);
        r = which == 1 ? between(24, 40) : between(5, 23);
        c = which == 0 ? between(80, 120) : between(20, 79);
    } else if (w < 85) { /* ordinary */
        r = between(24, 50);
        c = between(80, 160);
    } else { /* large */
        r = between(50, 60);
        c = between(160, 200);
    }
    note("resize %d %d", r, c);
    if (r < 24 || c < 80)
        M.restore_at = M.i + between(1, 8);
    V.rows = r;
    V.cols = c;
    vterm_set_size(V.vt, r, c);
    struct winsize ws = {.ws_row = (unsigned short)r, .ws_col = (unsigned short)c};
    if (ioctl(V.fd, TIOCSWINSZ, &ws) != 0 && !V.eof)
        mfail("TIOCSWINSZ: %s", strerror(errno));
    M.resizes++;
}

/* A quit key; the program must exit 0 with the terminal restored (then it restarts). It
 * may not exit: a preceding Esc can make it Alt-F10, which is no quit. */
static void quit_event(void)
{
    const char *k = pick(2) ? "F10" : "C-q";
    M.quits++;
    M.quit_sent = 1;
    send_named(k);
    wait_for(gone, NULL, 2000);
    check_alive();
}

static void one_event(void)
{
    /* weights out of 2000 */
    static const struct {
        int weight;
        char kind;
    } mix[] = {
        {540, 'n'}, /* named keys */
        {220, 'f'}, /* F1..F12 but F10 */
        {100, 'c'}, /* C-a..C-z but C-q */
        {150, 'm'}, /* M-1..M-9, M-a..M-z */
        {380, 'a'}, /* printable ASCII */
        {70, 'd'},  /* digits */
        {190, 't'}, /* chunks */
        {9, 'p'},   /* a paste of many chunks */
        {200, 'k'}, /* click */
        {100, 'w'}, /* wheel */
        {10, 'b'},  /* button 2/3 */
        {30, 'r'},  /* resize */
        {1, 'q'},   /* quit */
    };
    int total = 0;
    for (size_t k = 0; k < sizeof mix / sizeof *mix; k++)
        total += mix[k].weight;
    int w = pick(total);
    char kind = 'n';
    for (size_t k = 0; k < sizeof mix / sizeof *mix; k++) {
        if (w < mix[k].weight) {
            kind = mix[k].kind;
            break;
        }
        w -= mix[k].weight;
    }
    if ((kind == 'k' || kind == 'w' || kind == 'b') && V.mouse == VTERM_PROP_MOUSE_NONE)
        kind = 'n'; /* mouse reporting off (the program is starting): a key instead */
    if (M.restore_at && M.i >= M.restore_at) {
        M.restore_at = 0;
        kind = 'R';
    }
    char buf[4096];
    switch (kind) {
    case 'n':
        key_event(named[pick(sizeof named / sizeof *named)]);
        break;
    case 'f':
        snprintf(buf, sizeof buf, "F%d", (int[]){1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12}[pick(11)]);
        key_event(buf);
        break;
    case 'c': {
        int ch = 'a' + pick(25);
        snprintf(buf, sizeof buf, "C-%c", ch >= 'q' ? ch + 1 : ch);
        key_event(buf);
        break;
    }
    case 'm': {
        int k = pick(35);
        snprintf(buf, sizeof buf, "M-%c", k < 9 ? '1' + k : 'a' + k - 9);
        key_event(buf);
        break;
    }
    case 'a':
        snprintf(buf, sizeof buf, "%c", between('!', '~'));
        key_event(buf);
        break;
    case 'd': {
        int n = between(1, 6);
        for (int k = 0; k < n; k++)
            buf[k] = (char)between('0', '9');
        buf[n] = '\0';
        type_event(buf);
        break;
    }
    case 't':
        type_event(chunks[pick(sizeof chunks / sizeof *chunks)]);
        break;
    case 'p': {
        size_t len = 0;
        int n = between(10, 120);
        for (int k = 0; k < n; k++) {
            const char *s = chunks[pick(sizeof chunks / sizeof *chunks)];
            if (len + strlen(s) + 1 >= sizeof buf)
                break;
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", s);
        }
        type_event(buf);
        break;
    }
    case 'k': mouse_event(0); break;
    case 'w': mouse_event(1); break;
    case 'b': mouse_event(2); break;
    case 'r': resize_event(0); break;
    case 'R': resize_event(1); break;
    default: quit_event(); break;
    }
}

/* Esc (with a pause, so it is not read with the next key as Alt) then F10, until the
 * program exits. */
static void quit_at_end(void)
{
    for (int attempt = 0; attempt < 10 && !V.exited; attempt++) {
        settle_checked();
        if (attempt > 0) {
            send_key("Esc");
            flush_input();
            drain(60, 2000);
            pump(60);
        }
        send_key("F10");
        flush_input();
        M.final_tries++;
        wait_for(gone, NULL, attempt < 9 ? 2000 : V.timeout_ms);
    }
    if (!V.exited)
        mfail("Esc and F10 ten times: the program did not quit");
}

void monkey(char *arg)
{
    unsigned long long seed;
    long n;
    int pace = 3, off = 0;
    char logpath[1024] = "";
    int got = sscanf(arg, "%llu %ld %n", &seed, &n, &off);
    if (got < 2 || n < 0)
        fail("monkey SEED N [PACE_MS [EVENT_LOG]]");
    sscanf(arg + off, "%d %1023s", &pace, logpath);
    memset(&M, 0, sizeof M);
    M.seed = seed;
    M.rng = seed;
    M.n = n;
    M.pace_ms = pace < 0 ? 0 : pace;
    if (*logpath && !(M.log = fopen(logpath, "w")))
        fail("%s: %s", logpath, strerror(errno));
    if (!V.argv)
        fail("monkey: vtrun lost the program's arguments");
    double t0 = now_ms();
    for (M.i = 1; M.i <= n; M.i++) {
        check_alive();
        one_event();
        drain(M.pace_ms, EVENT_CAP_MS);
        check_alive();
        if (M.i % PROBE_EVERY == 0)
            probe();
        else if (M.i % SETTLE_EVERY == 0)
            settle_checked();
    }
    M.i = n;
    quit_at_end();
    if (M.log)
        fclose(M.log);
    printf("monkey: seed %llu: %ld events in %.1f s: %ld keys, %ld texts, %ld clicks, %ld wheels, "
           "%ld other buttons, %ld resizes, %ld quits (%ld of them clicks on F10退出), %ld restarts, "
           "%ld probes, %ld F10 at the end\n",
           seed, n, (now_ms() - t0) / 1000, M.keys, M.texts, M.clicks, M.wheels, M.buttons,
           M.resizes, M.quits, M.quit_clicks, M.restarts, M.probes, M.final_tries);
    fflush(stdout);
}
