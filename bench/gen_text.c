/* gen_text.c: gencorpus's random numbers, text building (Chinese and full-width numbers), the
 * Zipf-distributed vocabulary (the word list plus a generated tail of rare pseudo-words) and
 * the prose of articles and clauses. */
#include "gen.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- random numbers --------------------------------------------------------------- */

/* rnd, rnd01, chance: bench/rng.c */

/* ---- text building ---------------------------------------------------------------- */

static const char *const cn_digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

void add_cn(buf_t *b, int n)
{
    if (n < 10) {
        buf_adds(b, cn_digits[n]);
    } else if (n < 20) {
        buf_adds(b, "十");
        if (n % 10)
            buf_adds(b, cn_digits[n % 10]);
    } else if (n < 100) {
        buf_adds(b, cn_digits[n / 10]);
        buf_adds(b, "十");
        if (n % 10)
            buf_adds(b, cn_digits[n % 10]);
    } else {
        buf_adds(b, cn_digits[n / 100]);
        buf_adds(b, "百");
        int r = n % 100;
        if (r == 0)
            return;
        if (r < 10) {
            buf_adds(b, "零");
            buf_adds(b, cn_digits[r]);
        } else {
            if (r < 20)
                buf_adds(b, "一");
            add_cn(b, r);
        }
    }
}

/* ASCII digits and - : . % as is, or full-width (FF0D, FF1A, FF0E, FF05, FF10-FF19). */
static void add_ascii(buf_t *b, const char *s, int fw)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (fw && c > 0x20 && c < 0x7F) {
            unsigned cp = 0xFF01 + (c - 0x21);
            char u[3] = {(char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
                         (char)(0x80 | (cp & 0x3F))};
            buf_add(b, u, 3);
        } else {
            buf_addc(b, (char)c);
        }
    }
}

void add_fmt(buf_t *b, int fw, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    add_ascii(b, tmp, fw);
}

/* Number of code points in a UTF-8 string. */
size_t u8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* ---- the word distribution -------------------------------------------------------- */

#define ZIPF_S 1.15

static const char **vocab;  /* core words, then the tail */
static size_t nvocab;
static double *cdf;         /* cumulative Zipf weights */

char (*pool)[5];
size_t npool;

static void pool_add_chars(const char *w)
{
    const unsigned char *p = (const unsigned char *)w;
    while (*p) {
        int n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        char c[5] = {0};
        memcpy(c, p, (size_t)n);
        p += n;
        size_t i;
        for (i = 0; i < npool; i++)
            if (!strcmp(pool[i], c))
                break;
        if (i == npool) {
            pool = xrealloc(pool, (npool + 1) * sizeof *pool);
            memcpy(pool[npool++], c, 5);
        }
    }
}

char **tail_store;

void build_vocab(void)
{
    size_t ncore = core_words_n;
    nvocab = ncore + NTAIL;
    vocab = xcalloc(nvocab, sizeof *vocab);
    tail_store = xcalloc(NTAIL, sizeof *tail_store);
    for (size_t i = 0; i < ncore; i++) {
        vocab[i] = core_words[i];
        pool_add_chars(core_words[i]);
    }
    for (size_t i = 0; i < cities_n; i++)
        pool_add_chars(cities[i]);
    /* Tail characters: Zipf over the pool in order of first appearance (frequent first). */
    double *pcdf = xcalloc(npool, sizeof *pcdf), psum = 0;
    for (size_t i = 0; i < npool; i++)
        pcdf[i] = psum += 1.0 / ((double)i + 10.0);
    for (size_t i = 0; i < NTAIL; i++) {
        int len = chance(0.6) ? 2 : chance(0.75) ? 3 : 4;
        buf_t b;
        buf_init(&b);
        for (int k = 0; k < len; k++) {
            double u = rnd01() * psum;
            size_t lo = 0, hi = npool - 1;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (pcdf[mid] < u)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            buf_adds(&b, pool[lo]);
        }
        tail_store[i] = buf_take(&b);
    }
    free(pcdf);
    /* Rare entries at deep ranks, spread so that each stays below ~0.1% of the units. */
    size_t k = 0;
    for (size_t p = 0; p < rare_places_n; p++)
        for (size_t s = 0; s < rare_suffixes_n; s++, k++) {
            size_t slot = NTAIL - 1 - k * 47;
            free(tail_store[slot]);
            tail_store[slot] = xasprintf("%s%s", rare_places[p], rare_suffixes[s]);
        }
    for (size_t i = 0; i < NTAIL; i++)
        vocab[ncore + i] = tail_store[i];
    cdf = xcalloc(nvocab, sizeof *cdf);
    double sum = 0;
    for (size_t r = 0; r < nvocab; r++) {
        sum += 1.0 / pow((double)r + 3.7, ZIPF_S);
        cdf[r] = sum;
    }
}

const char *zipf_word(void)
{
    double u = rnd01() * cdf[nvocab - 1];
    size_t lo = 0, hi = nvocab - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return vocab[lo];
}

/* ---- prose ------------------------------------------------------------------------ */

int rand_year(void)
{
    return 1995 + (int)rnd(31); /* 1995-2025 */
}

void add_date_cn(buf_t *b, int y, int m, int d)
{
    buf_printf(b, "%d年%d月%d日", y, m, d);
}

static void add_number_phrase(buf_t *b)
{
    switch (rnd(8)) {
    case 0:
        buf_printf(b, "%d年", rand_year());
        break;
    case 1:
        buf_printf(b, "%d个工作日内", 3 + (int)rnd(28));
        break;
    case 2:
        buf_printf(b, "不低于%d元", 50 * (1 + (int)rnd(40)));
        break;
    case 3:
        buf_printf(b, "每人每月%d元", 200 + (int)rnd(900));
        break;
    case 4:
        buf_printf(b, "%d%%", 1 + (int)rnd(99));
        break;
    case 5:
        buf_adds(b, PICK(provinces));
        break;
    case 6:
        buf_adds(b, PICK(departments));
        break;
    default:
        buf_adds(b, "第");
        add_cn(b, 1 + (int)rnd(9));
        buf_adds(b, "款");
        break;
    }
}

void add_clause(buf_t *b)
{
    int n = 2 + (int)rnd(6);
    for (int i = 0; i < n; i++) {
        if (i && chance(0.22))
            buf_adds(b, PICK(connectors));
        if (chance(0.05))
            add_number_phrase(b);
        else
            buf_adds(b, zipf_word());
    }
}

static double rnd_normal(void)
{
    double u1 = rnd01(), u2 = rnd01();
    if (u1 < 1e-12)
        u1 = 1e-12;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

/* One article's text (without the label), about 100-2,000 characters. */
void add_article_text(buf_t *b)
{
    size_t start = b->len;
    double target = 100.0 + exp(5.0 + 0.7 * rnd_normal());
    if (target > 1900)
        target = 1900;
    int bp[NBOILERPLATE];
    for (size_t i = 0; i < NBOILERPLATE; i++)
        bp[i] = chance(boilerplate[i].p);
    size_t next_bp = 0;
    while (u8_chars(b->s + start, b->len - start) < (size_t)target) {
        int clauses = 1 + (int)rnd(4);
        for (int c = 0; c < clauses; c++) {
            if (c)
                buf_adds(b, chance(0.85) ? "，" : "；");
            while (next_bp < NBOILERPLATE && !bp[next_bp])
                next_bp++;
            if (next_bp < NBOILERPLATE && chance(0.5)) {
                buf_adds(b, boilerplate[next_bp++].text);
                if (chance(0.5))
                    buf_adds(b, "应当");
            }
            add_clause(b);
        }
        buf_adds(b, "。");
    }
    /* phrases not placed yet go at the end, as a last sentence */
    for (; next_bp < NBOILERPLATE; next_bp++)
        if (bp[next_bp]) {
            buf_adds(b, boilerplate[next_bp].text);
            add_clause(b);
            buf_adds(b, "。");
        }
}
