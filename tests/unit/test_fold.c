/* Fold table: width, case, compatibility ideographs, Traditional/Simplified classes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "utf8dec.h"

static uint32_t cp_of(const char *s)
{
    uint32_t cp;
    int valid;
    u8_decode((const unsigned char *)s, (const unsigned char *)s + strlen(s), &cp, &valid);
    return cp;
}

static void assert_same(const char *a, const char *b)
{
    uint32_t fa = fold_cp(cp_of(a)), fb = fold_cp(cp_of(b));
    if (fa != fb)
        fail_msg("%s (U+%04X -> U+%04X) and %s (U+%04X -> U+%04X) should fold together", a,
                 cp_of(a), fa, b, cp_of(b), fb);
}

static void assert_differ(const char *a, const char *b)
{
    assert_int_not_equal(fold_cp(cp_of(a)), fold_cp(cp_of(b)));
}

static void test_width_and_case(void **state)
{
    (void)state;
    assert_int_equal(fold_cp('A'), 'a');
    assert_int_equal(fold_cp(cp_of("Ａ")), 'a');
    assert_int_equal(fold_cp(cp_of("１")), '1');
    assert_int_equal(fold_cp(cp_of("（")), '(');
    assert_int_equal(fold_cp(0x3000), ' ');
    assert_int_equal(fold_cp(cp_of("Σ")), cp_of("σ"));
    assert_int_equal(fold_cp(cp_of("①")), '1');
}

static void test_traditional_simplified(void **state)
{
    (void)state;
    assert_same("規", "规");
    assert_same("範", "范");
    assert_same("檔", "档");
    assert_same("網", "网");
    assert_same("眾", "众");
    assert_same("臺", "台");
    assert_same("複", "复");
    assert_same("覆", "复"); /* 答覆 = 答复: merged through phrase alignment */
    assert_same("乾", "干");
    assert_same("幹", "干");
    assert_same("麵", "面");
    /* the representative is the Simplified member */
    assert_int_equal(fold_cp(cp_of("規")), cp_of("规"));
    assert_int_equal(fold_cp(cp_of("辦")), cp_of("办"));
    assert_int_equal(fold_cp(cp_of("廳")), cp_of("厅"));
    assert_differ("民", "政");
    assert_differ("文", "档");
}

static void test_compatibility_ideographs(void **state)
{
    (void)state;
    /* U+F900 is a compatibility form of U+8C48 (豈) */
    assert_int_equal(fold_cp(0xF900), fold_cp(0x8C48));
    /* Kangxi radical one (U+2F00) is 一 */
    assert_int_equal(fold_cp(0x2F00), 0x4E00);
}

static void test_idempotent_and_classes(void **state)
{
    (void)state;
    for (uint32_t c = 0; c < 0x32000; c++) {
        uint32_t f = fold_cp(c);
        if (fold_cp(f) != f)
            fail_msg("fold not idempotent at U+%04X", c);
    }
    assert_int_equal(fold_class_of('a'), FOLD_WORD);
    assert_int_equal(fold_class_of('7'), FOLD_WORD);
    assert_int_equal(fold_class_of(fold_cp(cp_of("é"))), FOLD_WORD);
    assert_int_equal(fold_class_of(cp_of("民")), FOLD_CJK);
    assert_int_equal(fold_class_of(cp_of("〇")), FOLD_CJK);
    assert_int_equal(fold_class_of(cp_of("，")), FOLD_SEP);
    assert_int_equal(fold_class_of(cp_of("《")), FOLD_SEP);
    assert_int_equal(fold_class_of(' '), FOLD_SEP);
    assert_int_equal(fold_class_of(0xFFFD), FOLD_SEP);
}

static void test_fold_utf8(void **state)
{
    (void)state;
    const char *in = "規範性檔案ＡＢＣ\xff";
    char *out = fold_utf8(in, strlen(in));
    assert_string_equal(out, "规范性档案abc\xef\xbf\xbd");
    free(out);
    assert_non_null(strstr(fold_stamp(), "zh/"));
    assert_non_null(strstr(fold_stamp(), "fold/"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width_and_case),
        cmocka_unit_test(test_traditional_simplified),
        cmocka_unit_test(test_compatibility_ideographs),
        cmocka_unit_test(test_idempotent_and_classes),
        cmocka_unit_test(test_fold_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
