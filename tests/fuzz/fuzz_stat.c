/* Units and periods of relief statistics (core/statunit.h, core/statperiod.h): a unit
 * that parses re-parses from its canonical name to the same dimension and scale, and
 * converts to itself by 1; a period that parses equals stat_period_make of its parts,
 * has start ≤ end, and its neighbours order around it. The first byte picks which. */
#include "fuzz.h"
#include "statperiod.h"
#include "statunit.h"

static void unit(const char *text)
{
    stat_unit u;
    if (!stat_unit_parse(text, &u))
        return;
    FUZZ_CHECK(fuzz_terminated(u.name, sizeof u.name));
    FUZZ_CHECK(u.dim != SD_NONE && u.scale > 0);
    stat_unit v;
    FUZZ_CHECK(stat_unit_parse(u.name, &v));
    FUZZ_CHECK(v.dim == u.dim && v.scale == u.scale && strcmp(v.name, u.name) == 0);
    double f = 0;
    const char *how = NULL;
    char *why = NULL;
    FUZZ_CHECK(stat_unit_factor(&u, &v, 0, &f, &how, &why) == 0 && f == 1.0);
    free(why);
    stat_dim_label(u.dim);
    static const char *const others[] = {"万人", "元/人·年", "元/人·月", "%", "亿元"};
    for (size_t i = 0; i < 5; i++) {
        stat_unit o;
        FUZZ_CHECK(stat_unit_parse(others[i], &o));
        why = NULL;
        int rc = stat_unit_factor(&u, &o, 1, &f, &how, &why);
        if (rc == 0)
            FUZZ_CHECK(f > 0);
        else
            FUZZ_CHECK(why != NULL);
        free(why);
    }
}

static void period(const char *text)
{
    stat_period p;
    if (!stat_period_parse(text, &p))
        return;
    FUZZ_CHECK(p.year >= 1949 && p.year <= 2100);
    FUZZ_CHECK(fuzz_terminated(p.start, sizeof p.start) && strlen(p.start) == 10);
    FUZZ_CHECK(fuzz_terminated(p.end, sizeof p.end) && strlen(p.end) == 10);
    FUZZ_CHECK(strcmp(p.start, p.end) < 0);
    stat_period m;
    FUZZ_CHECK(stat_period_make(p.type, p.year, p.index, &m));
    FUZZ_CHECK(m.type == p.type && m.year == p.year && m.index == p.index &&
               strcmp(m.start, p.start) == 0 && strcmp(m.end, p.end) == 0);
    FUZZ_CHECK(stat_period_cmp(&p, &m) == 0);
    char label[32];
    stat_period_label(&p, label);
    FUZZ_CHECK(fuzz_terminated(label, sizeof label));
    stat_period l;
    if (!stat_period_parse(label, &l) || stat_period_cmp(&l, &p) != 0 || l.type != p.type) {
        fprintf(stderr, "label \"%s\" of \"%s\" does not read back\n", label, text);
        abort();
    }
    enum stat_ptype t;
    FUZZ_CHECK(stat_ptype_parse(stat_ptype_key(p.type), &t) && t == p.type);
    stat_period prev, ago;
    if (stat_period_prev(&p, &prev)) {
        FUZZ_CHECK(prev.type == p.type);
        FUZZ_CHECK(stat_period_cmp(&prev, &p) < 0);
        FUZZ_CHECK(strcmp(prev.end, p.start) < 0);
    }
    if (stat_period_year_ago(&p, &ago)) {
        FUZZ_CHECK(ago.type == p.type && ago.year == p.year - 1 && ago.index == p.index);
    }
    char ys[11], ye[11];
    stat_period_ytd(&p, ys, ye);
    FUZZ_CHECK(strcmp(ye, p.end) == 0 && strncmp(ys, p.start, 4) == 0 &&
               strcmp(ys + 4, "-01-01") == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int which = 0;
    if (size > 0) {
        which = data[0] & 1;
        data++;
        size--;
    }
    char *text = fuzz_cstr(data, size);
    if (which)
        period(text);
    else
        unit(text);
    free(text);
    return 0;
}
