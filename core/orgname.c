#include "orgname.h"

#include "fold.h"
#include "u8.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ORGNAME_MAX_BYTES 200
#define NELEM(a) (sizeof(a) / sizeof *(a))

/* Decodes s[0..len) into a new array of code points (folded when `fold` is set). A code
 * point takes at least one byte, so len + 1 slots always suffice. offs (may be NULL)
 * receives a new array with the byte offset of each code point and the end at [*n]. */
static uint32_t *decode(const char *s, size_t len, int fold, size_t *n, size_t **offs)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    uint32_t *cps = xmalloc((len + 1) * sizeof *cps);
    size_t *o = offs ? xmalloc((len + 1) * sizeof *o) : NULL;
    size_t k = 0;
    while (p < end) {
        uint32_t cp;
        int valid;
        if (o)
            o[k] = (size_t)(p - (const unsigned char *)s);
        p += u8_decode(p, end, &cp, &valid);
        cps[k++] = fold ? fold_cp(cp) : cp;
    }
    if (o) {
        o[k] = len;
        *offs = o;
    }
    *n = k;
    return cps;
}

/* The code points of s (NULL reads as "") into a new array, unfolded. */
static uint32_t *cps_of(const char *s, size_t *n)
{
    return decode(s ? s : "", s ? strlen(s) : 0, 0, n, NULL);
}

static size_t cp_count(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    size_t n = 0;
    uint32_t cp;
    int valid;
    for (; p < end; n++)
        p += u8_decode(p, end, &cp, &valid);
    return n;
}

/* Outer spaces a clerk may type or paste: ASCII white space, NBSP, U+3000. */
static int is_space_cp(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x3000;
}

static void trim(const char **s, size_t *len)
{
    size_t n, *offs, b = 0;
    uint32_t *cps = decode(*s, *len, 0, &n, &offs);
    while (b < n && is_space_cp(cps[b]))
        b++;
    while (n > b && is_space_cp(cps[n - 1]))
        n--;
    *s += offs[b];
    *len = offs[n] - offs[b];
    free(cps);
    free(offs);
}

static char *key_n(const char *s, size_t len)
{
    /* A name holding escape sequences is keyed as it is shown (u8_sanitize drops them
     * whole): otherwise "\033]0;x\007" would leave "0x" in the key, and the name on the
     * screen would not find its organisation. Clean names are not copied. */
    char *shown = u8_has_controls(s, len) ? u8_sanitize(s, len, U8_SAN_KEEP_UNPRINTABLE) : NULL;
    if (shown) {
        s = shown;
        len = strlen(shown);
    }
    size_t n, o = 0;
    uint32_t *cps = decode(s, len, 1, &n, NULL);
    free(shown);
    char *out = xmalloc(n * 4 + 1);
    for (size_t i = 0; i < n; i++)
        if (fold_class_of(cps[i]) != FOLD_SEP)
            o += (size_t)u8_encode(cps[i], out + o);
    out[o] = '\0';
    free(cps);
    return out;
}

char *orgname_key(const char *name)
{
    return name ? key_n(name, strlen(name)) : xstrdup("");
}

/* Position of the folded string `pat` in cps[from..n), or n when absent. */
static size_t find_cps(const uint32_t *cps, size_t n, size_t from, const char *pat)
{
    size_t m;
    uint32_t *p = decode(pat, strlen(pat), 1, &m, NULL);
    size_t at = n;
    for (size_t i = from; m && i + m <= n && at == n; i++)
        if (!memcmp(cps + i, p, m * sizeof *p))
            at = i;
    free(p);
    return at;
}

char *orgname_core(const char *key)
{
    /* Longest first, so 中华人民共和国 is not cut down to 人民共和国 by 中华. */
    static const char *const prefixes[] = {"中华人民共和国", "中国", "中华", "全国"};
    if (!key)
        return xstrdup("");
    size_t n, *offs;
    uint32_t *cps = decode(key, strlen(key), 1, &n, &offs);
    size_t cut = 0;
    for (size_t i = 0; i < NELEM(prefixes); i++) {
        size_t plen = cp_count(prefixes[i]);
        if (plen > n || find_cps(cps, plen, 0, prefixes[i]) != 0)
            continue;
        if (n - plen >= 2)
            cut = plen;
        break; /* one prefix at most; too little left means the key stays whole */
    }
    char *out = xstrdup(key + offs[cut]);
    free(cps);
    free(offs);
    return out;
}

/* Ukkonen's band: only cells with |i - j| <= w can end within w, so a row costs O(w);
 * the cells just outside the band hold w + 1, "more than w". Needs n, m >= 1. */
static int banded(const uint32_t *s, size_t n, const uint32_t *t, size_t m, size_t w)
{
    int inf = (int)w + 1, *prev = xmalloc((m + 1) * sizeof *prev),
        *cur = xmalloc((m + 1) * sizeof *cur);
    for (size_t j = 0; j <= m; j++)
        prev[j] = j <= w ? (int)j : inf;
    size_t i;
    for (i = 1; i <= n; i++) {
        size_t lo = i > w ? i - w : 1, hi = i + w < m ? i + w : m;
        cur[lo - 1] = lo == 1 && i <= w ? (int)i : inf;
        int best = cur[lo - 1];
        for (size_t j = lo; j <= hi; j++) {
            int v = prev[j - 1] + (s[i - 1] != t[j - 1]);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            cur[j] = v > inf ? inf : v;
            best = cur[j] < best ? cur[j] : best;
        }
        if (hi < m)
            cur[hi + 1] = inf;
        if (best == inf)
            break; /* every path crosses this row: the distance already exceeds w */
        int *tmp = prev;
        prev = cur;
        cur = tmp;
    }
    int d = i > n ? prev[m] : inf;
    free(prev);
    free(cur);
    return d;
}

int orgname_distance(const char *a, const char *b, int max)
{
    size_t n, m, p = 0;
    uint32_t *x = cps_of(a, &n), *y = cps_of(b, &m);
    /* A common prefix and suffix cost nothing: equal long strings end here in O(n). */
    while (p < n && p < m && x[p] == y[p])
        p++;
    while (n > p && m > p && x[n - 1] == y[m - 1])
        n--, m--;
    n -= p, m -= p;
    size_t longer = n > m ? n : m, diff = n > m ? n - m : m - n;
    /* The distance never exceeds the longer length, so a larger max changes nothing (and
     * cannot overflow max + 1); a negative max acts as 0. */
    size_t w = max < 0 ? 0 : (size_t)max < longer ? (size_t)max : longer;
    int d = diff > w ? (int)w + 1 : !n || !m ? (int)longer : banded(x + p, n, y + p, m, w);
    free(x);
    free(y);
    return d;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The sorted set of bigrams of cps[0..n) (n >= 2) into a new array; returns its size. */
static size_t bigram_set(const uint32_t *cps, size_t n, uint64_t **out)
{
    uint64_t *g = xmalloc((n - 1) * sizeof *g);
    for (size_t i = 0; i + 1 < n; i++)
        g[i] = (uint64_t)cps[i] << 32 | cps[i + 1];
    qsort(g, n - 1, sizeof *g, cmp_u64);
    size_t k = 1;
    for (size_t i = 1; i < n - 1; i++)
        if (g[i] != g[k - 1])
            g[k++] = g[i];
    *out = g;
    return k;
}

double orgname_dice(const char *a, const char *b)
{
    size_t na, nb;
    uint32_t *x = cps_of(a, &na), *y = cps_of(b, &nb);
    double r;
    if (na < 2 || nb < 2) {
        /* No bigrams on one side: only identity can make such strings alike. */
        r = na == nb && !memcmp(x, y, na * sizeof *x) ? 1.0 : 0.0;
    } else {
        uint64_t *ga, *gb;
        size_t sa = bigram_set(x, na, &ga), sb = bigram_set(y, nb, &gb), i = 0, j = 0, common = 0;
        while (i < sa && j < sb) /* both sorted: one merge pass */
            if (ga[i] == gb[j])
                common++, i++, j++;
            else
                ga[i] < gb[j] ? i++ : j++;
        r = 2.0 * (double)common / (double)(sa + sb);
        free(ga);
        free(gb);
    }
    free(x);
    free(y);
    return r;
}

/* Similar cores (see orgname_compare): few edits for the length, or most bigrams shared. */
static int similar(const char *qc, const char *nc, double dice)
{
    size_t a = cp_count(qc), b = cp_count(nc), shorter = a < b ? a : b;
    if (shorter >= 4) {
        int max = shorter >= 8 ? 2 : 1;
        if (orgname_distance(qc, nc, max) <= max)
            return 1;
    }
    return dice >= 0.75;
}

enum orgname_match orgname_compare(const char *query, const char *name, double *similarity)
{
    const char *q = query ? query : "", *n = name ? name : "";
    size_t ql = strlen(q), nl = strlen(n);
    trim(&q, &ql);
    trim(&n, &nl);
    char *qk = key_n(q, ql), *nk = key_n(n, nl), *qc = orgname_core(qk),
         *nc = orgname_core(nk);
    enum orgname_match m = ONM_NONE;
    double dice = 0.0;
    /* A query of only punctuation or spaces relates to nothing, not to everything. */
    if (*qk && *nk) {
        dice = orgname_dice(qc, nc);
        char *qf = fold_utf8(q, ql), *nf = fold_utf8(n, nl);
        /* Strongest first; keys are valid UTF-8, so a byte match in strstr is a
         * code-point match. */
        m = ql == nl && !memcmp(q, n, ql)         ? ONM_EXACT
            : !strcmp(qf, nf)                     ? ONM_FOLDED
            : !strcmp(qk, nk)                     ? ONM_PUNCT
            : !strcmp(qc, nc)                     ? ONM_PREFIX
            : cp_count(qk) >= 2 && strstr(nk, qk) ? ONM_CONTAINS
            : cp_count(nk) >= 4 && strstr(qk, nk) ? ONM_CONTAINED
            : similar(qc, nc, dice)               ? ONM_SIMILAR
                                                  : ONM_NONE;
        free(qf);
        free(nf);
    }
    if (similarity)
        *similarity = dice;
    free(qk);
    free(nk);
    free(qc);
    free(nc);
    return m;
}

const char *orgname_match_label(enum orgname_match m)
{
    switch (m) {
    case ONM_EXACT: return "名称一致";
    case ONM_FOLDED: return "繁简或全半角写法不同";
    case ONM_PUNCT: return "标点、括号或空格不同";
    case ONM_PREFIX: return "“中国/中华/全国”前缀不同";
    case ONM_CONTAINS: return "名称包含所查文字";
    case ONM_CONTAINED: return "所查文字包含该名称";
    case ONM_SIMILAR: return "名称相近";
    case ONM_NONE: break;
    }
    return "";
}

/* Whether the folded code point c is one of the (folded) code points of set. */
static int in_set(uint32_t c, const char *set)
{
    const unsigned char *p = (const unsigned char *)set, *end = p + strlen(set);
    while (p < end) {
        uint32_t s;
        int valid;
        p += u8_decode(p, end, &s, &valid);
        if (fold_cp(s) == c)
            return 1;
    }
    return 0;
}

char *orgname_confusable_from_note(const char *note)
{
    /* Notes may be Traditional or full-width, so markers are matched in folded form. */
    static const char *const openers[] = {"合法登记的为", "合法登记的是", "依法登记的为",
                                          "依法登记的是", "合法组织为",   "合法组织是",
                                          "合法社会组织为", "合法社会组织是"};
    static const char *const near[] = {"与合法登记的", "与依法登记的"};
    static const char *const near_end[] = {"名称相近", "名称相似", "相近", "相似"};
    if (!note)
        return NULL;
    size_t n, *offs, b = 0, e = 0; /* the name is cps[b..e); e == 0 until one is found */
    uint32_t *cps = decode(note, strlen(note), 1, &n, &offs);
    for (size_t i = 0; i < NELEM(near) && !e; i++) {
        size_t at = find_cps(cps, n, 0, near[i]), end = n;
        for (size_t k = 0; at < n && k < NELEM(near_end); k++) {
            size_t c = find_cps(cps, n, at + cp_count(near[i]), near_end[k]);
            end = c < end ? c : end;
        }
        if (end < n)
            b = at + cp_count(near[i]), e = end;
    }
    for (size_t i = 0; i < NELEM(openers) && !e; i++) {
        size_t at = find_cps(cps, n, 0, openers[i]);
        if (at == n)
            continue;
        /* The name runs to the end of its clause; brackets may belong to it (（北京）). */
        for (b = e = at + cp_count(openers[i]); e < n && !in_set(cps[e], "。；，、\n"); e++)
            ;
    }
    /* Quotes and a colon around the name, the note's own closing bracket, full stops. */
    while (b < e && (is_space_cp(cps[b]) || in_set(cps[b], "：“「『\"'")))
        b++;
    size_t open = 0, close = 0;
    for (size_t i = b; i < e; i++)
        open += cps[i] == '(', close += cps[i] == ')';
    while (b < e && (is_space_cp(cps[e - 1]) || in_set(cps[e - 1], "。；.”」』\"'") ||
                     (cps[e - 1] == ')' && close > open)))
        close -= cps[--e] == ')';
    char *out = b < e ? xstrndup(note + offs[b], offs[e] - offs[b]) : NULL, *key = NULL;
    /* 2 code points of key at least: "（）" alone is no name. */
    if (out && (cp_count(key = orgname_key(out)) < 2 || !orgname_valid(out))) {
        free(out);
        out = NULL;
    }
    free(key);
    free(cps);
    free(offs);
    return out;
}

int orgname_valid(const char *name)
{
    if (!name)
        return 0;
    size_t len = strlen(name);
    trim(&name, &len);
    if (len == 0 || len > ORGNAME_MAX_BYTES)
        return 0;
    char *key = key_n(name, len);
    int ok = key[0] != '\0';
    free(key);
    return ok;
}
