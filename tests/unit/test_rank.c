/* gk_bm25 against FTS5's bm25: the same scores when the frequencies are exact (one-token
 * phrases), the same order for one-phrase queries, and the idf argument in phrase order. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "rank.h"
#include "xalloc.h"
#include "zh_fts5.h"

static sqlite3 *db;

static int setup(void **state)
{
    (void)state;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || zh_fts5_register(db) != SQLITE_OK)
        return -1;
    if (sqlite3_exec(db, "CREATE TABLE doc(id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
                         "CREATE VIRTUAL TABLE doc_fts USING fts5(body, title, content='doc', "
                         "content_rowid='id', tokenize='zh');",
                     NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    const char *words[] = {"民政", "救助", "养老", "服务", "社会", "组织", "低保", "标准", "慈善", "信托"};
    uint64_t x = 7;
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "INSERT INTO doc(title, body) VALUES (?1, ?2)", -1, &st, NULL);
    for (int i = 0; i < 300; i++) {
        buf_t t, b;
        buf_init(&t);
        buf_init(&b);
        for (int k = 0; k < 3; k++) {
            x = x * 6364136223846793005ULL + 1;
            buf_adds(&t, words[(x >> 33) % 10]);
        }
        int n = 5 + (int)((x >> 40) % 40);
        for (int k = 0; k < n; k++) {
            x = x * 6364136223846793005ULL + 1;
            buf_adds(&b, words[(x >> 33) % 10]);
            if ((x >> 50) % 4 == 0)
                buf_adds(&b, "，");
        }
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, t.s, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, b.s, -1, SQLITE_TRANSIENT);
        sqlite3_step(st);
        buf_free(&t);
        buf_free(&b);
    }
    sqlite3_finalize(st);
    if (sqlite3_exec(db, "INSERT INTO doc_fts(doc_fts) VALUES('rebuild')", NULL, NULL, NULL))
        return -1;
    return rank_register(db) == SQLITE_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sqlite3_close(db);
    return 0;
}

/* Scores of both functions for every matching row, compared pairwise. */
static void compare(const char *input, int expect_equal_scores)
{
    query q;
    assert_int_equal(query_build(input, strlen(input), NULL, 0, &q), 0);
    char *idf = rank_idf_arg(db, &q, 300, 10000);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT rowid, bm25(doc_fts, 1.0, 3.0), gk_bm25(doc_fts, ?2) "
                                        "FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, q.fts, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, idf, -1, SQLITE_STATIC);
    double prev_a = 0, prev_b = 0;
    int rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        double a = sqlite3_column_double(st, 1), b = sqlite3_column_double(st, 2);
        if (expect_equal_scores && fabs(a - b) > 1e-6 * fabs(a) + 1e-9)
            fail_msg("%s row %d: bm25 %.9g, gk_bm25 %.9g", input, sqlite3_column_int(st, 0), a, b);
        /* the order of any two rows is the same under both */
        if (rows && ((a < prev_a) != (b < prev_b)) && fabs(a - prev_a) > 1e-9)
            fail_msg("%s: bm25 and gk_bm25 order rows differently", input);
        prev_a = a;
        prev_b = b;
        rows++;
    }
    assert_true(rows > 0);
    sqlite3_finalize(st);
    free(idf);
    query_free(&q);
}

static void test_same_scores_for_single_tokens(void **state)
{
    (void)state;
    /* with two phrases the idf values are exact counts: scores equal bm25's */
    compare("民政 OR 低保", 1);
    compare("慈善 救助", 1);
    compare("养老服务 OR 组织", 1);
}

static void test_same_order_for_phrases(void **state)
{
    (void)state;
    compare("养老服务", 0);
    compare("社会组织", 0);
    compare("民", 0);
}

static void test_idf_argument(void **state)
{
    (void)state;
    query q;
    const char *in = "民政 -信托 低保";
    query_build(in, strlen(in), NULL, 0, &q);
    char *idf = rank_idf_arg(db, &q, 300, 10000);
    /* three phrases: 民政, 低保, then the excluded 信托 */
    int commas = 0;
    for (char *p = idf; *p; p++)
        commas += *p == ',';
    assert_int_equal(commas, 2);
    free(idf);
    query_free(&q);
    /* prefix phrases (one character, or ending in one) get finite, positive weights */
    const char *in2 = "民 救助标 2022年";
    query_build(in2, strlen(in2), NULL, 0, &q);
    idf = rank_idf_arg(db, &q, 300, 10000);
    for (char *p = idf; *p;) {
        char *end;
        double v = strtod(p, &end);
        assert_true(end != p);
        if (!(v > 0 && v < 100))
            fail_msg("idf %s has %g", idf, v);
        p = *end == ',' ? end + 1 : end;
    }
    free(idf);
    query_free(&q);
}

/* With windows, only the first rows met in each range are scored. */
static void test_windows(void **state)
{
    (void)state;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT rowid, gk_bm25(doc_fts, '', '1:150:5;151:300:3') "
                                        "FROM doc_fts WHERE doc_fts MATCH '\"民政\"' "
                                        "ORDER BY rowid DESC",
                                        -1, &st, NULL),
                     SQLITE_OK);
    int rows = 0, scored_low = 0, scored_high = 0;
    long long last_high = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        rows++;
        if (sqlite3_column_type(st, 1) == SQLITE_NULL)
            continue;
        long long id = sqlite3_column_int64(st, 0);
        if (id <= 150)
            scored_low++;
        else {
            scored_high++;
            last_high = id;
        }
    }
    sqlite3_finalize(st);
    assert_true(rows > 8);
    assert_int_equal(scored_high, 3); /* the newest 3 of 151..300 */
    assert_int_equal(scored_low, 5);  /* the newest 5 of 1..150 */
    assert_true(last_high > 150);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_scores_for_single_tokens),
        cmocka_unit_test(test_same_order_for_phrases),
        cmocka_unit_test(test_idf_argument),
        cmocka_unit_test(test_windows),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
