#include "divcode.h"

#include "utf8dec.h"

#include <stdio.h>
#include <string.h>

/* Segment ends in the 12-digit padded form: XX | YY | ZZ | TTT | VVV. */
static const int SEG_END[6] = {0, 2, 4, 6, 9, 12};

enum {
    E_OK,
    E_EMPTY,
    E_CHAR,
    E_LENGTH,
    E_ZERO,
    E_PROVINCE,
    E_TOWN_UNDER_PROVINCE, /* XX0000TTT */
    E_VILLAGE_NO_TOWN,     /* XXYYZZ000VVV */
};

/* What the input holds once spaces are dropped and full-width digits folded. */
typedef struct {
    char d[DIV_DIGITS]; /* the first 12 digits */
    size_t n;           /* digits counted (can exceed 12) */
    size_t bad_pos;     /* 1-based character position of the first non-digit, 0 if none */
    char bad[5];        /* that character (U+FFFD for an invalid byte) */
    unsigned bad_byte;  /* its value when it is an ASCII control character, else 0x100 */
} scanned;

static void scan(const char *input, scanned *s)
{
    s->n = 0;
    s->bad_pos = 0;
    s->bad[0] = '\0';
    s->bad_byte = 0x100;
    const unsigned char *p = (const unsigned char *)(input ? input : "");
    const unsigned char *end = p + strlen((const char *)p);
    size_t pos = 0;
    while (p < end) {
        unsigned char c = *p;
        uint32_t cp = c;
        int valid = 1, len = 1;
        if (c >= 0x80)
            len = u8_decode(p, end, &cp, &valid);
        const unsigned char *start = p;
        p += len;
        if (valid && cp >= 0xFF10 && cp <= 0xFF19)
            cp -= 0xFF10 - '0'; /* full-width digit */
        if (valid && (cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x3000))
            continue;
        pos++;
        if (valid && cp >= '0' && cp <= '9') {
            if (s->n < DIV_DIGITS)
                s->d[s->n] = (char)cp;
            s->n++;
        } else if (!s->bad_pos) {
            s->bad_pos = pos;
            if (!valid) {
                memcpy(s->bad, "\xEF\xBF\xBD", 4);
            } else {
                memcpy(s->bad, start, (size_t)len);
                s->bad[len] = '\0';
                if (cp < 0x20 || cp == 0x7F)
                    s->bad_byte = cp;
            }
        }
    }
}

static int province_ok(int p)
{
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
           (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
           p == 81 || p == 82;
}

size_t div_provinces(char out[][DIV_BUF], size_t max)
{
    size_t n = 0;
    for (int p = 11; p <= 82; p++)
        if (province_ok(p)) {
            if (n < max)
                snprintf(out[n], DIV_BUF, "%02d0000", p % 100);
            n++;
        }
    return n;
}

static int is_municipality(int p)
{
    return p == 11 || p == 12 || p == 31 || p == 50;
}

/* Value of digits [from, to) of a 12-digit form. */
static int seg(const char *p, int from, int to)
{
    int v = 0;
    for (int i = from; i < to; i++)
        v = v * 10 + (p[i] - '0');
    return v;
}

/* Segment k (1..5) of a 12-digit form. */
static int segk(const char *p, int k)
{
    return seg(p, SEG_END[k - 1], SEG_END[k]);
}

/* Structure of a 12-digit padded form: E_OK with *level, or the first problem. */
static int structure(const char *p, int *level)
{
    *level = 0;
    int lv = 0;
    for (int k = 1; k <= 5; k++)
        if (segk(p, k))
            lv = k;
    if (!lv)
        return E_ZERO;
    if (!province_ok(segk(p, 1)))
        return E_PROVINCE;
    if (lv >= 4 && !segk(p, 2) && !segk(p, 3))
        return E_TOWN_UNDER_PROVINCE;
    if (lv == 5 && !segk(p, 4))
        return E_VILLAGE_NO_TOWN;
    *level = lv;
    return E_OK;
}

static int canon_len(int level)
{
    return level <= DIV_COUNTY ? 6 : SEG_END[level];
}

/* Input -> 12-digit padded form p (NUL-terminated) and level. */
static int core(const char *input, char p[DIV_BUF], int *level, scanned *s)
{
    *level = 0;
    scan(input, s);
    if (s->bad_pos)
        return E_CHAR;
    if (!s->n)
        return E_EMPTY;
    if (s->n != 2 && s->n != 4 && s->n != 6 && s->n != 9 && s->n != 12)
        return E_LENGTH;
    memcpy(p, s->d, s->n);
    memset(p + s->n, '0', DIV_DIGITS - s->n);
    p[DIV_DIGITS] = '\0';
    return structure(p, level);
}

static int write_canon(const char *p, int level, char out[DIV_BUF])
{
    if (!level) {
        out[0] = '\0';
        return 0;
    }
    int n = canon_len(level);
    memcpy(out, p, (size_t)n);
    out[n] = '\0';
    return level;
}

int div_normalize(const char *input, char out[DIV_BUF])
{
    char p[DIV_BUF];
    int level;
    scanned s;
    core(input, p, &level, &s);
    return write_canon(p, level, out);
}

/* The 12-digit padded form of code, or 0 when malformed. */
static int padded(const char *code, char p[DIV_BUF])
{
    int level;
    scanned s;
    core(code, p, &level, &s);
    return level;
}

int div_looks_like_code(const char *input)
{
    scanned s;
    scan(input, &s);
    return !s.bad_pos && s.n >= 1 && s.n <= DIV_DIGITS;
}

int div_level(const char *code)
{
    char p[DIV_BUF];
    return padded(code, p);
}

int div_pad12(const char *code, char out[DIV_BUF])
{
    int level = padded(code, out);
    if (!level)
        out[0] = '\0';
    return level;
}

int div_short(const char *code, char out[DIV_BUF])
{
    char p[DIV_BUF];
    int level = padded(code, p);
    int n = level == DIV_PROVINCE ? 2 : level == DIV_PREFECTURE ? 4 : canon_len(level);
    if (!level)
        n = 0;
    memcpy(out, p, (size_t)n);
    out[n] = '\0';
    return level;
}

uint64_t div_key(const char *code)
{
    char p[DIV_BUF];
    if (!padded(code, p))
        return 0;
    uint64_t k = 0;
    for (int i = 0; i < DIV_DIGITS; i++)
        k = k * 10 + (uint64_t)(p[i] - '0');
    return k;
}

int div_from_key(uint64_t key, char out[DIV_BUF])
{
    out[0] = '\0';
    if (key >= 1000000000000ULL)
        return 0;
    char p[DIV_BUF];
    for (int i = DIV_DIGITS - 1; i >= 0; i--, key /= 10)
        p[i] = (char)('0' + key % 10);
    p[DIV_DIGITS] = '\0';
    int level;
    structure(p, &level);
    return write_canon(p, level, out);
}

/* ---- labels ---------------------------------------------------------------------------- */

static const char *category_of(const char *p, int level)
{
    int xx = segk(p, 1), yy = segk(p, 2), zz = segk(p, 3);
    switch (level) {
    case DIV_PROVINCE:
        if (is_municipality(xx))
            return "直辖市";
        if (xx == 15 || xx == 45 || xx == 54 || xx == 64 || xx == 65)
            return "自治区";
        return xx == 81 || xx == 82 ? "特别行政区" : "省";
    case DIV_PREFECTURE:
        if (is_municipality(xx))
            return "直辖市所辖区县（汇总）";
        if (yy == 90)
            return "省直辖县级行政区划";
        if (yy <= 20 || (yy >= 51 && yy <= 70))
            return "地级市";
        return yy <= 50 ? "地区、自治州、盟" : NULL;
    case DIV_COUNTY:
        if (yy == 90 || yy == 0) /* numbered in sequence, whatever the kind */
            return "省直辖县级行政区";
        return zz <= 20 ? "市辖区" : zz <= 80 ? "县、自治县、旗" : "县级市";
    case DIV_TOWNSHIP: {
        int t = segk(p, 4);
        return t < 100 ? "街道" : t < 200 ? "镇" : t < 400 ? "乡" : t < 600 ? "类似乡级单位" : NULL;
    }
    case DIV_VILLAGE: {
        int v = segk(p, 5);
        if (v < 200)
            return "居委会";
        if (v < 400)
            return "村委会";
        if (v < 500)
            return v == 498 ? "虚拟社区" : "类似居委会";
        if (v < 600)
            return v == 598 ? "虚拟生活区" : "类似村委会";
        return NULL;
    }
    default:
        return NULL;
    }
}

const char *div_category(const char *code)
{
    char p[DIV_BUF];
    int level = padded(code, p);
    return level ? category_of(p, level) : NULL;
}

static int summary_of(const char *p, int level)
{
    return level == DIV_PREFECTURE && (segk(p, 2) == 90 || is_municipality(segk(p, 1)));
}

int div_is_summary(const char *code)
{
    char p[DIV_BUF];
    int level = padded(code, p);
    return summary_of(p, level);
}

/* Appends one note to a "；"-joined list, dropping it whole when it does not fit. */
static void add_note(char *buf, size_t sz, const char *note)
{
    size_t len = strlen(buf), sep = len ? strlen("；") : 0, n = strlen(note);
    if (len + sep + n + 1 > sz)
        return;
    if (sep)
        memcpy(buf + len, "；", sep);
    memcpy(buf + len + sep, note, n + 1);
}

static void hints(const char *p, int level, char *buf, size_t sz)
{
    char note[200];
    int xx = segk(p, 1), yy = segk(p, 2), zz = segk(p, 3);
    buf[0] = '\0';
    if (level > DIV_PROVINCE && (xx == 71 || xx == 81 || xx == 82))
        add_note(buf, sz, "GB/T 2260中台湾省、香港、澳门只有省级代码");
    if (level == DIV_PREFECTURE && is_municipality(xx)) {
        snprintf(note, sizeof note,
                 "直辖市不设地级：%.4s00只是旧表和统计用代码中的汇总行（市辖区、县），"
                 "实体为直辖市%.2s0000",
                 p, p);
        add_note(buf, sz, note);
    } else if (level == DIV_PREFECTURE && yy == 90) {
        add_note(buf, sz, "第3–4位为90：省直辖县级行政区划的汇总码，不是地级行政区");
    } else if (level == DIV_PREFECTURE && !category_of(p, level)) {
        snprintf(note, sizeof note, "第3–4位%.2s不在地级编码惯例（01–70、90）之内", p + 2);
        add_note(buf, sz, note);
    }
    if (level == DIV_COUNTY && xx != 71 && xx != 81 && xx != 82) {
        if (is_municipality(xx)) {
            snprintf(note, sizeof note, "直辖市的区县，上级为直辖市%.2s0000", p);
        } else if (yy == 90) {
            snprintf(note, sizeof note, "第3–4位为90：省直辖县级行政区，上级为省级%.2s0000", p);
        } else if (yy == 0) {
            snprintf(note, sizeof note,
                     "第3–4位为00：旧表中省直辖的县级单位（如海南省早年的4600xx），"
                     "上级为省级%.2s0000",
                     p);
        } else if (zz == 1) {
            snprintf(note, sizeof note, "旧表中%.6s常为“市辖区”汇总行", p);
        } else if (zz >= 71 && zz <= 80) {
            snprintf(note, sizeof note,
                     "第5–6位%.2s：国家统计局代码中71–80多为开发区、示范区等类似县级单位，"
                     "不在GB/T 2260中",
                     p + 4);
        } else {
            note[0] = '\0';
        }
        if (note[0])
            add_note(buf, sz, note);
    }
    if (level >= DIV_TOWNSHIP && !zz) {
        snprintf(note, sizeof note,
                 "第5–6位为00：乡级单位直属不设县级单位的地级市%.6s（如东莞、中山、儋州）", p);
        add_note(buf, sz, note);
    }
    if (level == DIV_TOWNSHIP && !category_of(p, level)) {
        snprintf(note, sizeof note, "第7–9位%.3s不在乡级编码范围（001–599）之内", p + 6);
        add_note(buf, sz, note);
    }
    if (level == DIV_VILLAGE && !category_of(p, level)) {
        snprintf(note, sizeof note, "第10–12位%.3s不在村级编码范围（001–599）之内", p + 9);
        add_note(buf, sz, note);
    }
}

#define PROVINCE_LIST "11–15、21–23、31–37、41–46、50–54、61–65、71、81、82"

static void problem_text(int err, const scanned *s, const char *p, char *buf, size_t sz)
{
    int xx;
    switch (err) {
    case E_EMPTY:
        snprintf(buf, sz, "代码为空");
        break;
    case E_CHAR:
        if (s->bad_byte < 0x100)
            snprintf(buf, sz, "第%zu位是控制字符（0x%02X），不是数字", s->bad_pos, s->bad_byte);
        else
            snprintf(buf, sz, "第%zu位“%s”不是数字", s->bad_pos, s->bad);
        break;
    case E_LENGTH:
        snprintf(buf, sz, "长度为%zu位，应为2、4、6、9或12位（省2位、地4位、县6位、乡9位、村12位）",
                 s->n);
        break;
    case E_ZERO:
        snprintf(buf, sz, "代码全为0，不是区划代码（000000常用来表示全国）");
        break;
    case E_PROVINCE:
        xx = segk(p, 1);
        snprintf(buf, sz, "第1–2位“%.2s”不是省级代码（应为" PROVINCE_LIST "之一）%s", p,
                 /* Codes some data sets use (seen in the county history). */
                 xx == 66   ? "；部分数据用66表示新疆生产建设兵团"
                 : xx == 83 ? "；部分数据用83表示台湾省，GB/T 2260为71"
                            : "");
        break;
    case E_TOWN_UNDER_PROVINCE:
        snprintf(buf, sz, "第3–6位为0000时第7位起也应为0（乡级单位不能直属省级）");
        break;
    case E_VILLAGE_NO_TOWN:
        snprintf(buf, sz, "第7–9位为000时第10–12位也应为000（村级单位必须属于乡级单位）");
        break;
    default:
        buf[0] = '\0';
        break;
    }
}

int div_parse(const char *input, div_info *out)
{
    memset(out, 0, sizeof *out);
    char p[DIV_BUF];
    scanned s;
    int level, err = core(input, p, &level, &s);
    if (err != E_OK) {
        problem_text(err, &s, p, out->problem, sizeof out->problem);
        return 0;
    }
    write_canon(p, level, out->code);
    out->level = level;
    out->municipality = is_municipality(segk(p, 1));
    out->summary = summary_of(p, level);
    out->category = category_of(p, level);
    hints(p, level, out->hint, sizeof out->hint);
    return level;
}

/* ---- hierarchy ------------------------------------------------------------------------- */

/* Parent of a well-formed 12-digit form p (level > 1), in place; returns its level. */
static int parent_inplace(char *p, int level, unsigned flags)
{
    memset(p + SEG_END[level - 1], '0', (size_t)(SEG_END[level] - SEG_END[level - 1]));
    int lv;
    structure(p, &lv);
    if (!(flags & DIV_KEEP_SUMMARY) && summary_of(p, lv)) {
        memset(p + 2, '0', 2);
        lv = DIV_PROVINCE;
    }
    return lv;
}

int div_parent(const char *code, unsigned flags, char out[DIV_BUF])
{
    char p[DIV_BUF];
    int level = padded(code, p);
    if (level <= DIV_PROVINCE) {
        out[0] = '\0';
        return 0;
    }
    return write_canon(p, parent_inplace(p, level, flags), out);
}

size_t div_ancestors(const char *code, unsigned flags, char out[][DIV_BUF], size_t max)
{
    char p[DIV_BUF], chain[DIV_VILLAGE][DIV_BUF];
    int level = padded(code, p);
    size_t n = 0;
    while (level > DIV_PROVINCE) {
        level = parent_inplace(p, level, flags);
        write_canon(p, level, chain[n++]);
    }
    for (size_t i = 0; i < n && i < max; i++)
        memcpy(out[i], chain[n - 1 - i], DIV_BUF);
    return n;
}

int div_is_ancestor(const char *a, const char *b)
{
    char pa[DIV_BUF], pb[DIV_BUF];
    int la = padded(a, pa), lb = padded(b, pb);
    if (!la || la >= lb)
        return 0;
    memset(pb + SEG_END[la], '0', (size_t)(DIV_DIGITS - SEG_END[la]));
    return !memcmp(pa, pb, DIV_DIGITS);
}

/* ---- prefixes -------------------------------------------------------------------------- */

int div_prefix_parse(const char *input, div_prefix *out)
{
    memset(out, 0, sizeof *out);
    scanned s;
    scan(input, &s);
    char p[DIV_BUF] = "";
    int err = s.bad_pos ? E_CHAR : !s.n ? E_EMPTY : E_OK;
    if (err == E_OK && s.n > DIV_DIGITS) {
        snprintf(out->problem, sizeof out->problem, "长度为%zu位，区划代码最长12位", s.n);
        return 0;
    }
    if (err != E_OK) {
        problem_text(err, &s, p, out->problem, sizeof out->problem);
        return 0;
    }
    int n = (int)s.n, k = 1;
    /* Trailing whole zero segments are padding: 330100 means the prefecture 3301. */
    for (int j = 5; j >= 2; j--)
        if (n == SEG_END[j] && !seg(s.d, SEG_END[j - 1], n))
            n = SEG_END[j - 1];
    if (n == 1 && (s.d[0] == '0' || s.d[0] == '9')) {
        snprintf(out->problem, sizeof out->problem, "没有以“%c”开头的省级代码（应为" PROVINCE_LIST "之一）",
                 s.d[0]);
        return 0;
    }
    /* Padded with zeros, the digits must make a well-formed code (or, with one digit,
     * only the province check is left, done above). */
    memcpy(p, s.d, (size_t)n);
    memset(p + n, '0', (size_t)(DIV_DIGITS - n));
    p[DIV_DIGITS] = '\0';
    if (n == 1)
        p[1] = '1'; /* any second digit: 1x is a province for every first digit 1..8 */
    int lv;
    err = structure(p, &lv);
    if (err != E_OK) {
        problem_text(err, &s, p, out->problem, sizeof out->problem);
        return 0;
    }
    while (n > SEG_END[k])
        k++;
    out->level = k;
    out->complete = n == SEG_END[k];
    memcpy(out->digits, s.d, (size_t)n);
    out->digits[n] = '\0';
    uint64_t v = 0, scale = 1;
    for (int i = 0; i < n; i++)
        v = v * 10 + (uint64_t)(s.d[i] - '0');
    for (int i = n; i < DIV_DIGITS; i++)
        scale *= 10;
    out->lo = v * scale;
    out->hi = (v + 1) * scale;
    /* text_hi: the digits plus one; the first digit is 1..8, so the carry never runs out. */
    memcpy(out->text_lo, out->digits, (size_t)n + 1);
    memcpy(out->text_hi, out->digits, (size_t)n + 1);
    for (int i = n - 1; i >= 0; i--) {
        if (out->text_hi[i] != '9') {
            out->text_hi[i]++;
            break;
        }
        out->text_hi[i] = '0';
    }
    return k;
}
