/* Periods of relief statistics: a month, quarter, half year or year, as sources write
 * them (2021, 2021年, 2021-03, 2021年3月, 2021Q1, 2021年第一季度, 2021年一季度, 2021H1,
 * 2021年上半年), with their first and last day; the period before, the same period a year
 * earlier; and the rule for year-to-date figures: a cumulative value (低保资金支出 累计)
 * covers January 1 to the end of its period within one year, so its period is never
 * "within" a year in any other sense (domain.md §6.2). Pure. */
#ifndef GONGKAI_STATPERIOD_H
#define GONGKAI_STATPERIOD_H

enum stat_ptype { SP_MONTH = 0, SP_QUARTER, SP_HALF, SP_YEAR };

typedef struct {
    enum stat_ptype type;
    int year;
    int index;       /* month 1..12, quarter 1..4, half 1..2; 0 for a year */
    char start[11];  /* YYYY-MM-DD, the first day */
    char end[11];    /* the last day */
} stat_period;

/* Parses text (outer spaces ignored; years 1949..2100). Returns 1 and fills out, else 0. */
int stat_period_parse(const char *text, stat_period *out);

/* Builds a period of a type, year and index (ignored for a year). Returns 1, or 0 when
 * out of range. */
int stat_period_make(enum stat_ptype type, int year, int index, stat_period *out);

/* "month", "quarter", "half", "year" (stat_value.period_type); and back (1 or 0). */
const char *stat_ptype_key(enum stat_ptype t);
int stat_ptype_parse(const char *key, enum stat_ptype *out);

/* For people: 2021年3月, 2021年第1季度, 2021年上半年, 2021年. buf has 32 bytes. */
const char *stat_period_label(const stat_period *p, char buf[32]);

/* The period just before (2021年1月 → 2020年12月; Q1 → the last quarter before) and the
 * same period a year earlier. Return 1, or 0 when it would leave the range. */
int stat_period_prev(const stat_period *p, stat_period *out);
int stat_period_year_ago(const stat_period *p, stat_period *out);

/* Orders periods by their last day, then the longer first. */
int stat_period_cmp(const stat_period *a, const stat_period *b);

/* The year-to-date span of a cumulative figure reported for p: from January 1 of p's
 * year to p's last day (2021Q2 → 2021-01-01 .. 2021-06-30). */
void stat_period_ytd(const stat_period *p, char start[11], char end[11]);

#endif
