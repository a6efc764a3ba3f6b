/* Real data: the relief statistics of ../shared/corpus/stats, read in place. Every unit
 * and every period the national figures (98 rows, 2006–2025, bulletins and briefings) and
 * the local snapshots (107 rows) are written in must be read by core/statunit.h and
 * core/statperiod.h: the loader rejects what they cannot read. Skipped, saying so, when
 * ../shared is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "statperiod.h"
#include "statunit.h"
#include "xalloc.h"

static char dir[1200];
static int have_stats;

static int setup(void **state)
{
    (void)state;
    const char *r = getenv("GONGKAI_ROOT");
    snprintf(dir, sizeof dir, "%s/../shared/corpus/stats", r ? r : ".");
    char probe[1300];
    snprintf(probe, sizeof probe, "%s/national_social_assistance.csv", dir);
    have_stats = access(probe, R_OK) == 0;
    if (!have_stats)
        print_message("SKIP: ../shared/corpus/stats is absent (real-data tests need it next "
                      "to the repository)\n");
    return 0;
}

/* Reads file; for every row checks the unit and the period; counts them per dimension
 * and per period type. Returns the rows. */
static size_t check_file(const char *name, size_t dims[], size_t types[])
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = xmalloc((size_t)n + 1);
    size_t len = fread(data, 1, (size_t)n, f);
    data[len] = '\0';
    fclose(f);
    csv_reader r;
    csv_row row, head;
    char err[200];
    csv_init(&r, data, len, ',', 1);
    assert_int_equal(csv_next(&r, &head, err, sizeof err), 1);
    int unit_col = csv_find_column(&head, "unit"), period_col = csv_find_column(&head, "period");
    assert_true(unit_col >= 0 && period_col >= 0);
    size_t rows = 0;
    while (csv_next(&r, &row, err, sizeof err) == 1) {
        rows++;
        stat_unit u;
        stat_period p;
        if (!stat_unit_parse(row.fields[unit_col], &u))
            fail_msg("%s:%zu: unit “%s” not read", name, row.line, row.fields[unit_col]);
        if (!stat_period_parse(row.fields[period_col], &p))
            fail_msg("%s:%zu: period “%s” not read", name, row.line, row.fields[period_col]);
        dims[u.dim]++;
        types[p.type]++;
    }
    csv_free(&r);
    free(data);
    return rows;
}

static void test_units_and_periods(void **state)
{
    (void)state;
    if (!have_stats)
        skip();
    size_t dims[16] = {0}, types[4] = {0};
    assert_int_equal(check_file("national_social_assistance.csv", dims, types), 98);
    /* the rural standard both ways, as the bulletins and the briefings publish it */
    assert_true(dims[SD_PER_PERSON_MONTH] > 0 && dims[SD_PER_PERSON_YEAR] > 0);
    assert_true(types[SP_YEAR] > 0 && types[SP_MONTH] > 0);
    memset(dims, 0, sizeof dims);
    memset(types, 0, sizeof types);
    assert_int_equal(check_file("local_social_assistance_snapshots.csv", dims, types), 107);
    /* county tables count people, bulletins 万人: both kinds occur */
    assert_true(dims[SD_PERSONS] > 0 && dims[SD_PERSON_TIMES] > 0 && dims[SD_MONEY] > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units_and_periods),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
