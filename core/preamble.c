#include "preamble.h"

#include "cnnum.h"
#include "fold.h"
#include "foldview.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>

/* ---- helpers ------------------------------------------------------------------------ */

static int in_set(uint32_t c, const char32_t *set)
{
    for (; *set; set++)
        if (*set == c)
            return 1;
    return 0;
}

static int is_numeral(uint32_t c)
{
    return (c >= '0' && c <= '9') || in_set(c, U"零〇○一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟");
}

/* Characters a date can start with (years never start with a unit such as 十). */
static int is_date_start(uint32_t c)
{
    return (c >= '0' && c <= '9') || in_set(c, U"零〇○一二三四五六七八九");
}

static int is_open(uint32_t c)
{
    return in_set(c, U"(《〈〔【[﹝「“");
}

static int is_close(uint32_t c)
{
    return in_set(c, U")》〉〕】]﹞」”");
}

static size_t skip_space(const foldview *v, size_t k, size_t end)
{
    while (k < end && foldview_is_space(v->cp[k]))
        k++;
    return k;
}

/* Index after a numeral at k (within end), or 0. */
static size_t num_at(const foldview *v, size_t k, size_t end, long *val)
{
    if (k >= end)
        return 0;
    size_t used;
    if (!cnnum_parse(v->s + v->off[k], v->off[end] - v->off[k], val, &used))
        return 0;
    size_t e = k;
    while (e < end && v->off[e] < v->off[k] + used)
        e++;
    return e;
}

/* Does the folded text at k spell `word`? */
static int has_word(const foldview *v, size_t k, size_t end, const char32_t *word)
{
    for (; *word; word++, k++)
        if (k >= end || v->cp[k] != *word)
            return 0;
    return 1;
}

/* ---- dates --------------------------------------------------------------------------- */

static int days_in_month(long y, long m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static uint32_t peek_cp(const char *s, size_t len, size_t i, size_t *next)
{
    uint32_t c;
    int valid;
    *next = i + (size_t)u8_decode((const unsigned char *)s + i, (const unsigned char *)s + len,
                                  &c, &valid);
    return fold_cp(c);
}

static size_t skip_space_bytes(const char *s, size_t len, size_t i)
{
    while (i < len) {
        size_t j;
        uint32_t c = peek_cp(s, len, i, &j);
        if (!foldview_is_space(c) || c == '\n')
            break;
        i = j;
    }
    return i;
}

/* Reads a numeral at s[*i], then spaces; returns 0 when there is none. */
static int read_num(const char *s, size_t len, size_t *i, long *val)
{
    size_t used;
    if (*i >= len || !cnnum_parse(s + *i, len - *i, val, &used))
        return 0;
    *i = skip_space_bytes(s, len, *i + used);
    return 1;
}

int preamble_parse_date(const char *s, size_t len, char out[11], size_t *used)
{
    size_t i = 0, j;
    long y, m, d;
    if (!s || !read_num(s, len, &i, &y) || y < 1800 || y > 2199 || i >= len)
        return 0;
    uint32_t sep = peek_cp(s, len, i, &j);
    if (sep == U'年') {
        i = skip_space_bytes(s, len, j);
        if (!read_num(s, len, &i, &m) || i >= len || peek_cp(s, len, i, &j) != U'月')
            return 0;
        i = skip_space_bytes(s, len, j);
        if (!read_num(s, len, &i, &d) || i >= len)
            return 0;
        uint32_t c = peek_cp(s, len, i, &j);
        if (c != U'日' && c != U'号')
            return 0;
        i = j;
    } else if (sep == '-' || sep == '.' || sep == '/') {
        /* numeric forms: no spaces, and not the start of a longer number (2022.5.5.1) */
        size_t used_n;
        i = j;
        if (i >= len || !cnnum_parse(s + i, len - i, &m, &used_n))
            return 0;
        i += used_n;
        if (i >= len || peek_cp(s, len, i, &j) != sep)
            return 0;
        i = j;
        if (i >= len || !cnnum_parse(s + i, len - i, &d, &used_n))
            return 0;
        i += used_n;
        if (i < len) {
            uint32_t c = peek_cp(s, len, i, &j);
            if ((c >= '0' && c <= '9') || c == sep)
                return 0;
        }
    } else {
        return 0;
    }
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return 0;
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    memcpy(out, tmp, 11);
    *used = i;
    return 1;
}

/* ---- 文号 and 令号 --------------------------------------------------------------------- */

typedef struct {
    size_t a, b;  /* code point range of the raw form */
    char *norm;   /* normalised form */
    char *organ;  /* 令号: the organ as written, folded; NULL for a 文号 */
} docnum;

/* Copies the folded code points [a,b) as UTF-8 into a buffer. */
static void add_folded(buf_t *out, const foldview *v, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        char tmp[4];
        buf_add(out, tmp, (size_t)u8_encode(v->cp[k], tmp));
    }
}

/* Words that can precede an organ name without being part of it. */
static size_t strip_organ_prefix(const foldview *v, size_t o, size_t m)
{
    static const char32_t *const words[] = {U"经", U"根据", U"依据", U"依照", U"按照", U"由",
                                            U"以", U"并", U"现将", U"现以"};
    for (int again = 1; again;) {
        again = 0;
        for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
            size_t wl = 0;
            while (words[w][wl])
                wl++;
            if (o + wl < m && has_word(v, o, m, words[w])) {
                o += wl;
                again = 1;
            }
        }
    }
    return o;
}

/* A 令号 whose 令 is at m: "<organ>令 第N号". Fills *dn and returns 1. */
static int ling_at(const foldview *v, size_t lo, size_t hi, size_t m, docnum *dn)
{
    if (v->cp[m] != U'令' || m <= lo)
        return 0;
    size_t q = skip_space(v, m + 1, hi);
    if (q < hi && v->cp[q] == U'第')
        q = skip_space(v, q + 1, hi);
    long num;
    size_t e = num_at(v, q, hi, &num);
    if (!e || num <= 0)
        return 0;
    e = skip_space(v, e, hi);
    if (e >= hi || v->cp[e] != U'号')
        return 0;
    size_t o = m;
    while (o > lo && (fold_class_of(v->cp[o - 1]) == FOLD_CJK || v->cp[o - 1] == U'、'))
        o--;
    o = strip_organ_prefix(v, o, m);
    if (o >= m)
        return 0;
    buf_t organ, norm;
    buf_init(&organ);
    buf_init(&norm);
    add_folded(&organ, v, o, m);
    /* "中华人民共和国国务院、中华人民共和国中央军事委员会" → "国务院、中央军事委员会" */
    const char *prc = "中华人民共和国";
    for (const char *p = organ.s; *p;) {
        if (!strncmp(p, prc, strlen(prc))) {
            p += strlen(prc);
            continue;
        }
        buf_addc(&norm, *p++);
    }
    buf_printf(&norm, "令第%ld号", num);
    dn->a = o;
    dn->b = e + 1;
    dn->norm = buf_take(&norm);
    dn->organ = buf_take(&organ);
    return 1;
}

/* A 文号 whose opening bracket is at m: "<prefix>〔YYYY〕N号". */
static int wenhao_at(const foldview *v, size_t lo, size_t hi, size_t m, docnum *dn)
{
    if (!in_set(v->cp[m], U"(〔【[﹝") || m <= lo)
        return 0;
    long year, num;
    size_t q = skip_space(v, m + 1, hi);
    size_t e = num_at(v, q, hi, &year);
    if (!e || e - q != 4 || year < 1900 || year > 2199)
        return 0;
    e = skip_space(v, e, hi);
    if (e >= hi || !in_set(v->cp[e], U")〕】]﹞"))
        return 0;
    e = num_at(v, skip_space(v, e + 1, hi), hi, &num);
    if (!e || num <= 0)
        return 0;
    e = skip_space(v, e, hi);
    if (e >= hi || v->cp[e] != U'号')
        return 0;
    size_t o = m;
    while (o > lo && m - o < 8 && fold_class_of(v->cp[o - 1]) == FOLD_CJK)
        o--;
    if (o == m)
        return 0;
    buf_t norm;
    buf_init(&norm);
    add_folded(&norm, v, o, m);
    buf_printf(&norm, "〔%ld〕%ld号", year, num);
    dn->a = o;
    dn->b = e + 1;
    dn->norm = buf_take(&norm);
    dn->organ = NULL;
    return 1;
}

static void docnum_free(docnum *dn)
{
    free(dn->norm);
    free(dn->organ);
    memset(dn, 0, sizeof *dn);
}

/* The last 令号 (want_ling) or the first 文号 in [lo,hi). */
static int find_docnum(const foldview *v, size_t lo, size_t hi, int want_ling, docnum *out)
{
    int found = 0;
    for (size_t m = lo; m < hi; m++) {
        docnum dn;
        if (want_ling ? ling_at(v, lo, hi, m, &dn) : wenhao_at(v, lo, hi, m, &dn)) {
            if (found)
                docnum_free(out);
            *out = dn;
            found = 1;
            if (!want_ling)
                break;
            m = dn.b - 1;
        }
    }
    return found;
}

char *preamble_docnum_normalize(const char *s, size_t len)
{
    if (!s)
        return NULL;
    foldview v;
    foldview_init(&v, s, len);
    size_t a = skip_space(&v, 0, v.n), b = v.n;
    while (b > a && foldview_is_space(v.cp[b - 1]))
        b--;
    char *res = NULL;
    for (size_t m = a; m < b && !res; m++) {
        docnum dn;
        if (ling_at(&v, a, b, m, &dn) || wenhao_at(&v, a, b, m, &dn)) {
            if (dn.a == a && dn.b == b) {
                res = dn.norm;
                dn.norm = NULL;
            }
            docnum_free(&dn);
        }
    }
    foldview_free(&v);
    return res;
}

/* ---- events -------------------------------------------------------------------------- */

typedef struct {
    size_t k, e;      /* code point range of the date */
    char iso[11];
    int phrase;       /* part of "自…起施行": not an event of its own */
    enum preamble_event_type phrase_type;
    size_t phrase_a, phrase_b; /* range of the whole phrase */
} date_hit;

/* Keyword after a phrase date: 施行/实施/生效/执行 or 废止/失效. */
static enum preamble_event_type phrase_keyword(const foldview *v, size_t k, size_t hi,
                                               size_t *end)
{
    static const struct {
        const char32_t *w;
        enum preamble_event_type t;
    } kw[] = {{U"施行", PREAMBLE_EFFECTIVE}, {U"实施", PREAMBLE_EFFECTIVE},
              {U"生效", PREAMBLE_EFFECTIVE}, {U"执行", PREAMBLE_EFFECTIVE},
              {U"废止", PREAMBLE_REPEALED},  {U"失效", PREAMBLE_REPEALED}};
    for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
        if (has_word(v, k, hi, kw[i].w)) {
            *end = k + 2;
            return kw[i].t;
        }
    return PREAMBLE_OTHER;
}

/* Finds every date outside 《》 and marks those inside "自X起施行"-like phrases. */
static date_hit *find_dates(const foldview *v, size_t *n_out)
{
    date_hit *hits = NULL;
    size_t n = 0, cap = 0;
    int title_depth = 0;
    for (size_t k = 0; k < v->n; k++) {
        uint32_t c = v->cp[k];
        if (c == U'《')
            title_depth++;
        else if (c == U'》' && title_depth)
            title_depth--;
        if (title_depth || !is_date_start(c) || (k && is_numeral(v->cp[k - 1])))
            continue;
        char iso[11];
        size_t used;
        if (!preamble_parse_date(v->s + v->off[k], v->len - v->off[k], iso, &used))
            continue;
        size_t e = k;
        while (e < v->n && v->off[e] < v->off[k] + used)
            e++;
        hits = xgrow(hits, &cap, n + 1, sizeof *hits);
        date_hit *h = &hits[n++];
        memset(h, 0, sizeof *h);
        h->k = k;
        h->e = e;
        memcpy(h->iso, iso, sizeof iso);

        size_t p = k;
        while (p > 0 && foldview_is_space(v->cp[p - 1]) && v->cp[p - 1] != '\n')
            p--;
        int from = p > 0 && in_set(v->cp[p - 1], U"自从于");
        size_t q = skip_space(v, e, v->n);
        int qi = q < v->n && v->cp[q] == U'起';
        if (qi)
            q = skip_space(v, q + 1, v->n);
        size_t kend = q;
        enum preamble_event_type t = phrase_keyword(v, q, v->n, &kend);
        /* 于 alone is too common ("于2019年…经…通过"); it needs the keyword */
        if ((from && v->cp[p - 1] != U'于') || qi || (from && t != PREAMBLE_OTHER)) {
            h->phrase = 1;
            h->phrase_type = t;
            h->phrase_a = from ? p - 1 : k;
            h->phrase_b = t != PREAMBLE_OTHER ? kend : (qi ? q : e);
        }
        k = e - 1;
    }
    *n_out = n;
    return hits;
}

static int is_lead_sep(uint32_t c)
{
    return foldview_is_space(c) || in_set(c, U",:;、。.");
}

/* End of the clause that starts at k: the next event date, a line end, or a comma, full
 * stop or semicolon or unmatched closing bracket outside brackets. */
static size_t clause_end(const foldview *v, size_t k, size_t limit)
{
    int depth = 0;
    for (; k < limit; k++) {
        uint32_t c = v->cp[k];
        if (c == '\n')
            break;
        if (is_open(c)) {
            depth++;
        } else if (is_close(c)) {
            if (!depth)
                break;
            depth--;
        } else if (!depth && in_set(c, U",。;")) {
            break;
        }
    }
    return k;
}

static void trim_range(const foldview *v, size_t *a, size_t *b)
{
    while (*a < *b && is_lead_sep(v->cp[*a]))
        (*a)++;
    while (*b > *a && is_lead_sep(v->cp[*b - 1]))
        (*b)--;
}

/* The folded text of [a,b) without bracketed titles 《…》 and without the phrase dates,
 * so "《关于修改和废止部分行政法规的决定》第二次修订" reads as 修订, not 废止. */
static char *classify_text(const foldview *v, size_t a, size_t b, const date_hit *hits,
                           size_t nh)
{
    buf_t out;
    buf_init(&out);
    int depth = 0;
    for (size_t k = a; k < b; k++) {
        uint32_t c = v->cp[k];
        if (c == U'《') {
            depth++;
            continue;
        }
        if (c == U'》' && depth) {
            depth--;
            continue;
        }
        if (depth)
            continue;
        int skip = 0;
        for (size_t i = 0; i < nh && !skip; i++)
            if (hits[i].phrase && k >= hits[i].phrase_a && k < hits[i].phrase_b) {
                k = hits[i].phrase_b - 1;
                skip = 1;
            }
        if (skip) {
            buf_addc(&out, ' ');
            continue;
        }
        char tmp[4];
        buf_add(&out, tmp, (size_t)u8_encode(c, tmp));
    }
    return buf_take(&out);
}

/* Removes "自公布之日起施行"-like clauses from s; returns 1 when one was found. */
static int take_from_publication(char *s)
{
    static const char *const tails[] = {"之日起施行", "之日起实施", "之日起生效", "之日起执行"};
    int found = 0;
    for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
        char *p;
        while ((p = strstr(s, tails[t]))) {
            char *start = p;
            char *from = NULL;
            for (char *q = s; q < p; q++)
                if (!strncmp(q, "自", 3) || !strncmp(q, "从", 3))
                    from = q;
            if (from)
                start = from;
            memset(start, ' ', (size_t)(p - start) + strlen(tails[t]));
            found = 1;
        }
    }
    return found;
}

static enum preamble_event_type classify(const char *s)
{
    static const struct {
        const char *w;
        enum preamble_event_type t;
    } kw[] = {{"废止", PREAMBLE_REPEALED},    {"失效", PREAMBLE_REPEALED},
              {"修订", PREAMBLE_REVISED},     {"修正", PREAMBLE_AMENDED},
              {"公布", PREAMBLE_PROMULGATED}, {"颁布", PREAMBLE_PROMULGATED},
              {"发布", PREAMBLE_ISSUED},      {"印发", PREAMBLE_ISSUED},
              {"通过", PREAMBLE_ADOPTED},     {"施行", PREAMBLE_EFFECTIVE},
              {"实施", PREAMBLE_EFFECTIVE},   {"生效", PREAMBLE_EFFECTIVE},
              {"修改", PREAMBLE_AMENDED}};
    for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
        if (strstr(s, kw[i].w))
            return kw[i].t;
    return PREAMBLE_OTHER;
}

/* Issuer stated before the verb of a notice line: "民政部办公厅发布《…》". */
static char *issuer_before_verb(const char *cls)
{
    static const char *const verbs[] = {"发布", "印发", "公布", "颁布"};
    const char *best = NULL;
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
        const char *p = strstr(cls, verbs[i]);
        if (p && (!best || p < best))
            best = p;
    }
    if (!best)
        return NULL;
    const char *a = cls, *b = best;
    while (a < b && (*a == ' ' || *a == ','))
        a++;
    while (b > a && b[-1] == ' ')
        b--;
    static const char *const lead[] = {"经", "由"};
    for (size_t i = 0; i < 2; i++)
        if ((size_t)(b - a) > strlen(lead[i]) && !strncmp(a, lead[i], strlen(lead[i])))
            a += strlen(lead[i]);
    /* "现予公布" names no one */
    static const char *const tail[] = {"现予", "予以", "现"};
    for (size_t i = 0; i < 3; i++) {
        size_t tl = strlen(tail[i]);
        if ((size_t)(b - a) >= tl && !strncmp(b - tl, tail[i], tl))
            b -= tl;
    }
    if (a == b || b - a > 90) /* about 30 characters */
        return NULL;
    char *r = xstrndup(a, (size_t)(b - a));
    if (strstr(r, "会议") || strstr(r, "令") || strpbrk(r, " 0123456789,;:")) {
        free(r);
        return NULL;
    }
    return r;
}

typedef struct {
    size_t a, b;   /* clause range (code points) */
    const date_hit *h;
    enum preamble_event_type type;
    int from_publication;
    docnum ling;   /* 令号 in the clause */
    int has_ling;
    char *issuer;
} clause;

static int cmp_date(const void *x, const void *y)
{
    return strcmp((const char *)x, (const char *)y);
}

static void add_event(preamble_info *out, size_t *cap, const char *date,
                      enum preamble_event_type t, const foldview *v, size_t a, size_t b)
{
    out->events = xgrow(out->events, cap, out->n_events + 1, sizeof *out->events);
    preamble_event *ev = &out->events[out->n_events++];
    memcpy(ev->date, date, 11);
    ev->type = t;
    ev->text = xstrndup(v->s + v->off[a], v->off[b] - v->off[a]);
}

static void set_latest(char dst[11], const char *date)
{
    if (strcmp(date, dst) > 0)
        memcpy(dst, date, 11);
}

size_t preamble_parse(const char *text, size_t len, preamble_info *out)
{
    memset(out, 0, sizeof *out);
    if (!text || !len)
        return 0;
    foldview v;
    foldview_init(&v, text, len);
    size_t nh;
    date_hit *hits = find_dates(&v, &nh);
    clause *cl = xcalloc(nh + 1, sizeof *cl);
    size_t nc = 0, ev_cap = 0, prev_end = 0;

    for (size_t i = 0; i < nh; i++) {
        const date_hit *h = &hits[i];
        if (h->phrase) {
            if (h->phrase_type != PREAMBLE_OTHER)
                add_event(out, &ev_cap, h->iso, h->phrase_type, &v, h->phrase_a, h->phrase_b);
            continue;
        }
        size_t next = v.n;
        for (size_t j = i + 1; j < nh; j++)
            if (!hits[j].phrase) {
                next = hits[j].k;
                break;
            }
        size_t a = h->e;
        while (a < next && is_lead_sep(v.cp[a]) && v.cp[a] != '\n')
            a++;
        size_t b = clause_end(&v, a, next);
        size_t ta = a, tb = b;
        trim_range(&v, &ta, &tb);
        if (ta == tb) {
            /* a date that ends its clause signs what precedes it (an order's date) */
            ta = prev_end;
            tb = h->k;
            trim_range(&v, &ta, &tb);
        }
        prev_end = b;
        clause *c = &cl[nc++];
        c->a = ta;
        c->b = tb;
        c->h = h;
        char *cls = classify_text(&v, ta, tb, hits, nh);
        c->from_publication = take_from_publication(cls);
        c->type = classify(cls);
        if (strstr(cls, "现予公布") || strstr(cls, "予以公布"))
            c->type = PREAMBLE_PROMULGATED;
        c->has_ling = find_docnum(&v, ta, tb, 1, &c->ling);
        if (c->has_ling)
            c->issuer = xstrdup(c->ling.organ);
        else if (c->type == PREAMBLE_PROMULGATED || c->type == PREAMBLE_ISSUED)
            c->issuer = issuer_before_verb(cls);
        free(cls);
        add_event(out, &ev_cap, h->iso, c->type, &v, ta, tb);
    }

    /* Dates: the latest of each kind wins (domain.md §3.5). */
    const clause *prom = NULL, *ling = NULL;
    for (size_t i = 0; i < nc; i++) {
        const clause *c = &cl[i];
        const char *d = c->h->iso;
        int promulgates = c->type == PREAMBLE_PROMULGATED || c->type == PREAMBLE_ISSUED ||
                          ((c->type == PREAMBLE_REVISED || c->type == PREAMBLE_AMENDED) &&
                           c->has_ling);
        if (promulgates && (!prom || strcmp(d, prom->h->iso) >= 0))
            prom = c;
        if (c->has_ling && (!ling || strcmp(d, ling->h->iso) >= 0))
            ling = c;
        switch (c->type) {
        case PREAMBLE_ADOPTED: set_latest(out->adopted_date, d); break;
        case PREAMBLE_EFFECTIVE: set_latest(out->effective_date, d); break;
        case PREAMBLE_REPEALED: set_latest(out->repealed_date, d); break;
        case PREAMBLE_AMENDED:
        case PREAMBLE_REVISED:
            out->amended_dates = xrealloc(out->amended_dates,
                                          (out->n_amended + 1) * sizeof *out->amended_dates);
            memcpy(out->amended_dates[out->n_amended++], d, 11);
            break;
        default: break;
        }
    }
    if (prom) {
        memcpy(out->promulgated_date, prom->h->iso, 11);
        if (prom->issuer)
            out->issuer = xstrdup(prom->issuer);
    }
    for (size_t i = 0; i < nh; i++) {
        if (!hits[i].phrase)
            continue;
        if (hits[i].phrase_type == PREAMBLE_EFFECTIVE)
            set_latest(out->effective_date, hits[i].iso);
        else if (hits[i].phrase_type == PREAMBLE_REPEALED)
            set_latest(out->repealed_date, hits[i].iso);
    }
    /* 自公布之日起施行: the publication this clause belongs to, else the latest one. */
    for (size_t i = 0; i < nc; i++) {
        if (!cl[i].from_publication)
            continue;
        const clause *c = &cl[i];
        if (c->type == PREAMBLE_PROMULGATED || c->type == PREAMBLE_ISSUED || c->has_ling)
            set_latest(out->effective_date, c->h->iso);
        else if (out->promulgated_date[0])
            set_latest(out->effective_date, out->promulgated_date);
    }
    if (out->n_amended) {
        qsort(out->amended_dates, out->n_amended, sizeof *out->amended_dates, cmp_date);
        size_t w = 1;
        for (size_t r = 1; r < out->n_amended; r++)
            if (strcmp(out->amended_dates[r], out->amended_dates[w - 1]))
                memcpy(out->amended_dates[w++], out->amended_dates[r], 11);
        out->n_amended = w;
    }

    /* Number: the latest 令号; else any 令号 in the text (an order's heading); else a 文号. */
    docnum dn;
    memset(&dn, 0, sizeof dn);
    if (ling) {
        out->doc_number = xstrdup(ling->ling.norm);
        out->doc_number_raw =
            xstrndup(text + v.off[ling->ling.a], v.off[ling->ling.b] - v.off[ling->ling.a]);
    } else if (find_docnum(&v, 0, v.n, 1, &dn) || find_docnum(&v, 0, v.n, 0, &dn)) {
        out->doc_number = dn.norm;
        dn.norm = NULL;
        out->doc_number_raw = xstrndup(text + v.off[dn.a], v.off[dn.b] - v.off[dn.a]);
        if (!out->issuer && dn.organ && out->promulgated_date[0])
            out->issuer = xstrdup(dn.organ);
        docnum_free(&dn);
    }

    for (size_t i = 0; i < nc; i++) {
        docnum_free(&cl[i].ling);
        free(cl[i].issuer);
    }
    free(cl);
    free(hits);
    foldview_free(&v);
    return out->n_events;
}

void preamble_free(preamble_info *info)
{
    if (!info)
        return;
    for (size_t i = 0; i < info->n_events; i++)
        free(info->events[i].text);
    free(info->events);
    free(info->amended_dates);
    free(info->doc_number);
    free(info->doc_number_raw);
    free(info->issuer);
    memset(info, 0, sizeof *info);
}
