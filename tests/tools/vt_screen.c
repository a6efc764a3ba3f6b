/* vtrun's screen: the libvterm terminal and its callbacks, the screen's text and
 * attributes, and waiting until the screen shows something. */
#include <stdlib.h>
#include <string.h>

#include "vt.h"

/* ---- the terminal ------------------------------------------------------------------------ */

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
    } else {
        inert_termprop(prop);
    }
    return 1;
}

void vt_setup(void)
{
    V.vt = vterm_new(V.rows, V.cols);
    vterm_set_utf8(V.vt, 1);
    vterm_output_set_callback(V.vt, out_cb, NULL);
    V.scr = vterm_obtain_screen(V.vt);
    static const VTermScreenCallbacks cbs = {.settermprop = settermprop};
    vterm_screen_set_callbacks(V.scr, &cbs, NULL);
    vterm_screen_enable_altscreen(V.scr, 1);
    vterm_screen_reset(V.scr, 1);
}

/* libvterm 0.1.4 applies only the first mode of a DEC private mode set or reset, and
 * ncurses enables the mouse with ESC[?1006;1000h: split such sequences into one a mode.
 * A sequence cut by the end of a read waits in carry for the next. */
void feed(const char *b, size_t n)
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
void row_text(int y, char *buf)
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
char *screen_text(int mask)
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

int write_attrs(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
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
    return 0;
}

/* ---- waiting ----------------------------------------------------------------------------- */

/* Polls until pred holds; 0 on timeout or when nothing can change any more. */
int wait_for(pred_fn pred, const void *arg, int timeout_ms)
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

int has_text(const void *arg)
{
    char *s = screen_text(0);
    int r = strstr(s, arg) != NULL;
    free(s);
    return r;
}

int lacks_text(const void *arg)
{
    return !has_text(arg);
}

int screen_is(const void *arg)
{
    char *s = screen_text(1);
    int r = !strcmp(s, arg);
    free(s);
    return r;
}

int row_of(int y)
{
    return y < 0 ? V.rows + y : y;
}

int row_has(const void *arg)
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

/* The cells from (row, col) on show text, each character in a cell of its own width
 * (a double-width character at col, not at col - 1). */
int at_has(const void *arg)
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

int attr_is(const void *arg)
{
    const struct atarg *a = arg;
    int y = row_of(a->row);
    if (y < 0 || y >= V.rows || a->col < 0 || a->col >= V.cols)
        return 0;
    VTermScreenCell c;
    vterm_screen_get_cell(V.scr, (VTermPos){.row = y, .col = a->col}, &c);
    return strchr(a->text, attr_char(&c)) != NULL;
}

int cursor_is(const void *arg)
{
    return V.cursor == *(const int *)arg;
}

/* row_has(&u->row) and the cursor is on row u->cursor_row (see struct updarg). */
int row_updated(const void *arg)
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
void settle(void)
{
    double end = now_ms() + V.timeout_ms;
    while (now_ms() < end && pump(V.quiet_ms)) {
    }
}

void wait_exit(void)
{
    if (!wait_for(exited, NULL, V.timeout_ms))
        fail("the program did not exit within %d ms", V.timeout_ms);
}
