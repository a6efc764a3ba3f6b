/* Real data through the hotline kinds: tests/real/hotlines.ini (the 1,377 relief
 * stations and the telephone area-code table of ../shared/corpus/hotlines, with the NBS
 * 2023 provinces, cities and counties, read in place) into a temporary database: what
 * loads and what is rejected and why, how many stations resolve to a division from their
 * names (area_from = operator), how many area codes resolve, and how many landlines'
 * area codes agree with their division's. The figures are findings (docs/data-formats.md,
 * kind = hotlines); the bounds here catch a regression, not the exact count. Skipped,
 * saying so, when ../shared is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "orgtest.h"

static char *dir, *db_path, *log_text;
static gk_db *h;
static int have_data, load_status;

static int setup(void **state)
{
    (void)state;
    char *probe = xasprintf("%s/../shared/corpus/hotlines/relief_stations.csv", ot_root());
    char *probe2 = xasprintf("%s/../shared/corpus/places/nbs-2023/areas.csv", ot_root());
    have_data = access(probe, R_OK) == 0 && access(probe2, R_OK) == 0;
    free(probe);
    free(probe2);
    if (!have_data) {
        print_message("SKIP: ../shared/corpus/hotlines or places/nbs-2023 is absent (real-data "
                      "tests need it next to the repository)\n");
        return 0;
    }
    if (!(dir = ot_tmpdir("real_hotlines")))
        return -1;
    load_status =
        ot_load_open(dir, "tests/real/hotlines.ini", "hotlines.db", &db_path, &log_text, &h);
    return load_status < 0 ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    if (h)
        db_close(h);
    if (dir)
        ot_rm_rf(dir);
    free(dir);
    free(db_path);
    free(log_text);
    return 0;
}

#define NEED_DATA()                                                                         \
    do {                                                                                    \
        if (!have_data)                                                                     \
            skip();                                                                         \
    } while (0)

static int log_count(const char *text)
{
    int n = 0;
    for (const char *p = log_text; (p = strstr(p, text)); p += strlen(text))
        n++;
    return n;
}

static long long count(const char *sql)
{
    return ot_scalar(h->h, sql);
}

static void test_loaded(void **state)
{
    (void)state;
    NEED_DATA();
    assert_int_equal(load_status, 3);
    long long lines = count("SELECT count(*) FROM hotline");
    long long rows = count("SELECT count(DISTINCT line) FROM hotline");
    int bad_numbers = log_count("error: 电话号码");
    print_message("relief stations: %lld rows loaded as %lld lines; %d numbers rejected\n",
                  rows, lines, bad_numbers);
    assert_in_range(rows, 1370, 1377);
    assert_true(lines >= rows);
    /* the known bad one: a 6-digit local number */
    assert_non_null(strstr(log_text, "relief_stations.csv:238: error: 电话号码“0471-964153”"));
    assert_int_equal(count("SELECT count(*) FROM hotline WHERE service_line <> '流浪乞讨救助'"), 0);
    /* one search unit per line */
    assert_int_equal(count("SELECT count(*) FROM doc WHERE domain = 'hotline'"), lines);
    /* 长春市救助管理站, the first row */
    assert_int_equal(count("SELECT count(*) FROM hotline WHERE line = 2 AND number = "
                           "'043185086100' AND division_code = '220100' AND admin_level = '市'"),
                     1);
}

static void test_places(void **state)
{
    (void)state;
    NEED_DATA();
    long long lines = count("SELECT count(*) FROM hotline");
    long long placed = count("SELECT count(*) FROM hotline WHERE division_code IS NOT NULL");
    int unplaced = log_count("得不出所在地区");
    print_message("stations with a division from their names: %lld of %lld (%.1f%%); "
                  "%d names resolve to none (renamed counties, short names)\n",
                  placed, lines, 100.0 * (double)placed / (double)lines, unplaced);
    assert_true(placed * 100 >= lines * 80);
    /* 新疆生产建设兵团 is no division: the hint is dropped with a warning */
    assert_int_equal(log_count("省份“新疆生产建设兵团”"), 4);
    long long codes = count("SELECT count(*) FROM area_code");
    long long coded = count("SELECT count(*) FROM area_code WHERE division_code IS NOT NULL");
    print_message("area codes: %lld rows, %lld resolve to a division\n", codes, coded);
    assert_true(codes >= 340 && coded * 100 >= codes * 90);
}

static void test_area_agreement(void **state)
{
    (void)state;
    NEED_DATA();
    long long landlines = count("SELECT count(*) FROM hotline h WHERE h.division_code IS NOT "
                                "NULL AND h.number LIKE '0%' AND length(h.number) >= 10 AND "
                                "EXISTS (SELECT 1 FROM area_code a WHERE a.division_code IN "
                                "(h.division_code, substr(h.division_code, 1, 4) || '00', "
                                "substr(h.division_code, 1, 2) || '0000'))");
    int disagree = log_count("不符");
    print_message("landlines with a known area code for their division: %lld; agree %lld, "
                  "disagree %d\n", landlines, landlines - disagree, disagree);
    assert_true(landlines > 1000);
    assert_true(disagree * 50 < landlines);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loaded),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_area_agreement),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
