/* The Q&A loader (loader/kind_qa.c, loader/qa_finish.c) on tests/fixtures/qa: every basis
 * form resolved to the node of the version in force, unresolvable bases and bad rows
 * reported with file:line (the item kept), items whose basis article changed since the
 * version they rest on (or whose regulation was repealed) marked possibly_outdated with
 * the reason, and one search unit per item found by question, colloquial form, answer
 * text and Traditional spelling. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "orgtest.h"
#include "search.h"

#include "qa_finish.h"

static char *dir, *db_path, *log_text;
static gk_db *h;
static int load_status;

static int setup(void **state)
{
    (void)state;
    if (!(dir = ot_tmpdir("qaload")))
        return -1;
    load_status = ot_load_open(dir, "tests/fixtures/qa", "qa.db", &db_path, &log_text, &h);
    return load_status < 0 ? -1 : 0;
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

static void expect_log(const char *text)
{
    if (!strstr(log_text, text))
        fail_msg("expected in the load's messages: %s\n--- got:\n%s", text, log_text);
}

/* "version|kind|label" of the node a basis (by its text) resolved to; "" when none. */
static char *basis_node(const char *ref_text)
{
    char *sql = sqlite3_mprintf(
        "SELECT coalesce(r.version_date, '') || '|' || coalesce(n.kind, '') || '|' || "
        "coalesce(n.label, '') FROM qa_basis b LEFT JOIN regulation r ON r.id = b.reg_id "
        "LEFT JOIN reg_node n ON n.id = b.node_id WHERE b.ref_text = %Q",
        ref_text);
    char *v = ot_text(h->h, sql);
    sqlite3_free(sql);
    if (!v)
        fail_msg("no basis %s", ref_text);
    return v;
}

static void expect_node(const char *ref_text, const char *want)
{
    char *got = basis_node(ref_text);
    if (strcmp(got, want))
        fail_msg("basis %s: got %s, expected %s", ref_text, got, want);
    free(got);
}

static char *item_field(const char *question, const char *column)
{
    char *sql = sqlite3_mprintf("SELECT coalesce(%s, '') FROM qa_item WHERE question = %Q", column,
                                question);
    char *v = ot_text(h->h, sql);
    sqlite3_free(sql);
    if (!v)
        fail_msg("no item %s", question);
    return v;
}

static void test_rows_and_validation(void **state)
{
    (void)state;
    assert_int_equal(load_status, 3); /* two rows rejected */
    assert_int_equal(ot_scalar(h->h, "SELECT count(*) FROM qa_item"), 7);
    expect_log("items.csv:8: error: 问题为空，本条未载入");
    expect_log("items.csv:9: error: 答复为空，本条未载入");
    expect_log("items.csv:10: warning: 未知的类别“救灾”");
    expect_log("items.csv:10: warning: 未知的平台“微信群”");
    expect_log("items.csv:10: warning: 地区“火星”不是区划代码或“全国”");
    expect_log("items.csv:10: warning: 发布日期 “2020-13-45” 不是日期");
    /* The row with warnings is kept, its bad fields left empty. */
    char *cat = item_field("类别写错的问题", "category");
    assert_string_equal(cat, "");
    free(cat);
    char *region = item_field("示例保障由谁批准？", "region_code");
    assert_string_equal(region, "000000");
    free(region);
    char *variants = item_field("示例保障由谁批准？", "variants");
    assert_string_equal(variants, "保障谁来批\n找谁审批");
    free(variants);
}

static void test_basis_forms(void **state)
{
    (void)state;
    /* Every form goes to the version in force (2019) and the node it names. */
    expect_node("示例救助办法第二条", "2019-03-02|条|第二条");
    expect_node("《示例救助办法》第三条第（一）项", "2019-03-02|项|（一）");
    expect_node("示例救助办法 第三条", "2019-03-02|条|第三条");
    expect_node("示例救助办法第四条第二款", "2019-03-02|款|第二款");
    expect_node("示例救助办法（2014年版）第二条", "2019-03-02|条|第二条");
    expect_node("示例旧办法第二条", "2010-01-01|条|第二条");
    /* The version named or in force at publication is kept as cited_reg_id. */
    assert_int_equal(ot_scalar(h->h, "SELECT count(*) FROM qa_basis b JOIN regulation r ON "
                                     "r.id = b.cited_reg_id WHERE r.version_date = '2014-02-21'"),
                     4);
}

static void test_unresolved(void **state)
{
    (void)state;
    expect_log("items.csv:7: warning: 依据“示例救助办法第九十条”未能对应到条文：《示例救助办法》"
               "没有第九十条（共 4 条）");
    expect_log("items.csv:7: warning: 依据“不存在的示例条例第一条”未能对应到条文：没有找到法规");
    expect_log("items.csv:7: warning: 依据“示例救助办法”未能对应到条文：只写了《示例救助办法》，"
               "没有写明条文");
    /* Kept, unresolved, with the problem stored; the regulation is known where it was. */
    expect_node("示例救助办法第九十条", "2019-03-02||");
    expect_node("不存在的示例条例第一条", "||");
    assert_int_equal(ot_scalar(h->h, "SELECT count(*) FROM qa_basis WHERE problem IS NOT NULL AND "
                                     "node_id IS NULL"),
                     3);
    char *st = item_field("引用不存在的条文", "status");
    assert_string_equal(st, "current");
    free(st);
}

static void expect_status(const char *question, const char *status, const char *reason)
{
    char *st = item_field(question, "status");
    char *why = item_field(question, "status_reason");
    if (strcmp(st, status) || (reason ? !strstr(why, reason) : *why != '\0'))
        fail_msg("%s: %s (%s), expected %s (%s)", question, st, why, status,
                 reason ? reason : "no reason");
    free(st);
    free(why);
}

static void test_outdated(void **state)
{
    (void)state;
    /* Published 2015 on 第二条, which the 2019 version changed. */
    expect_status("示例保障由谁批准？", "possibly_outdated",
                  "《示例救助办法》第二条在 2019-03-02 版中有改动（问答依据 2014-02-21 版）");
    /* Published 2015 too, but on 第三条, the same in both versions. */
    expect_status("示例保障怎么申请？", "current", NULL);
    /* Names the 2014 version itself, no date. */
    expect_status("按老版本怎么审批？", "possibly_outdated", "第二条在 2019-03-02 版中有改动");
    /* Written on the current version. */
    expect_status("示例保障金什么时候发？", "current", NULL);
    /* The regulation was repealed. */
    expect_status("旧补贴还能领吗？", "possibly_outdated", "《示例旧办法》已废止");
}

static void test_split(void **state)
{
    (void)state;
    char v[11];
    char *s = qa_basis_split("《慈善法》（2016年版）第二十二条", v);
    assert_string_equal(s, "《慈善法》第二十二条");
    assert_string_equal(v, "2016");
    free(s);
    s = qa_basis_split("社会救助暂行办法第十一条(2014-02-21)", v);
    assert_string_equal(s, "社会救助暂行办法第十一条");
    assert_string_equal(v, "2014-02-21");
    free(s);
    s = qa_basis_split("示例市最低生活保障审核确认办法（示例）第十条第（一）项", v);
    assert_string_equal(s, "示例市最低生活保障审核确认办法（示例）第十条第（一）项");
    assert_string_equal(v, "");
    free(s);
}

/* The first qa hit of a search, or fails. */
static void expect_qa_hit(const char *q, const char *question, const char *status)
{
    search_opts o = {.domain = "qa", .limit = 5};
    search_result r;
    char *err = NULL;
    if (search_run(h, q, strlen(q), &o, &r, &err) != 0)
        fail_msg("search %s: %s", q, err);
    int found = 0;
    for (size_t i = 0; i < r.n && !found; i++)
        if (!strcmp(r.hits[i].domain, "qa") && !strcmp(r.hits[i].title, question)) {
            found = 1;
            if (status ? !r.hits[i].status || strcmp(r.hits[i].status, status)
                       : r.hits[i].status != NULL)
                fail_msg("search %s: status %s", q, r.hits[i].status ? r.hits[i].status : "none");
        }
    search_result_free(&r);
    if (!found)
        fail_msg("search %s did not find %s", q, question);
}

static void test_search(void **state)
{
    (void)state;
    assert_int_equal(ot_scalar(h->h, "SELECT count(*) FROM doc WHERE domain = 'qa'"), 7);
    expect_qa_hit("保障谁来批", "示例保障由谁批准？", "可能过时");      /* a colloquial form */
    expect_qa_hit("社会保障卡领取", "示例保障金什么时候发？", NULL);    /* answer text */
    expect_qa_hit("保障金哪天到賬", "示例保障金什么时候发？", NULL);    /* Traditional */
    expect_qa_hit("示例保障怎么申请", "示例保障怎么申请？", NULL);      /* the question */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_and_validation),
        cmocka_unit_test(test_basis_forms),
        cmocka_unit_test(test_unresolved),
        cmocka_unit_test(test_outdated),
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_search),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
