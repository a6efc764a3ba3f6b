/* Real data: division codes of ../shared/corpus/places, read in place.
 *   nbs-2023 (CSV)       the NBS 2023 statistical codes, five levels (31 provinces, 342
 *                        prefectures, 2,978 counties, 41,352 townships, 620,573 villages):
 *                        every code parses at its level, its parent is the one its row
 *                        gives, its ancestors are the row's columns, its category counts
 *   county-history (JSON) county-level codes of past and present tables (no dates): all parse except the
 *                        non-GB/T province prefixes 66 (兵团) and 83 (台湾) some data use
 * Skipped, saying so, when ../shared is absent. */
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
#include "divcode.h"
#include "xalloc.h"

static char dir[1200];
static int have_places;

static int setup(void **state)
{
    (void)state;
    const char *r = getenv("GONGKAI_ROOT");
    snprintf(dir, sizeof dir, "%s/../shared/corpus/places", r ? r : ".");
    char probe[1300];
    snprintf(probe, sizeof probe, "%s/nbs-2023/villages.csv", dir);
    have_places = access(probe, R_OK) == 0;
    if (!have_places)
        print_message("SKIP: ../shared/corpus/places is absent (real-data tests need it next "
                      "to the repository)\n");
    return 0;
}

#define NEED_PLACES()                                                                       \
    do {                                                                                    \
        if (!have_places)                                                                   \
            skip();                                                                         \
    } while (0)

static char *slurp(const char *name, size_t *len)
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
    *len = fread(data, 1, (size_t)n, f);
    data[*len] = '\0';
    fclose(f);
    return data;
}

/* One NBS table: its rows, the columns that hold the code, parent and ancestors. */
typedef struct {
    const char *file;
    int level;              /* level every row should have */
    const char *parent_col; /* NULL for provinces */
    const char *anc_cols[4];
    size_t rows, at_level;
    size_t other_level[DIV_VILLAGE + 1]; /* rows at another level, by level */
    size_t cat[8];
    const char *cat_names[8];
} table;

static size_t category_slot(table *t, const char *cat)
{
    size_t i = 0;
    for (; i < 8 && t->cat_names[i]; i++)
        if (!strcmp(t->cat_names[i], cat ? cat : "(无)"))
            return i;
    if (i == 8)
        fail_msg("more than 8 categories in %s", t->file);
    t->cat_names[i] = cat ? cat : "(无)";
    return i;
}

static void check_table(table *t)
{
    size_t len;
    char *data = slurp(t->file, &len);
    csv_reader r;
    csv_row row, head;
    char err[200];
    csv_init(&r, data, len, ',', 1);
    assert_int_equal(csv_next(&r, &head, err, sizeof err), 1);
    int code_col = csv_find_column(&head, "code");
    int parent_col = t->parent_col ? csv_find_column(&head, t->parent_col) : -1;
    int anc[4], nanc = 0;
    for (; nanc < 4 && t->anc_cols[nanc]; nanc++)
        anc[nanc] = csv_find_column(&head, t->anc_cols[nanc]);
    assert_true(code_col >= 0);
    while (csv_next(&r, &row, err, sizeof err) == 1) {
        t->rows++;
        const char *code = row.fields[code_col];
        div_info in;
        if (!div_parse(code, &in))
            fail_msg("%s:%zu: %s: %s", t->file, row.line, code, in.problem);
        char want[DIV_BUF], got[DIV_BUF];
        if (in.level != t->level) {
            /* The NBS shapes that are not codes of their column's level: prefectures
             * without counties in the county column (441900), 金门县's placeholder
             * township 350527000. The code is then its parent's: same code. */
            t->other_level[in.level]++;
            if (parent_col >= 0) {
                div_normalize(row.fields[parent_col], want);
                assert_string_equal(in.code, want);
            }
            continue;
        }
        t->at_level++;
        t->cat[category_slot(t, in.category)]++;
        if (parent_col < 0)
            continue;
        if (!div_normalize(row.fields[parent_col], want))
            fail_msg("%s:%zu: parent %s malformed", t->file, row.line, row.fields[parent_col]);
        div_parent(code, DIV_KEEP_SUMMARY, got);
        if (strcmp(got, want))
            fail_msg("%s:%zu: parent of %s is %s, the row says %s", t->file, row.line, code,
                     got, want);
        /* Ancestors as printed by NBS: the distinct codes of its columns, in order. */
        char anc_want[4][DIV_BUF], anc_got[4][DIV_BUF];
        size_t nw = 0;
        for (int i = 0; i < nanc; i++) {
            div_normalize(row.fields[anc[i]], anc_want[nw]);
            if (!nw || strcmp(anc_want[nw], anc_want[nw - 1]))
                nw++;
        }
        size_t ng = div_ancestors(code, DIV_KEEP_SUMMARY, anc_got, 4);
        assert_int_equal(ng, nw);
        for (size_t i = 0; i < ng; i++)
            assert_string_equal(anc_got[i], anc_want[i]);
        /* The row's county (or parent) as a look-up prefix finds it */
        div_prefix p;
        assert_int_not_equal(div_prefix_parse(row.fields[anc[nanc - 1]], &p), 0);
        uint64_t key = div_key(code);
        assert_true(p.lo <= key && key < p.hi);
        assert_true(strcmp(in.code, p.text_lo) >= 0 && strcmp(in.code, p.text_hi) < 0);
    }
    assert_int_equal(r.failed, 0);
    csv_free(&r);
    free(data);
    print_message("%s: %zu rows, %zu at level %d, %zu at another (level 2: %zu, 3: %zu)\n",
                  t->file, t->rows, t->at_level, t->level, t->rows - t->at_level,
                  t->other_level[2], t->other_level[3]);
    char line[600] = "";
    for (size_t i = 0; i < 8 && t->cat_names[i]; i++) {
        size_t n = strlen(line);
        snprintf(line + n, sizeof line - n, "%s%s %zu", i ? ", " : "  ", t->cat_names[i],
                 t->cat[i]);
    }
    print_message("%s\n", line);
}

static size_t count_of(const table *t, const char *cat)
{
    for (size_t i = 0; i < 8 && t->cat_names[i]; i++)
        if (!strcmp(t->cat_names[i], cat))
            return t->cat[i];
    return 0;
}

static void test_nbs_upper(void **state)
{
    (void)state;
    NEED_PLACES();
    table prov = {.file = "nbs-2023/provinces.csv", .level = DIV_PROVINCE};
    check_table(&prov);
    assert_int_equal(prov.rows, 31);
    assert_int_equal(prov.at_level, 31);
    assert_int_equal(count_of(&prov, "直辖市"), 4);
    assert_int_equal(count_of(&prov, "自治区"), 5);
    assert_int_equal(count_of(&prov, "省"), 22);

    table city = {.file = "nbs-2023/cities.csv", .level = DIV_PREFECTURE,
                  .parent_col = "provinceCode", .anc_cols = {"provinceCode"}};
    check_table(&city);
    assert_int_equal(city.rows, 342);
    assert_int_equal(city.at_level, 342);
    /* 4190 4290 4690 6590; 1101 1201 3101 5001 5002 */
    assert_int_equal(count_of(&city, "省直辖县级行政区划"), 4);
    assert_int_equal(count_of(&city, "直辖市所辖区县（汇总）"), 5);

    table area = {.file = "nbs-2023/areas.csv", .level = DIV_COUNTY, .parent_col = "cityCode",
                  .anc_cols = {"provinceCode", "cityCode"}};
    check_table(&area);
    assert_int_equal(area.rows, 2978);
    /* 东莞 441900, 中山 442000, 儋州 460400: the prefecture in the county column */
    assert_int_equal(area.other_level[DIV_PREFECTURE], 3);
    assert_int_equal(area.at_level, 2975);
}

static void test_nbs_streets(void **state)
{
    (void)state;
    NEED_PLACES();
    table t = {.file = "nbs-2023/streets.csv", .level = DIV_TOWNSHIP, .parent_col = "areaCode",
               .anc_cols = {"provinceCode", "cityCode", "areaCode"}};
    check_table(&t);
    assert_int_equal(t.rows, 41352);
    assert_int_equal(t.other_level[DIV_COUNTY], 1); /* 350527000 金门县 */
    assert_int_equal(t.at_level, 41351);
    assert_int_equal(count_of(&t, "(无)"), 0); /* nothing at 600-999 */
    assert_int_equal(count_of(&t, "街道") + count_of(&t, "镇") + count_of(&t, "乡") +
                         count_of(&t, "类似乡级单位"),
                     41351);
}

static void test_nbs_villages(void **state)
{
    (void)state;
    NEED_PLACES();
    table t = {.file = "nbs-2023/villages.csv", .level = DIV_VILLAGE, .parent_col = "streetCode",
               .anc_cols = {"provinceCode", "cityCode", "areaCode", "streetCode"}};
    check_table(&t);
    assert_int_equal(t.rows, 620573);
    assert_int_equal(t.other_level[DIV_COUNTY], 1); /* 350527000000 金门县 */
    assert_int_equal(t.at_level, 620572);
    assert_int_equal(count_of(&t, "虚拟社区"), 757);
    assert_int_equal(count_of(&t, "虚拟生活区"), 690);
    assert_int_equal(count_of(&t, "(无)"), 0);
}

/* Every quoted run of digits in a JSON file: the codes of the county history. */
static void check_history(const char *file, size_t want_codes, size_t want_bad)
{
    size_t len, codes = 0, bad = 0, levels[DIV_VILLAGE + 1] = {0};
    char *data = slurp(file, &len);
    for (char *p = data; (p = strchr(p, '"')) != NULL;) {
        char *q = p + 1;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q != '"' || q == p + 1) {
            p = q;
            continue;
        }
        *q = '\0';
        codes++;
        div_info in;
        if (div_parse(p + 1, &in)) {
            levels[in.level]++;
        } else {
            bad++;
            /* Only the prefixes outside GB/T 2260 (新疆生产建设兵团 66, 台湾 83) */
            if (strncmp(p + 1, "66", 2) && strncmp(p + 1, "83", 2))
                fail_msg("%s: %s: %s", file, p + 1, in.problem);
        }
        p = q + 1;
    }
    free(data);
    print_message("%s: %zu codes, %zu malformed (66/83), levels 1/2/3: %zu/%zu/%zu\n", file,
                  codes, bad, levels[1], levels[2], levels[3]);
    assert_int_equal(codes, want_codes);
    assert_int_equal(bad, want_bad);
    assert_int_equal(levels[4] + levels[5], 0);
}

static void test_county_history(void **state)
{
    (void)state;
    NEED_PLACES();
    check_history("county-history/history.json", 7229, 3);
    check_history("county-history/list.json", 3433, 193);
    check_history("county-history/diff.json", 8079, 4); /* keys and successors */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nbs_upper),
        cmocka_unit_test(test_nbs_streets),
        cmocka_unit_test(test_nbs_villages),
        cmocka_unit_test(test_county_history),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
