/* Opening hours (core/hours.h): the written forms (24小时, 工作日, 周一至周五, 周一、三、五,
 * 上午/下午, full-width colons and dashes, 次日, the structured form), the holiday phrases,
 * every refusal with its reason, both outputs and reading them back, and whether a line is
 * open at a date and minute: weekdays, span ends (exclusive), midnight, spans into the
 * next morning, holidays and 调休 working days of a calendar (the 2024 National Day
 * arrangement), dates outside the calendar, no calendar, malformed dates, and the minutes
 * until the state changes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "hours.h"

static void expect_hours(const char *text, const char *format, const char *label)
{
    hours_t h;
    const char *why = "unset";
    if (!hours_parse(text, &h, &why))
        fail_msg("“%s” not read: %s", text, why);
    assert_string_equal(why, "");
    char f[128], l[192];
    if (strcmp(hours_format(&h, f), format))
        fail_msg("“%s”: format “%s”, expected “%s”", text, f, format);
    if (strcmp(hours_label(&h, l), label))
        fail_msg("“%s”: label “%s”, expected “%s”", text, l, label);
    /* the structured form reads back to the same hours */
    hours_t back;
    if (!hours_parse(f, &back, &why))
        fail_msg("format “%s” not read back: %s", f, why);
    assert_int_equal(back.always, h.always);
    assert_int_equal(back.days, h.days);
    assert_int_equal(back.nspans, h.nspans);
    assert_int_equal(back.holiday, h.holiday);
    for (int i = 0; i < h.nspans; i++) {
        assert_int_equal(back.span[i].from, h.span[i].from);
        assert_int_equal(back.span[i].to, h.span[i].to);
    }
    /* and so does the label */
    hours_t again;
    if (!hours_parse(l, &again, &why))
        fail_msg("label “%s” not read back: %s", l, why);
    assert_int_equal(again.days, h.days);
    assert_int_equal(again.nspans, h.nspans);
    assert_int_equal(again.holiday, h.holiday);
    for (int i = 0; i < h.nspans; i++) {
        assert_int_equal(again.span[i].from, h.span[i].from);
        assert_int_equal(again.span[i].to, h.span[i].to);
    }
}

static void expect_refused(const char *text, const char *why_part)
{
    hours_t h;
    memset(&h, 0x55, sizeof h);
    const char *why = NULL;
    if (hours_parse(text, &h, &why)) {
        char f[128];
        fail_msg("“%s” read as “%s”", text ? text : "(null)", hours_format(&h, f));
    }
    assert_non_null(why);
    assert_true(why[0] != '\0');
    if (!strstr(why, why_part))
        fail_msg("“%s”: reason “%s”, expected “%s”", text ? text : "(null)", why, why_part);
    assert_int_equal(h.nspans, 0);
    assert_int_equal(h.days, 0);
}

static void test_all_day(void **state)
{
    (void)state;
    expect_hours("24小时", "24h", "24小时");
    expect_hours("全天24小时", "24h", "24小时");
    expect_hours("7×24小时", "24h", "24小时");
    expect_hours("7*24小时服务", "24h", "24小时");
    expect_hours("全天候", "24h", "24小时");
    expect_hours("24h", "24h", "24小时");
    expect_hours("每天 0:00-24:00", "24h", "24小时");
    expect_hours("24小时（节假日照常）", "24h; holidays open", "24小时（全年无休）");
    expect_hours("24小时全年无休", "24h; holidays open", "24小时（全年无休）");
    expect_hours("周一至周五 全天", "Mon-Fri 00:00-24:00", "周一至周五 全天");
    expect_hours("周一至周五24小时", "Mon-Fri 00:00-24:00", "周一至周五 全天");
    hours_t h;
    assert_true(hours_parse("24小时", &h, NULL));
    assert_true(h.always);
    assert_int_equal(h.days, 0x7F);
    assert_int_equal(h.nspans, 1);
    assert_int_equal(h.span[0].from, 0);
    assert_int_equal(h.span[0].to, 1440);
    assert_int_equal(h.holiday, HH_UNSAID);
}

static void test_days_and_times(void **state)
{
    (void)state;
    expect_hours("工作日 9:00-17:00", "Mon-Fri 09:00-17:00", "周一至周五 9:00-17:00");
    expect_hours("周一至周五 8:30-12:00，14:00-17:30", "Mon-Fri 08:30-12:00,14:00-17:30",
                 "周一至周五 8:30-12:00、14:00-17:30");
    expect_hours("星期一至星期五 8:30-17:30", "Mon-Fri 08:30-17:30", "周一至周五 8:30-17:30");
    expect_hours("周一到周六 9:00-17:00", "Mon-Sat 09:00-17:00", "周一至周六 9:00-17:00");
    expect_hours("周一至五 9:00-17:00", "Mon-Fri 09:00-17:00", "周一至周五 9:00-17:00");
    expect_hours("周一、三、五 9:00-12:00", "Mon,Wed,Fri 09:00-12:00",
                 "周一、周三、周五 9:00-12:00");
    expect_hours("周六、周日 9:00-12:00", "Sat,Sun 09:00-12:00", "周六、周日 9:00-12:00");
    expect_hours("礼拜天 9:00-12:00", "Sun 09:00-12:00", "周日 9:00-12:00");
    expect_hours("周五至周一 9:00-12:00", "Mon,Fri-Sun 09:00-12:00",
                 "周一、周五至周日 9:00-12:00");
    expect_hours("周一至周五 上午8:30-12:00 下午14:00-17:30", "Mon-Fri 08:30-12:00,14:00-17:30",
                 "周一至周五 8:30-12:00、14:00-17:30");
    expect_hours("周一至周五 上午8:30-12:00 下午2:00-5:30", "Mon-Fri 08:30-12:00,14:00-17:30",
                 "周一至周五 8:30-12:00、14:00-17:30");
    expect_hours("周一至周五 8：30—12：00", "Mon-Fri 08:30-12:00", "周一至周五 8:30-12:00");
    expect_hours("周一至周五 ８：３０～１７：３０", "Mon-Fri 08:30-17:30", "周一至周五 8:30-17:30");
    expect_hours("周一至周五 8:30至17:30", "Mon-Fri 08:30-17:30", "周一至周五 8:30-17:30");
    expect_hours("周一至周五 8:30到17:30", "Mon-Fri 08:30-17:30", "周一至周五 8:30-17:30");
    expect_hours("周一至周五 下午2点-5点半", "Mon-Fri 14:00-17:30", "周一至周五 14:00-17:30");
    expect_hours("周一至周五 8点30分-17点", "Mon-Fri 08:30-17:00", "周一至周五 8:30-17:00");
    expect_hours("周一至周五 中午12:00-1:30", "Mon-Fri 12:00-13:30", "周一至周五 12:00-13:30");
    expect_hours("接听时间：周一至周五 8:30-12:00；14:00-17:30",
                 "Mon-Fri 08:30-12:00,14:00-17:30", "周一至周五 8:30-12:00、14:00-17:30");
    expect_hours("周一至周五 8:30-12:00、14:00-17:30、18:00-20:00",
                 "Mon-Fri 08:30-12:00,14:00-17:30,18:00-20:00",
                 "周一至周五 8:30-12:00、14:00-17:30、18:00-20:00");
    expect_hours("8:30-17:30（周一至周五）", "Mon-Fri 08:30-17:30", "周一至周五 8:30-17:30");
    expect_hours("每天 8:00-20:00", "daily 08:00-20:00", "每天 8:00-20:00");
    /* touching spans merge; the order written does not matter */
    expect_hours("周一至周五 14:00-17:30，8:30-12:00", "Mon-Fri 08:30-12:00,14:00-17:30",
                 "周一至周五 8:30-12:00、14:00-17:30");
    expect_hours("周一至周五 8:30-12:00 12:00-17:30", "Mon-Fri 08:30-17:30",
                 "周一至周五 8:30-17:30");
    /* the days after the spans close days: 每天 … 周日休息 */
    expect_hours("每天9:00-17:00，周日休息", "Mon-Sat 09:00-17:00", "周一至周六 9:00-17:00");
    expect_hours("周一至周五 8:30-17:30，周六 8:30-17:30", "Mon-Sat 08:30-17:30",
                 "周一至周六 8:30-17:30");
    /* the structured form of the domain notes */
    expect_hours("Mon-Fri 08:30-12:00,14:00-17:30", "Mon-Fri 08:30-12:00,14:00-17:30",
                 "周一至周五 8:30-12:00、14:00-17:30");
    expect_hours("Mon,Wed,Fri 09:00-12:00", "Mon,Wed,Fri 09:00-12:00",
                 "周一、周三、周五 9:00-12:00");
    expect_hours("daily 08:00-20:00; holidays open", "daily 08:00-20:00; holidays open",
                 "每天 8:00-20:00（节假日照常）");
}

static void test_holidays_and_nights(void **state)
{
    (void)state;
    expect_hours("周一至周五8:30至17:30，节假日除外", "Mon-Fri 08:30-17:30; holidays closed",
                 "周一至周五 8:30-17:30（节假日除外）");
    expect_hours("周一至周五 8:30-17:30（法定节假日休息）", "Mon-Fri 08:30-17:30; holidays closed",
                 "周一至周五 8:30-17:30（节假日除外）");
    expect_hours("周一至周五 8:30-17:30，法定节假日除外", "Mon-Fri 08:30-17:30; holidays closed",
                 "周一至周五 8:30-17:30（节假日除外）");
    expect_hours("每天 8:00-20:00，节假日照常", "daily 08:00-20:00; holidays open",
                 "每天 8:00-20:00（节假日照常）");
    expect_hours("全年无休 8:00-20:00", "daily 08:00-20:00; holidays open",
                 "每天 8:00-20:00（节假日照常）");
    expect_hours("每天9:00-17:00，周末及节假日休息", "Mon-Fri 09:00-17:00; holidays closed",
                 "周一至周五 9:00-17:00（节假日除外）");
    expect_hours("每天22:00-次日6:00", "daily 22:00-06:00", "每天 22:00-次日6:00");
    expect_hours("每天 22:00-6:00", "daily 22:00-06:00", "每天 22:00-次日6:00");
    expect_hours("每天 晚上10点-次日早上6点", "daily 22:00-06:00", "每天 22:00-次日6:00");
    expect_hours("周一至周五 10:00-次日2:00", "Mon-Fri 10:00-02:00+1", "周一至周五 10:00-次日2:00");
    expect_hours("每天 8:00-12:00 20:00-24:00", "daily 08:00-12:00,20:00-24:00",
                 "每天 8:00-12:00、20:00-24:00");
    hours_t h;
    assert_true(hours_parse("每天22:00-次日6:00", &h, NULL));
    assert_int_equal(h.nspans, 1);
    assert_int_equal(h.span[0].from, 22 * 60);
    assert_int_equal(h.span[0].to, 1440 + 6 * 60);
}

static void test_refusals(void **state)
{
    (void)state;
    expect_refused(NULL, "没有写接听时间");
    expect_refused("", "没有写接听时间");
    expect_refused("  ，", "没有写接听时间");
    expect_refused("节假日除外", "只写了节假日");
    expect_refused("8:30-17:30", "没有写哪几天");
    expect_refused("周一至周五", "没有写时间段");
    expect_refused("工作日9:00-17:00，周六9:00-12:00", "不同的日子时间不同");
    expect_refused("工作日9:00-17:00，周六", "最后几天没有写时间");
    expect_refused("周一至周五 8:30-5:30", "跨夜请写“次日”");
    expect_refused("周一至周五 8:30-8:30", "开始和结束时间相同");
    expect_refused("周一至周五 25:00-26:00", "时间超出范围");
    expect_refused("周一至周五 8:61-9:00", "时间超出范围");
    expect_refused("周一至周五 24:00-2:00", "开始时间不能是24:00");
    expect_refused("周一至周五 8:3-9:00", "分钟应为两位");
    expect_refused("周一至周五 123:00-124:00", "时间写得不对");
    expect_refused("周一至周五 8:30", "缺少结束时间");
    expect_refused("周一至周五 8:30-", "缺少结束时间");
    expect_refused("周一至周五 上午-12:00", "时间写得不对");
    expect_refused("周一至周五 上午13:00-14:00", "上午的时间超过12点");
    expect_refused("周一至周五 次日8:00-9:00", "开始时间不能写“次日”");
    expect_refused("每天 22:00-次日23:00", "跨夜时间段长于24小时");
    expect_refused("周一至周五 8:30-17:30，节假日另行通知", "节假日另有说法");
    expect_refused("周一至周五 8:30-17:30，节假日照常，法定节假日休息", "既写了照常又写了休息");
    expect_refused("周末及节假日 9:00-12:00", "节假日另有说法");
    expect_refused("周一至周五 1:00-2:00 3:00-4:00 5:00-6:00 7:00-8:00 9:00-10:00 "
                   "11:00-12:00 13:00-14:00 15:00-16:00 17:00-18:00",
                   "时间段太多");
    expect_refused("周六、周日休息", "没有写接听时间");
    expect_refused("周六 9:00-12:00，周六休息", "除去休息日后没有接听的日子");
    expect_refused("7×24小时，周一至周五", "矛盾");
    expect_refused("请拨打12345", "读不懂");
    expect_refused("周一至周五 9:00-17:00 预约", "有读不懂的文字");
    expect_refused("周一至周五 9：00-17：00\x01", "含无效字符");
    expect_refused("周一至周五 9:00-17:00 \xff", "含无效字符");
    char longer[400];
    memset(longer, ' ', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    expect_refused(longer, "太长");
    assert_int_equal(hours_parse("24小时", NULL, NULL), 1); /* out and why may be NULL */
}

static void test_outputs(void **state)
{
    (void)state;
    char f[128], l[192];
    hours_t h;
    memset(&h, 0, sizeof h);
    h.days = 0x7F;
    h.nspans = HOURS_MAX_SPANS;
    for (int i = 0; i < HOURS_MAX_SPANS; i++) {
        h.span[i].from = 60 + i * 120;
        h.span[i].to = 100 + i * 120 + (i == HOURS_MAX_SPANS - 1 ? 1440 : 0);
    }
    h.holiday = HH_CLOSED;
    hours_format(&h, f);
    hours_label(&h, l);
    assert_true(strlen(f) < 128);
    assert_true(strlen(l) < 192);
    assert_non_null(strstr(f, "daily 01:00-01:40,"));
    assert_non_null(strstr(l, "每天 1:00-1:40、"));
    assert_string_equal(hours_format(NULL, f), "");
    assert_string_equal(hours_label(NULL, l), "");
}

/* ---- open at ------------------------------------------------------------------------ */

/* The 2024 National Day arrangement: 10-01..10-07 off, Sunday 09-29 and Saturday 10-12
 * worked; and the Mid-Autumn 09-15..09-17 with Saturday 09-14 worked. */
static const char *const holidays[] = {"2024-09-15", "2024-09-16", "2024-09-17",
                                       "2024-10-01", "2024-10-02", "2024-10-03",
                                       "2024-10-04", "2024-10-05", "2024-10-06",
                                       "2024-10-07"};
static const char *const workdays[] = {"2024-09-14", "2024-09-29", "2024-10-12"};
static const hours_calendar cal = {holidays, 10, workdays, 3, "2024-01-01", "2024-12-31"};

static void expect_at(const char *hours, const hours_calendar *c, const char *date, int minute,
                      enum hours_state st, int next, const char *why_part)
{
    hours_t h;
    const char *why;
    if (!hours_parse(hours, &h, &why))
        fail_msg("“%s”: %s", hours, why);
    hours_answer a;
    if (!hours_open_at(&h, c, date, minute, &a))
        fail_msg("%s %d refused", date, minute);
    if (a.state != st || a.next_minutes != next)
        fail_msg("“%s” at %s %02d:%02d: state %d next %d (%s), expected %d next %d", hours, date,
                 minute / 60, minute % 60, a.state, a.next_minutes, a.why, st, next);
    assert_non_null(a.why);
    if (!strstr(a.why, why_part))
        fail_msg("“%s” at %s %d: why “%s”, expected “%s”", hours, date, minute, a.why, why_part);
}

#define HM(h, m) ((h) * 60 + (m))

static void test_open_weekdays(void **state)
{
    (void)state;
    const char *office = "周一至周五 8:30-12:00，14:00-17:30，节假日除外";
    /* 2024-10-14 is a Monday */
    expect_at(office, &cal, "2024-10-14", HM(8, 29), HS_CLOSED, 1, "不在接听时间");
    expect_at(office, &cal, "2024-10-14", HM(8, 30), HS_OPEN, 210, "");
    expect_at(office, &cal, "2024-10-14", HM(11, 59), HS_OPEN, 1, "");
    expect_at(office, &cal, "2024-10-14", HM(12, 0), HS_CLOSED, 120, "不在接听时间");
    expect_at(office, &cal, "2024-10-14", HM(14, 0), HS_OPEN, 210, "");
    expect_at(office, &cal, "2024-10-14", HM(17, 30), HS_CLOSED, 390 + 510, "");
    expect_at(office, &cal, "2024-10-14", 0, HS_CLOSED, 510, "");
    expect_at(office, &cal, "2024-10-14", 1439, HS_CLOSED, 1 + 510, "");
    /* Friday evening to Monday morning; Saturday is no day of the line */
    expect_at(office, &cal, "2024-10-18", HM(17, 30), HS_CLOSED, 390 + 2 * 1440 + 510, "");
    expect_at(office, &cal, "2024-10-19", HM(10, 0), HS_CLOSED, 840 + 1440 + 510, "非接听日");
    /* a leap day (Thursday) */
    expect_at(office, &cal, "2024-02-29", HM(9, 0), HS_OPEN, 180, "");
    /* always: never changes */
    expect_at("24小时", &cal, "2024-10-14", 0, HS_OPEN, -1, "");
    expect_at("24小时", &cal, "2024-10-14", 1439, HS_OPEN, -1, "");
    expect_at("24小时", &cal, "2024-10-02", HM(3, 0), HS_OPEN, -1, "");
}

static void test_open_midnight(void **state)
{
    (void)state;
    /* a span ending at 24:00 ends at midnight */
    const char *eve = "每天 8:00-12:00 20:00-24:00，节假日照常";
    expect_at(eve, &cal, "2024-10-14", HM(23, 59), HS_OPEN, 1, "");
    expect_at(eve, &cal, "2024-10-14", 0, HS_CLOSED, 480, "");
    expect_at(eve, &cal, "2024-10-14", HM(20, 0), HS_OPEN, 240, "");
    /* a span into the next morning: open across midnight */
    const char *night = "每天22:00-次日6:00，节假日照常";
    expect_at(night, &cal, "2024-10-14", HM(21, 59), HS_CLOSED, 1, "");
    expect_at(night, &cal, "2024-10-14", HM(22, 0), HS_OPEN, 480, "");
    expect_at(night, &cal, "2024-10-14", HM(23, 59), HS_OPEN, 361, "");
    expect_at(night, &cal, "2024-10-15", 0, HS_OPEN, 360, "");
    expect_at(night, &cal, "2024-10-15", HM(5, 59), HS_OPEN, 1, "");
    expect_at(night, &cal, "2024-10-15", HM(6, 0), HS_CLOSED, 960, "");
    /* Monday to Friday nights: Saturday morning is Friday's night, Monday morning is not
     * Sunday's */
    const char *wnight = "周一至周五 22:00-次日6:00，节假日照常";
    expect_at(wnight, &cal, "2024-10-19", HM(5, 0), HS_OPEN, 60, "");
    expect_at(wnight, &cal, "2024-10-20", HM(5, 0), HS_CLOSED, 17 * 60 + 1440, "");
    expect_at(wnight, &cal, "2024-10-21", HM(5, 0), HS_CLOSED, 17 * 60, "");
    /* across a year's end */
    expect_at(night, NULL, "2024-12-31", HM(23, 0), HS_OPEN, 420, "");
    expect_at(night, NULL, "2025-01-01", HM(0, 30), HS_OPEN, 330, "");
}

static void test_open_holidays(void **state)
{
    (void)state;
    const char *closed = "周一至周五 8:30-17:30，节假日除外";
    const char *unsaid = "周一至周五 8:30-17:30";
    const char *open = "周一至周五 8:30-17:30，节假日照常";
    /* 2024-10-02, a Wednesday of the National Day holiday */
    expect_at(closed, &cal, "2024-10-02", HM(10, 0), HS_CLOSED,
              14 * 60 + 5 * 1440 + 510, "节假日（按公布的放假安排）");
    expect_at(unsaid, &cal, "2024-10-02", HM(10, 0), HS_UNSURE, 450, "节假日，来源未说明");
    expect_at(unsaid, &cal, "2024-10-02", HM(20, 0), HS_CLOSED, 750, "");
    expect_at(open, &cal, "2024-10-02", HM(10, 0), HS_OPEN, 450, "节假日照常");
    /* 2024-10-07 (Monday, the last holiday) to Tuesday 10-08 */
    expect_at(closed, &cal, "2024-10-07", HM(17, 30), HS_CLOSED, 390 + 510, "节假日");
    expect_at(closed, &cal, "2024-10-08", HM(8, 30), HS_OPEN, 540, "");
    /* 调休: Sunday 2024-09-29 and Saturday 2024-10-12 are worked: Monday-Friday lines open */
    expect_at(closed, &cal, "2024-09-29", HM(10, 0), HS_OPEN, 450, "调休上班日");
    expect_at(unsaid, &cal, "2024-10-12", HM(8, 30), HS_OPEN, 540, "调休上班日");
    expect_at(closed, &cal, "2024-10-12", HM(7, 0), HS_CLOSED, 90, "不在接听时间");
    /* the Saturday before: a holiday line closes Friday 17:30 until the worked Sunday */
    expect_at(closed, &cal, "2024-09-27", HM(17, 30), HS_CLOSED, 390 + 1440 + 510, "");
    /* an ordinary Saturday is closed */
    expect_at(closed, &cal, "2024-10-19", HM(10, 0), HS_CLOSED, 14 * 60 + 1440 + 510,
              "非接听日");
    /* a line that works some weekdays only: on a 调休 Saturday nobody can tell */
    expect_at("周一、三、五 9:00-12:00，节假日除外", &cal, "2024-10-12", HM(10, 0), HS_UNSURE,
              120, "调休上班日，不知按周几接听");
    /* a weekend line keeps its own day on a 调休 Saturday */
    expect_at("周六、周日 9:00-12:00", &cal, "2024-10-12", HM(10, 0), HS_OPEN, 120, "调休上班日");
    /* Mid-Autumn: Saturday 09-14 worked, Sunday 09-15 to Tuesday 09-17 off */
    expect_at(closed, &cal, "2024-09-14", HM(17, 29), HS_OPEN, 1, "调休上班日");
    expect_at(closed, &cal, "2024-09-14", HM(17, 30), HS_CLOSED, 390 + 3 * 1440 + 510, "");
    /* an always line closed on holidays */
    expect_at("24小时，节假日除外", &cal, "2024-10-07", HM(23, 59), HS_CLOSED, 1, "节假日");
    expect_at("24小时，节假日除外", &cal, "2024-10-08", 0, HS_OPEN, -1, "");
    /* the next change beyond 8 days: a Monday hour, the next Monday a holiday */
    expect_at("周一 9:00-10:00，节假日除外", &cal, "2024-09-30", HM(10, 0), HS_CLOSED, -1, "");
    /* the span into the morning of a holiday belongs to the day before */
    expect_at("周一至周五 22:00-次日6:00，节假日除外", &cal, "2024-10-01", HM(5, 0), HS_OPEN, 60,
              "");
    expect_at("周一至周五 22:00-次日6:00，节假日除外", &cal, "2024-10-01", HM(22, 0), HS_CLOSED,
              7 * 1440, "节假日");
}

static void test_open_calendar_edges(void **state)
{
    (void)state;
    const char *closed = "周一至周五 8:30-17:30，节假日除外";
    const char *unsaid = "周一至周五 8:30-17:30";
    const char *open = "周一至周五 8:30-17:30，节假日照常";
    /* 2025-03-03 (Monday) is outside the calendar */
    expect_at(closed, &cal, "2025-03-03", HM(10, 0), HS_UNSURE, 450, "不在放假安排范围内");
    expect_at(unsaid, &cal, "2025-03-03", HM(10, 0), HS_UNSURE, 450, "不在放假安排范围内");
    expect_at(open, &cal, "2025-03-03", HM(10, 0), HS_OPEN, 450, "");
    expect_at(closed, &cal, "2025-03-03", HM(20, 0), HS_CLOSED, 750, "");
    expect_at(closed, &cal, "2023-12-29", HM(10, 0), HS_UNSURE, 450, "不在放假安排范围内");
    /* the last covered day: Tuesday 2024-12-31; the state turns unsure at the next opening */
    expect_at(closed, &cal, "2024-12-31", HM(10, 0), HS_OPEN, 450, "");
    expect_at(closed, &cal, "2024-12-31", HM(17, 30), HS_CLOSED, 390 + 510, "");
    expect_at("24小时，节假日除外", &cal, "2025-03-03", HM(10, 0), HS_UNSURE, -1, "不在放假安排");
    expect_at("24小时", &cal, "2025-03-03", HM(10, 0), HS_OPEN, -1, "");
    /* a calendar without bounds covers every date */
    const hours_calendar open_ended = {holidays, 10, workdays, 3, "", ""};
    expect_at(closed, &open_ended, "2025-03-03", HM(10, 0), HS_OPEN, 450, "");
    const hours_calendar null_bounds = {holidays, 10, workdays, 3, NULL, NULL};
    expect_at(closed, &null_bounds, "2024-10-02", HM(10, 0), HS_CLOSED, 14 * 60 + 5 * 1440 + 510,
              "节假日");
    /* no calendar: weekday rules only, said so */
    expect_at(closed, NULL, "2024-10-02", HM(10, 0), HS_OPEN, 450, "未提供放假安排");
    expect_at(open, NULL, "2024-10-02", HM(10, 0), HS_OPEN, 450, "");
    expect_at(closed, NULL, "2024-10-12", HM(10, 0), HS_CLOSED, 14 * 60 + 1440 + 510, "非接听日");
    /* an empty calendar */
    const hours_calendar empty = {NULL, 0, NULL, 0, "2024-01-01", "2024-12-31"};
    expect_at(closed, &empty, "2024-10-02", HM(10, 0), HS_OPEN, 450, "");
}

/* What the state changes to, and the label for people. */
static void test_change_label(void **state)
{
    (void)state;
    hours_t h;
    const char *why;
    assert_true(hours_parse("周一至周五 8:30-12:00，14:00-17:30", &h, &why));
    hours_answer a;
    char buf[128];
    /* Friday 2024-09-13 10:00: open, closes at 12:00. */
    assert_true(hours_open_at(&h, &cal, "2024-09-13", HM(10, 0), &a));
    assert_int_equal(a.next_state, HS_CLOSED);
    assert_string_equal(hours_change_label(&a, HM(10, 0), buf), "12:00 停止接听（2 小时后）");
    /* Friday 18:00: closed; Saturday 09-14 is a 调休 working day, so it opens next morning. */
    assert_true(hours_open_at(&h, &cal, "2024-09-13", HM(18, 0), &a));
    assert_int_equal(a.next_state, HS_OPEN);
    assert_string_equal(hours_change_label(&a, HM(18, 0), buf), "次日 8:30 开始接听（14 小时 30 分后）");
    /* The Mid-Autumn holiday follows: the line says nothing about holidays, so Monday 09-16
     * is unsure during its hours, not "open". */
    assert_true(hours_open_at(&h, &cal, "2024-09-14", HM(18, 0), &a));
    assert_int_equal(a.state, HS_CLOSED);
    assert_int_equal(a.next_state, HS_UNSURE);
    assert_non_null(strstr(hours_change_label(&a, HM(18, 0), buf), "起接听与否不确定"));
    /* 24 hours: no change, no label. */
    assert_true(hours_parse("24小时", &h, &why));
    assert_true(hours_open_at(&h, &cal, "2024-09-13", HM(10, 0), &a));
    assert_string_equal(hours_change_label(&a, HM(10, 0), buf), "");
}

/* Two spans that make a whole day: one span of 24 hours, written and read back. */
static void test_whole_day_spans(void **state)
{
    (void)state;
    hours_t h, again;
    const char *why;
    char buf[128];
    assert_true(hours_parse("周一至周五 8:00-20:00，20:00-次日8:00", &h, &why));
    assert_int_equal(h.nspans, 1);
    assert_int_equal(h.span[0].to - h.span[0].from, 1440);
    hours_format(&h, buf);
    assert_true(hours_parse(buf, &again, &why));
    assert_int_equal(again.span[0].from, h.span[0].from);
    assert_int_equal(again.span[0].to, h.span[0].to);
    /* Past a day: capped at the same clock time the next day. */
    assert_true(hours_parse("每天 12:00-20:30，16:30-次日13:00", &h, &why));
    assert_int_equal(h.span[0].to - h.span[0].from, 1440);
    hours_format(&h, buf);
    assert_true(hours_parse(buf, &again, &why));
}

static void test_open_bad_input(void **state)
{
    (void)state;
    hours_t h;
    assert_true(hours_parse("周一至周五 8:30-17:30", &h, NULL));
    hours_answer a;
    static const char *const bad[] = {"",           "2024-13-01", "2024-02-30", "2023-02-29",
                                      "2024/10/01", "2024-1-1",   "20241001",   "2024-10",
                                      "2024",       "2024-10-01 ", " 2024-10-01", "2024-10-0x",
                                      "2024年10月1日", "x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        a.state = HS_OPEN;
        if (hours_open_at(&h, &cal, bad[i], 600, &a))
            fail_msg("date “%s” accepted", bad[i]);
        assert_int_equal(a.state, HS_CLOSED);
        assert_int_equal(a.next_minutes, -1);
    }
    assert_int_equal(hours_open_at(&h, &cal, NULL, 600, &a), 0);
    assert_int_equal(hours_open_at(&h, &cal, "2024-10-14", -1, &a), 0);
    assert_int_equal(hours_open_at(&h, &cal, "2024-10-14", 1440, &a), 0);
    assert_int_equal(hours_open_at(NULL, &cal, "2024-10-14", 600, &a), 0);
    assert_int_equal(hours_open_at(&h, &cal, "2024-10-14", 600, &a), 1);
    assert_int_equal(hours_open_at(&h, &cal, "2024-10-14", 600, NULL), 1);
    assert_int_equal(hours_open_at(&h, &cal, "2100-12-31", 600, &a), 1); /* the scan runs past */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_day),
        cmocka_unit_test(test_days_and_times),
        cmocka_unit_test(test_holidays_and_nights),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_outputs),
        cmocka_unit_test(test_open_weekdays),
        cmocka_unit_test(test_open_midnight),
        cmocka_unit_test(test_open_holidays),
        cmocka_unit_test(test_open_calendar_edges),
        cmocka_unit_test(test_open_bad_input),
        cmocka_unit_test(test_change_label),
        cmocka_unit_test(test_whole_day_spans),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
