#include "regref.h"

#include "cnnum.h"
#include "fold.h"
#include "foldview.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>

/* A character that can be part of a numeral (so a reference never starts inside one). */
static int is_numeral(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return 1;
    static const char32_t set[] = U"零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟";
    for (size_t i = 0; set[i]; i++)
        if (set[i] == c)
            return 1;
    return 0;
}

static size_t skip_space(const foldview *v, size_t k)
{
    while (k < v->n && foldview_is_space(v->cp[k]))
        k++;
    return k;
}

/* Parses a numeral at code point k; sets *val and returns the index after it, or 0. */
static size_t num_at(const foldview *v, size_t k, long *val, int *ascii)
{
    if (k >= v->n)
        return 0;
    size_t used;
    if (!cnnum_parse(v->s + v->off[k], v->len - v->off[k], val, &used))
        return 0;
    if (ascii)
        *ascii = v->cp[k] >= '0' && v->cp[k] <= '9';
    size_t e = k;
    while (e < v->n && v->off[e] < v->off[k] + used)
        e++;
    return e;
}

static int fits_int(long x)
{
    return x > 0 && x < 100000;
}

/* "之一" after an article number. Returns the index after it, or k unchanged. */
static size_t parse_sub(const foldview *v, size_t k, int *sub)
{
    if (k < v->n && v->cp[k] == U'之') {
        long x;
        size_t e = num_at(v, k + 1, &x, NULL);
        if (e && fits_int(x)) {
            *sub = (int)x;
            return e;
        }
    }
    return k;
}

/* 款/项/目 after an article: "第二款", "2款", "第（三）项", "(三)", "第3项", "第1目".
 * Returns the index after them, or 0 when something malformed follows. */
static size_t parse_subunits(const foldview *v, size_t k, regref *r)
{
    for (;;) {
        size_t p = skip_space(v, k);
        if (p >= v->n)
            return k;
        size_t q = p;
        int has_di = 0;
        if (v->cp[q] == U'第') {
            has_di = 1;
            q = skip_space(v, q + 1);
        }
        long x;
        size_t e;
        if (q < v->n && v->cp[q] == '(') {
            e = num_at(v, skip_space(v, q + 1), &x, NULL);
            if (!e)
                return has_di ? 0 : k;
            e = skip_space(v, e);
            if (e >= v->n || v->cp[e] != ')' || r->xiang || r->mu || !fits_int(x))
                return 0;
            e++;
            if (e < v->n && v->cp[e] == U'项')
                e++;
            r->xiang = (int)x;
            k = e;
            continue;
        }
        e = num_at(v, q, &x, NULL);
        if (!e)
            return has_di ? 0 : k;
        e = skip_space(v, e);
        if (e >= v->n || !fits_int(x))
            return 0;
        if (v->cp[e] == U'款' && !r->kuan && !r->xiang && !r->mu)
            r->kuan = (int)x;
        else if (v->cp[e] == U'项' && !r->xiang && !r->mu)
            r->xiang = (int)x;
        else if (v->cp[e] == U'目' && !r->mu)
            r->mu = (int)x;
        else
            return 0;
        k = e + 1;
    }
}

/* Trailing matter that may follow a reference: spaces and a full stop. */
static int at_end(const foldview *v, size_t k)
{
    k = skip_space(v, k);
    while (k < v->n && (v->cp[k] == U'。' || v->cp[k] == '.' || foldview_is_space(v->cp[k])))
        k++;
    return k >= v->n;
}

/* Heading kind word after "第N": 章, 节, 编, 分编. Returns the index after it, or 0. */
static size_t heading_kind(const foldview *v, size_t k, enum regref_kind *kind)
{
    if (k >= v->n)
        return 0;
    switch (v->cp[k]) {
    case U'章': *kind = REGREF_CHAPTER; return k + 1;
    case U'节': *kind = REGREF_SECTION; return k + 1;
    case U'编': *kind = REGREF_PART; return k + 1;
    case U'分':
        if (k + 1 < v->n && v->cp[k + 1] == U'编') {
            *kind = REGREF_SUBPART;
            return k + 2;
        }
        return 0;
    default: return 0;
    }
}

/* Tries to read a complete reference from code point k to the end. `loose` allows the
 * forms that could also be part of a title (bare numbers, "10之1", "（二）", a Chinese
 * numeral + 条 without 第). */
static int parse_ref_at(const foldview *v, size_t k, int loose, regref *r)
{
    regref t;
    memset(&t, 0, sizeof t);
    t.kind = REGREF_ARTICLE;
    long x;
    int ascii = 0;
    size_t e;
    uint32_t c = v->cp[k];

    if (c == 0xA7) { /* § 24 */
        e = num_at(v, skip_space(v, k + 1), &x, NULL);
        if (!e || !fits_int(x))
            return 0;
        e = parse_sub(v, e, &t.num_sub);
        if (e < v->n && v->cp[e] == U'条')
            e++;
    } else if (c == U'第') {
        e = num_at(v, skip_space(v, k + 1), &x, NULL);
        if (!e || x <= 0)
            return 0;
        e = skip_space(v, e);
        enum regref_kind hk;
        size_t he = heading_kind(v, e, &hk);
        if (he) {
            if (!at_end(v, he))
                return 0;
            t.kind = hk;
            t.num = x;
            *r = t;
            return 1;
        }
        if (e >= v->n || v->cp[e] != U'条')
            return 0;
        e = parse_sub(v, e + 1, &t.num_sub);
    } else if (c == '(') {
        if (!loose)
            return 0;
        e = num_at(v, skip_space(v, k + 1), &x, &ascii);
        if (!e || x <= 0 || ascii)
            return 0;
        e = skip_space(v, e);
        if (e >= v->n || v->cp[e] != ')' || !at_end(v, e + 1))
            return 0;
        t.kind = REGREF_ITEM;
        t.num = x;
        *r = t;
        return 1;
    } else {
        e = num_at(v, k, &x, &ascii);
        if (!e || x <= 0)
            return 0;
        size_t p = skip_space(v, e);
        if (p < v->n && v->cp[p] == U'条') {
            if (!ascii && !loose)
                return 0;
            e = parse_sub(v, p + 1, &t.num_sub);
        } else {
            if (!loose)
                return 0;
            e = parse_sub(v, e, &t.num_sub);
            if (!t.num_sub && !at_end(v, e))
                return 0;
        }
    }
    if (!fits_int(x))
        return 0;
    t.num = x;
    e = parse_subunits(v, e, &t);
    if (!e || !at_end(v, e))
        return 0;
    *r = t;
    return 1;
}

/* Copies s[a..b) into out->title, trimmed, with an enclosing 《》 removed. */
static void set_title(regref *out, const foldview *v, size_t a, size_t b)
{
    while (a < b && foldview_is_space(v->cp[a]))
        a++;
    while (b > a && foldview_is_space(v->cp[b - 1]))
        b--;
    if (b - a >= 2 && v->cp[a] == U'《' && v->cp[b - 1] == U'》') {
        a++;
        b--;
        while (a < b && foldview_is_space(v->cp[a]))
            a++;
        while (b > a && foldview_is_space(v->cp[b - 1]))
            b--;
    }
    size_t bytes = v->off[b] - v->off[a];
    while (bytes >= sizeof out->title) { /* cut on a character boundary */
        b--;
        bytes = v->off[b] - v->off[a];
    }
    memcpy(out->title, v->s + v->off[a], bytes);
    out->title[bytes] = '\0';
}

int regref_parse(const char *s, regref *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return -1;
    foldview v;
    foldview_init(&v, s, strlen(s));
    size_t first = skip_space(&v, 0);
    int found = 0;
    for (size_t k = first; k < v.n && !found; k++) {
        uint32_t c = v.cp[k];
        if (foldview_is_space(c))
            continue;
        int loose = 1;
        if (k > first) {
            uint32_t p = v.cp[k - 1];
            /* never start inside a number or right after 第/§ */
            if (is_numeral(p) || p == U'第' || p == 0xA7 || p == U'之')
                continue;
            loose = foldview_is_space(p) || p == U'》';
        }
        regref r;
        if (parse_ref_at(&v, k, loose, &r)) {
            *out = r;
            set_title(out, &v, 0, k);
            found = 1;
        }
    }
    if (!found)
        set_title(out, &v, 0, v.n);
    foldview_free(&v);
    return found ? 0 : -1;
}

static void add_num(buf_t *b, long n)
{
    char *t = cnnum_format(n);
    buf_adds(b, t);
    free(t);
}

char *regref_label(const regref *r)
{
    buf_t b;
    buf_init(&b);
    switch (r->kind) {
    case REGREF_ITEM:
        buf_adds(&b, "（");
        add_num(&b, r->num);
        buf_adds(&b, "）");
        break;
    case REGREF_CHAPTER:
    case REGREF_SECTION:
    case REGREF_PART:
    case REGREF_SUBPART: {
        static const char *const word[] = {"", "章", "节", "编", "分编"};
        buf_adds(&b, "第");
        add_num(&b, r->num);
        buf_adds(&b, word[r->kind]);
        break;
    }
    case REGREF_ARTICLE:
    default:
        buf_adds(&b, "第");
        add_num(&b, r->num);
        buf_adds(&b, "条");
        if (r->num_sub) {
            buf_adds(&b, "之");
            add_num(&b, r->num_sub);
        }
        if (r->kuan) {
            buf_adds(&b, "第");
            add_num(&b, r->kuan);
            buf_adds(&b, "款");
        }
        if (r->xiang) {
            buf_adds(&b, "第（");
            add_num(&b, r->xiang);
            buf_adds(&b, "）项");
        }
        if (r->mu) {
            buf_adds(&b, "第");
            add_num(&b, r->mu);
            buf_adds(&b, "目");
        }
        break;
    }
    return buf_take(&b);
}
