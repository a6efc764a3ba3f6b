/* Dates of varying precision (core/isodate.h): a date that parses formats to a string
 * that parses back to the same date; adding months keeps precision; comparisons are
 * antisymmetric. */
#include "fuzz.h"
#include "isodate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    isodate d;
    const char *rest = NULL;
    int ok = isodate_parse(text, &d, &rest);
    FUZZ_CHECK(rest != NULL && rest >= text && rest <= text + size);
    if (!ok) {
        FUZZ_CHECK(d.prec == 0 && rest == text);
    } else {
        FUZZ_CHECK(d.prec >= ISODATE_YEAR && d.prec <= ISODATE_DAY);
        FUZZ_CHECK(d.y >= 1900 && d.y <= 2100);
        char f[11];
        isodate_format(&d, f);
        FUZZ_CHECK(fuzz_terminated(f, sizeof f));
        isodate e;
        if (!isodate_parse_all(f, &e) || isodate_cmp(&d, &e) != 0 || e.prec != d.prec) {
            fprintf(stderr, "\"%s\" formats as \"%s\", which does not read back\n", text, f);
            abort();
        }
        int months = size ? (int)(signed char)data[0] : 7;
        isodate g = isodate_add_months(d, months);
        FUZZ_CHECK(g.prec == d.prec);
        isodate h = isodate_add_days(d, months * 13);
        FUZZ_CHECK(h.prec == d.prec);
        FUZZ_CHECK(isodate_cmp(&d, &g) == -isodate_cmp(&g, &d));
        if (d.prec == ISODATE_DAY)
            FUZZ_CHECK(isodate_days_between(&d, &h) == months * 13);
    }
    isodate all;
    isodate_parse_all(text, &all);
    free(text);
    return 0;
}
