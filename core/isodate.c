#include "isodate.h"

#include "cnnum.h"
#include "fold.h"
#include "foldview.h"
#include "preamble.h"
#include "utf8dec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define YEAR_MIN 1900
#define YEAR_MAX 2100

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* Folded code point at s[i] (i < len); *next is the byte after it. */
static uint32_t peek(const char *s, size_t len, size_t i, size_t *next)
{
    uint32_t c;
    int valid;
    *next = i + (size_t)u8_decode((const unsigned char *)s + i, (const unsigned char *)s + len,
                                  &c, &valid);
    return fold_cp(c);
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    size_t j;
    while (i < len && foldview_is_space(peek(s, len, i, &j)))
        i = j;
    return i;
}

/* ASCII or full-width digit value at s[i], or -1. The explicit full-width range keeps
 * this independent of what the fold table maps. */
static int digit_at(const char *s, size_t len, size_t i, size_t *next)
{
    if (i >= len)
        return -1;
    uint32_t c = peek(s, len, i, next);
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 0xFF10 && c <= 0xFF19)
        return (int)(c - 0xFF10);
    return -1;
}

/* A run of digits at s[*i]: sets *val, advances *i, returns the number of digits. */
static int read_digits(const char *s, size_t len, size_t *i, int *val)
{
    int n = 0, v = 0, dv;
    size_t j;
    while ((dv = digit_at(s, len, *i, &j)) >= 0) {
        if (n < 9)
            v = v * 10 + dv;
        n++;
        *i = j;
    }
    *val = v;
    return n;
}

/* "2021年4月" or "2021年" at s[i] (i just after the year's numeral and spaces). The full
 * 年月日 form already went through preamble_parse_date, so a day here means that form
 * failed (an impossible day, or no 日): the whole date is rejected then. */
static int parse_nian(const char *s, size_t len, size_t i, isodate *d, size_t *end)
{
    size_t j, k, used;
    long m, day;
    if (i >= len || peek(s, len, i, &j) != U'年')
        return 0;
    i = skip_spaces(s, len, j);
    if (i >= len || !cnnum_parse(s + i, len - i, &m, &used)) {
        d->prec = ISODATE_YEAR;
        *end = j;
        return 1;
    }
    i = skip_spaces(s, len, i + used);
    if (m < 1 || m > 12 || i >= len || peek(s, len, i, &j) != U'月')
        return 0;
    k = skip_spaces(s, len, j);
    if (k < len && cnnum_parse(s + k, len - k, &day, &used))
        return 0;
    d->m = (int)m;
    d->prec = ISODATE_MONTH;
    *end = j;
    return 1;
}

/* "2021-04", "2021-4", "2021" at s[i] (four digits). Anything that looks like the rest
 * of a numeric date which preamble_parse_date refused (2022-02-30, 2022/5/35, 2021-13)
 * rejects the whole, so a bad date never shrinks to a coarser good one. */
static int parse_numeric(const char *s, size_t len, size_t i, isodate *d, size_t *end)
{
    size_t j, k;
    int y, m;
    if (read_digits(s, len, &i, &y) != 4)
        return 0;
    d->y = y;
    d->prec = ISODATE_YEAR;
    *end = i;
    if (i >= len)
        return 1;
    uint32_t sep = peek(s, len, i, &j);
    if ((sep != '-' && sep != '/' && sep != '.') || digit_at(s, len, j, &k) < 0)
        return 1;
    if (sep != '-')
        return 0; /* "2021/4", "2021.4": not a form we accept (2021.4 is also a number) */
    int n = read_digits(s, len, &j, &m);
    if (n < 1 || n > 2 || m < 1 || m > 12)
        return 0;
    if (j < len && peek(s, len, j, &k) == '-' && digit_at(s, len, k, &k) >= 0)
        return 0;
    d->m = m;
    d->prec = ISODATE_MONTH;
    *end = j;
    return 1;
}

int isodate_parse(const char *s, isodate *out, const char **rest)
{
    static const isodate none = {0, 0, 0, ISODATE_INVALID};
    isodate d = none;
    size_t len, i, end = 0, used;
    char iso[11];
    long y;

    *out = none;
    if (rest)
        *rest = s;
    if (!s)
        return 0;
    len = strlen(s);
    i = skip_spaces(s, len, 0);
    if (preamble_parse_date(s + i, len - i, iso, &used)) {
        d.y = atoi(iso);
        d.m = atoi(iso + 5);
        d.d = atoi(iso + 8);
        d.prec = ISODATE_DAY;
        end = i + used;
    } else if (i < len && cnnum_parse(s + i, len - i, &y, &used)) {
        size_t after = skip_spaces(s, len, i + used);
        d.y = (int)(y > 9999 ? 9999 : y);
        if (after < len && peek(s, len, after, &end) == U'年') {
            if (!parse_nian(s, len, after, &d, &end))
                return 0;
        } else if (!parse_numeric(s, len, i, &d, &end)) {
            return 0;
        }
    } else {
        return 0;
    }
    if (d.y < YEAR_MIN || d.y > YEAR_MAX)
        return 0;
    *out = d;
    if (rest)
        *rest = s + skip_spaces(s, len, end);
    return 1;
}

int isodate_parse_all(const char *s, isodate *out)
{
    const char *rest;
    if (!isodate_parse(s, out, &rest))
        return 0;
    if (*rest) {
        out->y = out->m = out->d = out->prec = 0;
        return 0;
    }
    return 1;
}

static void put_num(char *p, int v, int width)
{
    for (int k = width - 1; k >= 0; k--, v /= 10)
        p[k] = (char)('0' + v % 10);
}

void isodate_format(const isodate *d, char out[11])
{
    out[0] = '\0';
    if (!d || d->prec < ISODATE_YEAR || d->prec > ISODATE_DAY || d->y < 0 || d->y > 9999)
        return;
    put_num(out, d->y, 4);
    out[4] = '\0';
    if (d->prec >= ISODATE_MONTH) {
        out[4] = '-';
        put_num(out + 5, d->m, 2);
        out[7] = '\0';
    }
    if (d->prec == ISODATE_DAY) {
        out[7] = '-';
        put_num(out + 8, d->d, 2);
        out[10] = '\0';
    }
}

static long floor_div(long a, long b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

isodate isodate_add_months(isodate d, int months)
{
    if (d.prec < ISODATE_YEAR || d.prec > ISODATE_DAY)
        return d;
    /* a year-precision date counts from January: the earliest the event can fall */
    long idx = (long)d.y * 12 + (d.prec >= ISODATE_MONTH ? d.m - 1 : 0) + months;
    long y = floor_div(idx, 12);
    d.y = (int)y;
    if (d.prec >= ISODATE_MONTH)
        d.m = (int)(idx - y * 12) + 1;
    if (d.prec == ISODATE_DAY && d.d > days_in_month(d.y, d.m))
        d.d = days_in_month(d.y, d.m);
    return d;
}

/* Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
static long to_days(int y, int m, int d)
{
    long yy = y - (m <= 2);
    long era = floor_div(yy, 400);
    long yoe = yy - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void from_days(long z, isodate *out)
{
    z += 719468;
    long era = floor_div(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long m = mp < 10 ? mp + 3 : mp - 9;
    out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
    out->m = (int)m;
    out->y = (int)(yoe + era * 400 + (m <= 2));
}

isodate isodate_add_days(isodate d, int days)
{
    if (d.prec != ISODATE_DAY)
        return d;
    from_days(to_days(d.y, d.m, d.d) + days, &d);
    return d;
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

int isodate_cmp(const isodate *a, const isodate *b)
{
    int pa = a ? a->prec : 0, pb = b ? b->prec : 0;
    if (pa == 0 || pb == 0)
        return sign((pa != 0) - (pb != 0));
    int p = pa < pb ? pa : pb;
    if (a->y != b->y)
        return sign(a->y - b->y);
    if (p >= ISODATE_MONTH && a->m != b->m)
        return sign(a->m - b->m);
    if (p >= ISODATE_DAY && a->d != b->d)
        return sign(a->d - b->d);
    return 0;
}

isodate isodate_today(void)
{
    isodate d;
    const char *env = getenv("GONGKAI_TODAY");
    if (env && isodate_parse_all(env, &d) && d.prec == ISODATE_DAY)
        return d;
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm)) {
        d.y = d.m = d.d = d.prec = 0;
        return d;
    }
    d.y = tm.tm_year + 1900;
    d.m = tm.tm_mon + 1;
    d.d = tm.tm_mday;
    d.prec = ISODATE_DAY;
    return d;
}

long isodate_days_between(const isodate *a, const isodate *b)
{
    if (!a || !b || a->prec != ISODATE_DAY || b->prec != ISODATE_DAY)
        return 0;
    return to_days(b->y, b->m, b->d) - to_days(a->y, a->m, a->d);
}
