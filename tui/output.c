#include "output.h"

#include "config.h"
#include "u8.h"
#include "utf8dec.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int out_mark_parse(const char *name, enum out_mark *out)
{
    static const char *const names[] = {"none", "brackets", "ansi"};
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (!strcmp(name, names[i])) {
            *out = (enum out_mark)i;
            return 0;
        }
    return -1;
}

enum out_mark out_mark_default(FILE *f)
{
    const char *no_color = getenv("NO_COLOR");
    if (isatty(fileno(f)) && !(no_color && *no_color))
        return OUT_MARK_ANSI;
    return OUT_MARK_BRACKETS;
}

/* Sanitises and converts text[a, b) onto the end of acc. */
static void add_piece(buf_t *acc, const char *text, size_t a, size_t b, unsigned san_flags,
                      enum convert_script script)
{
    if (a >= b)
        return;
    char *clean = u8_sanitize(text + a, b - a, san_flags);
    size_t n;
    char *shown = convert_text(script, clean, strlen(clean), &n);
    buf_add(acc, shown, n);
    free(shown);
    free(clean);
}

void out_text_make(out_text *t, const char *text, size_t start, size_t end,
                   const hl_spans *spans, unsigned san_flags, enum convert_script script)
{
    memset(t, 0, sizeof *t);
    buf_t acc;
    buf_init(&acc);
    size_t pos = start;
    for (size_t i = 0; spans && i < spans->n; i++) {
        size_t s = spans->v[i].start, e = spans->v[i].end;
        if (s < pos)
            s = pos; /* overlapping spans: the part already emitted stays emitted */
        if (e > end)
            e = end;
        if (s >= e)
            continue;
        add_piece(&acc, text, pos, s, san_flags, script);
        size_t from = acc.len;
        add_piece(&acc, text, s, e, san_flags, script);
        if (acc.len > from) { /* a span of nothing but controls vanishes */
            t->spans.v = xgrow(t->spans.v, &t->spans.cap, t->spans.n + 1, sizeof *t->spans.v);
            t->spans.v[t->spans.n++] = (hl_span){from, acc.len, spans->v[i].term};
        }
        pos = e;
    }
    add_piece(&acc, text, pos, end, san_flags, script);
    t->len = acc.len;
    t->s = buf_take(&acc);
}

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

void out_snippet(out_text *t, const char *body, size_t snip_start, size_t snip_end,
                 const hl_spans *spans, enum convert_script script, const char *ell)
{
    size_t len = strlen(body);
    if (snip_end > len)
        snip_end = len;
    if (snip_start > snip_end)
        snip_start = snip_end;
    while (snip_start < snip_end && is_space(body[snip_start]))
        snip_start++;
    while (snip_end > snip_start && is_space(body[snip_end - 1]))
        snip_end--;
    /* "…" only where real text was left out, not just a line break. */
    int cut_before = 0, cut_after = 0;
    for (size_t i = 0; i < snip_start && !cut_before; i++)
        cut_before = !is_space(body[i]);
    for (size_t i = snip_end; i < len && !cut_after; i++)
        cut_after = !is_space(body[i]);

    out_text mid;
    out_text_make(&mid, body, snip_start, snip_end, spans, 0, script);
    if (!cut_before && !cut_after) {
        *t = mid;
        return;
    }
    if (!ell)
        ell = "…";
    size_t shift = cut_before ? strlen(ell) : 0;
    buf_t b;
    buf_init(&b);
    if (cut_before)
        buf_adds(&b, ell);
    buf_add(&b, mid.s, mid.len);
    if (cut_after)
        buf_adds(&b, ell);
    memset(t, 0, sizeof *t);
    t->len = b.len;
    t->s = buf_take(&b);
    t->spans = mid.spans;
    for (size_t i = 0; i < t->spans.n; i++) {
        t->spans.v[i].start += shift;
        t->spans.v[i].end += shift;
    }
    free(mid.s);
}

void out_text_free(out_text *t)
{
    free(t->s);
    hl_spans_free(&t->spans);
    memset(t, 0, sizeof *t);
}

void out_marked(buf_t *b, const out_text *t, enum out_mark m)
{
    static const char *const open[] = {"", "«", "\033[7m"};
    static const char *const close[] = {"", "»", "\033[27m"};
    size_t pos = 0;
    for (size_t i = 0; i < t->spans.n; i++) {
        const hl_span *s = &t->spans.v[i];
        buf_add(b, t->s + pos, s->start - pos);
        buf_adds(b, open[m]);
        buf_add(b, t->s + s->start, s->end - s->start);
        buf_adds(b, close[m]);
        pos = s->end;
    }
    buf_add(b, t->s + pos, t->len - pos);
}

void out_append(buf_t *b, const char *text, size_t len, unsigned san_flags,
                enum convert_script script)
{
    out_text t;
    out_text_make(&t, text, 0, len, NULL, san_flags, script);
    buf_add(b, t.s, t.len);
    out_text_free(&t);
}

void out_hit_line(buf_t *b, const search_hit *h, size_t number, enum out_mark m,
                  enum convert_script script)
{
    if (number)
        buf_printf(b, "%zu. ", number);
    buf_addc(b, '[');
    out_append(b, search_domain_label(h->domain), strlen(search_domain_label(h->domain)), 0,
               script);
    buf_adds(b, "] ");
    out_text title;
    out_text_make(&title, h->title, 0, strlen(h->title), &h->title_spans, 0, script);
    out_marked(b, &title, m);
    out_text_free(&title);
    if (h->status) {
        buf_adds(b, " · ");
        out_append(b, h->status, strlen(h->status), 0, script);
    }
    if (h->date && *h->date) {
        buf_adds(b, " · ");
        out_append(b, h->date, strlen(h->date), 0, CONVERT_ORIGINAL);
    }
    out_text snip;
    out_snippet(&snip, h->body, h->snip_start, h->snip_end, &h->body_spans, script, NULL);
    if (snip.len) {
        buf_adds(b, "  ");
        out_marked(b, &snip, m);
    }
    out_text_free(&snip);
    buf_addc(b, '\n');
}

void out_summary(buf_t *b, const search_result *r, size_t offset, int per_domain,
                 enum convert_script script)
{
    buf_t line;
    buf_init(&line);
    const char *more = r->capped ? "+" : "";
    if (r->n)
        buf_printf(&line, "共 %lld%s 条，显示 %zu–%zu（%.1f ms）", r->total, more, offset + 1,
                   offset + r->n, r->ms);
    else
        buf_printf(&line, "共 %lld%s 条（%.1f ms）", r->total, more, r->ms);
    const char *sep = "  ";
    for (size_t i = 0; per_domain && i < r->ncounts; i++)
        if (r->counts[i].count) {
            buf_printf(&line, "%s%s %lld", sep, search_domain_label(r->counts[i].domain),
                       r->counts[i].count);
            sep = " · ";
        }
    buf_addc(&line, '\n');
    out_append(b, line.s, line.len, U8_SAN_KEEP_NL, script);
    buf_free(&line);
}

enum convert_script out_config_script(int config_script)
{
    return config_script == CONFIG_SCRIPT_TRADITIONAL ? CONVERT_TRADITIONAL : CONVERT_SIMPLIFIED;
}

/* Calls put(b, cp, bytes, n) for each character of s; an invalid byte comes as '?'. */
static void each_char(buf_t *b, const char *s, size_t len,
                      void (*put)(buf_t *, uint32_t, const char *, size_t))
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        uint32_t cp;
        int valid;
        int n = u8_decode(p, end, &cp, &valid);
        if (valid)
            put(b, cp, (const char *)p, (size_t)n);
        else
            put(b, '?', "?", 1);
        p += n;
    }
}

static int is_control(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

static void put_tsv(buf_t *b, uint32_t cp, const char *bytes, size_t n)
{
    if (is_control(cp))
        buf_addc(b, ' ');
    else
        buf_add(b, bytes, n);
}

void out_tsv_field(buf_t *b, const char *s, size_t len)
{
    each_char(b, s, len, put_tsv);
}

static void put_csv(buf_t *b, uint32_t cp, const char *bytes, size_t n)
{
    if (cp == '"')
        buf_adds(b, "\"\"");
    else if (is_control(cp) && cp != '\r' && cp != '\n')
        buf_addc(b, ' ');
    else
        buf_add(b, bytes, n);
}

/* A cell that starts with = + - @ (or a tab or CR) is a formula to a spreadsheet, which
 * may run it ("CSV injection"); a plain number such as -12.5 is not. */
static int formula_like(const char *s, size_t len)
{
    if (!len || !strchr("=+-@\t\r", s[0]))
        return 0;
    if (s[0] != '-' && s[0] != '+')
        return 1;
    size_t i = 1, digits = 0;
    for (; i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'); i++)
        digits += s[i] != '.';
    return i < len || !digits;
}

void out_csv_field(buf_t *b, const char *s, size_t len)
{
    int guard = formula_like(s, len);
    int quote = guard;
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quote)
        buf_addc(b, '"');
    if (guard)
        buf_addc(b, '\''); /* shown as text, as spreadsheets do for a leading apostrophe */
    each_char(b, s, len, put_csv);
    if (quote)
        buf_addc(b, '"');
}

static void put_json(buf_t *b, uint32_t cp, const char *bytes, size_t n)
{
    if (cp == '"')
        buf_adds(b, "\\\"");
    else if (cp == '\\')
        buf_adds(b, "\\\\");
    else if (is_control(cp) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
             cp == 0x200E || cp == 0x200F || cp == 0x061C) /* bidi marks: escaped, kept exact */
        buf_printf(b, "\\u%04x", (unsigned)cp);
    else
        buf_add(b, bytes, n);
}

void out_json_string(buf_t *b, const char *s, size_t len)
{
    buf_addc(b, '"');
    each_char(b, s, len, put_json);
    buf_addc(b, '"');
}

void out_json_spans(buf_t *b, const out_text *t)
{
    buf_addc(b, '[');
    size_t pos = 0, cps = 0; /* code points before byte pos */
    for (size_t i = 0; i < t->spans.n; i++) {
        const hl_span *s = &t->spans.v[i];
        cps += u8_count(t->s + pos, s->start - pos);
        size_t start = cps;
        cps += u8_count(t->s + s->start, s->end - s->start);
        pos = s->end;
        buf_printf(b, "%s[%zu,%zu]", i ? "," : "", start, cps);
    }
    buf_addc(b, ']');
}

int out_flush(textenc_out *o, buf_t *b)
{
    int rc = b->len ? textenc_out_write(o, b->s, b->len) : 0;
    buf_clear(b);
    return rc;
}

void out_row_cell(out_row *w, const char *s)
{
    if (w->col++)
        buf_adds(w->b, w->csv ? "," : "\t");
    if (!s)
        return;
    buf_t conv;
    buf_init(&conv);
    out_append(&conv, s, strlen(s), 0, w->script);
    (w->csv ? out_csv_field : out_tsv_field)(w->b, conv.s ? conv.s : "", conv.len);
    buf_free(&conv);
}

void out_row_num(out_row *w, long long v)
{
    char n[32];
    snprintf(n, sizeof n, "%lld", v);
    out_row_cell(w, n);
}

void out_row_end(out_row *w)
{
    buf_adds(w->b, w->csv ? "\r\n" : "\n");
    w->col = 0;
}
