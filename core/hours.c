/* Opening hours of a hotline (core/hours.h).
 *
 * The text is first folded (fold_text): full-width ASCII to ASCII, ASCII to lower case,
 * every dash, ～ and the words 至 and 到 to '-', 、 ； 。 and ， to ',', × and * to 'x',
 * 【】 to brackets, ∶ to ':'. The parser then reads words from the start: holiday phrases,
 * all-day words (24小时, 7×24小时, 全天候), day sets (工作日, 周一至周五, 周一、三、五, Mon-Fri),
 * time spans (8:30-12:00, 下午2点-5点半, 22:00-次日6:00) and a few filler words (接听时间,
 * 热线 ...). Day sets and spans make groups: a day set after spans starts a new group, and
 * every group must have the same spans (the structure has one set of spans for all its
 * days). */
#include "hours.h"

#include "isodate.h"
#include "utf8dec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_MAX 512
#define DAY_MIN 1440

/* ---- folding ------------------------------------------------------------------------ */

static int fold_text(const char *text, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text, *end = s + strlen(text);
    size_t o = 0;
    while (s < end) {
        uint32_t cp;
        int valid;
        s += u8_decode(s, end, &cp, &valid);
        if (!valid)
            return 0;
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp -= 0xFEE0;
        if (cp >= 'A' && cp <= 'Z')
            cp += 'a' - 'A';
        if (cp == 0x3000 || cp == 0xA0 || cp == '\t' || cp == '\n' || cp == '\r')
            cp = ' ';
        else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x301C ||
                 cp == 0xFE58 || cp == 0xFE63 || cp == '~' || cp == 0x81F3 /* 至 */ ||
                 cp == 0x5230 /* 到 */ || cp == 0x2053)
            cp = '-';
        else if (cp == 0x3001 || cp == ';' || cp == 0x3002 || cp == 0xFF64)
            cp = ',';
        else if (cp == 0xD7 /* × */ || cp == '*')
            cp = 'x';
        else if (cp == 0x3010 || cp == '[')
            cp = '(';
        else if (cp == 0x3011 || cp == ']')
            cp = ')';
        else if (cp == 0x2236)
            cp = ':';
        if (cp < 0x20 || cp == 0x7F)
            return 0;
        if (o + 5 >= cap)
            return 0;
        o += (size_t)u8_encode(cp, out + o);
    }
    out[o] = '\0';
    return 1;
}

/* ---- words -------------------------------------------------------------------------- */

static int eat(const char **p, const char *word)
{
    size_t n = strlen(word);
    if (!strncmp(*p, word, n)) {
        *p += n;
        return 1;
    }
    return 0;
}

static int eat_any(const char **p, const char *const *words)
{
    for (; *words; words++)
        if (eat(p, *words))
            return 1;
    return 0;
}

static void skip_spaces(const char **p)
{
    while (**p == ' ')
        (*p)++;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A weekday written without 周 (一 ... 日, 天, 七): 0 = Monday, or -1. */
static int bare_day(const char **p)
{
    static const char *const names[] = {"一", "二", "三", "四", "五", "六", "日", "天", "七"};
    for (int i = 0; i < 9; i++)
        if (eat(p, names[i]))
            return i >= 6 ? 6 : i;
    if (**p >= '1' && **p <= '7' && !is_digit((*p)[1]) && (*p)[1] != ':' && (*p)[1] != '.') {
        int d = **p - '1';
        (*p)++;
        return d;
    }
    return -1;
}

/* One weekday: 周一, 星期三, 礼拜天, mon, tuesday. */
static int one_day(const char **p)
{
    static const char *const en[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    static const char *const full[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    const char *q = *p;
    if (eat(&q, "星期") || eat(&q, "礼拜") || eat(&q, "周")) {
        int d = bare_day(&q);
        if (d >= 0)
            *p = q;
        return d;
    }
    for (int i = 0; i < 7; i++)
        if (eat(p, full[i]) || eat(p, en[i]))
            return i;
    return -1;
}

/* A day set: 工作日, 每天, 周末, 周一至周五, 周一至五, 周一、三、五, mon-fri,sun. Returns the mask
 * (bit 0 = Monday) or 0 when no day set starts at *p. */
static unsigned char day_set(const char **p)
{
    static const char *const every[] = {"每天", "每日", "天天", "全周", "daily", "每周7天",
                                        "每周七天", "一周7天", "一周七天", "全年每天", NULL};
    static const char *const weekend[] = {"周末", "双休日", "公休日", "weekends", "weekend", NULL};
    if (eat_any(p, every))
        return 0x7F;
    if (eat_any(p, weekend))
        return 0x60;
    if (eat(p, "工作日") || eat(p, "weekdays") || eat(p, "weekday"))
        return 0x1F;
    const char *q = *p;
    int first = one_day(&q);
    if (first < 0)
        return 0;
    unsigned char mask = 0;
    int english = (unsigned char)**p < 0x80;
    for (;;) {
        /* first is read; a range? */
        const char *r = q;
        skip_spaces(&r);
        int last = -1;
        if (*r == '-') {
            while (*r == '-')
                r++;
            skip_spaces(&r);
            last = one_day(&r);
            if (last < 0 && !english)
                last = bare_day(&r);
        }
        if (last >= 0) {
            for (int d = first;; d = (d + 1) % 7) {
                mask |= (unsigned char)(1u << d);
                if (d == last)
                    break;
            }
            q = r;
        } else {
            mask |= (unsigned char)(1u << first);
        }
        /* a list: 、三 / ,周三 / ,wed */
        r = q;
        skip_spaces(&r);
        if (*r != ',')
            break;
        r++;
        skip_spaces(&r);
        int next = one_day(&r);
        if (next < 0 && !english)
            next = bare_day(&r);
        if (next < 0)
            break;
        first = next;
        q = r;
    }
    *p = q;
    return mask;
}

/* ---- times -------------------------------------------------------------------------- */

enum period { P_NONE, P_AM, P_NOON, P_PM };

/* A clock time: [次日][上午|下午|...]H[:MM | 点[MM分|半] | 时...]. Returns 1 with the
 * minutes, the period word and whether 次日 was written; 0 when no time starts here;
 * -1 with *why for a time that is not one. */
static int clock_time(const char **p, int *minutes, enum period *per, int *next_day,
                      const char **why)
{
    const char *q = *p;
    static const char *const nextw[] = {"次日", "第二天", "翌日", "隔天", NULL};
    static const char *const am[] = {"上午", "早上", "早晨", "凌晨", "早", "am", NULL};
    static const char *const noon[] = {"中午", NULL};
    static const char *const pm[] = {"下午", "晚上", "晚间", "夜间", "夜里", "傍晚", "晚",
                                     "夜", "pm", NULL};
    *next_day = eat_any(&q, nextw);
    skip_spaces(&q);
    *per = P_NONE;
    if (eat_any(&q, am))
        *per = P_AM;
    else if (eat_any(&q, noon))
        *per = P_NOON;
    else if (eat_any(&q, pm))
        *per = P_PM;
    skip_spaces(&q);
    if (!is_digit(*q))
        return *next_day || *per ? (*why = "时间写得不对", -1) : 0;
    int h = 0, n = 0;
    while (is_digit(*q)) {
        if (++n > 2) {
            *why = "时间写得不对";
            return -1;
        }
        h = h * 10 + (*q++ - '0');
    }
    int m = 0;
    if (*q == ':' || (*q == '.' && is_digit(q[1]))) {
        q++;
        if (!is_digit(q[0]) || !is_digit(q[1]) || is_digit(q[2])) {
            *why = "时间写得不对（分钟应为两位）";
            return -1;
        }
        m = (q[0] - '0') * 10 + (q[1] - '0');
        q += 2;
    } else if (eat(&q, "点") || eat(&q, "时")) {
        if (eat(&q, "半")) {
            m = 30;
        } else if (is_digit(*q)) {
            m = *q++ - '0';
            if (is_digit(*q))
                m = m * 10 + (*q++ - '0');
            eat(&q, "分");
        } else {
            eat(&q, "整");
        }
    }
    if (h > 24 || m > 59 || (h == 24 && m > 0)) {
        *why = "时间超出范围（0:00–24:00）";
        return -1;
    }
    if (*per == P_AM && h > 12) {
        *why = "上午的时间超过12点";
        return -1;
    }
    if (*per == P_PM && h < 12)
        h += 12;
    else if (*per == P_NOON && h < 6)
        h += 12;
    if (h > 24 || (h == 24 && m > 0)) {
        *why = "时间超出范围（0:00–24:00）";
        return -1;
    }
    *minutes = h * 60 + m;
    *p = q;
    return 1;
}

/* A span: time '-' time. Returns 1 and sets from/to (to > 1440 for a span into the next
 * morning), 0 when no time starts here, -1 with *why. */
static int span(const char **p, int *from, int *to, const char **why)
{
    const char *q = *p;
    enum period p1, p2;
    int nd1, nd2;
    int r = clock_time(&q, from, &p1, &nd1, why);
    if (r <= 0)
        return r;
    if (nd1) {
        *why = "开始时间不能写“次日”";
        return -1;
    }
    skip_spaces(&q);
    if (*q != '-') {
        *why = "时间段缺少结束时间（应写作8:30-12:00）";
        return -1;
    }
    while (*q == '-')
        q++;
    skip_spaces(&q);
    r = clock_time(&q, to, &p2, &nd2, why);
    if (r == 0) {
        *why = "时间段缺少结束时间（应写作8:30-12:00）";
        return -1;
    }
    if (r < 0)
        return -1;
    if (eat(&q, "+1")) /* the structured form's next morning: 10:00-02:00+1 */
        nd2 = 1;
    if (p2 == P_NONE && p1 != P_NONE && !nd2) {
        /* 下午2:00-5:30: the end takes the start's word */
        if ((p1 == P_PM || (p1 == P_NOON && *to < 6 * 60)) && *to < 12 * 60)
            *to += 12 * 60;
    }
    if (*from >= DAY_MIN) {
        *why = "开始时间不能是24:00";
        return -1;
    }
    if (nd2) {
        if (*to > *from) { /* 08:00-08:00+1 is a whole day from 8:00, no more */
            *why = "跨夜时间段长于24小时";
            return -1;
        }
        *to += DAY_MIN;
    } else if (*to == *from) {
        *why = "开始和结束时间相同";
        return -1;
    } else if (*to < *from) {
        if (*from < 12 * 60) {
            *why = "结束时间早于开始时间（跨夜请写“次日”）";
            return -1;
        }
        *to += DAY_MIN; /* 22:00-6:00 */
    }
    *p = q;
    return 1;
}

/* ---- parsing ------------------------------------------------------------------------ */

typedef struct {
    unsigned char days;
    int allday;
    int nspans;
    struct {
        int from, to;
    } span[HOURS_MAX_SPANS];
} group_t;

static int span_cmp(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

/* Sorts and merges overlapping or touching spans. */
static void normalise_spans(group_t *g)
{
    if (g->allday) {
        g->nspans = 1;
        g->span[0].from = 0;
        g->span[0].to = DAY_MIN;
        return;
    }
    qsort(g->span, (size_t)g->nspans, sizeof g->span[0], span_cmp);
    int n = 0;
    for (int i = 0; i < g->nspans; i++) {
        if (n > 0 && g->span[i].from <= g->span[n - 1].to) {
            if (g->span[i].to > g->span[n - 1].to)
                g->span[n - 1].to = g->span[i].to;
        } else {
            g->span[n++] = g->span[i];
        }
    }
    g->nspans = n;
    /* 8:00-20:00 and 20:00-次日8:00 merge into one span of a whole day; one that runs past
     * 24 hours (12:00-次日13:00 with 12:00-20:30) ends where the next day's own hours
     * begin, at the same clock time: a span never claims more than a day. */
    for (int i = 0; i < n; i++)
        if (g->span[i].to - g->span[i].from > DAY_MIN)
            g->span[i].to = g->span[i].from + DAY_MIN;
    if (n == 1 && g->span[0].from == 0 && g->span[0].to == DAY_MIN)
        g->allday = 1; /* 0:00-24:00 */
}

static int fail(const char **why, const char *reason)
{
    if (why)
        *why = reason;
    return 0;
}

int hours_parse(const char *text, hours_t *out, const char **why)
{
    const char *dummy;
    if (!why)
        why = &dummy;
    *why = "";
    hours_t scratch;
    if (!out)
        out = &scratch;
    memset(out, 0, sizeof *out);
    if (!text)
        return fail(why, "没有写接听时间");
    char buf[TEXT_MAX];
    if (strlen(text) >= TEXT_MAX / 2 || !fold_text(text, buf, sizeof buf))
        return fail(why, strlen(text) >= TEXT_MAX / 2 ? "接听时间太长" : "含无效字符");

    static const char *const closed_words[] = {"除外", "休息", "不接听", "不办公", "不上班",
                                               "停止接听", "暂停", "不受理", "停止", "关闭",
                                               "closed", "休", NULL};
    static const char *const open_words[] = {"照常", "正常", "无休", "不休", "值班", "接听",
                                             "开通", "服务", "open", NULL};
    static const char *const holiday_words[] = {"法定节假日", "法定假日", "节假日", "节日",
                                                "假日", "holidays", "holiday", NULL};
    static const char *const holiday_between[] = {"期间", "均", "也", "亦", "都", " ", NULL};
    static const char *const open_all[] = {"全年无休", "全年不休", "无节假日", "365天",
                                           "三百六十五天", "节假日无休", NULL};
    static const char *const always_words[] = {"7x24小时", "7x24h", "7x24", "全天24小时",
                                               "每天24小时", "24小时全天候", "全天候",
                                               "24小时", "24h", NULL};
    static const char *const fillers[] = {
        "接听时间", "工作时间", "服务时间", "受理时间", "办公时间", "上班时间", "值班时间",
        "开放时间", "咨询时间", "时间", "热线", "电话", "人工", "服务", "接听", "值守",
        "值班", "开通", "受理", "提供", "均可", "均", "全年", "为", "是", "在", "及",
        "和", "以及", "期间", "上班", "办公", "hours", "open", NULL};

    group_t groups[8];
    int ng = 1;
    memset(groups, 0, sizeof groups);
    unsigned char except = 0;
    int always = 0; /* 7x24 seen */
    int every = 0;  /* 全年无休, 365天: every day unless days are written */
    const char *p = buf;
    for (;;) {
        while (*p == ' ' || *p == ',' || *p == '(' || *p == ')' || *p == ':' || *p == '/' ||
               *p == '.' || *p == '+')
            p++;
        if (!*p)
            break;
        group_t *g = &groups[ng - 1];
        const char *q = p;
        /* holidays */
        if (eat_any(&q, open_all)) {
            if (out->holiday == HH_CLOSED)
                return fail(why, "节假日既写了照常又写了休息");
            out->holiday = HH_OPEN;
            every = 1; /* 全年无休 8:00-20:00: every day */
            p = q;
            continue;
        }
        if (eat_any(&q, holiday_words)) {
            while (eat_any(&q, holiday_between))
                ;
            if (eat_any(&q, closed_words)) {
                if (out->holiday == HH_OPEN)
                    return fail(why, "节假日既写了照常又写了休息");
                out->holiday = HH_CLOSED;
            } else if (eat_any(&q, open_words) || eat_any(&q, always_words)) {
                if (out->holiday == HH_CLOSED)
                    return fail(why, "节假日既写了照常又写了休息");
                out->holiday = HH_OPEN;
            } else {
                return fail(why, "节假日另有说法，读不懂（应写“节假日除外”或“节假日照常”）");
            }
            p = q;
            continue;
        }
        /* all day */
        if (eat_any(&q, always_words)) {
            if (!strncmp(p, "7x", 2))
                always = 1; /* every day */
            g->allday = 1;
            p = q;
            continue;
        }
        if (eat(&q, "全天")) {
            g->allday = 1;
            p = q;
            continue;
        }
        /* days */
        unsigned char m = day_set(&q);
        if (m) {
            const char *r = q;
            skip_spaces(&r);
            int with_holidays = 0;
            const char *r2 = r;
            if ((eat(&r2, "及") || eat(&r2, "和") || eat(&r2, "与") || eat(&r2, ",") ||
                 eat(&r2, "、")) &&
                eat_any(&r2, holiday_words)) {
                with_holidays = 1;
                r = r2;
            }
            while (eat_any(&r, holiday_between))
                ;
            if (eat_any(&r, closed_words)) {
                except |= m; /* 周六、周日休息; 周末及节假日除外 */
                if (with_holidays) {
                    if (out->holiday == HH_OPEN)
                        return fail(why, "节假日既写了照常又写了休息");
                    out->holiday = HH_CLOSED;
                }
                p = r;
                continue;
            }
            if (with_holidays) /* 周末及节假日 9:00-12:00: other hours for those days */
                return fail(why, "节假日另有说法，读不懂（应写“节假日除外”或“节假日照常”）");
            if ((g->nspans || g->allday) && g->days) {
                if (ng == 8)
                    return fail(why, "日期分组太多");
                g = &groups[ng++];
            }
            g->days |= m;
            p = q;
            continue;
        }
        /* spans */
        int from, to;
        int r = span(&q, &from, &to, why);
        if (r < 0)
            return 0;
        if (r > 0) {
            if (g->nspans == HOURS_MAX_SPANS)
                return fail(why, "时间段太多（最多8段）");
            g->span[g->nspans].from = from;
            g->span[g->nspans].to = to;
            g->nspans++;
            p = q;
            continue;
        }
        if (eat_any(&q, fillers)) {
            p = q;
            continue;
        }
        if (is_digit(*p))
            return fail(why, "数字读不懂（时间应写作8:30-12:00）");
        return fail(why, "有读不懂的文字");
    }
    /* the groups */
    int any = 0;
    for (int i = 0; i < ng; i++)
        any |= groups[i].days || groups[i].nspans || groups[i].allday;
    if (!any) {
        if (always)
            groups[0].allday = 1;
        else
            return fail(why, out->holiday ? "只写了节假日，没有写接听时间" : "没有写接听时间");
    }
    unsigned char days = 0;
    for (int i = 0; i < ng; i++) {
        group_t *g = &groups[i];
        if (!g->nspans && !g->allday) {
            if (ng > 1 && i + 1 == ng)
                return fail(why, "最后几天没有写时间");
            return fail(why, "没有写时间段");
        }
        if (!g->days) {
            if (g->allday || always || every)
                g->days = 0x7F; /* 24小时 alone: every day */
            else
                return fail(why, "没有写哪几天接听（如“周一至周五”或“每天”）");
        }
        if (always && g->days != 0x7F)
            return fail(why, "7×24小时与所写的日子矛盾");
        normalise_spans(g);
        if (i > 0) {
            const group_t *f = &groups[0];
            if (g->nspans != f->nspans ||
                memcmp(g->span, f->span, sizeof g->span[0] * (size_t)g->nspans))
                return fail(why, "不同的日子时间不同，暂不能表示");
        }
        days |= g->days;
    }
    days &= (unsigned char)~except;
    if (!days)
        return fail(why, "除去休息日后没有接听的日子");
    out->days = days;
    out->nspans = groups[0].nspans;
    for (int i = 0; i < out->nspans; i++) {
        out->span[i].from = groups[0].span[i].from;
        out->span[i].to = groups[0].span[i].to;
    }
    out->always = days == 0x7F && groups[0].allday;
    return 1;
}

/* ---- formatting --------------------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t cap, len;
    int cut;
} sbuf;

/* Appends a whole piece or nothing (then "…" once, if it fits). */
static void put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->cut)
        return;
    if (b->len + n + 1 > b->cap) {
        b->cut = 1;
        if (b->len + 4 <= b->cap) {
            memcpy(b->buf + b->len, "…", 3);
            b->len += 3;
            b->buf[b->len] = '\0';
        }
        return;
    }
    memcpy(b->buf + b->len, s, n + 1);
    b->len += n;
}

static void put_days(sbuf *b, unsigned char days, int zh)
{
    static const char *const en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const cn[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    const char *const *names = zh ? cn : en;
    if (days == 0x7F) {
        put(b, zh ? "每天" : "daily");
        return;
    }
    int first = 1;
    for (int d = 0; d < 7;) {
        if (!(days & (1u << d))) {
            d++;
            continue;
        }
        int e = d;
        while (e + 1 < 7 && (days & (1u << (e + 1))))
            e++;
        int len = e - d + 1;
        if (len >= 3) {
            if (!first)
                put(b, zh ? "、" : ",");
            put(b, names[d]);
            put(b, zh ? "至" : "-");
            put(b, names[e]);
            first = 0;
        } else {
            for (int i = d; i <= e; i++) {
                if (!first)
                    put(b, zh ? "、" : ",");
                put(b, names[i]);
                first = 0;
            }
        }
        d = e + 1;
    }
}

static void put_time(sbuf *b, int minutes, int pad)
{
    char t[16];
    snprintf(t, sizeof t, pad ? "%02d:%02d" : "%d:%02d", (minutes / 60) % 100, minutes % 60);
    put(b, t);
}

const char *hours_format(const hours_t *h, char buf[128])
{
    sbuf b = {buf, 128, 0, 0};
    buf[0] = '\0';
    if (!h)
        return buf;
    if (h->always) {
        put(&b, "24h");
    } else {
        put_days(&b, h->days, 0);
        put(&b, " ");
        for (int i = 0; i < h->nspans && i < HOURS_MAX_SPANS; i++) {
            if (i)
                put(&b, ",");
            put_time(&b, h->span[i].from, 1);
            put(&b, "-");
            int to = h->span[i].to;
            put_time(&b, to > DAY_MIN ? to - DAY_MIN : to, 1);
            /* +1 where the span could not be read back as the next morning without it:
             * a morning start (02:00 after 10:00 is read as overnight only from noon on),
             * or a whole day (12:00-12:00+1). */
            if (to > DAY_MIN &&
                (h->span[i].from < 12 * 60 || to - DAY_MIN >= h->span[i].from))
                put(&b, "+1");
        }
    }
    if (h->holiday == HH_CLOSED)
        put(&b, "; holidays closed");
    else if (h->holiday == HH_OPEN)
        put(&b, "; holidays open");
    return buf;
}

const char *hours_label(const hours_t *h, char buf[192])
{
    sbuf b = {buf, 192, 0, 0};
    buf[0] = '\0';
    if (!h)
        return buf;
    if (h->always) {
        put(&b, "24小时");
    } else {
        put_days(&b, h->days, 1);
        put(&b, " ");
        if (h->nspans == 1 && h->span[0].from == 0 && h->span[0].to == DAY_MIN)
            put(&b, "全天");
        for (int i = 0; i < h->nspans && i < HOURS_MAX_SPANS; i++) {
            if (h->nspans == 1 && h->span[0].from == 0 && h->span[0].to == DAY_MIN)
                break;
            if (i)
                put(&b, "、");
            put_time(&b, h->span[i].from, 0);
            put(&b, "-");
            int to = h->span[i].to;
            if (to > DAY_MIN) {
                put(&b, "次日");
                to -= DAY_MIN;
            }
            put_time(&b, to, 0);
        }
    }
    if (h->holiday == HH_CLOSED)
        put(&b, "（节假日除外）");
    else if (h->holiday == HH_OPEN)
        put(&b, h->always ? "（全年无休）" : "（节假日照常）");
    return buf;
}

/* ---- open at a date and time -------------------------------------------------------- */

static int str_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

static int in_list(const char *date, const char *const *list, size_t n)
{
    return list && n && bsearch(date, list, n, sizeof *list, str_cmp) != NULL;
}

/* What one day's own rule gives: whether its spans apply, the state inside them (open,
 * or unsure) with its reason, and the reason it is closed outside them. */
typedef struct {
    int applies;
    enum hours_state in_state;
    const char *in_why, *closed_why;
} day_rule;

static int weekday_of(const isodate *d)
{
    static const isodate monday = {2000, 1, 3, ISODATE_DAY};
    long n = isodate_days_between(&monday, d) % 7;
    return (int)(n < 0 ? n + 7 : n); /* 0 = Monday */
}

static day_rule rule_of(const hours_t *h, const hours_calendar *cal, const isodate *d)
{
    char date[11];
    isodate_format(d, date);
    int wd = weekday_of(d);
    day_rule r = {(h->days >> wd) & 1, HS_OPEN, "", "不在接听时间"};
    if (!r.applies)
        r.closed_why = "非接听日";
    if (h->always)
        r.applies = 1;
    int is_hol = cal && in_list(date, cal->holidays, cal->nholidays);
    int is_work = cal && !is_hol && in_list(date, cal->workdays, cal->nworkdays);
    int covered = cal && (!cal->first || !cal->first[0] || strcmp(date, cal->first) >= 0) &&
                  (!cal->last || !cal->last[0] || strcmp(date, cal->last) <= 0);
    if (is_hol) {
        switch (h->holiday) {
        case HH_OPEN:
            r.in_why = "节假日照常接听";
            break;
        case HH_CLOSED:
            r.applies = 0;
            r.closed_why = "节假日（按公布的放假安排）";
            break;
        default:
            if (h->always) {
                r.in_why = "24小时接听（节假日未另说明）";
            } else {
                r.in_state = HS_UNSURE;
                r.in_why = "节假日，来源未说明是否接听";
            }
        }
    } else if (is_work) {
        if (!((h->days >> wd) & 1) && !h->always) {
            if ((h->days & 0x1F) == 0x1F) {
                r.applies = 1;
                r.in_why = "调休上班日";
                r.closed_why = "不在接听时间";
            } else if (h->days & 0x1F) {
                r.applies = 1;
                r.closed_why = "不在接听时间";
                r.in_state = HS_UNSURE;
                r.in_why = "调休上班日，不知按周几接听";
            } else {
                r.closed_why = "调休上班日（该热线只在周末接听）";
            }
        } else {
            r.in_why = "调休上班日";
        }
    } else if (cal && !covered && h->holiday != HH_OPEN && !(h->always && h->holiday == HH_UNSAID)) {
        r.in_state = HS_UNSURE;
        r.in_why = "日期不在放假安排范围内，可能是节假日";
    } else if (!cal && h->holiday != HH_OPEN && !h->always) {
        r.in_why = "未提供放假安排，只按星期计算";
    }
    return r;
}

/* The state at a minute of day i, given its rule and the day before's (for spans running
 * into the morning). */
static enum hours_state state_at(const hours_t *h, const day_rule *today,
                                 const day_rule *yesterday, int minute, const char **why)
{
    if (today->applies)
        for (int i = 0; i < h->nspans && i < HOURS_MAX_SPANS; i++)
            if (minute >= h->span[i].from && minute < h->span[i].to) {
                *why = today->in_why;
                return today->in_state;
            }
    if (yesterday->applies)
        for (int i = 0; i < h->nspans && i < HOURS_MAX_SPANS; i++)
            if (h->span[i].to > DAY_MIN && minute < h->span[i].to - DAY_MIN) {
                *why = yesterday->in_why;
                return yesterday->in_state;
            }
    *why = today->closed_why;
    return HS_CLOSED;
}

#define SCAN_DAYS 8

int hours_open_at(const hours_t *h, const hours_calendar *cal, const char *date, int minute,
                  hours_answer *out)
{
    hours_answer scratch;
    if (!out)
        out = &scratch;
    out->state = HS_CLOSED;
    out->why = "";
    out->next_minutes = -1;
    isodate d;
    if (!h || !date || minute < 0 || minute >= DAY_MIN)
        return 0;
    /* exactly YYYY-MM-DD, a real date */
    if (strlen(date) != 10 || date[4] != '-' || date[7] != '-' ||
        !isodate_parse_all(date, &d) || d.prec != ISODATE_DAY)
        return 0;
    day_rule rules[SCAN_DAYS + 2]; /* [0] = the day before, [1] = date, ... */
    for (int i = 0; i < SCAN_DAYS + 2; i++) {
        isodate di = isodate_add_days(d, i - 1);
        rules[i] = rule_of(h, cal, &di);
    }
    const char *why;
    enum hours_state now = state_at(h, &rules[1], &rules[0], minute, &why);
    out->state = now;
    out->why = why;
    /* the next change, minute by minute within the coming 8 days */
    int day = 1, m = minute;
    for (int step = 1; step <= SCAN_DAYS * DAY_MIN; step++) {
        if (++m == DAY_MIN) {
            m = 0;
            day++;
        }
        const char *w;
        enum hours_state then = state_at(h, &rules[day], &rules[day - 1], m, &w);
        if (then != now) {
            out->next_minutes = step;
            out->next_state = then;
            break;
        }
    }
    return 1;
}

/* "2 小时 30 分后", "45 分钟后", "3 小时后". */
static int after_text(char *buf, size_t size, int m)
{
    if (m < 60)
        return snprintf(buf, size, "%d 分钟后", m);
    if (m % 60)
        return snprintf(buf, size, "%d 小时 %d 分后", m / 60, m % 60);
    return snprintf(buf, size, "%d 小时后", m / 60);
}

const char *hours_change_label(const hours_answer *a, int minute, char buf[128])
{
    buf[0] = '\0';
    if (!a || a->next_minutes < 0 || minute < 0 || minute >= DAY_MIN)
        return buf;
    /* What happens then: a line that may or may not answer is said so, not "opens". */
    const char *what = a->next_state == HS_OPEN     ? "开始接听"
                       : a->next_state == HS_CLOSED ? "停止接听"
                                                    : "起接听与否不确定（节假日）";
    int at = minute + a->next_minutes, day = at / DAY_MIN, t = at % DAY_MIN;
    if (day > 1) { /* calendar days: the clock time says the rest */
        snprintf(buf, 128, "%d 天后 %d:%02d %s", day % 100, t / 60, t % 60, what);
        return buf;
    }
    char rel[40];
    after_text(rel, sizeof rel, a->next_minutes);
    snprintf(buf, 128, "%s%d:%02d %s（%s）", day ? "次日 " : "", t / 60, t % 60, what, rel);
    return buf;
}
