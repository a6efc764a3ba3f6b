/* Query builder: expressions, vocabulary expansion, and hostile input against FTS5. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "highlight.h"
#include "query.h"
#include "vocab.h"
#include "xalloc.h"
#include "zh_fts5.h"

static void expect_fts(const char *input, const char *fts)
{
    query q;
    int rc = query_build(input, strlen(input), vocab_builtin(), 0, &q);
    if (rc != 0 || !q.fts || strcmp(q.fts, fts) != 0)
        fail_msg("query %s\n  got:    %s (rc %d)\n  expect: %s", input, q.fts ? q.fts : "(null)",
                 rc, fts);
    query_free(&q);
}

static void expect_nothing(const char *input, size_t len, const char *note_part)
{
    query q;
    assert_int_equal(query_build(input, len, vocab_builtin(), 0, &q), 1);
    assert_null(q.fts);
    assert_non_null(q.note);
    if (note_part && !strstr(q.note, note_part))
        fail_msg("note %s lacks %s", q.note, note_part);
    query_free(&q);
}

static void test_basic_terms(void **state)
{
    (void)state;
    expect_fts("民政", "(\"民政\")");
    expect_fts("民", "(\"民\"*)");
    expect_fts("2022年", "(\"2022年\"*)");
    expect_fts("民政 养老 2022", "(\"民政\") AND (\"养老\") AND (\"2022\")");
    expect_fts("ＩＰｖ６", "(\"ipv6\")");
    expect_fts("辦公廳", "(\"办公厅\")");
    expect_fts("ip*", "(\"ip\"*)");
    expect_fts("民政　养老", "(\"民政\") AND (\"养老\")"); /* U+3000 separates */
}

static void test_operators(void **state)
{
    (void)state;
    expect_fts("养老 OR 救助", "(\"养老\" OR \"救助\")");
    expect_fts("养老 | 救助 2022", "(\"养老\" OR \"救助\") AND (\"2022\")");
    expect_fts("民政 -养老", "(\"民政\") NOT \"养老\"");
    expect_fts("民政 NOT 养老", "(\"民政\") NOT \"养老\"");
    expect_fts("\"社会 救助\"", "(\"社会 救助\")");
    expect_fts("or and not", "(\"or\") AND (\"and\") AND (\"not\")");
    expect_fts("NEAR(民政", "(\"near(民政\")");
    expect_nothing("-养老", 7, "排除");
}

static void test_vocabulary(void **state)
{
    (void)state;
    expect_fts("规范性文件", "((\"规范性文件\" OR \"规范性档案\"))");
    expect_fts("行政規範性檔案", "((\"行政规范性档案\" OR \"行政规范性文件\"))");
    expect_fts("门户网站", "((\"门户网站\" OR \"入口网站\"))");
    expect_fts("低保", "((\"低保\" OR \"最低生活保障\"))");
    expect_fts("民非", "((\"民非\" OR \"民办非企业单位\" OR \"社会服务机构\"))");
    expect_fts("互联网协议", "((\"互联网协议\" OR \"网际网路协定\"))");
    expect_fts("优化智能检索", "((\"优化智能检索\" OR \"优化智慧型检索\" OR \"最佳化智能检索\" OR "
                               "\"最佳化智慧型检索\"))");
    query q;
    query_build("优化", 6, vocab_builtin(), 0, &q);
    assert_non_null(q.note);
    assert_non_null(strstr(q.note, "最佳化"));
    query_free(&q);
}

static void test_broad(void **state)
{
    (void)state;
    query q;
    query_build("养", 3, vocab_builtin(), 0, &q);
    assert_true(q.broad);
    query_free(&q);
    query_build("养老", 6, vocab_builtin(), 0, &q);
    assert_false(q.broad);
    query_free(&q);
    query_build("低", 3, vocab_builtin(), 0, &q);
    assert_true(q.broad);
    query_free(&q);
}

static void test_relax(void **state)
{
    (void)state;
    query q, r;
    query_build("社会救助暂行办法", strlen("社会救助暂行办法"), NULL, 0, &q);
    assert_int_equal(query_relax(&q, &r), 0);
    assert_string_equal(r.fts, "(\"社会\") AND (\"救助\") AND (\"暂行\") AND (\"办法\")");
    assert_non_null(r.note);
    query_free(&r);
    query_free(&q);
    query_build("社会救助暂行", strlen("社会救助暂"), NULL, 0, &q); /* 社会救助暂 (5 chars) */
    assert_int_equal(query_relax(&q, &r), 0);
    assert_string_equal(r.fts, "(\"社会\") AND (\"救助暂\")");
    query_free(&r);
    query_free(&q);
    query_build("民政", 6, NULL, 0, &q);
    assert_int_equal(query_relax(&q, &r), 1);
    query_free(&q);
}

/* Every hostile input builds something FTS5 accepts, or a note; never an SQL error. */
static void test_hostile_inputs(void **state)
{
    (void)state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(zh_fts5_register(db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='zh');"
                                  "INSERT INTO t VALUES('民政部', '社会救助 AND OR NOT near 2022年');",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    char big[30001];
    for (int i = 0; i < 10000; i++)
        memcpy(big + i * 3, "民", 3);
    big[30000] = '\0';
    char bigascii[10001];
    memset(bigascii, 'a', 10000);
    bigascii[10000] = '\0';
    char spaced[20001];
    for (int i = 0; i < 10000; i++) {
        spaced[2 * i] = (char)('a' + i % 26);
        spaced[2 * i + 1] = ' ';
    }
    spaced[20000] = '\0';
    const char *inputs[] = {
        "\"", "\"\"", "'", "(", ")", "()", "*", "**", "^", "-", ":", "AND", "OR", "NOT",
        "NEAR(", "NEAR(a b)", "a AND", "OR b", "民政 OR", "民政 NOT", "\"民政", "民政\"",
        "title:民政", "^民政", "民政*", "*民政", "民\"政", "a'b", "col:\"x\"", "{title}: 民政",
        "", " ", "　　", "，。！？", "《》〔〕", "- - -", "\x01\x02\x1b[31m", "\xff\xfe", "\xc3",
        "\xe6\xb0", "民\x00政", "\xed\xa0\x80", "\xc0\xaf", "\xef\xbb\xbf民政", "\xe2\x80\xae民政",
        "民政 AND OR NOT NEAR", "a|b", "|", "&", "&&", "-\"x\"", "\"a\"\"b\"", "(民政) OR (养老)",
        big, bigascii, spaced,
    };
    size_t lens[sizeof inputs / sizeof *inputs];
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        lens[i] = strlen(inputs[i]);
    lens[40] = 7; /* 民\0政 with its NUL */
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        query q;
        int rc = query_build(inputs[i], lens[i], vocab_builtin(), i % 2, &q);
        if (rc == 0) {
            sqlite3_stmt *st;
            assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1,
                                                &st, NULL),
                             SQLITE_OK);
            sqlite3_bind_text(st, 1, q.fts, -1, SQLITE_STATIC);
            int step = sqlite3_step(st);
            if (step != SQLITE_ROW)
                fail_msg("input #%zu gave %s: %s", i, q.fts, sqlite3_errmsg(db));
            sqlite3_finalize(st);
            hl_matcher *m = hl_matcher_new(&q);
            hl_spans sp = {0};
            hl_find(m, "民政部社会救助", strlen("民政部社会救助"), &sp);
            hl_spans_free(&sp);
            hl_matcher_free(m);
        } else {
            assert_null(q.fts);
            assert_non_null(q.note);
        }
        query_free(&q);
    }
    sqlite3_close(db);
}

static void test_truncation_note(void **state)
{
    (void)state;
    char big[3001];
    for (int i = 0; i < 1000; i++)
        memcpy(big + i * 3, "民", 3);
    big[3000] = '\0';
    query q;
    assert_int_equal(query_build(big, 3000, NULL, 0, &q), 0);
    assert_non_null(strstr(q.note, "查询过长"));
    query_free(&q);
    expect_nothing("（）", strlen("（）"), "标点");
    expect_nothing("", 0, "请输入");
}

/* ---- highlight --------------------------------------------------------------------- */

static char *marked(const char *input, const char *text)
{
    query q;
    query_build(input, strlen(input), vocab_builtin(), 0, &q);
    hl_matcher *m = hl_matcher_new(&q);
    hl_spans sp = {0};
    hl_find(m, text, strlen(text), &sp);
    buf_t b;
    buf_init(&b);
    size_t pos = 0;
    for (size_t i = 0; i < sp.n; i++) {
        buf_add(&b, text + pos, sp.v[i].start - pos);
        buf_adds(&b, "[");
        buf_add(&b, text + sp.v[i].start, sp.v[i].end - sp.v[i].start);
        buf_adds(&b, "]");
        pos = sp.v[i].end;
    }
    buf_adds(&b, text + pos);
    hl_spans_free(&sp);
    hl_matcher_free(m);
    query_free(&q);
    return buf_take(&b);
}

static void expect_marks(const char *input, const char *text, const char *expect)
{
    char *got = marked(input, text);
    if (strcmp(got, expect))
        fail_msg("highlight %s in %s\n  got:    %s\n  expect: %s", input, text, got, expect);
    free(got);
}

static void test_highlight(void **state)
{
    (void)state;
    expect_marks("民", "民政部辦公廳", "[民]政部辦公廳");
    expect_marks("部", "民政部辦公廳", "民政[部]辦公廳");
    expect_marks("民政部", "民政部辦公廳，民政部", "[民政部]辦公廳，[民政部]");
    expect_marks("办公厅", "民政部辦公廳", "民政部[辦公廳]");
    expect_marks("规范性文件", "開展行政規範性檔案集中公開", "開展行政[規範性檔案]集中公開");
    expect_marks("2022年", "2022年底前，2022 年", "[2022年]底前，[2022 年]");
    expect_marks("ip", "IPv6 和 ip 地址", "IPv6 和 [ip] 地址");
    expect_marks("ip*", "IPv6 和 ip 地址", "[IP]v6 和 [ip] 地址");
    expect_marks("ＩＰＶ６", "支持IPv6改造", "支持[IPv6]改造");
    expect_marks("救助", "社会救助，临时救助", "社会[救助]，临时[救助]");
    expect_marks("会救", "社会，救助", "社会，救助");
    expect_marks("民政 养老", "民政部门做好养老服务", "[民政]部门做好[养老]服务");
    expect_marks("低保", "最低生活保障（低保）", "[最低生活保障]（[低保]）");
    expect_marks("民政 -养老", "民政养老", "[民政]养老");
}

static void test_snippet(void **state)
{
    (void)state;
    const char *text = "一二三四五六七八九十一二三四五六七八九十民政部甲乙丙丁戊己庚辛壬癸";
    query q;
    query_build("民政", 6, NULL, 0, &q);
    hl_matcher *m = hl_matcher_new(&q);
    hl_spans sp = {0};
    hl_find(m, text, strlen(text), &sp);
    size_t s, e;
    hl_snippet(text, strlen(text), &sp, 10, &s, &e);
    /* 2 characters of lead (10/4), then 10 characters in all */
    assert_int_equal(e - s, 30);
    assert_memory_equal(text + s, "九十民政部", 15);
    hl_spans_free(&sp);
    hl_matcher_free(m);
    query_free(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_terms),   cmocka_unit_test(test_operators),
        cmocka_unit_test(test_vocabulary),    cmocka_unit_test(test_broad),
        cmocka_unit_test(test_relax),         cmocka_unit_test(test_hostile_inputs),
        cmocka_unit_test(test_truncation_note), cmocka_unit_test(test_highlight),
        cmocka_unit_test(test_snippet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
