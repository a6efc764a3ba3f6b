/* CSV/TSV reader: RFC 4180 quoting, line numbers across embedded newlines, errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "csv.h"

/* Reads the next record and checks its line and fields (NULL-terminated list). */
static void expect_row(csv_reader *r, size_t line, ...)
{
    csv_row row;
    char err[200] = "";
    int rc = csv_next(r, &row, err, sizeof err);
    if (rc != 1)
        fail_msg("expected a record at line %zu, got %d (%s)", line, rc, err);
    assert_int_equal(row.line, line);
    va_list ap;
    va_start(ap, line);
    size_t i = 0;
    const char *want;
    while ((want = va_arg(ap, const char *)) != NULL) {
        if (i >= row.nfields)
            fail_msg("line %zu: only %zu fields, wanted \"%s\"", line, row.nfields, want);
        assert_string_equal(row.fields[i], want);
        assert_int_equal(row.lens[i], strlen(want));
        i++;
    }
    va_end(ap);
    assert_int_equal(row.nfields, i);
}

static void expect_end(csv_reader *r)
{
    csv_row row;
    char err[200] = "";
    assert_int_equal(csv_next(r, &row, err, sizeof err), 0);
    assert_int_equal(csv_next(r, &row, err, sizeof err), 0);
}

static void expect_error(csv_reader *r, const char *msg)
{
    csv_row row;
    char err[200] = "";
    assert_int_equal(csv_next(r, &row, err, sizeof err), -1);
    assert_string_equal(err, msg);
    /* the error stays */
    err[0] = '\0';
    assert_int_equal(csv_next(r, &row, err, sizeof err), -1);
    assert_string_equal(err, msg);
}

static void open_str(csv_reader *r, const char *s)
{
    csv_init(r, s, strlen(s), ',', 1);
}

static void test_simple(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "id,title,date\n1,民政部公告,2023-01-05\n2,养老服务,2023-02-01\n");
    expect_row(&r, 1, "id", "title", "date", NULL);
    expect_row(&r, 2, "1", "民政部公告", "2023-01-05", NULL);
    expect_row(&r, 3, "2", "养老服务", "2023-02-01", NULL);
    expect_end(&r);
    csv_free(&r);
}

static void test_quoted(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "\"a,b\",c\n"
                 "\"he said \"\"hi\"\"\",\"\"\"\",x\n"
                 "\"\",\"民政,救助\"\n");
    expect_row(&r, 1, "a,b", "c", NULL);
    expect_row(&r, 2, "he said \"hi\"", "\"", "x", NULL);
    expect_row(&r, 3, "", "民政,救助", NULL);
    expect_end(&r);
    csv_free(&r);
}

static void test_embedded_newlines(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "1,\"第一行\n第二行\n第三行\",x\n"
                 "2,y,z\n"
                 "3,\"\n\",end\n"
                 "4,last\n");
    expect_row(&r, 1, "1", "第一行\n第二行\n第三行", "x", NULL);
    expect_row(&r, 4, "2", "y", "z", NULL);
    expect_row(&r, 5, "3", "\n", "end", NULL);
    expect_row(&r, 7, "4", "last", NULL);
    expect_end(&r);
    csv_free(&r);
}

static void test_crlf(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "a,b\r\n1,\"x\r\ny\"\r\n\"q\",2\r\n3,\r\n\r\n4,\"z\"\r");
    expect_row(&r, 1, "a", "b", NULL);
    expect_row(&r, 2, "1", "x\ny", NULL);
    expect_row(&r, 4, "q", "2", NULL);
    expect_row(&r, 5, "3", "", NULL);
    expect_row(&r, 7, "4", "z", NULL);
    expect_end(&r);
    csv_free(&r);
    /* a CR that is not part of CRLF is data */
    open_str(&r, "a\rb,c\n");
    expect_row(&r, 1, "a\rb", "c", NULL);
    expect_end(&r);
    csv_free(&r);
}

static void test_tsv(void **state)
{
    (void)state;
    csv_reader r;
    const char *s = "id\ttitle\n1\t\"引号\"内容\t\"a,b\"\n2\t\"open\n";
    csv_init(&r, s, strlen(s), '\t', 0);
    expect_row(&r, 1, "id", "title", NULL);
    expect_row(&r, 2, "1", "\"引号\"内容", "\"a,b\"", NULL);
    csv_row row;
    char err[100];
    assert_int_equal(csv_next(&r, &row, err, sizeof err), 1);
    assert_int_equal(row.warnings, 0);
    assert_string_equal(row.fields[1], "\"open");
    expect_end(&r);
    csv_free(&r);
}

static void test_unterminated(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "a,b\n1,\"open\nmore\nstill\n");
    expect_row(&r, 1, "a", "b", NULL);
    expect_error(&r, "line 4: unterminated quoted field (opened at line 2)");
    csv_free(&r);
    open_str(&r, "\"never closed");
    expect_error(&r, "line 1: unterminated quoted field (opened at line 1)");
    csv_free(&r);
    /* an escaped quote at the very end does not close the field */
    open_str(&r, "x\n\"ab\"\"");
    expect_row(&r, 1, "x", NULL);
    expect_error(&r, "line 2: unterminated quoted field (opened at line 2)");
    csv_free(&r);
}

static void test_junk_after_quote(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "x\n\"ab\"c,d\n");
    expect_row(&r, 1, "x", NULL);
    expect_error(&r, "line 2: unexpected character after closing quote");
    csv_free(&r);
    /* the line counts the newlines inside the quotes */
    open_str(&r, "\"a\nb\" ,c\n");
    expect_error(&r, "line 2: unexpected character after closing quote");
    csv_free(&r);
}

static void test_stray_quote_warning(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "ok,fine\n1,ab\"c,d\"e\"\n");
    csv_row row;
    char err[100];
    assert_int_equal(csv_next(&r, &row, err, sizeof err), 1);
    assert_int_equal(row.warnings, 0);
    assert_int_equal(row.warn_line, 0);
    assert_int_equal(csv_next(&r, &row, err, sizeof err), 1);
    assert_int_equal(row.nfields, 3);
    assert_string_equal(row.fields[1], "ab\"c");
    assert_string_equal(row.fields[2], "d\"e\"");
    assert_int_equal(row.warnings, 3);
    assert_int_equal(row.warn_line, 2);
    assert_int_equal(row.warn_field, 1);
    expect_end(&r);
    csv_free(&r);
}

static void test_empty_fields(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "a,b,\n,\na,,c\n\"\"\n,,\"\"");
    expect_row(&r, 1, "a", "b", "", NULL);
    expect_row(&r, 2, "", "", NULL);
    expect_row(&r, 3, "a", "", "c", NULL);
    expect_row(&r, 4, "", NULL);
    expect_row(&r, 5, "", "", "", NULL);
    expect_end(&r);
    csv_free(&r);
}

static void test_empty_lines_and_end(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "\n\na\n\n\r\nb\n\n");
    expect_row(&r, 3, "a", NULL);
    expect_row(&r, 6, "b", NULL);
    expect_end(&r);
    csv_free(&r);
    open_str(&r, "a,b\n1,2");
    expect_row(&r, 1, "a", "b", NULL);
    expect_row(&r, 2, "1", "2", NULL);
    expect_end(&r);
    csv_free(&r);
    open_str(&r, "");
    expect_end(&r);
    csv_free(&r);
    csv_init(&r, NULL, 0, ',', 1);
    expect_end(&r);
    csv_free(&r);
    /* the length bounds the data, not a NUL */
    csv_init(&r, "a,b\nc,d", 5, ',', 1);
    expect_row(&r, 1, "a", "b", NULL);
    expect_row(&r, 2, "c", NULL);
    expect_end(&r);
    csv_free(&r);
}

static void test_huge_field(void **state)
{
    (void)state;
    const size_t big = 10u * 1024 * 1024, half = big / 2;
    /* "1,<big x>\n" then a quoted field "<half y>""<half y>" and a normal record */
    size_t len = 2 + big + 1 + 1 + half + 2 + half + 2 + 6;
    char *s = malloc(len + 1);
    assert_non_null(s);
    size_t o = 0;
    memcpy(s + o, "1,", 2);
    o += 2;
    memset(s + o, 'x', big);
    o += big;
    s[o++] = '\n';
    s[o++] = '"';
    memset(s + o, 'y', half);
    o += half;
    memcpy(s + o, "\"\"", 2);
    o += 2;
    memset(s + o, 'y', half);
    o += half;
    memcpy(s + o, "\"\n2,end\n", 8);
    o += 8;
    assert_int_equal(o, len);

    csv_reader r;
    csv_init(&r, s, len, ',', 1);
    csv_row row;
    char err[100];
    assert_int_equal(csv_next(&r, &row, err, sizeof err), 1);
    assert_int_equal(row.nfields, 2);
    assert_int_equal(row.lens[1], big);
    assert_int_equal(strlen(row.fields[1]), big);
    assert_int_equal(row.fields[1][big - 1], 'x');
    assert_int_equal(csv_next(&r, &row, err, sizeof err), 1);
    assert_int_equal(row.line, 2);
    assert_int_equal(row.nfields, 1);
    assert_int_equal(row.lens[0], big + 1);
    assert_int_equal(row.fields[0][half - 1], 'y');
    assert_int_equal(row.fields[0][half], '"');
    assert_int_equal(row.fields[0][half + 1], 'y');
    assert_int_equal(row.fields[0][big], 'y');
    assert_int_equal(row.fields[0][big + 1], '\0');
    expect_row(&r, 3, "2", "end", NULL);
    expect_end(&r);
    csv_free(&r);
    free(s);
}

static void test_bom_and_columns(void **state)
{
    (void)state;
    csv_reader r;
    open_str(&r, "\xEF\xBB\xBF\"id\",Title , 标题　,Date\n1,2,3,4\n");
    csv_row row;
    char err[100];
    assert_int_equal(csv_next(&r, &row, err, sizeof err), 1);
    assert_int_equal(row.warnings, 0);
    assert_string_equal(row.fields[0], "id");
    assert_int_equal(csv_find_column(&row, "id"), 0);
    assert_int_equal(csv_find_column(&row, "ID"), 0);
    assert_int_equal(csv_find_column(&row, "title"), 1);
    assert_int_equal(csv_find_column(&row, "标题"), 2);
    assert_int_equal(csv_find_column(&row, " date "), 3);
    assert_int_equal(csv_find_column(&row, "dat"), -1);
    assert_int_equal(csv_find_column(&row, "url"), -1);
    assert_int_equal(csv_find_column(&row, ""), -1);
    csv_free(&r);

    /* a header whose first field still has the BOM (read without csv_init's help) */
    char f0[] = "\xEF\xBB\xBFId";
    char f1[] = "name";
    char *fields[] = {f0, f1};
    csv_row h = {.nfields = 2, .fields = fields, .lens = NULL, .line = 1};
    assert_int_equal(csv_find_column(&h, "id"), 0);
    assert_int_equal(csv_find_column(&h, "NAME"), 1);
    /* only the first field may carry one */
    char g1[] = "\xEF\xBB\xBFname";
    fields[1] = g1;
    assert_int_equal(csv_find_column(&h, "name"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple),
        cmocka_unit_test(test_quoted),
        cmocka_unit_test(test_embedded_newlines),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_tsv),
        cmocka_unit_test(test_unterminated),
        cmocka_unit_test(test_junk_after_quote),
        cmocka_unit_test(test_stray_quote_warning),
        cmocka_unit_test(test_empty_fields),
        cmocka_unit_test(test_empty_lines_and_end),
        cmocka_unit_test(test_huge_field),
        cmocka_unit_test(test_bom_and_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
