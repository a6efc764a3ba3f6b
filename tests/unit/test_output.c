/* Output helpers: marking spans in wide text, spans kept right through sanitising and
 * conversion, snippets, TSV/CSV/JSON escaping (controls, invalid UTF-8), code point
 * offsets in JSON, result lines and the encoder. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "u8.h"

/* Spans over the given substrings of text (each found after the previous one). */
static hl_spans spans_of(const char *text, const char *const *parts, size_t n)
{
    hl_spans s = {0};
    const char *from = text;
    for (size_t i = 0; i < n; i++) {
        const char *p = strstr(from, parts[i]);
        assert_non_null(p);
        s.v = xgrow(s.v, &s.cap, s.n + 1, sizeof *s.v);
        s.v[s.n++] = (hl_span){(size_t)(p - text), (size_t)(p - text) + strlen(parts[i]), (int)i};
        from = p + strlen(parts[i]);
    }
    return s;
}

static char *marked(const char *text, const hl_spans *spans, enum out_mark m,
                    enum convert_script script)
{
    out_text t;
    out_text_make(&t, text, 0, strlen(text), spans, 0, script);
    buf_t b;
    buf_init(&b);
    out_marked(&b, &t, m);
    out_text_free(&t);
    return buf_take(&b);
}

static void test_mark_wide(void **state)
{
    (void)state;
    const char *text = "社会救助暂行办法第十一条：最低生活保障";
    const char *const parts[] = {"救助", "最低生活保障"};
    hl_spans s = spans_of(text, parts, 2);
    char *r = marked(text, &s, OUT_MARK_BRACKETS, CONVERT_ORIGINAL);
    assert_string_equal(r, "社会«救助»暂行办法第十一条：«最低生活保障»");
    free(r);
    r = marked(text, &s, OUT_MARK_ANSI, CONVERT_ORIGINAL);
    assert_string_equal(r, "社会\033[7m救助\033[27m暂行办法第十一条：\033[7m最低生活保障\033[27m");
    free(r);
    r = marked(text, &s, OUT_MARK_NONE, CONVERT_ORIGINAL);
    assert_string_equal(r, text);
    free(r);
    /* A span at the very start and one at the very end. */
    const char *const edge[] = {"社会", "保障"};
    hl_spans e = spans_of(text, edge, 2);
    e.v[1].start = strlen(text) - strlen("保障"); /* the last 保障 */
    e.v[1].end = strlen(text);
    r = marked(text, &e, OUT_MARK_BRACKETS, CONVERT_ORIGINAL);
    assert_string_equal(r, "«社会»救助暂行办法第十一条：最低生活«保障»");
    free(r);
    hl_spans_free(&s);
    hl_spans_free(&e);
}

static void test_mark_parse(void **state)
{
    (void)state;
    enum out_mark m;
    assert_int_equal(out_mark_parse("ansi", &m), 0);
    assert_int_equal(m, OUT_MARK_ANSI);
    assert_int_equal(out_mark_parse("brackets", &m), 0);
    assert_int_equal(m, OUT_MARK_BRACKETS);
    assert_int_equal(out_mark_parse("none", &m), 0);
    assert_int_equal(m, OUT_MARK_NONE);
    assert_int_equal(out_mark_parse("bold", &m), -1);
    /* A file is no terminal: brackets. */
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(out_mark_default(f), OUT_MARK_BRACKETS);
    fclose(f);
}

/* Escape sequences and controls vanish; the spans move with the text they cover. */
static void test_sanitise_moves_spans(void **state)
{
    (void)state;
    const char *text = "前\033[31m红色\033[0m后\x01低保\xff末";
    const char *const parts[] = {"红色", "低保"};
    hl_spans s = spans_of(text, parts, 2);
    char *r = marked(text, &s, OUT_MARK_BRACKETS, CONVERT_ORIGINAL);
    assert_string_equal(r, "前«红色»后«低保»?末");
    assert_null(strchr(r, '\033'));
    free(r);
    /* A span of nothing but an escape sequence disappears instead of marking nothing. */
    const char *esc = "甲\033[31m乙";
    hl_spans e = {0};
    hl_span one = {strlen("甲"), strlen("甲\033[31m"), 0};
    e.v = &one;
    e.n = e.cap = 1;
    out_text t;
    out_text_make(&t, esc, 0, strlen(esc), &e, 0, CONVERT_ORIGINAL);
    assert_string_equal(t.s, "甲乙");
    assert_int_equal(t.spans.n, 0);
    out_text_free(&t);
    hl_spans_free(&s);
}

/* Conversion may change lengths; each span still covers its own converted text. */
static void test_segments_with_conversion(void **state)
{
    (void)state;
    const char *text = "規範性檔案應當在政府入口網站公開";
    const char *const parts[] = {"檔案", "網站"};
    hl_spans s = spans_of(text, parts, 2);
    char *r = marked(text, &s, OUT_MARK_BRACKETS, CONVERT_SIMPLIFIED);
    assert_string_equal(r, "规范性«档案»应当在政府入口«网站»公开");
    free(r);
    r = marked("规范性档案", NULL, OUT_MARK_BRACKETS, CONVERT_TRADITIONAL);
    assert_string_equal(r, "規範性檔案");
    free(r);
    hl_spans_free(&s);
}

/* Windows clip spans; the snippet gets "…" only where text was really cut. */
static void test_snippet(void **state)
{
    (void)state;
    const char *body = "第一段。\n申请最低生活保障的家庭，\n应当提出书面申请。";
    const char *const parts[] = {"最低", "书面"};
    hl_spans s = spans_of(body, parts, 2);
    size_t start = strlen("第一段。\n申请"), end = strlen(body) - strlen("申请。");
    out_text t;
    out_snippet(&t, body, start, end, &s, CONVERT_ORIGINAL, NULL);
    buf_t b;
    buf_init(&b);
    out_marked(&b, &t, OUT_MARK_BRACKETS);
    assert_string_equal(b.s, "…«最低»生活保障的家庭， 应当提出«书面»…");
    out_text_free(&t);
    buf_clear(&b);

    /* Whole body: no ellipsis, line breaks as spaces, outer breaks trimmed. */
    const char *whole = "\n第一条 内容\n第二行\n";
    out_snippet(&t, whole, 0, strlen(whole), NULL, CONVERT_ORIGINAL, NULL);
    assert_string_equal(t.s, "第一条 内容 第二行");
    out_text_free(&t);

    /* A window starting right after a line break is not "cut". */
    out_snippet(&t, whole, strlen("\n"), strlen(whole), NULL, CONVERT_ORIGINAL, NULL);
    assert_string_equal(t.s, "第一条 内容 第二行");
    out_text_free(&t);

    /* A span reaching past the window is clipped to it. */
    hl_spans wide = {0};
    hl_span one = {0, strlen(body), 0};
    wide.v = &one;
    wide.n = wide.cap = 1;
    out_snippet(&t, body, start, end, &wide, CONVERT_ORIGINAL, NULL);
    assert_int_equal(t.spans.n, 1);
    assert_int_equal(t.spans.v[0].start, strlen("…"));
    assert_int_equal(t.spans.v[0].end, t.len - strlen("…"));
    out_text_free(&t);
    buf_free(&b);
    hl_spans_free(&s);
}

static char *field(void (*fn)(buf_t *, const char *, size_t), const char *s, size_t len)
{
    buf_t b;
    buf_init(&b);
    fn(&b, s, len);
    return buf_take(&b);
}

static void test_tsv(void **state)
{
    (void)state;
    char *r = field(out_tsv_field, "a\tb\nc\r\x01\x7f" "d中", strlen("a\tb\nc\r\x01\x7f" "d中"));
    assert_string_equal(r, "a b c   d中");
    free(r);
    r = field(out_tsv_field, "bad\xff\xc3)", 6);
    assert_string_equal(r, "bad?" "?)");
    free(r);
    /* C1 controls (U+0085 NEL) are controls too. */
    r = field(out_tsv_field, "x\xc2\x85y", 4);
    assert_string_equal(r, "x y");
    free(r);
}

static void test_csv(void **state)
{
    (void)state;
    char *r = field(out_csv_field, "plain 文本", strlen("plain 文本"));
    assert_string_equal(r, "plain 文本");
    free(r);
    r = field(out_csv_field, "a,b", 3);
    assert_string_equal(r, "\"a,b\"");
    free(r);
    r = field(out_csv_field, "say \"hi\"", 8);
    assert_string_equal(r, "\"say \"\"hi\"\"\"");
    free(r);
    r = field(out_csv_field, "two\r\nlines", 10);
    assert_string_equal(r, "\"two\r\nlines\"");
    free(r);
    r = field(out_csv_field, "c\x01t\tx\xfe", 6);
    assert_string_equal(r, "c t x?");
    free(r);
    r = field(out_csv_field, "", 0);
    assert_string_equal(r, "");
    free(r);
}

/* Cells a spreadsheet would run as formulas are kept as text; numbers are left alone. */
static void test_csv_formula_guard(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"+86 10 1234", "\"'+86 10 1234\""},
        {"@SUM(A1)", "\"'@SUM(A1)\""},
        {"-cmd", "\"'-cmd\""},
        {"-", "\"'-\""},
        {"-12.5", "-12.5"},
        {"+3", "+3"},
        {"a=b", "a=b"},
        {"示例=1", "示例=1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *r = field(out_csv_field, cases[i].in, strlen(cases[i].in));
        assert_string_equal(r, cases[i].out);
        free(r);
    }
}

static void test_json_string(void **state)
{
    (void)state;
    const char in[] = "引号\"反斜杠\\换行\n制表\t\x01\x1f\x7f\xe2\x80\xa8坏\xff";
    char *r = field(out_json_string, in, sizeof in - 1);
    assert_string_equal(r, "\"引号\\\"反斜杠\\\\换行\\u000a制表\\u0009\\u0001\\u001f\\u007f"
                           "\\u2028坏?\"");
    free(r);
    r = field(out_json_string, "", 0);
    assert_string_equal(r, "\"\"");
    free(r);
    /* Truncated sequence at the end: one '?' per byte, never a read past the end. */
    r = field(out_json_string, "\xe4\xb8", 2);
    assert_string_equal(r, "\"??\"");
    free(r);
}

/* JSON spans count code points of the emitted string, not bytes. */
static void test_json_spans_code_points(void **state)
{
    (void)state;
    const char *text = "A中文b救助😀低保";
    const char *const parts[] = {"中文", "救助", "低保"};
    hl_spans s = spans_of(text, parts, 3);
    out_text t;
    out_text_make(&t, text, 0, strlen(text), &s, 0, CONVERT_ORIGINAL);
    buf_t b;
    buf_init(&b);
    out_json_spans(&b, &t);
    assert_string_equal(b.s, "[[1,3],[4,6],[7,9]]");
    buf_clear(&b);
    out_text_free(&t);
    out_text_make(&t, "无", 3, 3, NULL, 0, CONVERT_ORIGINAL);
    out_json_spans(&b, &t);
    assert_string_equal(b.s, "[]");
    out_text_free(&t);
    buf_free(&b);
    hl_spans_free(&s);
}

/* A snippet with "…" in front: offsets count the ellipsis as one code point. */
static void test_json_spans_after_ellipsis(void **state)
{
    (void)state;
    const char *body = "前文很长。最低生活保障";
    const char *const parts[] = {"最低"};
    hl_spans s = spans_of(body, parts, 1);
    out_text t;
    out_snippet(&t, body, strlen("前文很长。"), strlen(body), &s, CONVERT_ORIGINAL, NULL);
    assert_string_equal(t.s, "…最低生活保障");
    buf_t b;
    buf_init(&b);
    out_json_spans(&b, &t);
    assert_string_equal(b.s, "[[1,3]]");
    buf_free(&b);
    out_text_free(&t);
    hl_spans_free(&s);
}

static void test_hit_line(void **state)
{
    (void)state;
    search_hit h;
    memset(&h, 0, sizeof h);
    snprintf(h.domain, sizeof h.domain, "reg");
    char title[] = "社会救助暂行办法 第十一条", body[] = "申请最低生活保障\n按照下列程序办理";
    h.title = title;
    h.body = body;
    h.status = "现行有效";
    char date[] = "2019-03-02";
    h.date = date;
    const char *const tparts[] = {"救助"};
    const char *const bparts[] = {"最低"};
    h.title_spans = spans_of(h.title, tparts, 1);
    h.body_spans = spans_of(h.body, bparts, 1);
    h.snip_start = 0;
    h.snip_end = strlen(h.body);
    buf_t b;
    buf_init(&b);
    out_hit_line(&b, &h, 0, OUT_MARK_BRACKETS, CONVERT_ORIGINAL);
    assert_string_equal(b.s, "[法规] 社会«救助»暂行办法 第十一条 · 现行有效 · 2019-03-02  "
                             "申请«最低»生活保障 按照下列程序办理\n");
    buf_clear(&b);
    h.status = NULL;
    h.date = NULL;
    out_hit_line(&b, &h, 12, OUT_MARK_NONE, CONVERT_TRADITIONAL);
    assert_string_equal(b.s, "12. [法規] 社會救助暫行辦法 第十一條  申請最低生活保障 按照下列程序辦理\n");
    buf_free(&b);
    hl_spans_free(&h.title_spans);
    hl_spans_free(&h.body_spans);
}

static void test_summary(void **state)
{
    (void)state;
    search_result r;
    memset(&r, 0, sizeof r);
    r.total = 23;
    r.n = 10;
    r.ms = 1.3;
    snprintf(r.counts[0].domain, sizeof r.counts[0].domain, "reg");
    r.counts[0].count = 20;
    snprintf(r.counts[1].domain, sizeof r.counts[1].domain, "org");
    r.counts[1].count = 0;
    snprintf(r.counts[2].domain, sizeof r.counts[2].domain, "qa");
    r.counts[2].count = 3;
    r.ncounts = 3;
    buf_t b;
    buf_init(&b);
    out_summary(&b, &r, 10, 1, CONVERT_ORIGINAL);
    assert_string_equal(b.s, "共 23 条，显示 11–20（1.3 ms）  法规 20 · 问答 3\n");
    buf_clear(&b);
    r.n = 0;
    out_summary(&b, &r, 30, 0, CONVERT_ORIGINAL);
    assert_string_equal(b.s, "共 23 条（1.3 ms）\n");
    buf_free(&b);
}

/* out_flush through the GB18030 encoder round-trips. */
static void test_flush_gb18030(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    char err[128];
    textenc_out *o = textenc_out_open(f, "gb18030", err, sizeof err);
    assert_non_null(o);
    buf_t b;
    buf_init(&b);
    buf_adds(&b, "中文«标记»…");
    assert_int_equal(out_flush(o, &b), 0);
    assert_int_equal(b.len, 0);
    assert_int_equal(textenc_out_close(o), 0);
    rewind(f);
    char got[64] = {0};
    size_t n = fread(got, 1, sizeof got - 1, f);
    fclose(f);
    /* 中 = D6 D0, 文 = CE C4 in GB18030. */
    assert_true(n > 4);
    assert_memory_equal(got, "\xd6\xd0\xce\xc4", 4);
    textenc_result res;
    assert_int_equal(textenc_decode(got, n, TEXTENC_GB18030, &res, err, sizeof err), 0);
    assert_string_equal(res.text, "中文«标记»…");
    textenc_result_free(&res);
    buf_free(&b);
}

static int setup_locale(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mark_wide),
        cmocka_unit_test(test_mark_parse),
        cmocka_unit_test(test_sanitise_moves_spans),
        cmocka_unit_test(test_segments_with_conversion),
        cmocka_unit_test(test_snippet),
        cmocka_unit_test(test_tsv),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_csv_formula_guard),
        cmocka_unit_test(test_json_string),
        cmocka_unit_test(test_json_spans_code_points),
        cmocka_unit_test(test_json_spans_after_ellipsis),
        cmocka_unit_test(test_hit_line),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_flush_gb18030),
    };
    int rc = cmocka_run_group_tests(tests, setup_locale, NULL);
    convert_close();
    return rc;
}
