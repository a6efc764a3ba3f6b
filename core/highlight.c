#include "highlight.h"

#include "utf8dec.h"
#include "xalloc.h"
#include "zh_tokenizer.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *text; /* folded token text */
    int len;
    int start, end;
    int chars; /* characters in the token */
} tok;

typedef struct {
    tok *v;
    size_t n, cap;
} toks;

typedef struct {
    toks t;
    int prefix;
    int term;
} alt_tokens;

struct hl_matcher {
    alt_tokens *alts;
    size_t n;
};

static int count_chars(const char *s, int len)
{
    int n = 0;
    for (int i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static int push_tok(void *ctx, const char *text, int ntok, int start, int end)
{
    toks *ts = ctx;
    ts->v = xgrow(ts->v, &ts->cap, ts->n + 1, sizeof *ts->v);
    tok *t = &ts->v[ts->n++];
    t->text = xstrndup(text, (size_t)ntok);
    t->len = ntok;
    t->start = start;
    t->end = end;
    t->chars = count_chars(text, ntok);
    return 0;
}

static void toks_free(toks *ts)
{
    for (size_t i = 0; i < ts->n; i++)
        free(ts->v[i].text);
    free(ts->v);
    ts->v = NULL;
    ts->n = ts->cap = 0;
}

hl_matcher *hl_matcher_new(const query *q)
{
    hl_matcher *m = xcalloc(1, sizeof *m);
    size_t total = 0;
    for (size_t i = 0; i < q->nterms; i++)
        total += q->terms[i].nalts;
    m->alts = xcalloc(total ? total : 1, sizeof *m->alts);
    for (size_t i = 0; i < q->nterms; i++) {
        const query_term *t = &q->terms[i];
        if (t->op == QUERY_NOT)
            continue; /* excluded terms never appear in results */
        for (size_t j = 0; j < t->nalts; j++) {
            alt_tokens *a = &m->alts[m->n];
            zh_tokenize(t->alts[j].text, (int)strlen(t->alts[j].text), ZH_QUERY, push_tok, &a->t);
            if (!a->t.n) {
                toks_free(&a->t);
                continue;
            }
            a->prefix = t->alts[j].prefix;
            a->term = (int)i;
            m->n++;
        }
    }
    return m;
}

void hl_matcher_free(hl_matcher *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        toks_free(&m->alts[i].t);
    free(m->alts);
    free(m);
}

/* Byte offset after `chars` characters of text starting at `start`. */
static size_t advance_chars(const char *text, size_t len, size_t start, int chars)
{
    const unsigned char *p = (const unsigned char *)text + start, *end = (const unsigned char *)text + len;
    while (chars-- > 0 && p < end) {
        uint32_t cp;
        int valid;
        p += u8_decode(p, end, &cp, &valid);
    }
    return (size_t)(p - (const unsigned char *)text);
}

static int span_cmp(const void *a, const void *b)
{
    const hl_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? 1 : (x->end > y->end ? -1 : 0);
}

void hl_find(const hl_matcher *m, const char *text, size_t len, hl_spans *out)
{
    if (!m || !m->n || !len)
        return;
    toks doc = {NULL, 0, 0};
    zh_tokenize(text, (int)len, ZH_DOC, push_tok, &doc);
    size_t first = out->n;
    for (size_t a = 0; a < m->n; a++) {
        const alt_tokens *alt = &m->alts[a];
        size_t k = alt->t.n;
        for (size_t i = 0; i + k <= doc.n; i++) {
            size_t j;
            for (j = 0; j + 1 < k; j++)
                if (doc.v[i + j].len != alt->t.v[j].len ||
                    memcmp(doc.v[i + j].text, alt->t.v[j].text, (size_t)alt->t.v[j].len))
                    break;
            if (j + 1 < k)
                continue;
            const tok *d = &doc.v[i + k - 1], *q = &alt->t.v[k - 1];
            size_t end;
            if (alt->prefix) {
                if (d->len < q->len || memcmp(d->text, q->text, (size_t)q->len))
                    continue;
                end = advance_chars(text, len, (size_t)d->start, q->chars);
            } else {
                if (d->len != q->len || memcmp(d->text, q->text, (size_t)q->len))
                    continue;
                end = (size_t)d->end;
            }
            out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
            out->v[out->n++] = (hl_span){(size_t)doc.v[i].start, end, alt->term};
        }
    }
    toks_free(&doc);
    /* Sort and merge overlapping spans (different alternatives may overlap). */
    size_t n = out->n - first;
    if (n > 1) {
        hl_span *v = out->v + first;
        qsort(v, n, sizeof *v, span_cmp);
        size_t w = 0;
        for (size_t r = 1; r < n; r++) {
            if (v[r].start <= v[w].end) {
                if (v[r].end > v[w].end)
                    v[w].end = v[r].end;
            } else {
                v[++w] = v[r];
            }
        }
        out->n = first + w + 1;
    }
}

/* Start of the character `chars` characters before byte offset pos (or 0). */
static size_t back_chars(const char *text, size_t pos, size_t chars)
{
    for (size_t c = 0; c < chars && pos > 0; c++) {
        pos--;
        while (pos > 0 && ((unsigned char)text[pos] & 0xC0) == 0x80)
            pos--;
    }
    return pos;
}

void hl_snippet(const char *text, size_t len, const hl_spans *spans, size_t chars, size_t *start,
                size_t *end)
{
    if (advance_chars(text, len, 0, (int)chars) >= len) {
        *start = 0; /* the whole text fits */
        *end = len;
        return;
    }
    size_t best_start = 0, best_count = 0;
    size_t lead = chars / 4; /* context before the first match of the window */
    for (size_t i = 0; spans && i < spans->n; i++) {
        size_t s = back_chars(text, spans->v[i].start, lead);
        size_t e = advance_chars(text, len, s, (int)chars);
        size_t count = 0;
        for (size_t j = i; j < spans->n && spans->v[j].end <= e; j++)
            count++;
        if (count > best_count) {
            best_count = count;
            best_start = s;
        }
    }
    size_t e = advance_chars(text, len, best_start, (int)chars);
    /* Never cut a match in two: extend over a span that crosses the end. */
    for (size_t i = 0; spans && i < spans->n; i++)
        if (spans->v[i].start < e && spans->v[i].end > e)
            e = spans->v[i].end;
    /* At the end of the text, use the room left for context before the match. */
    if (e == len) {
        size_t used = 0;
        for (size_t p = best_start; p < len; p++)
            used += ((unsigned char)text[p] & 0xC0) != 0x80;
        if (used < chars)
            best_start = back_chars(text, best_start, chars - used);
    }
    *start = best_start;
    *end = e;
}

void hl_spans_clear(hl_spans *s)
{
    s->n = 0;
}

void hl_spans_free(hl_spans *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}
