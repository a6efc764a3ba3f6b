/* 统一社会信用代码: normalisation, the MOD 31-3 and GB 11714 checks on the domain.md
 * vectors, labels, problems named for the user, and suggestions (property-tested: every
 * single-character change of a valid code is repaired, and every suggestion is valid). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "uscc.h"

static const char *const VALID[] = {
    "53100000500019795A", "53100000500021676K", "91440300708461136T",
    "91310110666007217T", "12440300MB2C92173E",
};
#define NVALID (sizeof VALID / sizeof VALID[0])

static const char ALPHA[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static uscc_info parse(const char *s)
{
    uscc_info info;
    uscc_parse(s, &info);
    return info;
}

/* Index of want among the suggestions, or -1. */
static int find_fix(const uscc_fix *fx, size_t n, const char *want)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(fx[i].code, want))
            return (int)i;
    return -1;
}

/* How plausible a suggestion is (0 best): uscc_suggest ranks by this first. */
static int weakness(const char *code)
{
    uscc_info in = parse(code);
    return 2 * !in.region_shape_ok + !uscc_orgcode_ok(code);
}

/* Every suggestion is a code uscc_parse fully accepts, ranked by plausibility, then by
 * class of fix. */
static void assert_all_valid(const uscc_fix *fx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uscc_info in = parse(fx[i].code);
        if (!in.format_ok || !in.check_ok || !in.type_label)
            fail_msg("suggestion %s is not a valid code", fx[i].code);
        if (i > 0) {
            int a = weakness(fx[i - 1].code), b = weakness(fx[i].code);
            assert_true(a <= b);
            if (a == b)
                assert_true(fx[i - 1].how <= fx[i].how);
        }
    }
}

static void test_alphabet(void **state)
{
    (void)state;
    for (int i = 0; ALPHA[i]; i++)
        assert_int_equal(uscc_value(ALPHA[i]), i);
    assert_int_equal(uscc_value('0'), 0);
    assert_int_equal(uscc_value('Y'), 30);
    const char *not_symbols = "IOSVZa.-\xE4";
    for (const char *p = not_symbols; *p; p++)
        assert_int_equal(uscc_value(*p), -1);
    assert_int_equal(uscc_value('\0'), -1);
    assert_int_equal(uscc_check_char("5310000050001979"), '\0'); /* only 16 */
    assert_int_equal(uscc_check_char("531000005000197O5"), '\0');
}

static void test_valid_vectors(void **state)
{
    (void)state;
    for (size_t i = 0; i < NVALID; i++) {
        uscc_info in = parse(VALID[i]);
        assert_string_equal(in.code, VALID[i]);
        assert_true(in.length_ok);
        assert_true(in.format_ok);
        assert_true(in.check_ok);
        assert_int_equal(in.expected_check, VALID[i][17]);
        assert_int_equal(uscc_check_char(VALID[i]), VALID[i][17]);
        assert_true(in.orgcode_ok);
        assert_true(uscc_orgcode_ok(VALID[i]));
        assert_string_equal(in.problem, "");
        assert_non_null(in.dept_label);
        assert_non_null(in.type_label);
        assert_true(in.region_shape_ok);
        assert_true(uscc_looks_like_code(VALID[i]));
    }
}

static void test_invalid_check(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        char expected;
    } bad[] = {
        {"53100000500020462H", 'K'},
        {"12440300MB2C92173A", 'E'},
        /* Real early pilot codes (Fujian/Xiamen): format fine, check fails. */
        {"91350211M00013FA1N", '3'},
        {"91350100M0001TGQXM", '1'},
        {"91350203M0001QAY9B", '9'},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uscc_info in = parse(bad[i].code);
        assert_true(in.length_ok);
        assert_true(in.format_ok);
        assert_false(in.check_ok);
        assert_int_equal(in.expected_check, bad[i].expected);
        assert_int_equal(uscc_check_char(bad[i].code), bad[i].expected);
        assert_string_equal(in.problem, ""); /* a warning for the caller, not a format error */
        assert_true(in.orgcode_ok);
    }
}

static void test_orgcode(void **state)
{
    (void)state;
    /* Position 17 'X' (remainder 10) and '0' (remainder 11) */
    assert_true(uscc_orgcode_ok("91350100M0001TGQXM"));
    assert_true(uscc_orgcode_ok("53100000000000000Y"));
    assert_false(uscc_orgcode_ok("53100000000000001Y"));
    assert_false(uscc_orgcode_ok("53100000500019794A"));
    assert_false(uscc_orgcode_ok("53100000500-19795A"));
    assert_false(parse("53100000500019794A").orgcode_ok);
}

static void test_normalize(void **state)
{
    (void)state;
    char buf[64];
    assert_int_equal(uscc_normalize("５３１０００００５０００１９７９５Ａ", buf, sizeof buf), 18);
    assert_string_equal(buf, "53100000500019795A");
    uscc_info in = parse("５３１０００００５０００１９７９５Ａ");
    assert_string_equal(in.code, "53100000500019795A");
    assert_true(in.check_ok);

    assert_int_equal(uscc_normalize(" 9144-0300_7084 6113\t6t\r\n", buf, sizeof buf), 18);
    assert_string_equal(buf, "91440300708461136T");
    in = parse("12440300-mb2c-9217 3e");
    assert_string_equal(in.code, "12440300MB2C92173E");
    assert_true(in.format_ok && in.check_ok);
    /* Ideographic space, full-width hyphen and low line, full-width lower case */
    assert_int_equal(uscc_normalize("　5310０００0－500０19_795ａ　", buf, sizeof buf), 18);
    assert_string_equal(buf, "53100000500019795A");

    /* Other non-ASCII stays, so the caller sees it is not a code */
    assert_int_equal(uscc_normalize("中国 abc", buf, sizeof buf), 9);
    assert_string_equal(buf, "中国ABC");
    /* Truncation never splits a character */
    assert_int_equal(uscc_normalize("ab中", buf, 5), 2);
    assert_string_equal(buf, "AB");
    assert_int_equal(uscc_normalize("ab中", buf, 6), 5);
    assert_int_equal(uscc_normalize("abc", buf, 1), 0);
    assert_string_equal(buf, "");
    assert_int_equal(uscc_normalize("abc", buf, 0), 0);
    assert_int_equal(uscc_normalize("", buf, sizeof buf), 0);
    /* An invalid byte is kept as it is */
    assert_int_equal(uscc_normalize("a\xFF", buf, sizeof buf), 2);
    assert_string_equal(buf, "A\xFF");
}

static void test_length(void **state)
{
    (void)state;
    uscc_info in = parse("5310000050001979A");
    assert_false(in.length_ok);
    assert_false(in.format_ok);
    assert_string_equal(in.problem, "长度为17位，应为18位");
    assert_string_equal(in.code, "5310000050001979A");
    /* 17 characters: the check character they would call for (here a dropped 'A') */
    assert_int_equal(parse("53100000500019795").expected_check, 'A');

    in = parse("53100000500019795AB");
    assert_false(in.length_ok);
    assert_string_equal(in.problem, "长度为19位，应为18位");
    assert_string_equal(in.code, "53100000500019795A"); /* first 18 */
    assert_int_equal(in.expected_check, '\0');

    in = parse(" - ");
    assert_string_equal(in.problem, "代码为空，应为18位");
    in = parse(NULL);
    assert_false(in.format_ok);
    assert_string_equal(in.problem, "代码为空，应为18位");
    /* Length comes before a bad character */
    assert_string_equal(parse("531O0000500019795").problem, "长度为17位，应为18位");
}

static void test_not_a_code(void **state)
{
    (void)state;
    char buf[128];
    uscc_info in = parse("中国社会福利基金会");
    assert_false(in.format_ok);
    assert_false(in.length_ok);
    assert_string_equal(in.code, "");
    assert_string_equal(in.problem, "含有非ASCII字符“中”");
    assert_null(in.dept_label);
    uscc_normalize("中国社会福利基金会", buf, sizeof buf);
    assert_false(uscc_looks_like_code(buf));
    /* A Chinese character inside an otherwise good code; an invalid byte shows as U+FFFD */
    assert_string_equal(parse("53100000500019795号").problem, "含有非ASCII字符“号”");
    assert_string_equal(parse("5310000050001979\xC0" "A").problem, "含有非ASCII字符“\xEF\xBF\xBD”");

    assert_true(uscc_looks_like_code("5310000050001979SA"));
    assert_true(uscc_looks_like_code("531000005000197")); /* 15 */
    assert_true(uscc_looks_like_code("53100000500019795AXY")); /* 20 */
    assert_false(uscc_looks_like_code("53100000500019795AXYZ")); /* 21 */
    assert_false(uscc_looks_like_code("53100000500019")); /* 14 */
    assert_false(uscc_looks_like_code("ABCDEFGHJKLMNPQ123")); /* 3 digits */
    assert_false(uscc_looks_like_code("531000005000.19795A"));
    assert_false(uscc_looks_like_code(""));
}

static void test_bad_symbols(void **state)
{
    (void)state;
    assert_string_equal(parse("53100000O00019795A").problem, "第9位“O”不是代码字符（可能是数字0）");
    assert_string_equal(parse("5310V000500019795A").problem, "第5位“V”不是代码字符");
    assert_string_equal(parse("I2440300MB2C92173E").problem, "第1位“I”不是代码字符（可能是数字1）");
    assert_string_equal(parse("1Z440300MB2C92173E").problem, "第2位“Z”不是代码字符（可能是数字2）");
    assert_string_equal(parse("5310000050001979SA").problem, "第17位“S”不是代码字符（可能是数字5）");
    assert_string_equal(parse("53100000500.19795A").problem, "第12位“.”不是代码字符");
    assert_string_equal(parse("53100000500\x01" "19795A").problem,
                        "第12位是控制字符（0x01），不是代码字符");
    /* The first bad position is named */
    assert_string_equal(parse("531000O0S00019795A").problem, "第7位“O”不是代码字符（可能是数字0）");
}

static void test_labels_and_region(void **state)
{
    (void)state;
    uscc_info in = parse("53100000500019795A");
    assert_string_equal(in.dept_label, "民政");
    assert_string_equal(in.type_label, "基金会");
    assert_true(in.social_org);
    assert_true(in.region_national);
    assert_true(in.region_shape_ok);
    assert_string_equal(in.region, "100000");

    in = parse("91440300708461136T");
    assert_string_equal(in.dept_label, "工商");
    assert_string_equal(in.type_label, "企业");
    assert_false(in.social_org);
    assert_false(in.region_national);
    assert_true(in.region_shape_ok);
    assert_string_equal(in.region, "440300");

    in = parse("12440300MB2C92173E");
    assert_string_equal(in.dept_label, "机构编制");
    assert_string_equal(in.type_label, "事业单位");
    assert_string_equal(parse("51440000000000000Y").type_label, "社会团体");
    assert_string_equal(parse("52440000000000000Y").type_label, "民办非企业单位");
    assert_true(parse("59440000000000000Y").social_org);
    assert_false(parse("54440000000000000Y").social_org);
    assert_string_equal(parse("N3440000000000000Y").dept_label, "农业");
    assert_string_equal(parse("Y1440000000000000Y").type_label, "其他");
    assert_null(parse("94440000000000000Y").type_label); /* 工商 has no 4 */
    assert_null(parse("Y2440000000000000Y").type_label);
    assert_null(parse("B1440000000000000Y").dept_label);

    /* The whole 登记管理部门 x 机构类别 table of domain.md §4.4: 36 pairs */
    int pairs = 0;
    char probe[] = "00440000000000000Y";
    for (const char *d = "0123456789ABNYZ"; *d; d++)
        for (const char *t = "0123456789AN"; *t; t++) {
            probe[0] = *d;
            probe[1] = *t;
            pairs += parse(probe).type_label != NULL;
        }
    assert_int_equal(pairs, 36);
    assert_string_equal(parse("62440000000000000Y").type_label,
                        "港澳台地区旅游部门常驻内地（大陆）代表机构");
    assert_string_equal(parse("35440000000000000Y").type_label, "仲裁委员会");
    assert_string_equal(parse("A1440000000000000Y").dept_label, "中央军委改革和编制办公室");

    assert_false(parse("53990000500019795A").region_shape_ok);
    assert_true(parse("53100000500019795A").region_shape_ok);
    assert_true(parse("51440000000000000Y").region_shape_ok); /* province level */
    assert_true(parse("51820000000000000Y").region_shape_ok);
    assert_true(parse("51710000000000000Y").region_shape_ok);
    assert_false(parse("51440012000000000Y").region_shape_ok); /* XX00ZZ */
    assert_false(parse("51101000000000000Y").region_shape_ok); /* 10 is not a province */
    assert_false(parse("51160000000000000Y").region_shape_ok);
    assert_false(parse("5144A300000000000Y").region_shape_ok);
    /* Partial input still yields what its positions allow */
    in = parse("914403");
    assert_string_equal(in.dept_label, "工商");
    assert_string_equal(in.region, "");
    assert_false(in.region_shape_ok);
}

static void test_suggest_confusable(void **state)
{
    (void)state;
    uscc_fix fx[64];
    char label[128];
    size_t n = uscc_suggest("5310000050001979SA", fx, 64);
    assert_true(n >= 1);
    assert_string_equal(fx[0].code, "53100000500019795A");
    assert_int_equal(fx[0].how, USCC_FIX_CONFUSABLE);
    assert_int_equal(fx[0].pos, 17);
    assert_int_equal(fx[0].from, 'S');
    assert_int_equal(fx[0].to, '5');
    assert_string_equal(uscc_fix_label(&fx[0], label, sizeof label),
                        "第17位 S→5（字母S不在代码字符中，应为数字5）");
    assert_all_valid(fx, n);

    /* O typed for 0: the only candidate */
    n = uscc_suggest("531000005O0019795A", fx, 64);
    assert_int_equal(n, 1);
    assert_string_equal(fx[0].code, "53100000500019795A");
    assert_int_equal(fx[0].how, USCC_FIX_CONFUSABLE);
    assert_int_equal(fx[0].pos, 10);
    uscc_info in = parse("531000005O0019795A");
    assert_false(in.format_ok);
    assert_string_equal(in.problem, "第10位“O”不是代码字符（可能是数字0）");
    /* I at position 1, Z at position 2 */
    n = uscc_suggest("I2440300MB2C92173E", fx, 64);
    assert_int_equal(n, 1);
    assert_string_equal(fx[0].code, "12440300MB2C92173E");
    n = uscc_suggest("1Z440300MB2C92173E", fx, 64);
    assert_int_equal(n, 1);
    assert_int_equal(fx[0].to, '2');
    /* V where the check calls for something other than U: a plain substitution */
    n = uscc_suggest("5310V000500019795A", fx, 64);
    assert_int_equal(n, 1);
    assert_string_equal(fx[0].code, "53100000500019795A");
    assert_int_equal(fx[0].how, USCC_FIX_SUBST);
    assert_string_equal(uscc_fix_label(&fx[0], label, sizeof label), "第5位 V→0");
}

static void test_suggest_multi_confusable(void **state)
{
    (void)state;
    uscc_fix fx[8];
    char label[128];
    size_t n = uscc_suggest("531OOOOO5OOO19795A", fx, 8);
    assert_int_equal(n, 1);
    assert_string_equal(fx[0].code, "53100000500019795A");
    assert_int_equal(fx[0].how, USCC_FIX_CONFUSABLE);
    assert_int_equal(fx[0].pos, 4);
    assert_int_equal(fx[0].count, 8);
    /* The label says every change, not only the first */
    assert_string_equal(uscc_fix_label(&fx[0], label, sizeof label),
                        "第4位起8处字母（如O→0）不在代码字符中，改为形近的数字");
    /* Mixed confusables, I and S */
    n = uscc_suggest("I2440300MB2C92I73E", fx, 8);
    assert_int_equal(n, 1);
    assert_string_equal(fx[0].code, "12440300MB2C92173E");
    assert_int_equal(fx[0].count, 2);
    /* One bad character: one change */
    n = uscc_suggest("53100000500O19795A", fx, 8);
    assert_true(n >= 1);
    assert_string_equal(fx[0].code, "53100000500019795A");
    assert_int_equal(fx[0].count, 1);
    assert_string_equal(uscc_fix_label(&fx[0], label, sizeof label),
                        "第12位 O→0（字母O不在代码字符中，应为数字0）");
    /* Two bad characters, one not a confusable: nothing */
    assert_int_equal(uscc_suggest("531OOOOO5OOO1979.A", fx, 8), 0);
    /* Confusables that map to a code failing the check: nothing */
    assert_int_equal(uscc_suggest("531OOOOO5OOO19796A", fx, 8), 0);
}

static void test_suggest_property(void **state)
{
    (void)state;
    uscc_fix fx[64];
    char m[USCC_LEN + 1];
    const char *letters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    size_t total = 0;
    for (size_t v = 0; v < NVALID; v++) {
        for (int p = 0; p < USCC_LEN; p++) {
            for (const char *c = letters; *c; c++) {
                if (*c == VALID[v][p])
                    continue;
                memcpy(m, VALID[v], sizeof m);
                m[p] = *c;
                int in_alpha = uscc_value(*c) >= 0;
                uscc_info in = parse(m);
                /* MOD 31-3 catches every single substitution */
                assert_int_equal(in.format_ok, in_alpha);
                assert_false(in.check_ok);
                size_t n = uscc_suggest(m, fx, 64);
                int k = find_fix(fx, n, VALID[v]);
                if (k < 0)
                    fail_msg("%s (from %s): original not suggested", m, VALID[v]);
                assert_int_equal(fx[k].pos, p + 1);
                assert_int_equal(fx[k].from, *c);
                assert_int_equal(fx[k].to, VALID[v][p]);
                if (!in_alpha) {
                    /* Only the bad position can change, and only one symbol fits */
                    assert_int_equal(n, 1);
                    int conf = (*c == 'O' && VALID[v][p] == '0') ||
                               (*c == 'I' && VALID[v][p] == '1') ||
                               (*c == 'S' && VALID[v][p] == '5') ||
                               (*c == 'Z' && VALID[v][p] == '2') ||
                               (*c == 'V' && VALID[v][p] == 'U');
                    assert_int_equal(fx[k].how, conf ? USCC_FIX_CONFUSABLE : USCC_FIX_SUBST);
                } else {
                    assert_true(fx[k].how == USCC_FIX_VISUAL || fx[k].how == USCC_FIX_SUBST);
                }
                assert_all_valid(fx, n);
                total += n;
            }
        }
    }
    assert_true(total > NVALID * USCC_LEN * 35);
}

static void test_visual(void **state)
{
    (void)state;
    uscc_fix fx[64];
    char label[128];
    /* 0 typed as D at position 12 */
    size_t n = uscc_suggest("53100000500D19795A", fx, 64);
    int k = find_fix(fx, n, "53100000500019795A");
    assert_true(k >= 0);
    assert_int_equal(fx[k].how, USCC_FIX_VISUAL);
    assert_string_equal(uscc_fix_label(&fx[k], label, sizeof label), "第12位 D→0（形近字符）");
    /* Already valid: nothing to fix */
    assert_int_equal(uscc_suggest("12440300MB2C92173E", fx, 64), 0);
    /* 8 typed as B */
    n = uscc_suggest("9144030070B461136T", fx, 64);
    k = find_fix(fx, n, "91440300708461136T");
    assert_true(k >= 0);
    assert_int_equal(fx[k].how, USCC_FIX_VISUAL);
    /* A visual candidate outranks every plain substitution and transposition */
    for (int i = 0; i < k; i++)
        assert_true(fx[i].how <= USCC_FIX_VISUAL);
}

static void test_suggest_transpose(void **state)
{
    (void)state;
    uscc_fix fx[64];
    char m[USCC_LEN + 1];
    int tried = 0;
    for (size_t v = 0; v < NVALID; v++) {
        for (int p = 0; p + 1 < USCC_LEN; p++) {
            if (VALID[v][p] == VALID[v][p + 1])
                continue;
            memcpy(m, VALID[v], sizeof m);
            m[p] = VALID[v][p + 1];
            m[p + 1] = VALID[v][p];
            if (parse(m).check_ok)
                continue; /* only possible when the check character itself moves */
            size_t n = uscc_suggest(m, fx, 64);
            int k = find_fix(fx, n, VALID[v]);
            if (k < 0)
                fail_msg("%s (from %s): original not suggested", m, VALID[v]);
            assert_int_equal(fx[k].how, USCC_FIX_TRANSPOSE);
            assert_int_equal(fx[k].pos, p + 1);
            assert_all_valid(fx, n);
            tried++;
        }
    }
    assert_true(tried > 50);
}

static void test_suggest_ranking(void **state)
{
    (void)state;
    uscc_fix fx[64], few[3];
    size_t n = uscc_suggest("53100000500020462H", fx, 64);
    assert_true(n > 3);
    assert_all_valid(fx, n);
    int k = find_fix(fx, n, "53100000500020462K");
    assert_true(k >= 0);
    assert_int_equal(fx[k].how, USCC_FIX_SUBST);
    assert_int_equal(fx[k].pos, 18);
    /* A typo in the check character comes first: the look-alike swaps 0->Q, 0->D that
     * would also satisfy the check break GB 11714, so they rank after it. */
    assert_int_equal(k, 0);
    /* Same plausibility and class: by position */
    for (size_t i = 1; i < n; i++)
        if (fx[i - 1].how == fx[i].how && weakness(fx[i - 1].code) == weakness(fx[i].code))
            assert_true(fx[i - 1].pos < fx[i].pos);
    /* max limits the output to the best ones */
    assert_int_equal(uscc_suggest("53100000500020462H", few, 3), 3);
    for (int i = 0; i < 3; i++)
        assert_string_equal(few[i].code, fx[i].code);
    assert_int_equal(uscc_suggest("53100000500020462H", NULL, 0), 0);
    /* Candidates with an unknown position 1/2 pair are dropped */
    for (size_t i = 0; i < n; i++)
        assert_non_null(parse(fx[i].code).type_label);
    /* 16 characters, empty, or not ASCII: nothing (17 and 19: test_suggest_length) */
    assert_int_equal(uscc_suggest("531000005000204H", fx, 64), 0);
    assert_int_equal(uscc_suggest("", fx, 64), 0);
    assert_int_equal(uscc_suggest("5310000050002046中", fx, 64), 0);
}

/* One character left out or one too many: the codes one insertion or deletion away. */
static void test_suggest_length(void **state)
{
    (void)state;
    uscc_fix fx[64];
    for (size_t v = 0; v < NVALID; v++) {
        for (size_t at = 0; at < 18; at++) {
            char shorter[18], longer[20];
            memcpy(shorter, VALID[v], at);
            memcpy(shorter + at, VALID[v] + at + 1, 18 - at); /* with the NUL */
            size_t n = uscc_suggest(shorter, fx, 64);
            int k = find_fix(fx, n, VALID[v]);
            if (k < 0)
                fail_msg("%s without position %zu: %s not suggested", shorter, at + 1, VALID[v]);
            assert_int_equal(fx[k].how, USCC_FIX_INSERT);
            assert_all_valid(fx, n);
            for (const char *a = ALPHA; *a; a++) {
                memcpy(longer, VALID[v], at);
                longer[at] = *a;
                memcpy(longer + at + 1, VALID[v] + at, 19 - at);
                n = uscc_suggest(longer, fx, 64);
                k = find_fix(fx, n, VALID[v]);
                if (k < 0)
                    fail_msg("%s: %s not suggested", longer, VALID[v]);
                assert_int_equal(fx[k].how, USCC_FIX_DELETE);
            }
        }
    }
    char buf[64];
    uscc_fix ins = {.code = "", .pos = 7, .how = USCC_FIX_INSERT, .from = 0, .to = '0'};
    assert_string_equal(uscc_fix_label(&ins, buf, sizeof buf), "第7位漏了0");
    uscc_fix del = {.code = "", .pos = 3, .how = USCC_FIX_DELETE, .from = '9', .to = 0};
    assert_string_equal(uscc_fix_label(&del, buf, sizeof buf), "第3位的9是多余的");
    /* A misread letter as well as a missing character is too far to guess. */
    assert_int_equal(uscc_suggest("5310000O50001979A", fx, 64), 0);
}

static void test_fix_label(void **state)
{
    (void)state;
    char buf[128];
    uscc_fix f = {.code = "53100000500019795A", .pos = 9, .how = USCC_FIX_CONFUSABLE,
                  .from = 'O', .to = '0'};
    assert_string_equal(uscc_fix_label(&f, buf, sizeof buf),
                        "第9位 O→0（字母O不在代码字符中，应为数字0）");
    f.how = USCC_FIX_CONFUSABLE;
    f.pos = 5;
    f.from = 'V';
    f.to = 'U';
    assert_string_equal(uscc_fix_label(&f, buf, sizeof buf),
                        "第5位 V→U（字母V不在代码字符中，应为字母U）");
    f.how = USCC_FIX_SUBST;
    f.pos = 18;
    f.from = 'H';
    f.to = 'K';
    assert_string_equal(uscc_fix_label(&f, buf, sizeof buf), "第18位 H→K");
    f.how = USCC_FIX_VISUAL;
    f.pos = 8;
    f.from = 'B';
    f.to = '8';
    assert_string_equal(uscc_fix_label(&f, buf, sizeof buf), "第8位 B→8（形近字符）");
    f.how = USCC_FIX_TRANSPOSE;
    f.pos = 3;
    assert_string_equal(uscc_fix_label(&f, buf, sizeof buf), "第3、4位互换");
    /* A small buffer is cut at a character boundary: "第" is 3 bytes, "3" one, "、" 3 */
    assert_string_equal(uscc_fix_label(&f, buf, 6), "第3");
    assert_string_equal(uscc_fix_label(&f, buf, 3), "");
    buf[0] = 'x';
    assert_ptr_equal(uscc_fix_label(&f, buf, 0), buf);
    assert_int_equal(buf[0], 'x');

    /* A suggestion's own label */
    uscc_fix fx[64];
    size_t n = uscc_suggest("53100000500020462H", fx, 64);
    int k = find_fix(fx, n, "53100000500020462K");
    assert_true(k >= 0);
    assert_string_equal(uscc_fix_label(&fx[k], buf, sizeof buf), "第18位 H→K");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alphabet),
        cmocka_unit_test(test_valid_vectors),
        cmocka_unit_test(test_invalid_check),
        cmocka_unit_test(test_orgcode),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_not_a_code),
        cmocka_unit_test(test_bad_symbols),
        cmocka_unit_test(test_labels_and_region),
        cmocka_unit_test(test_suggest_confusable),
        cmocka_unit_test(test_suggest_multi_confusable),
        cmocka_unit_test(test_suggest_property),
        cmocka_unit_test(test_visual),
        cmocka_unit_test(test_suggest_transpose),
        cmocka_unit_test(test_suggest_ranking),
        cmocka_unit_test(test_suggest_length),
        cmocka_unit_test(test_fix_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
