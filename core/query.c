#include "query.h"

#include "fold.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- input normalisation ----------------------------------------------------------- */

/* Makes the input safe to split: valid UTF-8, no controls, ASCII forms of full-width
 * characters and quotes, at most QUERY_MAX_CHARS characters. */
static char *normalise(const char *in, size_t len, int *truncated)
{
    const unsigned char *p = (const unsigned char *)in, *end = p + len;
    buf_t b;
    buf_init(&b);
    size_t chars = 0;
    *truncated = 0;
    while (p < end) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
        if (chars == QUERY_MAX_CHARS) {
            *truncated = 1;
            break;
        }
        if (!valid || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x3000 ||
            cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
            (cp >= 0x2066 && cp <= 0x2069))
            cp = ' ';
        else if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp -= 0xFEE0;
        else if (cp == 0x201C || cp == 0x201D || cp == 0x300C || cp == 0x300D)
            cp = '"';
        char enc[4];
        buf_add(&b, enc, (size_t)u8_encode(cp, enc));
        chars++;
    }
    return buf_take(&b);
}

/* ---- term analysis ----------------------------------------------------------------- */

struct shape {
    int tokens;      /* characters that produce tokens (letters, digits, CJK) */
    int cjk;         /* CJK characters */
    int lone_cjk_end;/* the last token-producing character is a CJK run of one */
};

static struct shape shape_of(const char *s, size_t len)
{
    struct shape sh = {0, 0, 0};
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    enum fold_class prev = FOLD_SEP;
    int run = 0;
    int last_class = FOLD_SEP, last_run = 0;
    while (p < end) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
        enum fold_class c = valid ? fold_class_of(fold_cp(cp)) : FOLD_SEP;
        if (c == FOLD_CJK)
            run = (prev == FOLD_CJK) ? run + 1 : 1;
        if (c != FOLD_SEP) {
            sh.tokens++;
            last_class = c;
            last_run = run;
        }
        if (c == FOLD_CJK)
            sh.cjk++;
        prev = c;
    }
    sh.lone_cjk_end = (last_class == FOLD_CJK && last_run == 1);
    return sh;
}

static void add_alt(query_term *t, const char *text, int star, int from_vocab)
{
    for (size_t i = 0; i < t->nalts; i++)
        if (!strcmp(t->alts[i].text, text))
            return;
    if (t->nalts == QUERY_MAX_ALTS)
        return;
    query_alt *a = &t->alts[t->nalts++];
    a->text = xstrdup(text);
    a->prefix = star || shape_of(text, strlen(text)).lone_cjk_end;
    a->from_vocab = from_vocab;
}

/* Vocabulary expansion: split the folded term into segments at the longest vocabulary
 * members (left to right) and emit the product of their alternatives. */
struct seg {
    const char *s;
    size_t len;
    long group;
};

static void expand(query_term *t, const char *folded, const vocab *v, int star, struct seg *segs,
                   size_t nseg, size_t k, buf_t *acc, int changed)
{
    if (t->nalts == QUERY_MAX_ALTS)
        return;
    if (k == nseg) {
        add_alt(t, acc->s ? acc->s : "", star, changed);
        return;
    }
    size_t mark = acc->len;
    buf_add(acc, segs[k].s, segs[k].len);
    expand(t, folded, v, star, segs, nseg, k + 1, acc, changed);
    acc->len = mark;
    acc->s[mark] = '\0';
    if (segs[k].group < 0)
        return;
    size_t g = (size_t)segs[k].group;
    for (size_t i = 0; i < vocab_group_size(v, g); i++) {
        const char *m = vocab_member(v, g, i);
        if (strlen(m) == segs[k].len && !memcmp(m, segs[k].s, segs[k].len))
            continue;
        buf_adds(acc, m);
        expand(t, folded, v, star, segs, nseg, k + 1, acc, 1);
        acc->len = mark;
        acc->s[mark] = '\0';
    }
}

static void make_alts(query_term *t, const char *folded, const vocab *v, int star)
{
    t->alts = xcalloc(QUERY_MAX_ALTS, sizeof(query_alt));
    struct seg segs[QUERY_MAX_CHARS];
    size_t nseg = 0, len = strlen(folded), pos = 0, plain_start = 0;
    while (pos < len) {
        size_t group;
        size_t m = v ? vocab_match(v, folded + pos, len - pos, &group) : 0;
        if (m) {
            if (pos > plain_start)
                segs[nseg++] = (struct seg){folded + plain_start, pos - plain_start, -1};
            segs[nseg++] = (struct seg){folded + pos, m, (long)group};
            pos += m;
            plain_start = pos;
        } else {
            uint32_t cp;
            int valid;
            pos += (size_t)u8_decode((const unsigned char *)folded + pos,
                                     (const unsigned char *)folded + len, &cp, &valid);
        }
    }
    if (len > plain_start)
        segs[nseg++] = (struct seg){folded + plain_start, len - plain_start, -1};
    buf_t acc;
    buf_init(&acc);
    buf_adds(&acc, "");
    expand(t, folded, v, star, segs, nseg, 0, &acc, 0);
    buf_free(&acc);
}

/* ---- expression -------------------------------------------------------------------- */

void query_append_phrase(buf_t *b, const query_alt *a)
{
    buf_addc(b, '"');
    for (const char *p = a->text; *p; p++) {
        if (*p == '"')
            buf_addc(b, '"');
        buf_addc(b, *p);
    }
    buf_addc(b, '"');
    if (a->prefix)
        buf_addc(b, '*');
}

static void add_term(buf_t *b, const query_term *t)
{
    if (t->nalts == 1) {
        query_append_phrase(b, &t->alts[0]);
        return;
    }
    buf_addc(b, '(');
    for (size_t i = 0; i < t->nalts; i++) {
        if (i)
            buf_adds(b, " OR ");
        query_append_phrase(b, &t->alts[i]);
    }
    buf_addc(b, ')');
}

/* AND of OR-groups of the positive terms, then NOT each excluded term. */
static int build_expr(query *q)
{
    buf_t b;
    buf_init(&b);
    int positives = 0, in_group = 0;
    for (size_t i = 0; i < q->nterms; i++) {
        const query_term *t = &q->terms[i];
        if (t->op == QUERY_NOT)
            continue;
        int joins_or = positives && t->op == QUERY_OR;
        if (positives && !joins_or) {
            buf_adds(&b, ") AND (");
        } else if (joins_or) {
            buf_adds(&b, " OR ");
        } else {
            buf_addc(&b, '(');
            in_group = 1;
        }
        add_term(&b, t);
        positives++;
    }
    if (!positives) {
        buf_free(&b);
        return 0;
    }
    if (in_group)
        buf_addc(&b, ')');
    for (size_t i = 0; i < q->nterms; i++)
        if (q->terms[i].op == QUERY_NOT) {
            buf_adds(&b, " NOT ");
            add_term(&b, &q->terms[i]);
        }
    q->fts = buf_take(&b);
    return 1;
}

static void set_broad(query *q)
{
    int any = 0;
    q->broad = 1;
    for (size_t i = 0; i < q->nterms; i++) {
        const query_term *t = &q->terms[i];
        if (t->op == QUERY_NOT)
            continue;
        any = 1;
        if (!t->single_char || t->nalts != 1)
            q->broad = 0;
    }
    if (!any)
        q->broad = 0;
}

/* ---- parsing ----------------------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ';
}

int query_build(const char *input, size_t len, const vocab *v, int or_mode, query *q)
{
    memset(q, 0, sizeof *q);
    int truncated;
    char *norm = normalise(input ? input : "", input ? len : 0, &truncated);
    buf_t note, skipped, expanded;
    buf_init(&note);
    buf_init(&skipped);
    buf_init(&expanded);
    q->terms = xcalloc(QUERY_MAX_TERMS, sizeof(query_term));
    enum query_op pending = or_mode ? QUERY_OR : QUERY_AND;
    int dropped_terms = 0;

    const char *p = norm;
    while (*p) {
        while (is_space(*p))
            p++;
        if (!*p)
            break;
        const char *start;
        size_t tlen;
        int quoted = 0;
        if (*p == '"') {
            start = ++p;
            while (*p && *p != '"')
                p++;
            tlen = (size_t)(p - start);
            if (*p == '"')
                p++;
            quoted = 1;
        } else {
            start = p;
            while (*p && !is_space(*p) && *p != '"')
                p++;
            tlen = (size_t)(p - start);
        }
        if (!quoted) {
            if ((tlen == 2 && !memcmp(start, "OR", 2)) || (tlen == 1 && *start == '|')) {
                pending = QUERY_OR;
                continue;
            }
            if ((tlen == 3 && !memcmp(start, "AND", 3)) || (tlen == 1 && *start == '&')) {
                pending = QUERY_AND;
                continue;
            }
            if (tlen == 3 && !memcmp(start, "NOT", 3)) {
                pending = QUERY_NOT;
                continue;
            }
        }
        enum query_op op = pending;
        pending = or_mode ? QUERY_OR : QUERY_AND;
        if (!quoted && tlen > 1 && *start == '-') {
            op = QUERY_NOT;
            start++;
            tlen--;
        }
        int star = 0;
        while (!quoted && tlen && start[tlen - 1] == '*') {
            star = 1;
            tlen--;
        }
        struct shape sh = shape_of(start, tlen);
        if (sh.tokens == 0) {
            if (tlen) {
                if (skipped.len)
                    buf_adds(&skipped, " ");
                buf_add(&skipped, start, tlen);
            }
            continue;
        }
        if (q->nterms == QUERY_MAX_TERMS) {
            dropped_terms++;
            continue;
        }
        query_term *t = &q->terms[q->nterms++];
        t->typed = xstrndup(start, tlen);
        t->op = op;
        t->single_char = (sh.tokens == 1);
        t->cjk_chars = sh.cjk;
        char *folded = fold_utf8(start, tlen);
        make_alts(t, folded, v, star);
        free(folded);
        for (size_t i = 1; i < t->nalts; i++) {
            if (expanded.len)
                buf_adds(&expanded, "、");
            buf_adds(&expanded, t->alts[i].text);
        }
    }

    if (truncated)
        buf_printf(&note, "查询过长，只使用前 %d 个字。", QUERY_MAX_CHARS);
    if (dropped_terms)
        buf_printf(&note, "词太多，只使用前 %d 个。", QUERY_MAX_TERMS);
    if (skipped.len)
        buf_printf(&note, "已忽略不含文字的部分：%s。", skipped.s);
    if (expanded.len)
        buf_printf(&note, "同时查找：%s。", expanded.s);

    int rc = 0;
    if (!build_expr(q)) {
        rc = 1;
        if (q->nterms)
            buf_adds(&note, "只有排除条件：请输入要查找的词。");
        else if (skipped.len)
            buf_adds(&note, "没有可查找的文字（只有标点或符号）。");
        else
            buf_adds(&note, "请输入要查找的文字。");
    }
    set_broad(q);
    q->note = note.len ? buf_take(&note) : NULL;
    buf_free(&note);
    buf_free(&skipped);
    buf_free(&expanded);
    free(norm);
    return rc;
}

/* ---- relaxing ---------------------------------------------------------------------- */

static void copy_term(query_term *dst, const query_term *src)
{
    dst->typed = xstrdup(src->typed);
    dst->op = src->op;
    dst->single_char = src->single_char;
    dst->cjk_chars = src->cjk_chars;
    dst->alts = xcalloc(QUERY_MAX_ALTS, sizeof(query_alt));
    dst->nalts = src->nalts;
    for (size_t i = 0; i < src->nalts; i++) {
        dst->alts[i] = src->alts[i];
        dst->alts[i].text = xstrdup(src->alts[i].text);
    }
}

static int splittable(const query_term *t)
{
    if (t->op == QUERY_NOT || t->nalts != 1 || t->alts[0].prefix || t->cjk_chars < 5)
        return 0;
    struct shape sh = shape_of(t->alts[0].text, strlen(t->alts[0].text));
    return sh.tokens == sh.cjk; /* CJK only: pieces of letters would mean nothing */
}

int query_relax(const query *q, query *out)
{
    memset(out, 0, sizeof *out);
    size_t cap = QUERY_MAX_TERMS * 8;
    out->terms = xcalloc(cap, sizeof(query_term));
    int split = 0;
    for (size_t i = 0; i < q->nterms; i++) {
        const query_term *t = &q->terms[i];
        if (!splittable(t)) {
            copy_term(&out->terms[out->nterms++], t);
            continue;
        }
        split = 1;
        /* Collect the CJK characters (separators dropped) and cut them in pairs; an odd
         * last character joins the last pair. */
        const unsigned char *p = (const unsigned char *)t->alts[0].text;
        const unsigned char *end = p + strlen(t->alts[0].text);
        const unsigned char *starts[QUERY_MAX_CHARS + 1];
        size_t n = 0;
        while (p < end && n < QUERY_MAX_CHARS) {
            uint32_t cp;
            int valid;
            int k = u8_decode(p, end, &cp, &valid);
            if (fold_class_of(cp) == FOLD_CJK)
                starts[n++] = p;
            p += k;
        }
        starts[n] = end;
        for (size_t c = 0; c + 1 < n && out->nterms < cap; c += 2) {
            size_t stop = (c + 3 == n) ? n : c + 2;
            query_term *piece = &out->terms[out->nterms++];
            const char *s = (const char *)starts[c];
            const char *e = stop < n ? (const char *)starts[stop] : (const char *)end;
            piece->typed = xstrndup(s, (size_t)(e - s));
            piece->op = (c == 0) ? t->op : QUERY_AND;
            piece->alts = xcalloc(QUERY_MAX_ALTS, sizeof(query_alt));
            piece->cjk_chars = (int)(stop - c);
            add_alt(piece, piece->typed, 0, 0);
            if (stop == n)
                break;
        }
    }
    if (!split || !build_expr(out)) {
        query_free(out);
        return 1;
    }
    set_broad(out);
    out->relaxed = 1;
    out->note = xstrdup("没有找到完整的短语；显示同时包含各部分的结果。");
    return 0;
}

void query_free(query *q)
{
    for (size_t i = 0; i < q->nterms; i++) {
        for (size_t j = 0; j < q->terms[i].nalts; j++)
            free(q->terms[i].alts[j].text);
        free(q->terms[i].alts);
        free(q->terms[i].typed);
    }
    free(q->terms);
    free(q->fts);
    free(q->note);
    memset(q, 0, sizeof *q);
}
