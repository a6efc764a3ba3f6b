/* Display conversion with OpenCC: both directions, no conversion for "original", names,
 * and the segment-wise conversion that keeps highlight spans on the matched text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "output.h"

static void check(enum convert_script s, const char *in, const char *want)
{
    size_t n = 0;
    char *out = convert_text(s, in, strlen(in), &n);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
    free(out);
}

static void test_t2s(void **state)
{
    (void)state;
    check(CONVERT_SIMPLIFIED, "規範性檔案", "规范性档案");
    check(CONVERT_SIMPLIFIED, "民政部2022年政務公開工作要點", "民政部2022年政务公开工作要点");
    /* Already Simplified text and ASCII pass through. */
    check(CONVERT_SIMPLIFIED, "社会救助 abc 123", "社会救助 abc 123");
}

static void test_s2t(void **state)
{
    (void)state;
    check(CONVERT_TRADITIONAL, "规范", "規範");
    check(CONVERT_TRADITIONAL, "社会救助暂行办法", "社會救助暫行辦法");
}

static void test_original_unchanged(void **state)
{
    (void)state;
    check(CONVERT_ORIGINAL, "規範性檔案 与 规范性文件", "規範性檔案 与 规范性文件");
    /* Only len bytes are taken. */
    size_t n;
    char *out = convert_text(CONVERT_SIMPLIFIED, "規範性檔案", strlen("規範"), &n);
    assert_string_equal(out, "规范");
    free(out);
    out = convert_text(CONVERT_TRADITIONAL, "", 0, &n);
    assert_string_equal(out, "");
    assert_int_equal(n, 0);
    free(out);
}

static void test_names(void **state)
{
    (void)state;
    enum convert_script s;
    assert_int_equal(convert_parse("simplified", &s), 0);
    assert_int_equal(s, CONVERT_SIMPLIFIED);
    assert_int_equal(convert_parse("traditional", &s), 0);
    assert_int_equal(s, CONVERT_TRADITIONAL);
    assert_int_equal(convert_parse("original", &s), 0);
    assert_int_equal(s, CONVERT_ORIGINAL);
    assert_int_equal(convert_parse("繁", &s), 0);
    assert_int_equal(s, CONVERT_TRADITIONAL);
    assert_int_equal(convert_parse("klingon", &s), -1);
    assert_int_equal(convert_parse(NULL, &s), -1);
    assert_string_equal(convert_name(CONVERT_TRADITIONAL), "traditional");
}

/* Invalid UTF-8 is refused by OpenCC: the text comes back as it was, no crash. */
static void test_invalid_input_copied(void **state)
{
    (void)state;
    size_t n;
    char *out = convert_text(CONVERT_SIMPLIFIED, "規\xff範", 7, &n);
    assert_int_equal(n, 7);
    assert_memory_equal(out, "規\xff範", 7);
    free(out);
}

/* The span covers 檔案 in "規範性檔案公開"; after t2s it must cover 档案. */
static void test_segments_keep_spans(void **state)
{
    (void)state;
    const char *text = "規範性檔案公開";
    size_t s = strlen("規範性");
    hl_spans spans = {0};
    hl_span one = {s, s + strlen("檔案"), 0};
    spans.v = &one;
    spans.n = spans.cap = 1;
    out_text t;
    out_text_make(&t, text, 0, strlen(text), &spans, 0, CONVERT_SIMPLIFIED);
    assert_string_equal(t.s, "规范性档案公开");
    assert_int_equal(t.spans.n, 1);
    assert_int_equal(t.spans.v[0].end - t.spans.v[0].start, strlen("档案"));
    assert_memory_equal(t.s + t.spans.v[0].start, "档案", strlen("档案"));
    out_text_free(&t);

    /* s2t the other way round. */
    const char *simp = "社会救助暂行办法";
    hl_span two = {strlen("社会"), strlen("社会救助"), 0};
    spans.v = &two;
    out_text_make(&t, simp, 0, strlen(simp), &spans, 0, CONVERT_TRADITIONAL);
    assert_string_equal(t.s, "社會救助暫行辦法");
    assert_memory_equal(t.s + t.spans.v[0].start, "救助", t.spans.v[0].end - t.spans.v[0].start);
    out_text_free(&t);
}

static int setup_locale(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_t2s),
        cmocka_unit_test(test_s2t),
        cmocka_unit_test(test_original_unchanged),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_invalid_input_copied),
        cmocka_unit_test(test_segments_keep_spans),
    };
    int rc = cmocka_run_group_tests(tests, setup_locale, NULL);
    convert_close();
    return rc;
}
