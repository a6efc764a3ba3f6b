/* The 热线 pane's lines (tui/hotview): the state tag and its style, when the state
 * changes (same day, next day, days later, never), a line's layout (number, service,
 * operator; hours; why offered; 超过6个月未核实 / 未核实; merged and retired with the
 * replacement instead of a state), the heading (place, other candidates, time, filters),
 * the area (standard with source, Q&A with 可能过时), no lines, summary and citation. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "hotview.h"

static hr_line line_of(const char *display, const char *service, enum hours_state st,
                       int next)
{
    hr_line l;
    memset(&l, 0, sizeof l);
    l.display = (char *)display;
    l.service_line = (char *)service;
    l.operator_name = (char *)"示例县民政局（示例）";
    l.hours = (char *)"Mon-Fri 08:30-12:00,14:00-17:30";
    l.hours_label = (char *)"周一至周五 8:30-12:00、14:00-17:30";
    l.status = (char *)"active";
    l.verified = (char *)"2026-09-28";
    l.reason = HR_SERVES;
    l.reason_text = (char *)"本县热线";
    l.open.state = st;
    l.open.why = "";
    l.open.next_minutes = next;
    /* An open line closes next, a closed one opens (the tests' lines have plain hours). */
    l.open.next_state = st == HS_OPEN ? HS_CLOSED : HS_OPEN;
    return l;
}

static hr_result result_of(hr_line *lines, size_t n)
{
    hr_result r;
    memset(&r, 0, sizeof r);
    r.input = (char *)"示例县";
    strcpy(r.division, "339921");
    r.division_name = (char *)"浙江省 / 示例市 / 示例县";
    r.resolved_how = (char *)"名称一致";
    r.at_label = (char *)"2026-10-08 09:30（星期四）";
    r.lines = lines;
    r.nlines = n;
    return r;
}

/* The index of the first line whose text holds s, or -1. */
static long find(const ov_lines *v, const char *s)
{
    for (size_t i = 0; i < v->n; i++)
        if (strstr(v->v[i].text, s))
            return (long)i;
    return -1;
}

static void test_state_labels(void **state)
{
    (void)state;
    assert_string_equal(hv_state_label(HS_OPEN), "开放中");
    assert_string_equal(hv_state_label(HS_CLOSED), "已下班");
    assert_string_equal(hv_state_label(HS_UNSURE), "不确定");
    assert_int_equal(hv_state_style(HS_OPEN), OV_CLEAR);
    assert_int_equal(hv_state_style(HS_CLOSED), OV_LISTED);
    assert_int_equal(hv_state_style(HS_UNSURE), OV_WARN);
}

static void test_change(void **state)
{
    (void)state;
    hours_answer a = {HS_OPEN, "", 150, HS_CLOSED};
    char *s = hv_change(&a, 9 * 60 + 30);
    assert_string_equal(s, "12:00 停止接听（2 小时 30 分后）");
    free(s);
    a = (hours_answer){HS_CLOSED, "", 45, HS_OPEN};
    s = hv_change(&a, 13 * 60 + 15);
    assert_string_equal(s, "14:00 开始接听（45 分钟后）");
    free(s);
    a = (hours_answer){HS_CLOSED, "", 15 * 60, HS_OPEN};
    s = hv_change(&a, 17 * 60 + 30);
    assert_string_equal(s, "次日 8:30 开始接听（15 小时后）");
    free(s);
    /* A holiday: five calendar days on, whatever the hours in between. */
    a = (hours_answer){HS_CLOSED, "", 4 * 1440 + 22 * 60 + 30, HS_OPEN};
    s = hv_change(&a, 10 * 60);
    assert_string_equal(s, "5 天后 8:30 开始接听");
    free(s);
    /* Into a holiday the line says nothing about: not "opens". */
    a = (hours_answer){HS_CLOSED, "", 1440 + 14 * 60, HS_UNSURE};
    s = hv_change(&a, 10 * 60);
    assert_string_equal(s, "2 天后 0:00 起接听与否不确定（节假日）");
    free(s);
    a = (hours_answer){HS_OPEN, "", -1, HS_OPEN}; /* 24 小时 */
    s = hv_change(&a, 600);
    assert_string_equal(s, "");
    free(s);
}

static void test_line_layout(void **state)
{
    (void)state;
    hr_line l = line_of("12345 转 2", "社会救助", HS_OPEN, 150);
    ov_lines v = {0};
    hv_line(&v, &l, 3, 9 * 60 + 30);
    assert_true(v.n >= 4);
    assert_int_equal(v.v[0].style, OV_TITLE);
    assert_int_equal(v.v[0].subject, 3);
    assert_string_equal(v.v[0].text, "拨打12345 转 2  社会救助  示例县民政局（示例）");
    assert_string_equal(v.v[0].tag, "开放中");
    assert_int_equal(v.v[0].tag_style, OV_CLEAR);
    assert_string_equal(v.v[1].text, "12:00 停止接听（2 小时 30 分后）");
    assert_string_equal(v.v[2].text, "接听时间  周一至周五 8:30-12:00、14:00-17:30");
    assert_string_equal(v.v[3].text, "本县热线；核实 2026-09-28");
    assert_int_equal(find(&v, "未核实"), -1);
    for (size_t i = 1; i < v.n; i++) {
        assert_int_equal(v.v[i].subject, 3);
        assert_int_not_equal(v.v[i].style, OV_TITLE); /* one actionable line per hotline */
    }
    ov_lines_free(&v);
}

static void test_closed_with_reason_and_stale(void **state)
{
    (void)state;
    hr_line l = line_of("12349 转 1", "儿童救助保护", HS_CLOSED, 60);
    l.open.why = "节假日（按公布的放假安排）";
    l.reason = HR_PARENT;
    l.reason_text = (char *)"本县无儿童救助保护专线，使用市级热线（示例市）";
    l.stale = 1;
    l.stale_days = 230;
    l.verified = (char *)"2026-02-20";
    l.note = (char *)"按1转接";
    ov_lines v = {0};
    hv_line(&v, &l, 0, 7 * 60 + 30);
    assert_string_equal(v.v[0].tag, "已下班");
    assert_int_equal(v.v[0].tag_style, OV_LISTED);
    assert_string_equal(v.v[1].text, "节假日（按公布的放假安排）；8:30 开始接听（1 小时后）");
    assert_string_equal(v.v[3].text, "本县无儿童救助保护专线，使用市级热线（示例市）；核实 2026-02-20");
    assert_true(find(&v, "超过6个月未核实") < 0); /* the tag, not the text */
    assert_true(find(&v, "（230 天前）") > 3);
    assert_string_equal(v.v[v.n - 1].text, "备注  按1转接");
    ov_lines_free(&v);
}

static void test_stale_marks(void **state)
{
    (void)state;
    hr_line l = line_of("12345 转 3-1", "婚姻登记", HS_OPEN, 90);
    l.stale = 1;
    l.stale_days = 230;
    l.verified = (char *)"2026-02-20";
    ov_lines v = {0};
    hv_line(&v, &l, 0, 600);
    long i = find(&v, "最后核实 2026-02-20（230 天前）");
    assert_true(i > 0);
    assert_string_equal(v.v[i].tag, "超过6个月未核实");
    assert_int_equal(v.v[i].style, OV_WARN);
    ov_lines_free(&v);
    /* Never verified. */
    l.stale_days = -1;
    l.verified = NULL;
    memset(&v, 0, sizeof v);
    hv_line(&v, &l, 0, 600);
    i = find(&v, "来源没有核实日期");
    assert_true(i > 0);
    assert_string_equal(v.v[i].tag, "未核实");
    ov_lines_free(&v);
}

static void test_merged_and_retired(void **state)
{
    (void)state;
    hr_line l = line_of("12349", "社会救助", HS_OPEN, 60);
    l.status = (char *)"merged";
    l.replaced_by = (char *)"12345 转 2";
    ov_lines v = {0};
    hv_line(&v, &l, 0, 600);
    assert_string_equal(v.v[0].tag, "已并入"); /* instead of a state */
    assert_string_equal(v.v[1].text, "已并入，请改拨12345 转 2");
    assert_int_equal(find(&v, "停止接听"), -1);
    ov_lines_free(&v);
    l.status = (char *)"retired";
    l.replaced_by = NULL;
    memset(&v, 0, sizeof v);
    hv_line(&v, &l, 0, 600);
    assert_string_equal(v.v[0].tag, "已停用");
    assert_string_equal(v.v[1].text, "已停用，没有替代号码的记录");
    ov_lines_free(&v);
}

static void test_unknown_hours(void **state)
{
    (void)state;
    hr_line l = line_of("12349", "儿童救助保护", HS_UNSURE, -1);
    l.hours = l.hours_label = NULL;
    ov_lines v = {0};
    hv_line(&v, &l, 0, 600);
    assert_string_equal(v.v[0].tag, "不确定");
    assert_string_equal(v.v[1].text, "来源没有写接听时间");
    assert_int_equal(v.v[1].style, OV_WARN);
    assert_string_equal(v.v[2].text, "接听时间  未公布");
    ov_lines_free(&v);
}

static void test_heading_and_result(void **state)
{
    (void)state;
    hr_line lines[2] = {line_of("12345 转 2", "社会救助", HS_OPEN, 150),
                        line_of("12345", "综合", HS_OPEN, -1)};
    lines[1].reason = HR_NATIONAL;
    lines[1].reason_text = (char *)"全国统一热线";
    hr_result r = result_of(lines, 2);
    r.ncandidates = 2;
    hv_opts o = {"社会救助", "2026-10-08 09:30", 1, 570};
    ov_lines v = {0};
    hv_result(&v, &r, NULL, &o);
    assert_string_equal(v.v[0].tag, "地点");
    assert_string_equal(v.v[0].text, "浙江省 / 示例市 / 示例县  339921（名称一致）");
    assert_true(strstr(v.v[1].text, "另有 2 处也可能是“示例县”") != NULL);
    assert_string_equal(v.v[2].tag, "时间");
    assert_string_equal(v.v[2].text,
                        "2026-10-08 09:30（星期四）（设定）  服务 社会救助  含已并入、停用");
    /* Two hotlines, two titles, in the engine's order. */
    size_t titles = 0;
    for (size_t i = 0; i < v.n; i++)
        titles += v.v[i].style == OV_TITLE;
    assert_int_equal(titles, 2);
    assert_true(find(&v, "全国统一热线") > find(&v, "本县热线"));
    ov_lines_free(&v);

    char *sum = hv_summary(&r);
    assert_true(strstr(sum, "浙江省 / 示例市 / 示例县：2 条热线（开放中 2）") == sum);
    free(sum);
    char *c = hv_citation(&lines[0], &r);
    assert_string_equal(c, "拨打12345 转 2（社会救助，示例县民政局（示例））"
                           "周一至周五 8:30-12:00、14:00-17:30；浙江省 / 示例市 / 示例县 339921；"
                           "2026-10-08 09:30（星期四） 开放中；核实 2026-09-28；gongkai 查询");
    free(c);
}

static void test_nothing(void **state)
{
    (void)state;
    hr_result r = result_of(NULL, 0);
    r.division[0] = '\0';
    r.problem = (char *)"没有找到地点“火星”";
    hv_opts o = {NULL, "", 0, 600};
    ov_lines v = {0};
    hv_result(&v, &r, NULL, &o);
    assert_string_equal(v.v[0].tag, "时间"); /* no place line */
    assert_true(find(&v, "没有找到地点“火星”") > 0);
    ov_lines_free(&v);
    char *sum = hv_summary(&r);
    assert_true(strstr(sum, "没有找到地点“火星”") == sum);
    free(sum);
}

static void test_area(void **state)
{
    (void)state;
    hotarea a;
    memset(&a, 0, sizeof a);
    hotarea_std std = {"339921", (char *)"示例县", (char *)"城市低保平均保障标准",
                       (char *)"800 元/人·月", (char *)"2026年9月",
                       (char *)"来源：示例县民政局社会救助统计月报（示例）"};
    hotarea_qa qa[2] = {{1, (char *)"怎样申请最低生活保障？", (char *)"全国", NULL,
                         (char *)"2019-06-10", NULL, 0, NULL},
                        {2, (char *)"低保申请最后由哪个部门审批？", (char *)"全国", NULL,
                         (char *)"2017-05-10", NULL, 1, (char *)"第十一条已改动"}};
    a.std = &std;
    a.nstd = 1;
    a.qa = qa;
    a.nqa = 2;
    a.qa_total = 13;
    ov_lines v = {0};
    hv_area(&v, &a);
    assert_string_equal(v.v[0].tag, "低保标准");
    assert_string_equal(v.v[1].text, "示例县  城市低保平均保障标准 800 元/人·月（2026年9月）");
    assert_string_equal(v.v[2].text, "来源：示例县民政局社会救助统计月报（示例）");
    long q = find(&v, "13 条中最新的 2 条");
    assert_true(q > 0);
    assert_string_equal(v.v[q].tag, "政策问答");
    long o = find(&v, "低保申请最后由哪个部门审批？");
    assert_string_equal(v.v[o].tag, "可能过时");
    assert_int_equal(v.v[o].tag_style, OV_WARN);
    assert_true(find(&v, "第十一条已改动") > o);
    assert_string_equal(v.v[find(&v, "怎样申请")].tag, "现行");
    for (size_t i = 0; i < v.n; i++)
        assert_int_not_equal(v.v[i].style, OV_TITLE); /* the cursor stays on hotlines */
    ov_lines_free(&v);
    /* Nothing known. */
    memset(&a, 0, sizeof a);
    memset(&v, 0, sizeof v);
    hv_area(&v, &a);
    assert_true(find(&v, "都没有低保标准数据") == 0);
    assert_true(find(&v, "没有这里、上级地区或全国的政策问答") > 0);
    ov_lines_free(&v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_state_labels),
        cmocka_unit_test(test_change),
        cmocka_unit_test(test_line_layout),
        cmocka_unit_test(test_closed_with_reason_and_stale),
        cmocka_unit_test(test_stale_marks),
        cmocka_unit_test(test_merged_and_retired),
        cmocka_unit_test(test_unknown_hours),
        cmocka_unit_test(test_heading_and_result),
        cmocka_unit_test(test_nothing),
        cmocka_unit_test(test_area),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
