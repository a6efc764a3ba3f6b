/* Policy Q&A, the reading side (core/qa.h) on tests/fixtures/qa: an item with its bases
 * (title, label, the version cited against the one in force, the article 法规 opens, why
 * one is unresolved) and its outdated reason; search by a colloquial form and by
 * Traditional text; a category's items and the categories. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "orgtest.h"
#include "qa.h"

static char *dir, *db_path, *log_text;
static gk_db *h;

static int setup(void **state)
{
    (void)state;
    if (!(dir = ot_tmpdir("qa")))
        return -1;
    return ot_load_open(dir, "tests/fixtures/qa", "qa.db", &db_path, &log_text, &h) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(h);
    ot_rm_rf(dir);
    free(dir);
    free(db_path);
    free(log_text);
    return 0;
}

static long long id_of(const char *question)
{
    char *sql = sqlite3_mprintf("SELECT id FROM qa_item WHERE question = %Q", question);
    long long id = ot_scalar(h->h, sql);
    sqlite3_free(sql);
    return id;
}

static void test_item_with_bases(void **state)
{
    (void)state;
    qa_entry e;
    char *err = NULL;
    assert_int_equal(qa_get(h, id_of("示例保障由谁批准？"), &e, &err), 0);
    assert_true(e.outdated);
    assert_string_equal(qa_status_label(&e), "可能过时");
    assert_non_null(strstr(e.reason, "《示例救助办法》第二条在 2019-03-02 版中有改动"));
    assert_string_equal(e.variants, "保障谁来批\n找谁审批");
    assert_string_equal(qa_region_label(&e), "全国");
    assert_int_equal(e.nbases, 1);
    const qa_basis_t *b = &e.bases[0];
    assert_string_equal(b->title, "示例救助办法");
    assert_string_equal(b->label, "第二条");
    assert_string_equal(b->version, "2019-03-02");
    assert_string_equal(b->cited_version, "2014-02-21");
    assert_true(b->changed);
    assert_true(b->text_changed);
    assert_true(b->in_force);
    assert_string_equal(b->status, "现行有效");
    assert_true(b->node_id > 0);
    assert_int_equal(b->open_node, b->node_id); /* an article opens itself */
    assert_null(b->problem);
    qa_entry_free(&e);

    /* A 项 opens its article; the same article in both versions is not changed text. */
    assert_int_equal(qa_get(h, id_of("示例保障怎么申请？"), &e, &err), 0);
    assert_false(e.outdated);
    assert_int_equal(e.nbases, 2);
    assert_string_equal(e.bases[0].label, "第三条第（一）项");
    assert_true(e.bases[0].open_node != e.bases[0].node_id);
    assert_false(e.bases[0].text_changed);
    qa_entry_free(&e);

    /* Unresolved bases keep their text and say why; a repealed regulation is not in force. */
    assert_int_equal(qa_get(h, id_of("引用不存在的条文"), &e, &err), 0);
    assert_int_equal(e.nbases, 3);
    assert_int_equal(e.bases[0].node_id, 0);
    assert_non_null(strstr(e.bases[0].problem, "没有第九十条"));
    assert_null(e.bases[1].title);
    assert_string_equal(e.bases[1].ref_text, "不存在的示例条例第一条");
    qa_entry_free(&e);
    assert_int_equal(qa_get(h, id_of("旧补贴还能领吗？"), &e, &err), 0);
    assert_true(e.outdated);
    assert_false(e.bases[0].in_force);
    assert_string_equal(e.bases[0].status, "已废止");
    qa_entry_free(&e);

    assert_int_equal(qa_get(h, 999999, &e, &err), 1);
}

static void expect_first(const char *text, const char *category, const char *question)
{
    qa_result r;
    char *err = NULL;
    if (qa_search(h, text, category, 5, &r, &err) != 0)
        fail_msg("qa_search %s: %s", text, err ? err : "");
    if (!r.n || strcmp(r.items[0].question, question))
        fail_msg("qa_search %s: %zu items, first %s, expected %s", text, r.n,
                 r.n ? r.items[0].question : "none", question);
    qa_result_free(&r);
}

static void test_search(void **state)
{
    (void)state;
    expect_first("保障谁来批", NULL, "示例保障由谁批准？");        /* a colloquial form */
    expect_first("保障金哪天到賬", NULL, "示例保障金什么时候发？"); /* Traditional */
    expect_first("社會保障卡", "社会救助", "示例保障金什么时候发？");
    qa_result r;
    char *err = NULL;
    assert_int_equal(qa_search(h, "保障金", "慈善", 5, &r, &err), 0);
    assert_int_equal(r.n, 0);
    assert_int_equal(r.total, 0);
    qa_result_free(&r);
}

static void test_browse(void **state)
{
    (void)state;
    qa_result r;
    char *err = NULL;
    assert_int_equal(qa_browse(h, "社会救助", 20, &r, &err), 0);
    assert_int_equal(r.total, 6);
    assert_int_equal(r.n, 6);
    /* current items first, newest first */
    assert_false(r.items[0].outdated);
    assert_true(r.items[r.n - 1].outdated);
    qa_result_free(&r);
    assert_int_equal(qa_browse(h, "社会救助", 2, &r, &err), 0);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.total, 6);
    qa_result_free(&r);
    qa_category *v;
    int n = qa_categories(h, &v, &err);
    assert_int_equal(n, 1);
    assert_string_equal(v[0].name, "社会救助");
    assert_int_equal(v[0].count, 6);
    assert_int_equal(v[0].outdated, 3);
    qa_categories_free(v, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_item_with_bases),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_browse),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
