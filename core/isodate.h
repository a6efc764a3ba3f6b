/* Dates of varying precision as published: a list page gives "2021-02-18", a batch notice
 * only "2021年4月", an annual summary "2021". Keeping the precision lets the credit rules
 * (lifecycle.h) compute "listed + 6 months" without inventing a day nobody published,
 * and lets comparisons say "cannot tell" instead of guessing. Pure: no global state
 * (isodate_today reads the clock and GONGKAI_TODAY). */
#ifndef GONGKAI_ISODATE_H
#define GONGKAI_ISODATE_H

typedef struct {
    int y, m, d;   /* m, d are 0 when not known */
    int prec;      /* 3 day, 2 month, 1 year, 0 invalid/empty */
} isodate;

enum { ISODATE_INVALID = 0, ISODATE_YEAR = 1, ISODATE_MONTH = 2, ISODATE_DAY = 3 };

/* Parses a date at the start of s (leading spaces skipped): YYYY-MM-DD, YYYY-MM, YYYY,
 * YYYY/M/D, YYYY.M.D, "2021年2月18日" (or 号), "2021年4月", "2021年", Chinese numerals
 * and full-width digits (through preamble_parse_date where it applies). Bare numeric
 * years take exactly four ASCII or full-width digits. Checks real calendar dates
 * (2022-02-30 is rejected, leap years right) and years 1900..2100; a date followed by
 * more date ("2022-02-30", "2021年2月30日") is rejected, not shortened to its month.
 * *rest (may be NULL) points after the date (leading spaces skipped). Returns 1 and
 * fills *out, or 0 (out->prec = 0, *rest = s). */
int isodate_parse(const char *s, isodate *out, const char **rest);

/* Parses the whole of s (outer spaces allowed): 1 when s is exactly one date. */
int isodate_parse_all(const char *s, isodate *out);

/* "YYYY-MM-DD", "YYYY-MM" or "YYYY" by precision ("" for prec 0). out has 11 bytes. */
void isodate_format(const isodate *d, char out[11]);

/* Adds months (may be negative); the day is clamped to the end of the month
 * (2024-08-31 + 6 months = 2025-02-28; 2023-02-28 + 12 = 2024-02-28; 2024-02-29 + 24 =
 * 2026-02-28). Precision is kept (a month-precision date stays month precision; a
 * year-precision date counts from January, so 2021 + 6 = 2021, 2021 + 24 = 2023).
 * Invalid dates are returned unchanged. */
isodate isodate_add_months(isodate d, int months);
isodate isodate_add_days(isodate d, int days); /* day precision only; others unchanged */

/* Compares at the coarser of the two precisions: 2021-04 vs 2021-04-28 is 0 (cannot tell),
 * 2021-03 vs 2021-04-28 is < 0. Invalid dates compare before everything (two invalid
 * dates are equal). Returns -1, 0 or 1. */
int isodate_cmp(const isodate *a, const isodate *b);

/* Today in local time (for tests: environment GONGKAI_TODAY=YYYY-MM-DD overrides; an
 * unparseable or less than day-precision value is ignored). */
isodate isodate_today(void);

/* Days from a to b (b - a), day precision both; 0 otherwise. */
long isodate_days_between(const isodate *a, const isodate *b);

#endif
