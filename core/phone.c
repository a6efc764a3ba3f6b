/* Telephone numbers of hotlines (core/phone.h).
 *
 * The text is first reduced to a small ASCII alphabet (norm): digits, '-' for every dash
 * (-, －, —, –, ‐, _), ' ' for spaces, '(' ')' for both widths of brackets, 'x' for an
 * extension marker (转, 分机, 按, ext), ',' for a list separator (、 , ， ; ； / ／ 或 and
 * line breaks), ':' for ： and '+', and 'c' for any other character. A parenthesised note
 * without digits ((白), （夜）, （24小时）) and a label before a colon (电话：) are dropped.
 * The main number is then read from its digits, the groups the writer separated telling
 * an area code and an extension written with '-' apart. */
#include "phone.h"

#include "utf8dec.h"

#include <stdio.h>
#include <string.h>

#define NORM_MAX 160

static int is_dash(uint32_t cp)
{
    return cp == '-' || cp == '_' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
           cp == 0xFF0D || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF3F || cp == 0x2E3A ||
           cp == 0x30FC;
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 || cp == 0x2002 ||
           cp == 0x2003 || cp == 0x2009 || cp == 0x200B || cp == 0xFEFF;
}

static int is_list_sep(uint32_t cp)
{
    return cp == 0x3001 /* 、 */ || cp == ',' || cp == 0xFF0C || cp == ';' || cp == 0xFF1B ||
           cp == '/' || cp == 0xFF0F || cp == 0x6216 /* 或 */ || cp == '\n' || cp == '\r' ||
           cp == 0xFF64 /* ､ */;
}

/* One folded character; the byte length used in *len. Multi-character markers (分机, ext)
 * are recognised here too. */
static char norm_char(const unsigned char *s, const unsigned char *end, int *len)
{
    uint32_t cp;
    int valid;
    int n = u8_decode(s, end, &cp, &valid);
    *len = n;
    if (!valid)
        return 'c';
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (char)('0' + (cp - 0xFF10));
    if (cp >= '0' && cp <= '9')
        return (char)cp;
    if (is_dash(cp))
        return '-';
    if (is_space(cp))
        return ' ';
    if (cp == '(' || cp == 0xFF08 || cp == '[' || cp == 0x3010 || cp == 0xFF3B)
        return '(';
    if (cp == ')' || cp == 0xFF09 || cp == ']' || cp == 0x3011 || cp == 0xFF3D)
        return ')';
    if (is_list_sep(cp))
        return ',';
    if (cp == ':' || cp == 0xFF1A)
        return ':';
    if (cp == '+' || cp == 0xFF0B)
        return '+';
    if (cp == 0x8F6C /* 转 */ || cp == 0x6309 /* 按 */ || cp == '#')
        return 'x';
    if (cp == 0x5206 /* 分 */) {
        uint32_t c2;
        int v2;
        if (s + n < end) {
            int n2 = u8_decode(s + n, end, &c2, &v2);
            if (v2 && c2 == 0x673A /* 机 */) {
                *len = n + n2;
                return 'x';
            }
        }
        return 'c';
    }
    if ((cp == 'e' || cp == 'E') && end - s >= 3 && (s[1] == 'x' || s[1] == 'X') &&
        (s[2] == 't' || s[2] == 'T')) {
        *len = 3 + (end - s >= 4 && s[3] == '.');
        return 'x';
    }
    return 'c';
}

/* Folds text into out (NUL-terminated). Returns 0 when the text is too long. */
static int norm(const char *text, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text, *end = s + strlen(text);
    size_t o = 0;
    while (s < end) {
        int len;
        char c = norm_char(s, end, &len);
        s += len;
        if (c == 'x' && o > 0 && out[o - 1] == 'x')
            continue; /* 转分机: one marker */
        if (o + 1 >= cap)
            return 0;
        out[o++] = c;
    }
    out[o] = '\0';
    return 1;
}

/* Drops parenthesised notes without digits and a label before a colon; brackets that
 * remain must hold digits only ((0431)). Returns 0 with *why on unbalanced brackets. */
static int drop_notes(char *n, const char **why)
{
    char tmp[NORM_MAX];
    size_t o = 0;
    /* a label before the first ':' (电话：, 24小时热线：): it holds words */
    char *colon = strchr(n, ':');
    if (colon) {
        int words = 0;
        for (char *p = n; p < colon; p++)
            words |= *p == 'c';
        if (words)
            memmove(n, colon + 1, strlen(colon + 1) + 1);
    }
    for (size_t i = 0; n[i];) {
        if (n[i] == '(') {
            size_t j = i + 1;
            int digits = 0;
            while (n[j] && n[j] != ')' && n[j] != '(') {
                digits |= n[j] >= '0' && n[j] <= '9';
                j++;
            }
            if (n[j] != ')') {
                *why = "括号不成对";
                return 0;
            }
            if (!digits) { /* a note: (白), （夜）, （24小时） */
                i = j + 1;
                tmp[o++] = ' ';
                continue;
            }
        } else if (n[i] == ')' && (o == 0 || memchr(tmp, '(', o) == NULL)) {
            *why = "括号不成对";
            return 0;
        }
        tmp[o++] = n[i++];
    }
    tmp[o] = '\0';
    memcpy(n, tmp, o + 1);
    return 1;
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The area code's length from the digits after its leading 0, or 0 when no area code
 * starts so (01X other than 010, 00). */
static int area_len(const char *d)
{
    if (d[0] != '0')
        return 0;
    if (d[1] == '1')
        return d[2] == '0' ? 3 : 0;
    if (d[1] == '2')
        return 3;
    if (d[1] >= '3' && d[1] <= '9')
        return 4;
    return 0;
}

static void set_bad(phone_t *out, const char **why, const char *reason)
{
    memset(out, 0, sizeof *out);
    out->kind = PK_BAD;
    *why = reason;
}

/* Digits groups of the main number: the digits of each run and the separator before it
 * (' ', '-', '(' or ')'; '\0' for the first). */
typedef struct {
    char d[24];
    int len;
    char sep;
} group;

enum phone_kind phone_parse(const char *text, phone_t *out, const char **why)
{
    phone_t scratch;
    if (!out)
        out = &scratch;
    memset(out, 0, sizeof *out);
    const char *dummy;
    if (!why)
        why = &dummy;
    *why = "";
    char n[NORM_MAX];
    if (!text) {
        set_bad(out, why, "没有号码");
        return PK_BAD;
    }
    if (!norm(text, n, sizeof n)) {
        set_bad(out, why, "号码太长");
        return PK_BAD;
    }
    if (!drop_notes(n, why)) {
        set_bad(out, why, *why);
        return PK_BAD;
    }
    /* two numbers: a list separator with digits on both sides */
    char *comma = strchr(n, ',');
    if (comma) {
        int before = 0, after = 0;
        for (char *p = n; p < comma; p++)
            before |= digit(*p);
        for (char *p = comma; *p; p++)
            after |= digit(*p);
        if (before && after) {
            set_bad(out, why, "一格里有两个号码（用、/；分开的，先用 phone_split 拆开）");
            return PK_BAD;
        }
        /* a trailing or leading separator alone is noise */
        for (char *p = n; *p; p++)
            if (*p == ',')
                *p = ' ';
    }
    /* main part: groups up to the first 'x' */
    group g[8];
    int ng = 0, total = 0;
    const char *p = n;
    char sep = '\0';
    int plus = 0;
    while (*p == ' ')
        p++;
    if (*p == '+') {
        plus = 1;
        p++;
    }
    for (; *p && *p != 'x'; p++) {
        if (digit(*p)) {
            if (ng == 0 || sep) {
                if (ng == (int)(sizeof g / sizeof *g)) {
                    set_bad(out, why, "号码分段太多");
                    return PK_BAD;
                }
                g[ng].len = 0;
                g[ng].sep = ng == 0 ? '\0' : sep;
                ng++;
                sep = '\0';
            }
            if (g[ng - 1].len >= 20 || total >= 20) {
                set_bad(out, why, "号码太长");
                return PK_BAD;
            }
            g[ng - 1].d[g[ng - 1].len++] = *p;
            g[ng - 1].d[g[ng - 1].len] = '\0';
            total++;
        } else if (*p == '-' || *p == ' ' || *p == '(' || *p == ')') {
            if (ng == 0)
                continue; /* leading separators */
            /* the strongest separator of a run: '-' over brackets over ' ' */
            if (*p == '-' || sep == '\0' || (sep == ' ' && *p != ' '))
                sep = *p;
        } else if (*p == '+') {
            set_bad(out, why, "“+”只能在号码开头");
            return PK_BAD;
        } else {
            set_bad(out, why, ng ? "号码中有无法识别的文字" : "不是电话号码");
            return PK_BAD;
        }
    }
    if (ng == 0) {
        set_bad(out, why, *p == 'x' ? "转/分机前没有号码" : "不是电话号码");
        return PK_BAD;
    }
    /* extension: groups after 'x' markers, joined with '-' */
    char ext[24] = "";
    size_t el = 0;
    int ext_marked = *p == 'x';
    if (ext_marked) {
        int need = 1; /* a digit must follow each marker */
        for (; *p; p++) {
            if (digit(*p)) {
                if (el + 3 >= sizeof ext) {
                    set_bad(out, why, "分机号太长");
                    return PK_BAD;
                }
                if (need && el > 0)
                    ext[el++] = '-';
                need = 0;
                ext[el++] = *p;
            } else if (*p == 'x' || *p == '-') {
                if (*p == 'x' && need && el > 0) {
                    set_bad(out, why, "转/分机后没有号码");
                    return PK_BAD;
                }
                if (el > 0 && !need)
                    need = 1;
            } else if (*p == ' ') {
                if (el > 0 && !need)
                    need = 1;
            } else {
                set_bad(out, why, "分机号中有无法识别的文字");
                return PK_BAD;
            }
        }
        ext[el] = '\0';
        if (el == 0) {
            set_bad(out, why, "转/分机后没有号码");
            return PK_BAD;
        }
        if (ext[el - 1] == '-') /* trailing separator from a space after the last digit */
            ext[--el] = '\0';
    }
    /* all digits of the main part */
    char d[24];
    int dl = 0;
    for (int i = 0; i < ng; i++) {
        memcpy(d + dl, g[i].d, (size_t)g[i].len);
        dl += g[i].len;
    }
    d[dl] = '\0';
    /* +86 / 0086: the country code goes, the area code gets its 0 back */
    if (plus || (dl > 4 && !memcmp(d, "0086", 4))) {
        int skip = plus ? 0 : 2;
        if (strncmp(d + skip, "86", 2)) {
            set_bad(out, why, "只收中国大陆号码（+86）");
            return PK_BAD;
        }
        skip += 2;
        /* the first group may be just the country code */
        memmove(d, d + skip, (size_t)(dl - skip + 1));
        dl -= skip;
        int cut = skip;
        for (int i = 0; i < ng && cut > 0; i++) {
            int c = cut < g[i].len ? cut : g[i].len;
            memmove(g[i].d, g[i].d + c, (size_t)(g[i].len - c + 1));
            g[i].len -= c;
            cut -= c;
        }
        while (ng > 0 && g[0].len == 0) {
            memmove(g, g + 1, sizeof *g * (size_t)(ng - 1));
            ng--;
            if (ng)
                g[0].sep = '\0';
        }
        if (dl == 0) {
            set_bad(out, why, "国家代码后没有号码");
            return PK_BAD;
        }
        int n400 = dl == 10 && (!strncmp(d, "400", 3) || !strncmp(d, "800", 3));
        if (!(d[0] == '1' && dl >= 11) && d[0] != '0' && !n400) {
            /* +86 10 12345678: the area code without its 0 */
            if (dl + 1 >= (int)sizeof d) {
                set_bad(out, why, "号码太长");
                return PK_BAD;
            }
            memmove(d + 1, d, (size_t)dl + 1);
            d[0] = '0';
            dl++;
            if (ng) {
                memmove(g[0].d + 1, g[0].d, (size_t)g[0].len + 1);
                g[0].d[0] = '0';
                g[0].len++;
            }
        }
    }
    /* An extension written with '-' after a complete number: 021-63664478-11, 12345-3.
     * Decided below per kind: the last group, when the rest is complete without it. */
    int last_dash = ng >= 2 && g[ng - 1].sep == '-';
    int last_len = ng ? g[ng - 1].len : 0;
    enum phone_kind kind = PK_BAD;
    const char *reason = NULL;
    int main_len = dl; /* digits of the number proper; the rest is a dash extension */

    if (dl < 3) {
        reason = "号码太短";
    } else if (d[0] == '0') {
        int al = area_len(d);
        if (al == 0) {
            set_bad(out, why, "区号不对（010、02X为三位，03X–09X为四位）");
            return PK_BAD;
        }
        /* a first group written apart must be the area code itself */
        if (ng >= 2 && g[0].len != al && g[0].len >= 3 && g[0].len <= 4) {
            set_bad(out, why, al == 3 ? "区号长度不对（010、02X为三位）"
                                      : "区号长度不对（03X–09X为四位）");
            return PK_BAD;
        }
        int rest = dl - al;
        if (rest >= 9 && last_dash && rest - last_len >= 7 && rest - last_len <= 8)
            main_len = dl - last_len, rest -= last_len;
        const char *local = d + al;
        if (rest == 5 && (local[0] == '9' || (local[0] == '1' && local[1] == '2'))) {
            kind = PK_SERVICE; /* 028-96009, 0431-12345: a short number dialled in the area */
        } else if (rest < 7 || rest > 8) {
            reason = rest > 8 ? "区号后的号码太长（应为7或8位）" : "区号后应为7或8位号码";
        } else if (local[0] == '0' || local[0] == '1') {
            reason = "本地号码不能以0或1开头";
        } else {
            kind = PK_LANDLINE;
        }
        if (kind != PK_BAD) {
            memcpy(out->area, d, (size_t)al);
            out->area[al] = '\0';
            memcpy(out->local, local, (size_t)rest);
            out->local[rest] = '\0';
        }
    } else if (d[0] == '1') {
        if (dl >= 11 && d[1] >= '3' && d[1] <= '9') {
            if (dl > 11 && last_dash && dl - last_len == 11)
                main_len = 11;
            if (main_len == 11)
                kind = PK_MOBILE;
            else
                reason = "手机号码应为11位";
        } else if (dl >= 3 && dl <= 5) {
            kind = PK_SERVICE;
        } else if (last_dash && dl - last_len >= 3 && dl - last_len <= 5 && last_len <= 4) {
            main_len = dl - last_len; /* 12345-3 */
            kind = PK_SERVICE;
        } else if (dl == 11 || (dl > 5 && d[1] >= '3' && d[1] <= '9')) {
            reason = dl == 11 ? "不是手机号码（应以13–19开头）" : "手机号码应为11位";
        } else {
            reason = "以1开头的号码应为3–5位服务号码或11位手机号码";
        }
    } else if ((d[0] == '4' || d[0] == '8') && d[1] == '0' && d[2] == '0' && dl >= 7) {
        if (dl > 10 && last_dash && dl - last_len == 10)
            main_len = 10;
        if (main_len == 10)
            kind = PK_NATIONAL;
        else
            reason = "400/800号码应为10位";
    } else if (d[0] == '9' && dl >= 3 && dl <= 8) {
        if (dl <= 5) {
            kind = PK_SERVICE; /* 95xxx, 96xxx */
        } else if (last_dash && dl - last_len >= 5 && dl - last_len <= 5) {
            main_len = 5;
            kind = PK_SERVICE;
        } else if (dl == 7 || dl == 8) {
            reason = "缺少区号（7或8位本地号码前应写区号）";
        } else {
            reason = "服务号码应为3–5位";
        }
    } else if (dl == 7 || dl == 8) {
        reason = "缺少区号（7或8位本地号码前应写区号）";
    } else {
        reason = dl < 3 ? "号码太短" : "号码位数不对";
    }
    if (kind == PK_BAD) {
        set_bad(out, why, reason ? reason : "号码位数不对");
        return PK_BAD;
    }
    /* the dash extension, before any marked one: 0318-8612063-11转2 is not a form */
    if (main_len < dl) {
        if (ext_marked) {
            set_bad(out, why, "分机号写了两次");
            return PK_BAD;
        }
        memcpy(ext, d + main_len, (size_t)(dl - main_len));
        ext[dl - main_len] = '\0';
    }
    if (strlen(ext) > 12) {
        set_bad(out, why, "分机号太长");
        return PK_BAD;
    }
    out->kind = kind;
    memcpy(out->digits, d, (size_t)main_len);
    out->digits[main_len] = '\0';
    memcpy(out->extension, ext, strlen(ext) + 1);
    char main_disp[24];
    if (out->area[0])
        snprintf(main_disp, sizeof main_disp, "%s-%s", out->area, out->local);
    else if (kind == PK_NATIONAL)
        snprintf(main_disp, sizeof main_disp, "%.3s-%.3s-%.4s", d, d + 3, d + 6);
    else
        snprintf(main_disp, sizeof main_disp, "%s", out->digits);
    if (ext[0])
        snprintf(out->display, sizeof out->display, "%.20s 转 %.12s", main_disp, ext);
    else
        snprintf(out->display, sizeof out->display, "%s", main_disp);
    *why = "";
    return kind;
}

const char *phone_service_name(const char *digits)
{
    static const struct {
        const char *number, *name;
    } names[] = {
        {"110", "报警电话"},
        {"119", "火警电话"},
        {"120", "医疗急救电话"},
        {"122", "交通事故报警电话"},
        {"12110", "短信报警"},
        {"12315", "市场监管投诉举报热线"},
        {"12320", "卫生健康热线"},
        {"12328", "交通运输服务监督电话"},
        {"12333", "人力资源和社会保障服务热线"},
        {"12338", "妇女维权公益服务热线"},
        {"12345", "政务服务便民热线"},
        {"12348", "公共法律服务热线"},
        {"12349", "民政服务热线（儿童救助保护热线）"},
        {"12355", "青少年服务台"},
        {"12356", "心理援助热线"},
        {"12358", "价格举报电话"},
        {"12365", "质量监督热线"},
        {"12366", "纳税服务热线"},
        {"12369", "环保举报热线"},
        {"12388", "纪检监察举报电话"},
        {"12393", "医疗保障服务热线"},
    };
    if (!digits)
        return NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(digits, names[i].number))
            return names[i].name;
    return NULL;
}

/* ---- splitting a cell -------------------------------------------------------------- */

static void put_part(char parts[][64], size_t max, size_t *n, const char *s, size_t len)
{
    while (len > 0 && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    /* U+3000 at the edges */
    while (len >= 3 && !memcmp(s, "\xE3\x80\x80", 3))
        s += 3, len -= 3;
    while (len >= 3 && !memcmp(s + len - 3, "\xE3\x80\x80", 3))
        len -= 3;
    if (len == 0)
        return;
    if (*n < max) {
        if (len > 63)
            len = 63;
        memcpy(parts[*n], s, len);
        parts[*n][len] = '\0';
        /* do not end inside a UTF-8 sequence */
        size_t l = len;
        while (l > 0 && ((unsigned char)parts[*n][l - 1] & 0xC0) == 0x80)
            l--;
        if (l > 0 && (unsigned char)parts[*n][l - 1] >= 0xC0) {
            size_t need = (unsigned char)parts[*n][l - 1] >= 0xF0   ? 4
                          : (unsigned char)parts[*n][l - 1] >= 0xE0 ? 3
                                                                   : 2;
            if (len - (l - 1) < need)
                parts[*n][l - 1] = '\0';
        }
    }
    (*n)++;
}

/* Only digits (ASCII or full-width) in s, at most 15 of them: the count, else 0. */
static int bare_digits(const char *s, char *out)
{
    char nb[NORM_MAX];
    if (!norm(s, nb, sizeof nb))
        return 0;
    int k = 0;
    for (const char *p = nb; *p; p++) {
        if (digit(*p)) {
            if (k >= 15)
                return 0;
            out[k++] = *p;
        } else if (*p != ' ') {
            return 0;
        }
    }
    out[k] = '\0';
    return k;
}

size_t phone_split(const char *text, char parts[][64], size_t max)
{
    size_t n = 0;
    if (!text)
        return 0;
    char raw[16][64];
    size_t nraw = 0;
    const unsigned char *s = (const unsigned char *)text, *end = s + strlen(text);
    const unsigned char *start = s;
    int depth = 0;
    while (s < end) {
        uint32_t cp;
        int valid;
        int len = u8_decode(s, end, &cp, &valid);
        if (cp == '(' || cp == 0xFF08)
            depth++;
        else if ((cp == ')' || cp == 0xFF09) && depth > 0)
            depth--;
        else if (valid && depth == 0 && is_list_sep(cp)) {
            put_part(raw, 16, &nraw, (const char *)start, (size_t)(s - start));
            start = s + len;
        }
        s += len;
    }
    put_part(raw, 16, &nraw, (const char *)start, (size_t)(end - start));
    if (nraw > 16)
        nraw = 16;
    /* each piece: whole, a continuation of the one before (转802、803; 0431-1234567、
     * 7654321), or several numbers written apart by spaces */
    phone_t prev;
    int have_prev = 0;
    for (size_t i = 0; i < nraw; i++) {
        char dg[16];
        int k = bare_digits(raw[i], dg);
        if (have_prev && k > 0) {
            char joined[64];
            if (prev.extension[0] && k <= 6) {
                const char *main_disp = prev.display;
                const char *zhuan = strstr(main_disp, " 转 ");
                int ml = zhuan ? (int)(zhuan - main_disp) : (int)strlen(main_disp);
                snprintf(joined, sizeof joined, "%.*s转%s", ml, main_disp, dg);
                put_part(parts, max, &n, joined, strlen(joined));
                continue;
            }
            if (prev.kind == PK_LANDLINE && (k == 7 || k == 8) && dg[0] >= '2' &&
                dg[0] <= '9') {
                snprintf(joined, sizeof joined, "%s-%s", prev.area, dg);
                put_part(parts, max, &n, joined, strlen(joined));
                phone_parse(joined, &prev, NULL);
                continue;
            }
        }
        const char *why;
        phone_t ph;
        if (phone_parse(raw[i], &ph, &why) != PK_BAD || !strchr(raw[i], ' ')) {
            put_part(parts, max, &n, raw[i], strlen(raw[i]));
            prev = ph;
            have_prev = ph.kind != PK_BAD;
            continue;
        }
        /* spaces may part two numbers: the longest run of words that reads as one */
        char *w[16];
        int nw = 0;
        char buf[64];
        memcpy(buf, raw[i], sizeof buf);
        for (char *t = strtok(buf, " \t"); t && nw < 16; t = strtok(NULL, " \t"))
            w[nw++] = t;
        int split_ok = 1;
        char out[16][64];
        int nout = 0;
        for (int a = 0; a < nw && split_ok;) {
            int best = -1;
            for (int b = nw - 1; b >= a; b--) {
                char cand[64] = "";
                size_t cl = 0;
                for (int c = a; c <= b; c++)
                    cl += (size_t)snprintf(cand + cl, sizeof cand - cl, "%s%s",
                                           c > a ? " " : "", w[c]);
                if (cl < sizeof cand && phone_parse(cand, NULL, NULL) != PK_BAD) {
                    memcpy(out[nout], cand, sizeof cand);
                    best = b;
                    break;
                }
            }
            if (best < 0)
                split_ok = 0;
            else
                nout++, a = best + 1;
        }
        if (!split_ok || nout < 2) {
            put_part(parts, max, &n, raw[i], strlen(raw[i]));
            have_prev = 0;
            continue;
        }
        for (int j = 0; j < nout; j++)
            put_part(parts, max, &n, out[j], strlen(out[j]));
        have_prev = phone_parse(out[nout - 1], &prev, NULL) != PK_BAD;
    }
    return n;
}
