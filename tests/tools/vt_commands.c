/* vtrun's script commands (see vtrun.c for the list). */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>

#include "vt.h"

/* ---- files ------------------------------------------------------------------------------- */

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

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
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

/* ---- commands ---------------------------------------------------------------------------- */

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

void run_command(char *cmd, char *arg)
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
        send_mouse(button, y, x);
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
        if (write_attrs(arg) != 0)
            fail("%s: %s", arg, strerror(errno));
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
    } else if (!strcmp(cmd, "monkey")) {
        monkey(arg);
    } else if (!strcmp(cmd, "check-inert")) {
        check_inert(arg);
    } else {
        fail("unknown command \"%s\"", cmd);
    }
}
