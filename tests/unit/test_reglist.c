/* The regulations list of the 法规 pane: default status filter and F7, facets with counts,
 * the typed title filter (Traditional and full-width input), sorting, the status line,
 * column widths, and loading from a database. Invented rows (示例). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reglist.h"
#include "u8.h"

static int setup_locale(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void fill(reglist *l)
{
    reglist_init(l);
    reglist_add(l, 1, "中华人民共和国慈善法", "法律", "2016-03-16", NULL, NULL, "amended");
    reglist_add(l, 2, "中华人民共和国慈善法", "法律", "2023-12-29", NULL, NULL, "in_force");
    reglist_add(l, 4, "社会救助暂行办法", "行政法规", "2014-02-21", "国务院令第649号", "国务院",
                "amended");
    reglist_add(l, 5, "社会救助暂行办法", "行政法规", "2019-03-02", "国务院令第649号", "国务院",
                "in_force");
    reglist_add(l, 8, "社会组织信用信息管理办法", "部门规章", "2018-01-24", "民政部令第60号",
                "民政部", "in_force");
    reglist_add(l, 10, "示例市最低生活保障审核确认办法", "行政规范性文件", "2022-03-15",
                "示例民发〔2022〕12号", "示例市民政局、示例市财政局", "in_force");
    reglist_add(l, 11, "示例县养老服务促进办法", "地方政府规章", "2026-10-01", "示例县人民政府令第3号",
                "示例县人民政府", "not_yet_effective");
    reglist_add(l, 12, "示例市非法社会组织查处暂行办法", "地方政府规章", "2012-06-01", NULL,
                "示例市人民政府", "repealed");
    reglist_add(l, 13, "示例市民政局政务公开工作要点", NULL, "2022-05-05", NULL, "示例市民政局",
                "expired");
    reglist_add(l, 14, "部分失效的示例办法", "部门规章", "2010-01-01", NULL, "民政部",
                "partly_invalid");
    reglist_refresh(l);
}

static long long id_at(const reglist *l, int i)
{
    return l->rows[l->vis[i]].id;
}

static void test_default_and_show_all(void **state)
{
    (void)state;
    reglist l;
    fill(&l);
    /* In force, not yet effective and partly invalid; sorted by level, then title. */
    long long want[] = {2, 5, 8, 14, 11, 10};
    assert_int_equal(l.nvis, 6);
    for (int i = 0; i < 6; i++)
        assert_int_equal(id_at(&l, i), want[i]);
    l.show_all = 1;
    reglist_refresh(&l);
    assert_int_equal(l.nvis, 10);
    /* Two versions of one title: newest first. */
    assert_int_equal(id_at(&l, 0), 2);
    assert_int_equal(id_at(&l, 1), 1);
    assert_int_equal(id_at(&l, l.nvis - 1), 13); /* no level: last */
    reglist_free(&l);
}

static void test_text_filter(void **state)
{
    (void)state;
    reglist l;
    fill(&l);
    reglist_set_text(&l, "社会");
    assert_int_equal(l.nvis, 2); /* 社会救助暂行办法 2019, 社会组织信用信息管理办法 */
    reglist_set_text(&l, "社會救助"); /* Traditional */
    assert_int_equal(l.nvis, 1);
    assert_int_equal(id_at(&l, 0), 5);
    reglist_set_text(&l, "６４９"); /* full-width digits match the 令号 */
    assert_int_equal(l.nvis, 1);
    reglist_set_text(&l, "示例 办法"); /* every word */
    assert_int_equal(l.nvis, 3);
    reglist_set_text(&l, "示例 养老");
    assert_int_equal(l.nvis, 1);
    reglist_set_text(&l, "没有这个");
    assert_int_equal(l.nvis, 0);
    reglist_set_text(&l, "");
    assert_int_equal(l.nvis, 6);
    reglist_free(&l);
}

static void test_sort(void **state)
{
    (void)state;
    reglist l;
    fill(&l);
    l.sort = RL_SORT_NEWEST;
    reglist_refresh(&l);
    long long newest[] = {11, 2, 10, 5, 8, 14};
    for (int i = 0; i < 6; i++)
        assert_int_equal(id_at(&l, i), newest[i]);
    l.sort = RL_SORT_TITLE;
    reglist_refresh(&l);
    for (int i = 1; i < l.nvis; i++)
        assert_true(strcmp(l.rows[l.vis[i - 1]].fold, l.rows[l.vis[i]].fold) <= 0);
    assert_string_equal(reglist_sort_name(RL_SORT_TITLE), "标题");
    reglist_free(&l);
}

static void test_facets(void **state)
{
    (void)state;
    reglist l;
    fill(&l);
    reglist_value *v;
    /* Levels among what is shown, in rank order, with counts. */
    int n = reglist_values(&l, RL_LEVEL, &v);
    assert_int_equal(n, 5);
    assert_string_equal(v[0].value, "法律");
    assert_int_equal(v[0].count, 1);
    assert_string_equal(v[1].value, "行政法规");
    assert_string_equal(v[2].value, "部门规章");
    assert_int_equal(v[2].count, 2);
    reglist_values_free(v, n);
    /* Statuses: every row, whatever F7 says. */
    n = reglist_values(&l, RL_STATUS, &v);
    assert_int_equal(n, 6);
    assert_string_equal(v[0].value, "现行有效");
    assert_int_equal(v[0].count, 4);
    assert_string_equal(v[n - 1].value, "已废止");
    reglist_values_free(v, n);
    /* Organs split at 、; years newest first. */
    n = reglist_values(&l, RL_ORGAN, &v);
    int found = 0;
    for (int i = 0; i < n; i++)
        found += !strcmp(v[i].value, "示例市财政局");
    assert_int_equal(found, 1);
    reglist_values_free(v, n);
    n = reglist_values(&l, RL_YEAR, &v);
    assert_string_equal(v[0].value, "2026");
    reglist_values_free(v, n);
    /* A chosen status shows repealed rows without F7. */
    reglist_set_filter(&l, RL_STATUS, "已废止");
    assert_int_equal(l.nvis, 1);
    assert_int_equal(id_at(&l, 0), 12);
    reglist_set_filter(&l, RL_STATUS, NULL);
    reglist_set_filter(&l, RL_ORGAN, "示例市财政局");
    assert_int_equal(l.nvis, 1);
    assert_int_equal(id_at(&l, 0), 10);
    reglist_set_filter(&l, RL_YEAR, "2021");
    assert_int_equal(l.nvis, 0);
    reglist_clear_filters(&l);
    assert_int_equal(l.nvis, 6);
    /* Picker items: 全部 first, then values with counts; the current one selected. */
    reglist_set_filter(&l, RL_LEVEL, "部门规章");
    char **items, **values;
    int sel;
    n = reglist_pick_items(&l, RL_LEVEL, CONVERT_ORIGINAL, &items, &values, &sel);
    assert_int_equal(n, 5);
    assert_string_equal(items[0], "全部");
    assert_string_equal(items[2], "行政法规 (1)");
    assert_string_equal(values[2], "部门规章");
    assert_int_equal(sel, 3);
    reglist_strv_free(items, n + 1);
    reglist_strv_free(values, n);
    n = reglist_pick_items(&l, RL_YEAR, CONVERT_ORIGINAL, &items, &values, &sel);
    assert_string_equal(items[1], "2018 年 (1)");
    assert_int_equal(sel, 0);
    reglist_strv_free(items, n + 1);
    reglist_strv_free(values, n);
    reglist_free(&l);
}

static void test_selection(void **state)
{
    (void)state;
    reglist l;
    fill(&l);
    /* The selected regulation stays selected through F7, filters and sorting. */
    reglist_select(&l, reglist_find(&l, 10));
    l.show_all = 1;
    reglist_refresh(&l);
    assert_int_equal(reglist_selected(&l), 10);
    l.sort = RL_SORT_NEWEST;
    reglist_refresh(&l);
    assert_int_equal(reglist_selected(&l), 10);
    reglist_set_filter(&l, RL_LEVEL, "法律"); /* gone: the first row */
    assert_int_equal(l.sel, 0);
    assert_int_equal(reglist_selected(&l), 2);
    reglist_set_filter(&l, RL_LEVEL, NULL);
    /* Typing selects the first match. */
    reglist_select(&l, 5);
    reglist_set_text(&l, "办法");
    assert_int_equal(l.sel, 0);
    /* Clamped moves; scrolling keeps the selection in view. */
    reglist_select(&l, 1000);
    assert_int_equal(l.sel, l.nvis - 1);
    assert_int_equal(reglist_scroll(&l, 3), l.nvis - 3);
    reglist_select(&l, -5);
    assert_int_equal(l.sel, 0);
    assert_int_equal(reglist_scroll(&l, 3), 0);
    reglist_set_text(&l, "没有这个");
    assert_int_equal(reglist_selected(&l), 0);
    assert_int_equal(reglist_scroll(&l, 3), 0);
    reglist_free(&l);
}

static void test_describe(void **state)
{
    (void)state;
    reglist l;
    fill(&l);
    buf_t b;
    buf_init(&b);
    reglist_describe(&l, &b);
    assert_string_equal(b.s, "6 部法规（仅现行有效，F7 显示全部；按效力位阶排序）");
    buf_clear(&b);
    l.show_all = 1;
    reglist_set_filter(&l, RL_LEVEL, "法律");
    reglist_set_filter(&l, RL_YEAR, "2016");
    reglist_set_text(&l, "慈善");
    reglist_describe(&l, &b);
    assert_string_equal(b.s, "1 部法规（筛选：法律，2016年，标题含「慈善」；含已修改、已废止；"
                             "按效力位阶排序）");
    buf_free(&b);
    assert_int_equal(reglist_find(&l, 1), 0);
    assert_int_equal(reglist_find(&l, 2), -1);
    reglist_free(&l);
}

static void test_columns(void **state)
{
    (void)state;
    reglist l;
    fill(&l);
    l.show_all = 1;
    reglist_refresh(&l);
    for (int w = 40; w <= 200; w++) {
        reglist_cols c = reglist_columns(&l, w);
        int used = 1 + c.tag + 1 + c.title + (c.level ? c.level + 1 : 0) +
                   (c.date ? c.date + 1 : 0) + (c.num ? c.num + 1 : 0);
        assert_true(used <= w + 1); /* the last gap may fall outside */
        assert_true(c.title >= 4);
        if (w >= 1 + 10 + 1 + 34 + 1 + 10 + 1)
            assert_true(c.title >= 34);
    }
    reglist_cols c = reglist_columns(&l, 80);
    assert_int_equal(c.level, 14); /* 行政规范性文件 */
    assert_int_equal(c.date, 10);
    assert_int_equal(c.num, 0);
    assert_int_equal(c.title, 80 - 1 - 11 - 15 - 11);
    c = reglist_columns(&l, 120);
    assert_int_equal(c.num, 21); /* 示例县人民政府令第3号 */
    c = reglist_columns(&l, 60);
    assert_int_equal(c.level, 0);
    assert_true(c.date > 0);
    /* Display forms in the 繁 script. */
    reglist_display(&l, CONVERT_TRADITIONAL);
    assert_string_equal(l.rows[2].disp_title, "社會救助暫行辦法");
    assert_string_equal(l.rows[0].disp_number, "");
    reglist_free(&l);
}

static void test_load(void **state)
{
    (void)state;
    gk_db db = {0};
    assert_int_equal(sqlite3_open(":memory:", &db.h), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(db.h,
                     "CREATE TABLE regulation(id INTEGER PRIMARY KEY, title TEXT, level TEXT, "
                     "version_date TEXT, doc_number TEXT, issuing_organs TEXT, status TEXT, "
                     "effective_date TEXT);"
                     "INSERT INTO regulation VALUES(1, '甲办法', '部门规章', '2026-01-01', "
                     "'民政部令第1号', '民政部', 'in_force', '2026-12-01');"
                     "INSERT INTO regulation VALUES(2, '乙办法', NULL, NULL, NULL, NULL, "
                     "'in_force', NULL);",
                     NULL, NULL, NULL),
        SQLITE_OK);
    setenv("GONGKAI_TODAY", "2026-11-01", 1);
    reglist l;
    reglist_init(&l);
    char *err = NULL;
    assert_int_equal(reglist_load(&l, &db, &err), 0);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.nvis, 2);
    /* In force from a later date: 尚未生效. */
    assert_string_equal(l.rows[0].status, "not_yet_effective");
    assert_null(l.rows[1].level);
    reglist_free(&l);
    sqlite3_close(db.h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_and_show_all),
        cmocka_unit_test(test_text_filter),
        cmocka_unit_test(test_sort),
        cmocka_unit_test(test_facets),
        cmocka_unit_test(test_selection),
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_load),
    };
    return cmocka_run_group_tests(tests, setup_locale, NULL);
}
