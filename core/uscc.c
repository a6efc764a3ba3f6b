#include "uscc.h"

#include "utf8dec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GB 32100 leaves out I, O, S, V and Z so that they cannot be mistaken for 1, 0, 5, U, 2. */
static const char ALPHABET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* 登记管理部门, position 1. */
static const char DEPT_CODES[] = "123456789ANY";
static const char *const DEPT_NAMES[] = {
    "机构编制", "外交", "司法行政", "文化", "民政", "旅游", "宗教", "工会", "工商",
    "中央军委改革和编制办公室", "农业", "其他",
};

/* 机构类别 (position 2) by 登记管理部门, in the order of DEPT_CODES: the codes, then
 * their labels (GB 32100-2015, domain.md §4.4). Y is not subdivided: always 1. */
static const struct {
    const char *codes;
    const char *labels[6];
} TYPES[] = {
    {"1239", {"机关", "事业单位", "中央编办直接管理机构编制的群众团体", "其他"}},
    {"19", {"外国常住新闻机构", "其他"}},
    {"123459",
     {"律师执业机构", "公证处", "基层法律服务所", "司法鉴定机构", "仲裁委员会", "其他"}},
    {"19", {"外国在华文化中心", "其他"}},
    {"1239", {"社会团体", "民办非企业单位", "基金会", "其他"}},
    {"129", {"外国旅游部门常驻代表机构", "港澳台地区旅游部门常驻内地（大陆）代表机构", "其他"}},
    {"129", {"宗教活动场所", "宗教院校", "其他"}},
    {"19", {"基层工会", "其他"}},
    {"123", {"企业", "个体工商户", "农民专业合作社"}},
    {"19", {"军队事业单位", "其他"}},
    {"1239", {"组级集体经济组织", "村级集体经济组织", "乡镇级集体经济组织", "其他"}},
    {"1", {"其他"}},
};

_Static_assert(sizeof TYPES / sizeof TYPES[0] == sizeof DEPT_CODES - 1, "one row per dept");
_Static_assert(sizeof DEPT_NAMES / sizeof DEPT_NAMES[0] == sizeof DEPT_CODES - 1, "names");

static const char *dept_label(char d)
{
    const char *p = d ? strchr(DEPT_CODES, d) : NULL;
    return p ? DEPT_NAMES[p - DEPT_CODES] : NULL;
}

static const char *type_label(char d, char t)
{
    const char *p = d ? strchr(DEPT_CODES, d) : NULL;
    const char *q = p && t ? strchr(TYPES[p - DEPT_CODES].codes, t) : NULL;
    return q ? TYPES[p - DEPT_CODES].labels[q - TYPES[p - DEPT_CODES].codes] : NULL;
}

/* The digit (or U) a letter outside the alphabet stands for, or 0. */
static char confusable_for(char c)
{
    static const char from[] = "OISZV", to[] = "0152U";
    const char *p = c ? strchr(from, c) : NULL;
    return p ? to[p - from] : 0;
}

/* Look-alike pairs inside the alphabet, either direction. */
static int visual_pair(char a, char b)
{
    static const char pairs[] = "0D0Q1L1T8B6G";
    for (const char *p = pairs; *p; p += 2)
        if ((p[0] == a && p[1] == b) || (p[0] == b && p[1] == a))
            return 1;
    return 0;
}

/* One input character -> 0..4 output bytes in piece; advances *s. Shared by
 * uscc_normalize and uscc_parse so that both see exactly the same text. */
static size_t norm_next(const unsigned char **s, const unsigned char *end, char piece[4])
{
    uint32_t cp;
    int valid;
    const unsigned char *start = *s;
    int n = u8_decode(start, end, &cp, &valid);
    *s += n;
    if (valid && cp >= 0xFF01 && cp <= 0xFF5E)
        cp -= 0xFEE0; /* full-width ASCII */
    if (valid && cp < 0x80) {
        if (cp && strchr(" \t\n\r\v\f-_", (int)cp))
            return 0;
        piece[0] = (char)(cp >= 'a' && cp <= 'z' ? cp - 'a' + 'A' : cp);
        return 1;
    }
    if (valid && cp == 0x3000) /* ideographic space */
        return 0;
    memcpy(piece, start, (size_t)n);
    return (size_t)n;
}

size_t uscc_normalize(const char *in, char *out, size_t outsz)
{
    if (!outsz)
        return 0;
    size_t len = 0;
    if (in) {
        const unsigned char *s = (const unsigned char *)in, *end = s + strlen(in);
        while (s < end) {
            char piece[4];
            size_t n = norm_next(&s, end, piece);
            if (len + n > outsz - 1)
                break;
            memcpy(out + len, piece, n);
            len += n;
        }
    }
    out[len] = '\0';
    return len;
}

int uscc_value(char c)
{
    const char *p = c ? strchr(ALPHABET, c) : NULL;
    return p ? (int)(p - ALPHABET) : -1;
}

char uscc_check_char(const char *first17)
{
    int sum = 0, w = 1;
    for (int i = 0; i < USCC_LEN - 1; i++) {
        int v = uscc_value(first17[i]);
        if (v < 0)
            return '\0';
        sum += v * w;
        w = w * 3 % 31;
    }
    return ALPHABET[(31 - sum % 31) % 31];
}

int uscc_orgcode_ok(const char *code)
{
    static const int weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
        char c = code[8 + i];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
        if (v < 0)
            return 0;
        sum += v * weights[i];
    }
    int r = 11 - sum % 11;
    char want = r == 10 ? 'X' : r == 11 ? '0' : (char)('0' + r);
    return code[16] == want;
}

static int province_ok(int p)
{
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
           (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
           p == 81 || p == 82;
}

/* GB/T 2260 shape only: the code may be historical, so no table lookup here. */
static int region_shape(const char *r) /* r: 6 characters, terminated or not */
{
    if (!strncmp(r, "100000", 6))
        return 1;
    for (int i = 0; i < 6; i++)
        if (r[i] < '0' || r[i] > '9')
            return 0;
    if (!province_ok((r[0] - '0') * 10 + (r[1] - '0')))
        return 0;
    return !(r[2] == '0' && r[3] == '0' && (r[4] != '0' || r[5] != '0'));
}

/* Describes the character at 0-based i that is not a code symbol. */
static void bad_symbol(char *buf, size_t sz, int i, char c)
{
    /* Only the digit look-alikes get a hint; V -> U is a weaker guess, left to uscc_suggest. */
    char digit = c == 'V' ? 0 : confusable_for(c);
    if ((unsigned char)c < 0x21 || c == 0x7F)
        snprintf(buf, sz, "第%d位是控制字符（0x%02X），不是代码字符", i + 1, (unsigned)c);
    else if (digit)
        snprintf(buf, sz, "第%d位“%c”不是代码字符（可能是数字%c）", i + 1, c, digit);
    else
        snprintf(buf, sz, "第%d位“%c”不是代码字符", i + 1, c);
}

void uscc_parse(const char *input, uscc_info *out)
{
    memset(out, 0, sizeof *out);
    const unsigned char *s = (const unsigned char *)(input ? input : "");
    const unsigned char *end = s + strlen((const char *)s);
    size_t nchars = 0, nbytes = 0;
    char nonascii[5] = "";
    while (s < end) {
        char piece[4];
        size_t n = norm_next(&s, end, piece);
        if (!n)
            continue;
        nchars++;
        if ((unsigned char)piece[0] < 0x80) {
            if (nbytes < USCC_LEN)
                out->code[nbytes++] = piece[0];
        } else if (!nonascii[0]) {
            /* An invalid byte is shown as U+FFFD so the message stays valid UTF-8. */
            memcpy(nonascii, n > 1 ? piece : "\xEF\xBF\xBD", n > 1 ? n : 3);
        }
    }
    out->length_ok = nchars == USCC_LEN;
    if (nonascii[0]) {
        out->code[0] = '\0';
        snprintf(out->problem, sizeof out->problem, "含有非ASCII字符“%s”", nonascii);
        return;
    }
    const char *c = out->code;
    /* code is NUL-padded, so missing positions read as '\0' and match nothing. */
    out->dept_label = dept_label(c[0]);
    out->type_label = type_label(c[0], c[1]);
    out->social_org = c[0] == '5' && c[1] && strchr("1239", c[1]) != NULL;
    if (nbytes >= 8) {
        memcpy(out->region, c + 2, 6);
        out->region_national = !strcmp(out->region, "100000");
        out->region_shape_ok = region_shape(out->region);
    }
    if (nchars == USCC_LEN - 1 || nchars == USCC_LEN)
        out->expected_check = uscc_check_char(c);
    if (nchars == 0) {
        snprintf(out->problem, sizeof out->problem, "代码为空，应为18位");
        return;
    }
    if (!out->length_ok) {
        snprintf(out->problem, sizeof out->problem, "长度为%zu位，应为18位", nchars);
        return;
    }
    out->orgcode_ok = uscc_orgcode_ok(c);
    for (int i = 0; i < USCC_LEN; i++) {
        if (uscc_value(c[i]) < 0) {
            bad_symbol(out->problem, sizeof out->problem, i, c[i]);
            return;
        }
    }
    out->format_ok = 1;
    out->check_ok = c[USCC_LEN - 1] == out->expected_check;
}

int uscc_looks_like_code(const char *s)
{
    size_t len = 0, digits = 0;
    for (; s[len]; len++) {
        char c = s[len];
        if (c >= '0' && c <= '9')
            digits++;
        else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return 0;
    }
    return len >= 15 && len <= 20 && digits >= 10;
}

typedef struct {
    uscc_fix fix;
    int weak; /* 0 plausible; +1 fails GB 11714; +2 region of no possible shape */
} cand;

static int cand_cmp(const void *a, const void *b)
{
    /* Plausible codes first (a region shape and an organisation code that check out):
     * a look-alike swap that breaks GB 11714 is a worse guess than a plain typo in the
     * check character that passes it. */
    const cand *x = a, *y = b;
    if (x->weak != y->weak)
        return x->weak - y->weak;
    if (x->fix.how != y->fix.how)
        return (int)x->fix.how - (int)y->fix.how;
    return x->fix.pos - y->fix.pos;
}

#define CAND_MAX 96 /* substitutions, transpositions, insertions or deletions: at most ~40 */

/* Adds code as a candidate when it would pass everything uscc_parse checks. */
static void try_add(cand *cs, size_t *n, const char *code, int pos, int how, char from, char to)
{
    char e = uscc_check_char(code);
    if (*n >= CAND_MAX || !e || code[USCC_LEN - 1] != e || !type_label(code[0], code[1]))
        return;
    cand *c = &cs[(*n)++];
    memcpy(c->fix.code, code, USCC_LEN + 1);
    c->fix.pos = pos;
    c->fix.how = how;
    c->fix.from = from;
    c->fix.to = to;
    c->fix.count = 1;
    c->weak = 2 * !region_shape(code + 2) + !uscc_orgcode_ok(code);
}

static size_t take(cand *cs, size_t n, uscc_fix *out, size_t max)
{
    qsort(cs, n, sizeof cs[0], cand_cmp);
    if (n > max)
        n = max;
    for (size_t i = 0; i < n; i++)
        out[i] = cs[i].fix;
    return n;
}

/* 17 characters: one was left out; 19: one too many. Every symbol of the code must be a
 * code symbol (a misread letter and a missing character at once is too far to guess). */
static size_t suggest_length(const char *code, size_t len, uscc_fix *out, size_t max)
{
    for (size_t i = 0; i < len; i++)
        if (uscc_value(code[i]) < 0)
            return 0;
    cand cs[CAND_MAX];
    size_t n = 0;
    char t[USCC_LEN + 1];
    if (len == USCC_LEN - 1) {
        for (size_t at = 0; at <= len; at++)
            for (const char *a = ALPHABET; *a; a++) {
                memcpy(t, code, at);
                t[at] = *a;
                memcpy(t + at + 1, code + at, len - at + 1);
                /* The same code arises from inserting a repeated symbol before or after
                 * its twin: keep the first. */
                if (at > 0 && code[at - 1] == *a)
                    continue;
                try_add(cs, &n, t, (int)at + 1, USCC_FIX_INSERT, 0, *a);
            }
    } else {
        for (size_t at = 0; at < len; at++) {
            if (at > 0 && code[at - 1] == code[at])
                continue;
            memcpy(t, code, at);
            memcpy(t + at, code + at + 1, len - at);
            try_add(cs, &n, t, (int)at + 1, USCC_FIX_DELETE, code[at], 0);
        }
    }
    return take(cs, n, out, max);
}

size_t uscc_suggest(const char *code, uscc_fix *out, size_t max)
{
    char t[USCC_LEN + 2];
    int nbad = 0, first_bad = -1;
    size_t len = strlen(code);
    if (len == USCC_LEN - 1 || len == USCC_LEN + 1)
        return suggest_length(code, len, out, max);
    if (len != USCC_LEN)
        return 0;
    for (int i = 0; i < USCC_LEN; i++) {
        if ((unsigned char)code[i] < 0x21 || (unsigned char)code[i] > 0x7E)
            return 0;
        if (uscc_value(code[i]) < 0 && nbad++ == 0)
            first_bad = i;
    }
    if (!nbad && uscc_check_char(code) == code[USCC_LEN - 1])
        return 0; /* nothing to fix */

    /* At most one substitution per position plus one transposition per pair. */
    cand cs[CAND_MAX];
    size_t n = 0;
    memcpy(t, code, USCC_LEN + 1);
    if (nbad >= 2) {
        for (int i = 0; i < USCC_LEN; i++)
            if (uscc_value(t[i]) < 0 && !(t[i] = confusable_for(code[i])))
                return 0;
        try_add(cs, &n, t, first_bad + 1, USCC_FIX_CONFUSABLE, code[first_bad], t[first_bad]);
        if (n)
            cs[n - 1].fix.count = nbad;
    } else {
        /* With one bad character only its position can change; otherwise any. */
        int lo = nbad ? first_bad : 0, hi = nbad ? first_bad + 1 : USCC_LEN;
        for (int i = lo; i < hi; i++) {
            for (const char *a = ALPHABET; *a; a++) {
                if (*a == code[i])
                    continue;
                t[i] = *a;
                int how = confusable_for(code[i]) == *a ? USCC_FIX_CONFUSABLE
                          : visual_pair(code[i], *a)    ? USCC_FIX_VISUAL
                                                        : USCC_FIX_SUBST;
                try_add(cs, &n, t, i + 1, how, code[i], *a);
            }
            t[i] = code[i];
        }
        for (int i = 0; !nbad && i < USCC_LEN - 1; i++) {
            if (code[i] == code[i + 1])
                continue;
            t[i] = code[i + 1];
            t[i + 1] = code[i];
            try_add(cs, &n, t, i + 1, USCC_FIX_TRANSPOSE, code[i], code[i + 1]);
            t[i] = code[i];
            t[i + 1] = code[i + 1];
        }
    }
    return take(cs, n, out, max);
}

/* Cuts a trailing partial UTF-8 sequence left by a truncating snprintf. */
static void trim_partial_utf8(char *buf)
{
    size_t len = strlen(buf), lead = len;
    while (lead > 0 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
        lead--;
    unsigned char b = lead ? (unsigned char)buf[lead - 1] : 0;
    size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (lead && len - (lead - 1) < need)
        buf[lead - 1] = '\0';
}

const char *uscc_fix_label(const uscc_fix *f, char *buf, size_t bufsz)
{
    if (!bufsz)
        return buf;
    switch (f->how) {
    case USCC_FIX_CONFUSABLE:
        if (f->count > 1) {
            snprintf(buf, bufsz, "第%d位起%d处字母（如%c→%c）不在代码字符中，改为形近的数字",
                     f->pos, f->count, f->from, f->to);
            break;
        }
        snprintf(buf, bufsz, "第%d位 %c→%c（字母%c不在代码字符中，应为%s%c）", f->pos, f->from,
                 f->to, f->from, f->to >= '0' && f->to <= '9' ? "数字" : "字母", f->to);
        break;
    case USCC_FIX_VISUAL:
        snprintf(buf, bufsz, "第%d位 %c→%c（形近字符）", f->pos, f->from, f->to);
        break;
    case USCC_FIX_SUBST:
        snprintf(buf, bufsz, "第%d位 %c→%c", f->pos, f->from, f->to);
        break;
    case USCC_FIX_INSERT:
        snprintf(buf, bufsz, "第%d位漏了%c", f->pos, f->to);
        break;
    case USCC_FIX_DELETE:
        snprintf(buf, bufsz, "第%d位的%c是多余的", f->pos, f->from);
        break;
    case USCC_FIX_TRANSPOSE:
    default:
        snprintf(buf, bufsz, "第%d、%d位互换", f->pos, f->pos + 1);
        break;
    }
    trim_partial_utf8(buf);
    return buf;
}
