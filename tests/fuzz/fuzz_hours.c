/* Opening hours (core/hours.h): what parses has spans in range, and its structured form
 * re-parses to the same hours; the label and open-at answers stay within their buffers. */
#include "fuzz.h"
#include "hours.h"

static const char *const holidays[] = {"2024-10-01", "2024-10-02", "2024-10-03"};
static const char *const workdays[] = {"2024-09-29", "2024-10-12"};
static const hours_calendar cal = {holidays, 3, workdays, 2, "2024-01-01", "2024-12-31"};

static int same(const hours_t *a, const hours_t *b)
{
    if (a->always != b->always || a->holiday != b->holiday)
        return 0;
    if (a->always)
        return 1;
    if (a->days != b->days || a->nspans != b->nspans)
        return 0;
    for (int i = 0; i < a->nspans; i++)
        if (a->span[i].from != b->span[i].from || a->span[i].to != b->span[i].to)
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    hours_t h;
    const char *why = NULL;
    int ok = hours_parse(text, &h, &why);
    if (!ok) {
        FUZZ_CHECK(why != NULL && why[0] != '\0');
        free(text);
        return 0;
    }
    FUZZ_CHECK(h.nspans >= 0 && h.nspans <= HOURS_MAX_SPANS);
    for (int i = 0; i < h.nspans; i++)
        FUZZ_CHECK(h.span[i].from >= 0 && h.span[i].from < h.span[i].to &&
                   h.span[i].to <= 2880);
    char fmt[128], label[192], fmt2[128];
    hours_format(&h, fmt);
    FUZZ_CHECK(fuzz_terminated(fmt, sizeof fmt));
    hours_label(&h, label);
    FUZZ_CHECK(fuzz_terminated(label, sizeof label));
    hours_t again;
    const char *why2 = NULL;
    /* A merged span is at most a whole day (8:00-20:00 with 20:00-次日8:00 is 08:00-08:00+1). */
    for (int i = 0; i < h.nspans; i++)
        FUZZ_CHECK(h.always || h.span[i].to - h.span[i].from <= 1440);
    if (!hours_parse(fmt, &again, &why2)) {
        fprintf(stderr, "structured form \"%s\" does not parse: %s\n", fmt, why2);
        abort();
    }
    if (!same(&h, &again)) {
        fprintf(stderr, "\"%s\" re-parses differently: \"%s\"\n", fmt, hours_format(&again, fmt2));
        abort();
    }
    static const char *const dates[] = {"2024-10-01", "2024-09-29", "2024-10-05", "2025-01-01",
                                        "2024-10-07"};
    unsigned pick = size ? data[size - 1] : 0;
    hours_answer a;
    int minute = (int)((pick * 7u) % 1440u);
    FUZZ_CHECK(hours_open_at(&h, (pick & 1) ? &cal : NULL, dates[pick % 5], minute, &a) == 1);
    FUZZ_CHECK(a.state == HS_OPEN || a.state == HS_CLOSED || a.state == HS_UNSURE);
    FUZZ_CHECK(a.why != NULL);
    char change[128];
    hours_change_label(&a, minute, change);
    FUZZ_CHECK(fuzz_terminated(change, sizeof change));
    free(text);
    return 0;
}
