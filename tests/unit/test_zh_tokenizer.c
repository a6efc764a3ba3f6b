/* The zh tokenizer alone and registered with FTS5. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "xalloc.h"
#include "zh_fts5.h"
#include "zh_tokenizer.h"

/* Collects tokens as "tok@start-end tok@start-end ..." */
static int collect(void *ctx, const char *tok, int ntok, int start, int end)
{
    buf_t *b = ctx;
    if (b->len)
        buf_addc(b, ' ');
    buf_printf(b, "%.*s@%d-%d", ntok, tok, start, end);
    return 0;
}

static void check(const char *text, enum zh_mode mode, const char *expect)
{
    buf_t b;
    buf_init(&b);
    assert_int_equal(zh_tokenize(text, (int)strlen(text), mode, collect, &b), 0);
    if (strcmp(b.s ? b.s : "", expect) != 0)
        fail_msg("tokenize(%s, %s)\n  got:    %s\n  expect: %s", text, mode ? "query" : "doc",
                 b.s ? b.s : "", expect);
    buf_free(&b);
}

static void test_bigrams_and_tail(void **state)
{
    (void)state;
    check("民政部", ZH_DOC, "民政@0-6 政部@3-9 部@6-9");
    check("民", ZH_DOC, "民@0-3");
    check("民政部", ZH_QUERY, "民政@0-6 政部@3-9");
    check("民", ZH_QUERY, "民@0-3");
    /* a run that is not the last keeps its tail, so 政部2022 aligns with 民政部2022 */
    check("政部2022", ZH_QUERY, "政部@0-6 部@3-6 2022@6-10");
    check("2022年", ZH_QUERY, "2022@0-4 年@4-7");
    /* trailing punctuation does not end the query's last run */
    check("民政部，", ZH_QUERY, "民政@0-6 政部@3-9");
}

static void test_punctuation_and_words(void **state)
{
    (void)state;
    check("社会，救助", ZH_DOC, "社会@0-6 会@3-6 救助@9-15 助@12-15");
    check("IPv6 第6版", ZH_DOC, "ipv6@0-4 第@5-8 6@8-9 版@9-12");
    check("12349热线", ZH_DOC, "12349@0-5 热线@5-11 线@8-11");
    check("（一）", ZH_DOC, "一@3-6");
    check("", ZH_DOC, "");
    check("，。！", ZH_QUERY, "");
}

static void test_folding_keeps_offsets(void **state)
{
    (void)state;
    /* Traditional folds to Simplified; offsets stay in the original bytes */
    check("規範性檔案", ZH_DOC, "规范@0-6 范性@3-9 性档@6-12 档案@9-15 案@12-15");
    check("ＩＰｖ６", ZH_DOC, "ipv6@0-12");
    check("１２３４９", ZH_DOC, "12349@0-15");
}

static void test_invalid_utf8_is_separator(void **state)
{
    (void)state;
    check("民\xff政", ZH_DOC, "民@0-3 政@4-7");
    check("ab\xc3", ZH_DOC, "ab@0-2");
    check("a\xed\xa0\x80" "b", ZH_DOC, "a@0-1 b@4-5");
}

static void test_long_words_are_cut(void **state)
{
    (void)state;
    char text[200];
    memset(text, 'a', 130);
    text[130] = '\0';
    buf_t b;
    buf_init(&b);
    zh_tokenize(text, 130, ZH_DOC, collect, &b);
    /* 64 + 64 + 2 */
    assert_non_null(strstr(b.s, "@0-64 "));
    assert_non_null(strstr(b.s, "@64-128 "));
    assert_non_null(strstr(b.s, "@128-130"));
    buf_free(&b);
}

static int stop_after_two(void *ctx, const char *tok, int ntok, int start, int end)
{
    (void)tok;
    (void)ntok;
    (void)start;
    (void)end;
    int *n = ctx;
    return ++*n == 2 ? 7 : 0;
}

static void test_return_code_propagates(void **state)
{
    (void)state;
    int n = 0;
    assert_int_equal(zh_tokenize("社会救助", 12, ZH_DOC, stop_after_two, &n), 7);
    assert_int_equal(n, 2);
}

/* ---- through FTS5 ------------------------------------------------------------------ */

static long count(sqlite3 *db, const char *match)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st,
                                        NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW)
        fail_msg("MATCH %s: %s", match, sqlite3_errmsg(db));
    long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void test_fts5(void **state)
{
    (void)state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(zh_fts5_register(db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='zh');"
                                      "INSERT INTO t VALUES('開展行政規範性檔案集中公開');"
                                      "INSERT INTO t VALUES('民政部门户网站');"
                                      "INSERT INTO t VALUES('社会·救助 2022年底');"
                                      "INSERT INTO t VALUES('IPv6改造');",
                                      NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(count(db, "\"规范性\""), 1);
    assert_int_equal(count(db, "\"行政规范\""), 1);
    assert_int_equal(count(db, "\"民政\""), 1);
    assert_int_equal(count(db, "\"部门\""), 1);
    assert_int_equal(count(db, "\"民\"*"), 1);
    assert_int_equal(count(db, "\"站\"*"), 1);
    assert_int_equal(count(db, "\"政\"*"), 2);
    assert_int_equal(count(db, "\"会救\""), 0); /* not across punctuation */
    assert_int_equal(count(db, "\"社会救助\""), 0);
    assert_int_equal(count(db, "\"救助\""), 1);
    assert_int_equal(count(db, "\"2022年\"*"), 1);
    assert_int_equal(count(db, "\"ipv6\""), 1);
    assert_int_equal(count(db, "\"ＩＰＶ６\""), 1);
    assert_int_equal(count(db, "\"ip\"*"), 1);
    assert_int_equal(count(db, "\"ip\""), 0);
    /* a table with options is refused rather than silently misconfigured */
    assert_int_not_equal(
        sqlite3_exec(db, "CREATE VIRTUAL TABLE u USING fts5(b, tokenize='zh nonsense')", NULL,
                     NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bigrams_and_tail),
        cmocka_unit_test(test_punctuation_and_words),
        cmocka_unit_test(test_folding_keeps_offsets),
        cmocka_unit_test(test_invalid_utf8_is_separator),
        cmocka_unit_test(test_long_words_are_cut),
        cmocka_unit_test(test_return_code_propagates),
        cmocka_unit_test(test_fts5),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
