#include "reg_labels.h"

#include "cnnum.h"
#include "fold.h"
#include "utf8dec.h"

/* A plain line longer than this is a sentence, not a heading. */
#define HEADING_MAX_CHARS 40

/* ---- characters ------------------------------------------------------------------------ */

/* Folded code point at s[i] (i < len); *next is set past it. */
uint32_t reg_cp_at(const char *s, size_t len, size_t i, size_t *next)
{
    uint32_t c;
    int valid;
    *next = i + (size_t)u8_decode((const unsigned char *)s + i, (const unsigned char *)s + len,
                                  &c, &valid);
    return fold_cp(c);
}

int reg_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0 ||
           c == 0xFEFF;
}

size_t reg_skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len) {
        size_t j;
        if (!reg_is_space(reg_cp_at(s, len, i, &j)))
            break;
        i = j;
    }
    return i;
}

/* If s[i..] spells the folded word w, returns the offset after it, else 0. */
size_t reg_match_word(const char *s, size_t len, size_t i, const char32_t *w)
{
    for (; *w; w++) {
        size_t j;
        if (i >= len || reg_cp_at(s, len, i, &j) != *w)
            return 0;
        i = j;
    }
    return i;
}

/* Numeral at s[i]: sets *num, returns the offset after it (0 when there is none). */
static size_t numeral_at(const char *s, size_t len, size_t i, long *num, int *ascii)
{
    size_t used, j;
    if (i >= len || !cnnum_parse(s + i, len - i, num, &used))
        return 0;
    if (ascii) {
        uint32_t c = reg_cp_at(s, len, i, &j);
        *ascii = c >= '0' && c <= '9';
    }
    return i + used;
}

/* ---- labels ------------------------------------------------------------------------------ */

/* "**" emphasis around a label in Markdown ("**第一条** …"). */
static size_t skip_bold(const char *s, size_t len, size_t i)
{
    return (i + 2 <= len && s[i] == '*' && s[i + 1] == '*') ? i + 2 : i;
}

/* "第X条" or "第X条之Y" at the start of a paragraph. */
int reg_label_article(const char *s, size_t len, reg_label *m)
{
    size_t i = skip_bold(s, len, 0), j;
    int bold = i > 0;
    if (!(i = reg_match_word(s, len, i, U"第")))
        return 0;
    if (!(i = numeral_at(s, len, i, &m->num, NULL)) || m->num <= 0)
        return 0;
    if (!(i = reg_match_word(s, len, i, U"条")))
        return 0;
    m->sub = 0;
    size_t k = reg_match_word(s, len, i, U"之");
    long sub;
    if (k && (k = numeral_at(s, len, k, &sub, NULL)) && sub > 0 && sub < 1000) {
        m->sub = (int)sub;
        i = k;
    }
    if (bold)
        i = skip_bold(s, len, i);
    if (i >= len) {
        m->spaced = 1;
        m->body = len;
        return 1;
    }
    uint32_t c = reg_cp_at(s, len, i, &j);
    if (reg_is_space(c) || c == ':') {
        m->spaced = 1;
        m->body = reg_skip_ws(s, len, c == ':' ? j : i);
        return 1;
    }
    /* "第十条、第十一条规定的…" and "第十条规定" are sentences that cite an article */
    static const char32_t cont[] = U"、,和及或至规的第中所";
    for (const char32_t *p = cont; *p; p++)
        if (c == *p)
            return 0;
    m->spaced = 0;
    m->body = i;
    return 1;
}

static const struct {
    const char32_t *word;
    const char *utf8;
    enum reg_kind kind;
} heading_words[] = {
    {U"分编", "分编", REG_SUBPART}, {U"编", "编", REG_PART},    {U"篇", "篇", REG_PART},
    {U"部分", "部分", REG_PART},    {U"章", "章", REG_CHAPTER}, {U"节", "节", REG_SECTION},
};

/* "第一章 总则", "第一章　总　则", "第二节" (and 编, 分编, 篇, 部分). For a plain (non-#)
 * line the heading must look like one: short, no sentence punctuation. */
int reg_label_heading(const char *s, size_t len, int plain, enum reg_kind *kind,
                      const char **word, reg_label *m)
{
    size_t i = skip_bold(s, len, 0), j, k = 0;
    if (!(i = reg_match_word(s, len, i, U"第")))
        return 0;
    int ascii;
    if (!(i = numeral_at(s, len, i, &m->num, &ascii)) || m->num <= 0)
        return 0;
    size_t w;
    for (w = 0; w < sizeof heading_words / sizeof *heading_words; w++)
        if ((k = reg_match_word(s, len, i, heading_words[w].word)))
            break;
    if (w == sizeof heading_words / sizeof *heading_words)
        return 0;
    i = skip_bold(s, len, k);
    m->sub = 0;
    m->spaced = i >= len || reg_is_space(reg_cp_at(s, len, i, &j));
    m->body = reg_skip_ws(s, len, i);
    if (plain) {
        size_t n = 0;
        for (size_t p = 0; p < len; p = j, n++) {
            uint32_t c = reg_cp_at(s, len, p, &j);
            if (c == U'。' || c == ';' || c == ',' || c == U'、' || c == ':')
                return 0;
        }
        if (n > HEADING_MAX_CHARS || (!m->spaced && ascii))
            return 0;
        /* "第二章规定的…" without a space is a sentence; "第一章总则" is a heading */
        if (!m->spaced && n > 12)
            return 0;
    }
    *kind = heading_words[w].kind;
    *word = heading_words[w].utf8;
    return 1;
}

/* "一、提高政务公开质量": a Chinese numeral and 、. */
int reg_label_cn_heading(const char *s, size_t len, reg_label *m)
{
    int ascii;
    size_t i = numeral_at(s, len, skip_bold(s, len, 0), &m->num, &ascii);
    if (!i || ascii || m->num <= 0)
        return 0;
    size_t k = reg_match_word(s, len, i, U"、");
    if (!k)
        return 0;
    m->sub = 0;
    m->spaced = 1;
    m->body = reg_skip_ws(s, len, skip_bold(s, len, k));
    return 1;
}

/* "（一）" / "(一)" with a Chinese numeral. */
int reg_label_item(const char *s, size_t len, reg_label *m)
{
    size_t i = reg_match_word(s, len, 0, U"(");
    int ascii;
    if (!i || !(i = numeral_at(s, len, reg_skip_ws(s, len, i), &m->num, &ascii)) || ascii ||
        m->num <= 0)
        return 0;
    if (!(i = reg_match_word(s, len, reg_skip_ws(s, len, i), U")")))
        return 0;
    m->sub = 0;
    m->spaced = 1;
    m->body = reg_skip_ws(s, len, i);
    return 1;
}

/* 目: "1." "1．" "1、" or "(1)" with ASCII/full-width digits. */
int reg_label_subitem(const char *s, size_t len, reg_label *m)
{
    int ascii;
    size_t i = 0, j;
    int paren = 0;
    if ((j = reg_match_word(s, len, 0, U"("))) {
        paren = 1;
        i = j;
    }
    if (!(i = numeral_at(s, len, i, &m->num, &ascii)) || !ascii || m->num <= 0 || m->num > 999)
        return 0;
    if (paren) {
        if (!(i = reg_match_word(s, len, i, U")")))
            return 0;
    } else {
        if (i >= len)
            return 0;
        uint32_t c = reg_cp_at(s, len, i, &j);
        if (c != '.' && c != U'、')
            return 0;
        i = j;
        if (i < len) { /* 2.5万元 is a number, not a label */
            uint32_t d = reg_cp_at(s, len, i, &j);
            if (d >= '0' && d <= '9')
                return 0;
        }
    }
    m->sub = 0;
    m->spaced = 1;
    m->body = reg_skip_ws(s, len, i);
    return 1;
}
