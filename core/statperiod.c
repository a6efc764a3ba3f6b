/* Periods of relief statistics (core/statperiod.h). */
#include "statperiod.h"

#include "cnnum.h"

#include <stdio.h>
#include <string.h>

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

int stat_period_make(enum stat_ptype type, int year, int index, stat_period *out)
{
    memset(out, 0, sizeof *out);
    static const int count[] = {12, 4, 2, 1};
    if (year < 1949 || year > 2100 || (unsigned)type > SP_YEAR)
        return 0;
    if (type == SP_YEAR)
        index = 0;
    else if (index < 1 || index > count[type])
        return 0;
    static const int months[] = {1, 3, 6, 12}; /* months per period */
    int first = type == SP_YEAR ? 1 : (index - 1) * months[type] + 1;
    int last = first + months[type] - 1;
    out->type = type;
    out->year = year;
    out->index = index;
    /* The values are in range (checked above); the modulo tells the compiler so. */
    snprintf(out->start, sizeof out->start, "%04u-%02u-01", (unsigned)year % 10000u,
             (unsigned)first % 100u);
    snprintf(out->end, sizeof out->end, "%04u-%02u-%02u", (unsigned)year % 10000u,
             (unsigned)last % 100u, (unsigned)month_days(year, last) % 100u);
    return 1;
}

const char *stat_ptype_key(enum stat_ptype t)
{
    static const char *const keys[] = {"month", "quarter", "half", "year"};
    return (unsigned)t <= SP_YEAR ? keys[t] : "";
}

int stat_ptype_parse(const char *key, enum stat_ptype *out)
{
    for (int t = SP_MONTH; t <= SP_YEAR; t++)
        if (key && !strcmp(key, stat_ptype_key((enum stat_ptype)t))) {
            *out = (enum stat_ptype)t;
            return 1;
        }
    return 0;
}

/* A number at *p (ASCII, full-width or Chinese digits), moving *p past it. */
static int number(const char **p, const char *end, long *out)
{
    size_t used;
    if (*p >= end || !cnnum_parse(*p, (size_t)(end - *p), out, &used))
        return 0;
    *p += used;
    return 1;
}

static int eat(const char **p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - *p) >= n && !memcmp(*p, word, n)) {
        *p += n;
        return 1;
    }
    return 0;
}

int stat_period_parse(const char *text, stat_period *out)
{
    memset(out, 0, sizeof *out);
    if (!text)
        return 0;
    const char *p = text, *end = text + strlen(text);
    while (p < end && *p == ' ')
        p++;
    while (end > p && end[-1] == ' ')
        end--;
    long year;
    const char *y0 = p;
    if (!number(&p, end, &year) || p - y0 < 4)
        return 0; /* a year is written out: 2021, 二〇二一 */
    eat(&p, end, "年");
    if (eat(&p, end, "末") || eat(&p, end, "底")) /* 2021年底: the year-end figure */
        return p == end && stat_period_make(SP_YEAR, (int)year, 0, out);
    if (p == end)
        return stat_period_make(SP_YEAR, (int)year, 0, out);
    long n;
    enum stat_ptype type;
    if (eat(&p, end, "-") || eat(&p, end, "/") || eat(&p, end, ".")) {
        type = SP_MONTH; /* 2021-03 */
        if (!number(&p, end, &n))
            return 0;
    } else if (eat(&p, end, "Q") || eat(&p, end, "q")) {
        type = SP_QUARTER; /* 2021Q1 */
        if (!number(&p, end, &n))
            return 0;
    } else if (eat(&p, end, "H") || eat(&p, end, "h")) {
        type = SP_HALF; /* 2021H1 */
        if (!number(&p, end, &n))
            return 0;
    } else if (eat(&p, end, "上半年")) {
        type = SP_HALF;
        n = 1;
    } else if (eat(&p, end, "下半年")) {
        type = SP_HALF;
        n = 2;
    } else {
        eat(&p, end, "第");
        if (!number(&p, end, &n))
            return 0;
        if (eat(&p, end, "季度") || eat(&p, end, "季"))
            type = SP_QUARTER; /* 2021年第一季度, 2021年一季度 */
        else if (eat(&p, end, "月份") || eat(&p, end, "月") || p == end)
            type = SP_MONTH;   /* 2021年3月 */
        else
            return 0;
    }
    eat(&p, end, "末");
    eat(&p, end, "底");
    if (p != end)
        return 0;
    return stat_period_make(type, (int)year, (int)n, out);
}

const char *stat_period_label(const stat_period *p, char buf[32])
{
    switch (p->type) {
    case SP_MONTH:
        snprintf(buf, 32, "%d年%d月", p->year, p->index);
        break;
    case SP_QUARTER:
        snprintf(buf, 32, "%d年第%d季度", p->year, p->index);
        break;
    case SP_HALF:
        snprintf(buf, 32, "%d年%s", p->year, p->index == 1 ? "上半年" : "下半年");
        break;
    default:
        snprintf(buf, 32, "%d年", p->year);
    }
    return buf;
}

int stat_period_prev(const stat_period *p, stat_period *out)
{
    static const int count[] = {12, 4, 2, 1};
    if (p->type == SP_YEAR)
        return stat_period_make(SP_YEAR, p->year - 1, 0, out);
    if (p->index > 1)
        return stat_period_make(p->type, p->year, p->index - 1, out);
    return stat_period_make(p->type, p->year - 1, count[p->type], out);
}

int stat_period_year_ago(const stat_period *p, stat_period *out)
{
    return stat_period_make(p->type, p->year - 1, p->index, out);
}

int stat_period_cmp(const stat_period *a, const stat_period *b)
{
    int c = strcmp(a->end, b->end);
    if (c)
        return c < 0 ? -1 : 1;
    c = strcmp(a->start, b->start); /* the same end: the earlier start (longer) first */
    return c < 0 ? -1 : c > 0;
}

void stat_period_ytd(const stat_period *p, char start[11], char end[11])
{
    snprintf(start, 11, "%04u-01-01", (unsigned)p->year % 10000u);
    memcpy(end, p->end, 11);
}
