/* 题注 and event lines → dates, order numbers, issuer, events (domain.md §3.5).
 * Order numbers and dates below are invented (示例) unless they only restate the
 * corpus' own event lines. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "preamble.h"

static void parse(const char *s, preamble_info *p)
{
    preamble_parse(s, strlen(s), p);
}

static void check_date(const char *s, const char *iso, size_t used)
{
    char out[11];
    size_t u = 0;
    if (!preamble_parse_date(s, strlen(s), out, &u))
        fail_msg("no date in \"%s\"", s);
    assert_string_equal(out, iso);
    assert_int_equal(u, used);
}

static void check_no_date(const char *s)
{
    char out[11];
    size_t u = 0;
    if (preamble_parse_date(s, strlen(s), out, &u))
        fail_msg("\"%s\" parsed as %s", s, out);
}

static void test_dates(void **state)
{
    (void)state;
    check_date("2022年5月5日", "2022-05-05", strlen("2022年5月5日"));
    check_date("1990年01月23日 发生", "1990-01-23", strlen("1990年01月23日"));
    check_date("二〇二二年五月五日", "2022-05-05", strlen("二〇二二年五月五日"));
    check_date("二○一八年十二月二十九日起", "2018-12-29", strlen("二○一八年十二月二十九日"));
    check_date("２０２２年５月５日", "2022-05-05", strlen("２０２２年５月５日"));
    check_date("2022 年 5 月 5 日", "2022-05-05", strlen("2022 年 5 月 5 日"));
    check_date("2022年5月5号", "2022-05-05", strlen("2022年5月5号"));
    check_date("2022-05-05", "2022-05-05", 10);
    check_date("2022.5.5。", "2022-05-05", 8);
    check_date("2022/12/31", "2022-12-31", 10);
    check_date("2024年2月29日", "2024-02-29", strlen("2024年2月29日"));
    check_no_date("2023年2月29日"); /* not a leap year */
    check_no_date("2022年13月1日");
    check_no_date("2022年5月");
    check_no_date("第十二届");
    check_no_date("22年5月5日");
    check_no_date("2022.5.5.1");
    check_no_date("");
}

/* Corpus event lines: a State Council order. */
static void test_event_lines(void **state)
{
    (void)state;
    preamble_info p;
    parse("2004年2月11日 国务院第39次常务会议通过\n\n"
          "2004年3月8日 中华人民共和国国务院令第400号公布\n\n"
          "2004年6月1日 施行\n",
          &p);
    assert_int_equal(p.n_events, 3);
    assert_string_equal(p.adopted_date, "2004-02-11");
    assert_string_equal(p.promulgated_date, "2004-03-08");
    assert_string_equal(p.effective_date, "2004-06-01");
    assert_string_equal(p.doc_number, "国务院令第400号");
    assert_string_equal(p.doc_number_raw, "中华人民共和国国务院令第400号");
    assert_string_equal(p.issuer, "中华人民共和国国务院");
    assert_int_equal(p.events[0].type, PREAMBLE_ADOPTED);
    assert_string_equal(p.events[0].text, "国务院第39次常务会议通过");
    assert_int_equal(p.events[1].type, PREAMBLE_PROMULGATED);
    assert_int_equal(p.events[2].type, PREAMBLE_EFFECTIVE);
    assert_string_equal(p.events[2].date, "2004-06-01");
    assert_int_equal(p.n_amended, 0);
    preamble_free(&p);
}

/* A law: adopted by a congress, revised, amended; no promulgation line. */
static void test_law_amendments(void **state)
{
    (void)state;
    preamble_info p;
    parse("1998年11月4日 第九届全国人民代表大会常务委员会第五次会议通过\n"
          "2018年12月29日 第十三届全国人民代表大会常务委员会第七次会议"
          "《关于修改〈中华人民共和国示例法〉的决定》修正）\n"
          "2010年10月28日 第十一届全国人民代表大会常务委员会第十七次会议修订\n",
          &p);
    assert_string_equal(p.adopted_date, "1998-11-04");
    assert_string_equal(p.promulgated_date, ""); /* a meeting is not a promulgation */
    assert_int_equal(p.n_amended, 2);
    assert_string_equal(p.amended_dates[0], "2010-10-28"); /* oldest first */
    assert_string_equal(p.amended_dates[1], "2018-12-29");
    assert_int_equal(p.events[1].type, PREAMBLE_AMENDED);
    assert_int_equal(p.events[2].type, PREAMBLE_REVISED);
    assert_null(p.doc_number);
    preamble_free(&p);

    /* 《…废止…的决定》 names a decision; the event is the 修订 */
    parse("2023年7月20日 《国务院关于修改和废止部分示例法规的决定》第二次修订）", &p);
    assert_int_equal(p.n_events, 1);
    assert_int_equal(p.events[0].type, PREAMBLE_REVISED);
    assert_string_equal(p.repealed_date, "");
    preamble_free(&p);
}

/* 题注 of a ministry rule: meeting, order, "自公布之日起施行". */
static void test_tizhu_from_publication(void **state)
{
    (void)state;
    preamble_info p;
    parse("（2018年1月12日民政部部务会议通过 2018年1月24日民政部令第60号公布 "
          "自公布之日起施行）",
          &p);
    assert_string_equal(p.adopted_date, "2018-01-12");
    assert_string_equal(p.promulgated_date, "2018-01-24");
    assert_string_equal(p.effective_date, "2018-01-24");
    assert_string_equal(p.doc_number, "民政部令第60号");
    assert_string_equal(p.issuer, "民政部");
    assert_int_equal(p.n_events, 2);
    assert_string_equal(p.events[0].text, "民政部部务会议通过");
    assert_string_equal(p.events[1].text, "民政部令第60号公布 自公布之日起施行");
    preamble_free(&p);
}

/* The meeting date is not the promulgation date. */
static void test_meeting_is_not_promulgation(void **state)
{
    (void)state;
    preamble_info p;
    parse("（2026年1月26日经示例部部务会议审议通过 2026年2月2日示例部令第84号公布 "
          "自2026年4月1日起施行）",
          &p);
    assert_string_equal(p.adopted_date, "2026-01-26");
    assert_string_equal(p.promulgated_date, "2026-02-02");
    assert_string_equal(p.effective_date, "2026-04-01");
    assert_string_equal(p.doc_number, "示例部令第84号");
    assert_int_equal(p.n_events, 3);
    assert_int_equal(p.events[2].type, PREAMBLE_EFFECTIVE);
    assert_string_equal(p.events[2].text, "自2026年4月1日起施行");
    preamble_free(&p);
}

/* The latest 令号 and the latest 公布 date win. */
static void test_latest_order_wins(void **state)
{
    (void)state;
    preamble_info p;
    parse("（2020年11月20日示例管理部令第4号公布 2026年5月6日经示例管理部部务会议修订通过 "
          "2026年5月24日示例管理部令第21号公布 自2026年7月1日起施行）",
          &p);
    assert_string_equal(p.promulgated_date, "2026-05-24");
    assert_string_equal(p.effective_date, "2026-07-01");
    assert_string_equal(p.doc_number, "示例管理部令第21号");
    assert_string_equal(p.adopted_date, ""); /* the meeting adopted a revision */
    assert_int_equal(p.n_amended, 1);
    assert_string_equal(p.amended_dates[0], "2026-05-06");
    preamble_free(&p);

    /* an order that revises also promulgates */
    parse("2004年8月1日 中华人民共和国国务院、中华人民共和国中央军事委员会令第413号公布\n"
          "2024年8月5日 中华人民共和国国务院、中华人民共和国中央军事委员会令第788号第三次修订）",
          &p);
    assert_string_equal(p.promulgated_date, "2024-08-05");
    assert_string_equal(p.doc_number, "国务院、中央军事委员会令第788号");
    preamble_free(&p);
}

/* 中华人民共和国国务院令 第842号 … 现予公布 … 总理 李强 2026年7月23日 */
static void test_state_council_order(void **state)
{
    (void)state;
    preamble_info p;
    parse("中华人民共和国国务院令 第842号 《示例条例》已经2026年6月20日国务院第88次常务会议通过，"
          "现予公布，自2026年10月15日起施行。 总理 李强 2026年7月23日",
          &p);
    assert_string_equal(p.doc_number, "国务院令第842号");
    assert_string_equal(p.doc_number_raw, "中华人民共和国国务院令 第842号");
    assert_string_equal(p.promulgated_date, "2026-07-23");
    assert_string_equal(p.effective_date, "2026-10-15");
    assert_string_equal(p.adopted_date, "2026-06-20");
    assert_string_equal(p.issuer, "中华人民共和国国务院");
    preamble_free(&p);

    /* the same on separate lines, without the meeting */
    parse("中华人民共和国国务院令\n第842号\n现予公布，自2026年10月15日起施行。\n总理　李强\n"
          "2026年7月23日\n",
          &p);
    assert_string_equal(p.doc_number, "国务院令第842号");
    assert_string_equal(p.promulgated_date, "2026-07-23");
    assert_string_equal(p.effective_date, "2026-10-15");
    assert_string_equal(p.adopted_date, "");
    preamble_free(&p);
}

/* A notice line in Traditional script, as in the seed document. */
static void test_notice_traditional(void **state)
{
    (void)state;
    preamble_info p;
    parse("制定經過\n2021年3月1日,示例部辦公廳發布《示例部2021年政務公開工作要點》。\n通知內容",
          &p);
    assert_int_equal(p.n_events, 1);
    assert_string_equal(p.promulgated_date, "2021-03-01");
    assert_int_equal(p.events[0].type, PREAMBLE_ISSUED);
    assert_string_equal(p.events[0].text, "示例部辦公廳發布《示例部2021年政務公開工作要點》");
    assert_string_equal(p.issuer, "示例部办公厅");
    assert_null(p.doc_number);
    preamble_free(&p);
}

static void test_traditional_wording(void **state)
{
    (void)state;
    preamble_info p;
    parse("（二〇一八年一月十二日示例部部務會議通過 二〇一八年一月二十四日示例部令第６０號公佈 "
          "自公佈之日起施行）",
          &p);
    assert_string_equal(p.adopted_date, "2018-01-12");
    assert_string_equal(p.promulgated_date, "2018-01-24");
    assert_string_equal(p.effective_date, "2018-01-24");
    assert_string_equal(p.doc_number, "示例部令第60号");
    assert_string_equal(p.doc_number_raw, "示例部令第６０號");
    preamble_free(&p);

    parse("2010年5月1日 示例委員會修訂\n2015年6月1日 示例部令第9號廢止", &p);
    assert_int_equal(p.events[0].type, PREAMBLE_REVISED);
    assert_int_equal(p.events[1].type, PREAMBLE_REPEALED);
    assert_string_equal(p.repealed_date, "2015-06-01");
    assert_int_equal(p.n_amended, 1);
    preamble_free(&p);

    parse("2011年1月1日示例部頒布 自2011年3月1日起實施", &p);
    assert_string_equal(p.promulgated_date, "2011-01-01");
    assert_string_equal(p.effective_date, "2011-03-01");
    preamble_free(&p);
}

static void check_norm(const char *raw, const char *want)
{
    char *n = preamble_docnum_normalize(raw, strlen(raw));
    if (!want) {
        if (n)
            fail_msg("\"%s\" normalised to \"%s\"", raw, n);
        return;
    }
    if (!n)
        fail_msg("\"%s\" not recognised", raw);
    assert_string_equal(n, want);
    free(n);
}

static void test_bracket_normalisation(void **state)
{
    (void)state;
    check_norm("民发〔2021〕57号", "民发〔2021〕57号");
    check_norm("民发[2021]57号", "民发〔2021〕57号");
    check_norm("民发【2021】57号", "民发〔2021〕57号");
    check_norm("民发（2021）57号", "民发〔2021〕57号");
    check_norm("民发(2021)57号", "民发〔2021〕57号");
    check_norm("民发［２０２１］５７号", "民发〔2021〕57号");
    check_norm(" 示办规[2022]10號 ", "示办规〔2022〕10号");
    check_norm("国务院令第649号", "国务院令第649号");
    check_norm("中华人民共和国国务院令第649号", "国务院令第649号");
    check_norm("中华人民共和国国务院令 第六四九号", "国务院令第649号");
    check_norm("民政部令第60号", "民政部令第60号");
    check_norm("民政部令第六十号", "民政部令第60号");
    check_norm("民发〔2021〕", NULL);
    check_norm("2021年57号", NULL);
    check_norm("民发〔2021〕57号文件", NULL);
    check_norm("", NULL);

    /* the number of a 通知 found in a preamble */
    preamble_info p;
    parse("2021年6月1日 示例部印发（示发[2021]57号）", &p);
    assert_string_equal(p.doc_number, "示发〔2021〕57号");
    assert_string_equal(p.doc_number_raw, "示发[2021]57号");
    assert_string_equal(p.promulgated_date, "2021-06-01");
    assert_string_equal(p.issuer, "示例部");
    preamble_free(&p);
}

static void test_empty(void **state)
{
    (void)state;
    preamble_info p;
    assert_int_equal(preamble_parse("", 0, &p), 0);
    assert_string_equal(p.promulgated_date, "");
    assert_null(p.doc_number);
    preamble_free(&p);
    assert_int_equal(preamble_parse("没有日期的一行\n另一行", strlen("没有日期的一行\n另一行"), &p),
                     0);
    preamble_free(&p);
    assert_int_equal(preamble_parse(NULL, 5, &p), 0);
    preamble_free(&p);
    preamble_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_event_lines),
        cmocka_unit_test(test_law_amendments),
        cmocka_unit_test(test_tizhu_from_publication),
        cmocka_unit_test(test_meeting_is_not_promulgation),
        cmocka_unit_test(test_latest_order_wins),
        cmocka_unit_test(test_state_council_order),
        cmocka_unit_test(test_notice_traditional),
        cmocka_unit_test(test_traditional_wording),
        cmocka_unit_test(test_bracket_normalisation),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
