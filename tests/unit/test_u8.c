/* UTF-8 terminal text layer: widths, fitting, truncation, scrolling, wrapping (禁则),
 * sanitising and search-input normalisation. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"
#include "utf8dec.h"

#define S(lit) (lit), (sizeof(lit) - 1)

static int setup_locale(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static uint32_t cp_of(const char *s)
{
    uint32_t cp;
    int valid;
    u8_decode((const unsigned char *)s, (const unsigned char *)s + strlen(s), &cp, &valid);
    return cp;
}

/* ---- widths ---------------------------------------------------------------------- */

static void test_cp_width_basic(void **state)
{
    (void)state;
    assert_int_equal(u8_cp_width(cp_of("中")), 2);
    assert_int_equal(u8_cp_width('a'), 1);
    assert_int_equal(u8_cp_width(0x301), 0);
    assert_int_equal(u8_cp_width(cp_of("１")), 2);
    assert_int_equal(u8_cp_width(0x1F600), 2);
    assert_int_equal(u8_cp_width(cp_of("。")), 2);
    assert_int_equal(u8_cp_width(cp_of("𠀀")), 2); /* plane 2 */
}

static void test_cp_width_controls_are_question_marks(void **state)
{
    (void)state;
    assert_int_equal(u8_cp_width(0x1B), 1);
    assert_int_equal(u8_cp_width(0), 1);
    assert_int_equal(u8_cp_width('\t'), 1);
    assert_int_equal(u8_cp_width(0x7F), 1);
    assert_int_equal(u8_cp_width(0x9B), 1);
    assert_int_equal(u8_cp_width(0x2028), 1);
    assert_int_equal(u8_cp_width(0xFFFE), 1);
    assert_false(u8_cp_printable(0x1B));
    assert_false(u8_cp_printable(0x85));
    assert_false(u8_cp_printable(0xFFFF));
    assert_true(u8_cp_printable(0x301));
    assert_true(u8_cp_printable(0x31350)); /* CJK Extension H, newer than some glibc */
    assert_int_equal(u8_cp_width(0x31350), 2);
}

static void test_width_strings(void **state)
{
    (void)state;
    assert_int_equal(u8_width(S("")), 0);
    assert_int_equal(u8_width(S("abc")), 3);
    assert_int_equal(u8_width(S("民政部")), 6);
    assert_int_equal(u8_width(S("a中b")), 4);
    assert_int_equal(u8_width(S("e\xcc\x81")), 1); /* e + combining acute */
    assert_int_equal(u8_width(S("😀!")), 3);
    assert_int_equal(u8_width(S("\x1b[0m")), 4);
}

static void test_width_invalid_bytes(void **state)
{
    (void)state;
    assert_int_equal(u8_width(S("\xff")), 1);
    assert_int_equal(u8_width(S("\xe4\xb8")), 2);     /* truncated 中: two bad bytes */
    assert_int_equal(u8_width(S("\xc0\xaf")), 2);     /* overlong '/' */
    assert_int_equal(u8_width(S("\xed\xa0\x80")), 3); /* surrogate */
    assert_int_equal(u8_width("中文", 4), 3);          /* cut mid-character: 中 + 1 bad */
}

/* ---- fit and truncate ------------------------------------------------------------ */

static void test_fit_exact_boundary(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(u8_fit(S("中文字"), 4, &used), 6);
    assert_int_equal(used, 4);
    assert_int_equal(u8_fit(S("中文字"), 6, &used), 9);
    assert_int_equal(used, 6);
    assert_int_equal(u8_fit(S("abc"), 3, &used), 3);
    assert_int_equal(u8_fit(S("abc"), 0, &used), 0);
    assert_int_equal(used, 0);
}

static void test_fit_wide_straddles_limit(void **state)
{
    (void)state;
    size_t used;
    /* "a中": 3 columns; at 2 the wide character would straddle the limit. */
    assert_int_equal(u8_fit(S("a中"), 2, &used), 1);
    assert_int_equal(used, 1);
    assert_int_equal(u8_fit(S("中文字"), 5, &used), 6);
    assert_int_equal(used, 4);
    assert_int_equal(u8_fit(S("中"), 1, &used), 0);
    assert_int_equal(used, 0);
}

static void test_fit_keeps_combining_marks(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(u8_fit(S("ae\xcc\x81z"), 2, &used), 4);
    assert_int_equal(used, 2);
    assert_int_equal(u8_fit(S("a中\xcc\x81"), 2, &used), 1); /* mark goes with 中 */
}

static void test_fit_more_than_needed(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(u8_fit(S("中a"), 100, &used), 4);
    assert_int_equal(used, 3);
    assert_int_equal(u8_fit(NULL, 0, 5, NULL), 0);
}

static void test_trunc_flags_cut(void **state)
{
    (void)state;
    int cut;
    size_t used;
    assert_int_equal(u8_trunc(S("中文"), 4, &cut, &used), 6);
    assert_int_equal(cut, 0);
    assert_int_equal(used, 4);
    assert_int_equal(u8_trunc(S("中文字"), 4, &cut, &used), 3);
    assert_int_equal(cut, 1);
    assert_int_equal(used, 2);
    assert_int_equal(u8_trunc(S("abc"), 0, &cut, &used), 0);
    assert_int_equal(cut, 0);
}

static void test_truncate_with_marker(void **state)
{
    (void)state;
    char *t = u8_truncate(S("民政部公开"), 6, ">");
    assert_string_equal(t, "民政>"); /* 5 columns: 部 would make 7 */
    free(t);
    t = u8_truncate(S("民政部"), 6, ">");
    assert_string_equal(t, "民政部");
    free(t);
    t = u8_truncate(S("abcdef"), 4, "~");
    assert_string_equal(t, "abc~");
    free(t);
    t = u8_truncate(S("中文"), 1, "~");
    assert_string_equal(t, "~");
    free(t);
    t = u8_truncate(S("中文"), 0, "~");
    assert_string_equal(t, "");
    free(t);
}

static void test_truncate_never_exceeds(void **state)
{
    (void)state;
    const char *texts[] = {"民政部关于2022年度政务公开工作", "a中b文c字d", "１２３４５６",
                           "e\xcc\x81\xcc\x81中文", "😀😀x😀", "\xff\xfe中"};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        size_t len = strlen(texts[t]), full = u8_width(texts[t], len);
        for (size_t cols = 0; cols <= full + 2; cols++) {
            char *r = u8_truncate(texts[t], len, cols, ">");
            size_t w = u8_width(r, strlen(r));
            if (w > cols)
                fail_msg("\"%s\" in %zu columns gave \"%s\" (%zu)", texts[t], cols, r, w);
            if (full <= cols)
                assert_string_equal(r, texts[t]);
            else if (cols > 0)
                assert_int_equal(r[strlen(r) - 1], '>');
            free(r);
        }
    }
}

/* ---- horizontal scrolling --------------------------------------------------------- */

static void test_skip_cols_plain(void **state)
{
    (void)state;
    size_t pad;
    assert_int_equal(u8_skip_cols(S("abcdef"), 2, &pad), 2);
    assert_int_equal(pad, 0);
    assert_int_equal(u8_skip_cols(S("中文字"), 4, &pad), 6);
    assert_int_equal(pad, 0);
    assert_int_equal(u8_skip_cols(S("abc"), 0, &pad), 0);
    assert_int_equal(u8_skip_cols(S("abc"), 10, &pad), 3);
}

static void test_skip_cols_cuts_wide(void **state)
{
    (void)state;
    size_t pad;
    /* Column 1 is the right half of 中: skip it and draw one pad column. */
    assert_int_equal(u8_skip_cols(S("中文字"), 1, &pad), 3);
    assert_int_equal(pad, 1);
    assert_int_equal(u8_skip_cols(S("a中b"), 2, &pad), 4);
    assert_int_equal(pad, 1);
    assert_int_equal(u8_skip_cols(S("中文字"), 3, &pad), 6);
    assert_int_equal(pad, 1);
}

static void test_skip_cols_combining(void **state)
{
    (void)state;
    size_t pad;
    /* The accent belongs to the skipped 'e'. */
    assert_int_equal(u8_skip_cols(S("e\xcc\x81x"), 1, &pad), 3);
    assert_int_equal(pad, 0);
    /* With nothing skipped a leading mark stays. */
    assert_int_equal(u8_skip_cols(S("\xcc\x81x"), 0, &pad), 0);
}

/* ---- boundaries ------------------------------------------------------------------ */

static void test_next_prev(void **state)
{
    (void)state;
    const char *s = "a中😀\xcc\x81z";
    size_t len = strlen(s);
    size_t stops[] = {0, 1, 4, 8, 10, 11};
    size_t i = 0;
    for (size_t k = 1; k < sizeof stops / sizeof *stops; k++) {
        i = u8_next(s, len, i);
        assert_int_equal(i, stops[k]);
        assert_int_equal(u8_prev(s, stops[k]), stops[k - 1]);
    }
    assert_int_equal(u8_next(s, len, len), len);
    assert_int_equal(u8_prev(s, 0), 0);
}

static void test_next_prev_invalid_consistent(void **state)
{
    (void)state;
    /* Stray continuation bytes, a lead byte without its tail, an overlong form, a
     * surrogate, a 5-byte lead, and valid characters in between. */
    const char *s = "\x80\x80中\xe4\xb8z\xc0\xaf\xed\xa0\x80\xf8\x88\x80\x80\x80文\xf0\x9f\x98";
    size_t len = strlen(s);
    size_t stops[64], n = 0;
    for (size_t i = 0; i < len; i = u8_next(s, len, i))
        stops[n++] = i;
    stops[n++] = len;
    for (size_t k = n - 1; k > 0; k--)
        assert_int_equal(u8_prev(s, stops[k]), stops[k - 1]);
    assert_int_equal(u8_count(s, len), n - 1);
}

static void test_count(void **state)
{
    (void)state;
    assert_int_equal(u8_count(S("")), 0);
    assert_int_equal(u8_count(S("民政部abc")), 6);
    assert_int_equal(u8_count(S("\xff\xfe")), 2);
}

/* ---- wrapping -------------------------------------------------------------------- */

/* Wraps and returns the lines joined by '|'. */
static char *wrap_str(const char *s, size_t cols)
{
    u8_line_t *lines;
    size_t n = u8_wrap(s, strlen(s), cols, &lines);
    size_t cap = strlen(s) + n + 1, o = 0;
    char *out = malloc(cap);
    for (size_t i = 0; i < n; i++) {
        if (i)
            out[o++] = '|';
        memcpy(out + o, s + lines[i].start, lines[i].end - lines[i].start);
        o += lines[i].end - lines[i].start;
    }
    out[o] = '\0';
    free(lines);
    return out;
}

#define assert_wrap(text, cols, expect)                                                \
    do {                                                                               \
        char *w_ = wrap_str((text), (cols));                                           \
        assert_string_equal(w_, (expect));                                             \
        free(w_);                                                                      \
    } while (0)

static const char *closing_list[] = {"，", "。", "、", "；", "：", "？", "！", "）", "》", "」",
                                     "』", "】", "〕", "”", "’", "…", ",", ".", ";", ":",
                                     "?", "!", ")", "]"};
static const char *opening_list[] = {"（", "《", "「", "『", "【", "〔", "“", "‘", "(", "["};

static int starts_with_any(const char *s, size_t len, const char **set, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(set[i]);
        if (len >= l && memcmp(s, set[i], l) == 0)
            return 1;
    }
    return 0;
}

static int ends_with_any(const char *s, size_t len, const char **set, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(set[i]);
        if (len >= l && memcmp(s + len - l, set[i], l) == 0)
            return 1;
    }
    return 0;
}

/* Checks the wrap invariants for text s in cols columns: lines in order, only spaces
 * or one '\n' between them, every line within cols, 禁则 on wrapped lines. */
static void check_wrap(const char *s, size_t cols)
{
    size_t len = strlen(s);
    u8_line_t *l;
    size_t n = u8_wrap(s, len, cols, &l);
    assert_true(n >= 1);
    assert_int_equal(l[0].start, 0);
    for (size_t i = 0; i < n; i++) {
        size_t a = l[i].start, b = l[i].end;
        assert_true(a <= b && b <= len);
        size_t w = u8_width(s + a, b - a);
        if (w > cols)
            fail_msg("line %zu \"%.*s\" is %zu wide in %zu columns", i, (int)(b - a), s + a,
                     w, cols);
        if (i + 1 < n) {
            size_t c = l[i + 1].start, nls = 0;
            assert_true(c >= b);
            for (size_t k = b; k < c; k++) {
                assert_true(s[k] == ' ' || s[k] == '\n');
                nls += s[k] == '\n';
            }
            assert_true(nls <= 1);
            if (nls == 0) { /* a wrap, not a hard break */
                if (ends_with_any(s + a, b - a, opening_list, 10))
                    fail_msg("line \"%.*s\" ends with an opening mark", (int)(b - a), s + a);
                size_t e = i + 1 < n ? l[i + 1].end : len;
                if (starts_with_any(s + c, e - c, closing_list, 24))
                    fail_msg("line \"%.*s\" starts with a closing mark", (int)(e - c), s + c);
                assert_true(c > a); /* progress */
            }
        } else {
            assert_true(b == len || s[b] == ' ');
        }
    }
    free(l);
}

static void test_wrap_empty_and_short(void **state)
{
    (void)state;
    u8_line_t *l;
    assert_int_equal(u8_wrap("", 0, 10, &l), 1);
    assert_int_equal(l[0].start, 0);
    assert_int_equal(l[0].end, 0);
    free(l);
    assert_wrap("民政部", 10, "民政部");
    assert_wrap("abc", 3, "abc");
}

static void test_wrap_cjk_any_position(void **state)
{
    (void)state;
    assert_wrap("民政部关于印发通知", 6, "民政部|关于印|发通知");
    assert_wrap("民政部关于印发通知", 7, "民政部|关于印|发通知");
    assert_wrap("民政部关于印发通知", 8, "民政部关|于印发通|知");
}

static void test_wrap_ascii_words(void **state)
{
    (void)state;
    assert_wrap("the quick brown fox", 10, "the quick|brown fox");
    assert_wrap("the quick brown fox", 9, "the quick|brown fox");
    assert_wrap("the quick brown fox", 5, "the|quick|brown|fox");
}

static void test_wrap_numbers_stay_whole(void **state)
{
    (void)state;
    /* 12349 is the complaints hotline: never split a number. */
    assert_wrap("请拨打12349热线", 8, "请拨打|12349热|线");
    assert_wrap("2022年民政工作", 5, "2022|年民|政工|作");
    assert_wrap("共计12349元", 6, "共计|12349|元");
}

static void test_wrap_long_word_hard_break(void **state)
{
    (void)state;
    assert_wrap("abcdefghij", 4, "abcd|efgh|ij");
    /* Not even a hard break puts '.' at the start of a line. */
    assert_wrap("见http://www.mca.gov.cn/", 10, "见|http://ww|w.mca.gov.|cn/");
}

static void test_wrap_mixed_paragraph(void **state)
{
    (void)state;
    const char *p = "民政部2022年度政务公开工作要点（民办函〔2022〕12号）指出，要围绕"
                    "“放管服”改革推进 open government data 建设，优化12349热线服务。";
    /* From 6 columns up every unbreakable group (such as 例》，) fits on a line. */
    for (size_t cols = 6; cols <= 60; cols++)
        check_wrap(p, cols);
}

static void test_wrap_drops_spaces_at_wrap(void **state)
{
    (void)state;
    assert_wrap("aaa    bbb", 5, "aaa|bbb");
    assert_wrap("aaa bbb   ", 3, "aaa|bbb");
    /* Spaces that fit at the end of a paragraph stay. */
    assert_wrap("ab  ", 5, "ab  ");
    /* Indentation of a first line is kept, not that of a continuation line. */
    assert_wrap("  中文中文", 6, "  中文|中文");
}

static void test_wrap_hard_newlines(void **state)
{
    (void)state;
    assert_wrap("第一段\n第二段", 20, "第一段|第二段");
    assert_wrap("a\n\nb", 20, "a||b");
    assert_wrap("a\n", 20, "a|");
    assert_wrap("\n", 20, "|");
    /* Spaces after a hard break are kept: they are indentation. */
    assert_wrap("a\n  b", 20, "a|  b");
}

static void test_wrap_kinsoku_closing_carries_previous(void **state)
{
    (void)state;
    /* 。 does not fit on the first line and may not start the second: 字 comes along. */
    assert_wrap("中文字。后面", 6, "中文|字。后|面");
    assert_wrap("中文字，后面", 6, "中文|字，后|面");
    assert_wrap("中文字”后面", 6, "中文|字”后|面");
    assert_wrap("中文字……后面", 7, "中文|字……后|面");
    /* A word carries down with its comma. */
    assert_wrap("中文abc,def", 5, "中文|abc,d|ef");
}

static void test_wrap_kinsoku_opening_goes_down(void **state)
{
    (void)state;
    /* （ fits on the first line but may not end it. */
    assert_wrap("中文字（注）", 8, "中文字|（注）");
    assert_wrap("中文“引号”", 6, "中文|“引号”");
    assert_wrap("中文《通知》", 6, "中文|《通|知》");
    assert_wrap("abc (def)", 6, "abc|(def)");
}

static void test_wrap_kinsoku_runs(void **state)
{
    (void)state;
    /* Closing after closing: both stay with the character before. */
    assert_wrap("中文字。”后", 6, "中文|字。”|后");
    /* Opening after opening. */
    assert_wrap("中文（“字", 6, "中文|（“字");
    /* 号））。 is one unbreakable group of 8 columns. */
    for (size_t cols = 8; cols <= 30; cols++)
        check_wrap("这是「『嵌套』」的引号，还有（（双括号））。", cols);
}

static void test_wrap_kinsoku_all_widths(void **state)
{
    (void)state;
    const char *p = "各地民政部门要认真贯彻落实《条例》，做好“一网通办”工作；"
                    "对于群众反映的问题（包括来信、来访、12349热线等），应当及时处理！"
                    "具体要求见附件【1】〔2023〕第3号…… 以及(see appendix: A, B).";
    for (size_t cols = 6; cols <= 80; cols++)
        check_wrap(p, cols);
}

static void test_wrap_narrow_columns(void **state)
{
    (void)state;
    /* One column cannot hold a wide character: each goes on its own line. */
    u8_line_t *l;
    size_t n = u8_wrap(S("中文"), 1, &l);
    assert_int_equal(n, 2);
    assert_int_equal(l[0].end - l[0].start, 3);
    free(l);
    n = u8_wrap(S("ab"), 0, &l); /* 0 is taken as 1 */
    assert_int_equal(n, 2);
    free(l);
}

static void test_wrap_combining_not_split(void **state)
{
    (void)state;
    assert_wrap("ae\xcc\x81" "bc", 2, "ae\xcc\x81|bc");
}

static void test_wrap_zero_width_space(void **state)
{
    (void)state;
    assert_wrap("abc\xe2\x80\x8b" "def", 4, "abc\xe2\x80\x8b|def");
}

/* A small deterministic generator of corpus-like text. */
static uint32_t rng_state = 12345;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 8) % n;
}

static void test_wrap_random_property(void **state)
{
    (void)state;
    const char *cjk[] = {"民", "政", "部", "公", "开", "的", "一", "年"};
    const char *words[] = {"a", "ok", "2022", "12349", "gov", "data"};
    char text[1024];
    for (int round = 0; round < 400; round++) {
        size_t o = 0;
        int prev_punct = 1;
        while (o < 600) {
            uint32_t k = rnd(10);
            const char *piece;
            if (k < 5) {
                piece = cjk[rnd(8)];
                prev_punct = 0;
            } else if (k < 7) {
                piece = words[rnd(6)];
                prev_punct = 0;
            } else if (k == 7) {
                piece = rnd(3) ? " " : "\n";
            } else if (k == 8 && !prev_punct) {
                piece = closing_list[rnd(24)];
                prev_punct = 1;
            } else if (!prev_punct) {
                piece = opening_list[rnd(10)];
                prev_punct = 1;
                size_t l = strlen(piece);
                memcpy(text + o, piece, l);
                o += l;
                piece = cjk[rnd(8)]; /* an opening mark is followed by text */
                prev_punct = 0;
            } else {
                continue;
            }
            size_t l = strlen(piece);
            memcpy(text + o, piece, l);
            o += l;
        }
        text[o] = '\0';
        check_wrap(text, 8 + rnd(40));
    }
}

/* Arbitrary bytes (invalid UTF-8, controls, wide characters): lines stay in order and
 * within the width, and wrapping always ends. */
static void test_wrap_random_bytes(void **state)
{
    (void)state;
    static const char *const pieces[] = {"中", "。", "（", " ", "\n", "a", "\xff", "\xcc\x81",
                                         "\xe4\xb8", "1", "”", "\t", "😀"};
    char text[800];
    for (int round = 0; round < 300; round++) {
        size_t o = 0;
        while (o < 700) {
            const char *pc = pieces[rnd(13)];
            size_t l = strlen(pc);
            memcpy(text + o, pc, l);
            o += l;
        }
        text[o] = '\0';
        size_t cols = 2 + rnd(30);
        u8_line_t *l;
        size_t n = u8_wrap(text, o, cols, &l);
        size_t prev_end = 0;
        for (size_t i = 0; i < n; i++) {
            assert_true(l[i].start >= prev_end && l[i].end >= l[i].start && l[i].end <= o);
            assert_true(u8_width(text + l[i].start, l[i].end - l[i].start) <= cols);
            prev_end = l[i].end;
        }
        free(l);
    }
}

/* ---- sanitising ------------------------------------------------------------------ */

static void assert_sanitized(const char *in, size_t len, unsigned flags, const char *expect)
{
    char *out = u8_sanitize(in, len, flags);
    assert_string_equal(out, expect);
    free(out);
}

#define assert_san(lit, expect) assert_sanitized(S(lit), 0, (expect))
#define assert_san_nl(lit, expect) assert_sanitized(S(lit), U8_SAN_KEEP_NL, (expect))

static void test_sanitize_plain(void **state)
{
    (void)state;
    assert_san("民政部 abc", "民政部 abc");
    assert_san("", "");
    assert_san("e\xcc\x81", "e\xcc\x81");
}

static void test_sanitize_csi(void **state)
{
    (void)state;
    assert_san("a\x1b[31mred\x1b[0m", "ared");
    assert_san("x\x1b[2J\x1b[1;1Hy", "xy");
    assert_san("x\x1b[?1049hy", "xy");
    assert_san("x\x1b[38;5;196mz", "xz");
    assert_san("x\x1b[ q", "x"); /* intermediate byte, final 'q' */
    assert_san("x\x1b[31", "x"); /* unterminated at the end */
    /* A byte that cannot be part of a CSI ends it and is text. */
    assert_san("x\x1b[31中文", "x中文");
}

static void test_sanitize_osc(void **state)
{
    (void)state;
    assert_san("a\x1b]0;title\x07" "b", "ab");
    assert_san("a\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\b", "alinkb");
    assert_san("a\x1b]52;c;ZXZpbA==\x07" "b", "ab");
    assert_san("a\x1b]0;never ends", "a");
    /* ESC inside a string ends it and starts a sequence of its own. */
    assert_san("a\x1b]0;t\x1b[31mb", "ab");
}

static void test_sanitize_dcs_sos_pm_apc(void **state)
{
    (void)state;
    assert_san("a\x1bP1$r0m\x1b\\b", "ab");
    assert_san("a\x1bXsos\x1b\\b", "ab");
    assert_san("a\x1b^pm\x1b\\b", "ab");
    assert_san("a\x1b_apc\x1b\\b", "ab");
    assert_san("a\x1bPq#0;2;0;0;0\xc2\x9c" "b", "ab"); /* ST as U+009C */
    assert_san("a\x1bPdata\x18" "b", "ab");           /* CAN aborts */
}

static void test_sanitize_two_byte_escapes(void **state)
{
    (void)state;
    assert_san("a\x1b" "7b\x1b" "8c", "abc");
    assert_san("a\x1b" "cb", "ab");        /* RIS */
    assert_san("a\x1b(Bb", "ab");          /* charset designation */
    assert_san("a\x1b#8b", "ab");          /* DECALN */
    assert_san("a\x1b", "a");              /* lone ESC at the end */
    assert_san("a\x1b\x1b[1mb", "ab");     /* ESC ESC */
    assert_san("a\x1b中", "a中");          /* ESC before non-ASCII */
}

static void test_sanitize_c0_and_del(void **state)
{
    (void)state;
    assert_san("a\x00" "b\x07" "c\x08" "d\x7f" "e", "abcde");
    assert_san("a\tb", "a b");
    assert_san("a\nb", "a b");
    assert_san_nl("a\nb", "a\nb");
    assert_san_nl("a\r\nb\rc", "a\nb\nc");
    assert_san("a\r\nb", "a b");
    assert_san("a\x0b\x0c" "b", "ab");
}

static void test_sanitize_c1(void **state)
{
    (void)state;
    assert_san("a\xc2\x9b" "b", "ab"); /* U+009B CSI as a code point */
    assert_san("a\xc2\x85" "b", "ab"); /* NEL */
    assert_san("a\xc2\x80\xc2\x9f" "b", "ab");
    assert_san("a\xc2\xa0" "b", "a\xc2\xa0" "b"); /* U+00A0 is printable */
    assert_san("a\x9b" "31mb", "a?31mb");            /* raw 0x9B byte is invalid UTF-8 */
}

static void test_sanitize_bidi(void **state)
{
    (void)state;
    assert_san("a\xe2\x80\xae" "cba\xe2\x80\xac", "acba");          /* RLO, PDF */
    assert_san("\xe2\x81\xa6x\xe2\x81\xa9", "x");                 /* LRI, PDI */
    assert_san("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9cz", "z");         /* LRM RLM ALM */
    assert_san("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xad\xe2\x81\xa7\xe2\x81\xa8", "");
}

/* What decides whether search_run sanitises a hit (core/search.c): locale-free. */
static void test_has_controls(void **state)
{
    (void)state;
    assert_false(u8_has_controls(S("示例办法 第一条\n（一）申请")));
    assert_false(u8_has_controls(S("")));
    assert_true(u8_has_controls(S("a\033[2Jb")));
    assert_true(u8_has_controls(S("a\tb")));
    assert_true(u8_has_controls(S("a\r\nb")));
    assert_true(u8_has_controls(S("a\x7f")));
    assert_true(u8_has_controls(S("a\xc2\x9b" "b")));  /* U+009B */
    assert_true(u8_has_controls(S("a\xe2\x80\xae" "b"))); /* RLO */
    assert_true(u8_has_controls(S("a\xff" "b")));      /* invalid */
    assert_true(u8_has_controls(S("a\xe4\xb8")));      /* cut */
}

/* The set the input line refuses too (tui/lineedit.c), and nothing next to it. */
static void test_bidi_control_set(void **state)
{
    (void)state;
    static const uint32_t yes[] = {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C,
                                   0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069};
    static const uint32_t no[] = {0x061B, 0x200D, 0x2010, 0x2029, 0x202F, 0x2065,
                                  0x206A, 0x4E00, 'a', 0x9B};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(u8_cp_bidi_control(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(u8_cp_bidi_control(no[i]));
}

static void test_sanitize_invalid_utf8(void **state)
{
    (void)state;
    assert_san("a\xff" "b", "a?b");
    assert_san("\xc0\xaf", "??");             /* overlong */
    assert_san("\xe0\x80\xaf", "???");        /* overlong 3-byte */
    assert_san("\xed\xa0\x80", "???");        /* surrogate */
    assert_san("\xf4\x90\x80\x80", "????");   /* above U+10FFFF */
    assert_san("\xe4\xb8", "??");             /* truncated */
    assert_san("\xe4\xb8" "a", "??a");
    assert_san("\xef\xbf\xbe", "?");          /* U+FFFE: valid but not printable */
    assert_san("\xe2\x80\xa8", "?");          /* U+2028 */
}

static void test_sanitize_output_is_clean(void **state)
{
    (void)state;
    unsigned char buf[512];
    for (int round = 0; round < 300; round++) {
        size_t len = rnd(sizeof buf);
        for (size_t i = 0; i < len; i++) {
            uint32_t k = rnd(6);
            buf[i] = k == 0 ? 0x1B : k == 1 ? (unsigned char)rnd(0x20)
                     : k == 2 ? (unsigned char)(0x80 + rnd(0x80))
                              : (unsigned char)rnd(0x100);
        }
        char *out = u8_sanitize((const char *)buf, len, U8_SAN_KEEP_NL);
        const unsigned char *p = (const unsigned char *)out, *end = p + strlen(out);
        assert_true((size_t)(end - p) <= len);
        while (p < end) {
            uint32_t cp;
            int valid;
            p += u8_decode(p, end, &cp, &valid);
            assert_true(valid);
            assert_true(cp == '\n' || u8_cp_printable(cp));
            assert_false(cp >= 0x202A && cp <= 0x202E);
        }
        free(out);
    }
}

/* ---- search input ---------------------------------------------------------------- */

static void assert_norm(const char *in, const char *expect)
{
    char *out = u8_normalize_input(in, strlen(in));
    assert_string_equal(out, expect);
    free(out);
}

static void test_normalize_fullwidth(void **state)
{
    (void)state;
    assert_norm("ＡＢＣ１２３４９", "ABC12349");
    assert_norm("（民政）", "(民政)");
    assert_norm("ｗｗｗ．ｍｃａ", "www.mca");
    assert_norm("！～", "!~");
    assert_norm("民政部", "民政部");
}

static void test_normalize_spaces(void **state)
{
    (void)state;
    assert_norm("民政\xe3\x80\x80部", "民政 部");
    assert_norm("  a   b  ", "a b");
    assert_norm("\xe3\x80\x80\xe3\x80\x80", "");
    assert_norm("a\tb\nc\x1b" "d", "a b c d");
    assert_norm("a\xc2\xa0\xc2\xa0" "b", "a b");
    assert_norm("", "");
}

static void test_normalize_drops_invalid_and_bidi(void **state)
{
    (void)state;
    assert_norm("民\xff政", "民政");
    assert_norm("a\xe2\x80\xae" "b", "ab");
    assert_norm("\xef\xbb\xbf" "abc", "abc");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cp_width_basic),
        cmocka_unit_test(test_cp_width_controls_are_question_marks),
        cmocka_unit_test(test_width_strings),
        cmocka_unit_test(test_width_invalid_bytes),
        cmocka_unit_test(test_fit_exact_boundary),
        cmocka_unit_test(test_fit_wide_straddles_limit),
        cmocka_unit_test(test_fit_keeps_combining_marks),
        cmocka_unit_test(test_fit_more_than_needed),
        cmocka_unit_test(test_trunc_flags_cut),
        cmocka_unit_test(test_truncate_with_marker),
        cmocka_unit_test(test_truncate_never_exceeds),
        cmocka_unit_test(test_skip_cols_plain),
        cmocka_unit_test(test_skip_cols_cuts_wide),
        cmocka_unit_test(test_skip_cols_combining),
        cmocka_unit_test(test_next_prev),
        cmocka_unit_test(test_next_prev_invalid_consistent),
        cmocka_unit_test(test_count),
        cmocka_unit_test(test_wrap_empty_and_short),
        cmocka_unit_test(test_wrap_cjk_any_position),
        cmocka_unit_test(test_wrap_ascii_words),
        cmocka_unit_test(test_wrap_numbers_stay_whole),
        cmocka_unit_test(test_wrap_long_word_hard_break),
        cmocka_unit_test(test_wrap_mixed_paragraph),
        cmocka_unit_test(test_wrap_drops_spaces_at_wrap),
        cmocka_unit_test(test_wrap_hard_newlines),
        cmocka_unit_test(test_wrap_kinsoku_closing_carries_previous),
        cmocka_unit_test(test_wrap_kinsoku_opening_goes_down),
        cmocka_unit_test(test_wrap_kinsoku_runs),
        cmocka_unit_test(test_wrap_kinsoku_all_widths),
        cmocka_unit_test(test_wrap_narrow_columns),
        cmocka_unit_test(test_wrap_combining_not_split),
        cmocka_unit_test(test_wrap_zero_width_space),
        cmocka_unit_test(test_wrap_random_property),
        cmocka_unit_test(test_wrap_random_bytes),
        cmocka_unit_test(test_sanitize_plain),
        cmocka_unit_test(test_sanitize_csi),
        cmocka_unit_test(test_sanitize_osc),
        cmocka_unit_test(test_sanitize_dcs_sos_pm_apc),
        cmocka_unit_test(test_sanitize_two_byte_escapes),
        cmocka_unit_test(test_sanitize_c0_and_del),
        cmocka_unit_test(test_sanitize_c1),
        cmocka_unit_test(test_sanitize_bidi),
        cmocka_unit_test(test_bidi_control_set),
        cmocka_unit_test(test_has_controls),
        cmocka_unit_test(test_sanitize_invalid_utf8),
        cmocka_unit_test(test_sanitize_output_is_clean),
        cmocka_unit_test(test_normalize_fullwidth),
        cmocka_unit_test(test_normalize_spaces),
        cmocka_unit_test(test_normalize_drops_invalid_and_bidi),
    };
    return cmocka_run_group_tests(tests, setup_locale, NULL);
}
