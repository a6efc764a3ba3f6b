/* The statistics query engine (core/statq.h) on a database written here with SQL: the
 * built-in catalogue, national and provincial values (bulletin years, monthly tables, a
 * cumulative quarterly series), duplicates, flags and a few division names. Resolution by
 * code, name, alias, official code and Traditional text; every layout of the three axes;
 * the regions under a parent; units converted by scale, 元/人·月 against 元/人·年 refused
 * or converted when asked; 同比 and 环比 with percentage points and the cumulative rules;
 * sorting; numbers and footnotes for people; the indicators a search's text names with
 * their latest values (statq_match, statq_latest); and a table of a few thousand values
 * built by a handful of statements, not one per cell. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "statq.h"
#include "xalloc.h"

static sqlite3 *db;

static void exec(const char *sql)
{
    char *e = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &e) != SQLITE_OK)
        fail_msg("%s: %s", sql, e);
}

/* The built-in catalogue with every key, as the loader writes it. */
static void put_catalogue(void)
{
    const stat_catalogue *cat = statcat_builtin();
    assert_true(cat->n > 40);
    sqlite3_stmt *ind, *alias;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO indicator(code, official_code, name, "
                                        "allowed_units, measure_type, parent_code, ord, note) "
                                        "VALUES (?1, nullif(?2, ''), ?3, ?4, ?5, nullif(?6, ''), "
                                        "?7, nullif(?8, ''))",
                                        -1, &ind, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT OR IGNORE INTO indicator_alias(key, indicator) "
                                        "VALUES (?1, ?2)",
                                        -1, &alias, NULL),
                     SQLITE_OK);
    for (size_t i = 0; i < cat->n; i++) {
        const stat_ind_def *d = &cat->v[i];
        sqlite3_bind_text(ind, 1, d->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(ind, 2, d->official_code, -1, SQLITE_STATIC);
        sqlite3_bind_text(ind, 3, d->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(ind, 4, d->units, -1, SQLITE_STATIC);
        sqlite3_bind_text(ind, 5, stat_measure_key(d->measure), -1, SQLITE_STATIC);
        sqlite3_bind_text(ind, 6, d->parent, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ind, 7, (long long)i);
        sqlite3_bind_text(ind, 8, d->note, -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(ind), SQLITE_DONE);
        sqlite3_reset(ind);
        char *names = xasprintf("%s|%s|%s|%s", d->name, d->code, d->official_code, d->aliases);
        for (char *p = names; *p;) {
            size_t n = strcspn(p, "|");
            char *one = xstrndup(p, n);
            char *key = statcat_key(one, NULL);
            if (*key) {
                sqlite3_bind_text(alias, 1, key, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(alias, 2, d->code, -1, SQLITE_STATIC);
                assert_int_equal(sqlite3_step(alias), SQLITE_DONE);
                sqlite3_reset(alias);
            }
            free(key);
            free(one);
            p += n + (p[n] == '|');
        }
        free(names);
    }
    sqlite3_finalize(ind);
    sqlite3_finalize(alias);
}

/* One value: the period as written (2021, 2021-03, 2021Q1); a cumulative one starts on
 * January 1. Returns its id. */
static long long put(const char *ind, const char *region, const char *rname, const char *period,
                     double value, const char *raw, const char *unit, int source, long line,
                     int revised)
{
    stat_period p;
    if (!stat_period_parse(period, &p))
        fail_msg("period %s", period);
    stat_ind i;
    assert_int_equal(statq_indicator(db, ind, &i), 1);
    char start[11];
    memcpy(start, p.start, sizeof start);
    if (i.measure == SM_CUMULATIVE)
        snprintf(start, sizeof start, "%04d-01-01", p.year);
    statq_ind_free(&i);
    static const char *const docs[] = {"", "2021年民政事业发展统计公报", "北京市民政统计月报（示例）"};
    static const char *const urls[] = {"", "https://www.mca.gov.cn/n1288/gb2021.html",
                                       "https://mzj.beijing.gov.cn/yb.html"};
    static const char *const pubs[] = {"", "2022-08-26", "2022-04-18"};
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO stat_value(indicator, region_code, "
                                        "region_name, period_type, period_start, period_end, "
                                        "value, value_raw, unit, source_doc, source_url, "
                                        "published, revised, source_id, line) VALUES (?1, ?2, "
                                        "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, ind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, region, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, rname, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, stat_ptype_key(p.type), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, start, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, p.end, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 7, value);
    sqlite3_bind_text(st, 8, raw, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, unit, -1, SQLITE_STATIC);
    if (source) {
        sqlite3_bind_text(st, 10, docs[source], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 11, urls[source], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 12, pubs[source], -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 14, source);
        sqlite3_bind_int64(st, 15, line);
    }
    sqlite3_bind_int(st, 13, revised);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    return sqlite3_last_insert_rowid(db);
}

static long long flagged_id;

static int setup(void **state)
{
    (void)state;
    char *err = NULL;
    if (db_create(":memory:", &db, &err) != SQLITE_OK) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    exec("BEGIN");
    put_catalogue();
    exec("INSERT INTO source(id, corpus, section, kind, path, encoding, sha256, bytes) VALUES "
         "(1, 't', 'national', 'stats', 'stats/national.csv', 'utf-8', 'x', 1),"
         "(2, 't', 'local', 'stats', 'stats/local.csv', 'utf-8', 'x', 1)");
    /* Names from the division table win over the names the sources wrote. */
    exec("INSERT INTO division(code, name, name_key, level) VALUES "
         "('110000', '北京市', '北京市', 1), ('110101', '东城区', '东城区', 3),"
         "('330000', '浙江省', '浙江省', 1), ('330100', '杭州市', '杭州市', 2)");
    /* National bulletin years. */
    put("urban_dibao_persons", "000000", "全国", "2020", 805.3, "805.3", "万人", 1, 2, 0);
    flagged_id = put("urban_dibao_persons", "000000", "全国", "2021", 737.8, "737.8", "万人", 1, 12, 0);
    put("urban_dibao_standard", "000000", "全国", "2020", 677.6, "677.6", "元/人·月", 1, 3, 0);
    put("urban_dibao_standard", "000000", "全国", "2021", 711.4, "711.4", "元/人·月", 1, 13, 0);
    put("rural_dibao_standard", "000000", "全国", "2020", 5962.3, "5962.3", "元/人·年", 1, 4, 0);
    put("rural_dibao_standard", "000000", "全国", "2021", 6362.2, "6362.2", "元/人·年", 1, 14, 0);
    put("urban_dibao_standard_yoy", "000000", "全国", "2020", 4.7, "4.7", "%", 1, 5, 0);
    put("urban_dibao_standard_yoy", "000000", "全国", "2021", 5.0, "5.0", "%", 1, 15, 0);
    /* The same cell twice: the revised value is shown. */
    put("urban_dibao_standard_yoy", "000000", "全国", "2019", 6.2, "6.2", "%", 1, 6, 0);
    put("urban_dibao_standard_yoy", "000000", "全国", "2019", 6.3, "6.3", "%", 1, 7, 1);
    /* Provinces, 2021: one in 人, one a code with a province whose own value is absent. */
    put("urban_dibao_persons", "110000", "北京", "2021", 7.1, "7.1", "万人", 2, 21, 0);
    put("urban_dibao_persons", "500000", "重庆市", "2021", 30.5, "30.5", "万人", 2, 22, 0);
    put("urban_dibao_persons", "530000", "云南省", "2021", 42.48, "42.48", "万人", 2, 23, 0);
    put("urban_dibao_persons", "440000", "广东省", "2021", 159000, "159000", "人", 2, 24, 0);
    put("urban_dibao_persons", "110101", "东城区", "2021", 3000, "3000", "人", 2, 25, 0);
    put("urban_dibao_persons", "110105", "朝阳区", "2021", 5000, "5000", "人", 2, 26, 0);
    put("urban_dibao_persons", "330100", "杭州", "2021", 2.1, "2.1", "万人", 2, 27, 0);
    put("urban_dibao_persons", "330106", "西湖区", "2021", 0.3, "0.3", "万人", 2, 28, 0);
    put("urban_dibao_persons", "330200", "宁波市", "2021", 1.5, "1.5", "万人", 2, 29, 0);
    put("urban_dibao_households", "110000", "北京", "2021", 4.2, "4.2", "万户", 2, 30, 0);
    put("urban_dibao_households", "500000", "重庆市", "2021", 19.0, "19.0", "万户", 2, 31, 0);
    /* Rural standards: bulletin years per year, one province per month, one both. */
    put("rural_dibao_standard", "110000", "北京", "2021", 14940, "14940", "元/人·年", 2, 40, 0);
    put("rural_dibao_standard", "500000", "重庆市", "2021", 560, "560", "元/人·月", 2, 41, 0);
    put("rural_dibao_standard", "530000", "云南省", "2021", 4704, "4704", "元/人·年", 2, 42, 0);
    put("rural_dibao_standard", "530000", "云南省", "2021", 392, "392", "元/人·月", 2, 43, 0);
    /* Beijing by month. */
    put("urban_dibao_persons", "110000", "北京", "2021-03", 7.4, "7.4", "万人", 2, 50, 0);
    put("urban_dibao_persons", "110000", "北京", "2022-01", 7.2, "7.2", "万人", 2, 51, 0);
    put("urban_dibao_persons", "110000", "北京", "2022-02", 7.1, "7.1", "万人", 2, 52, 0);
    put("urban_dibao_persons", "110000", "北京", "2022-03", 7.1, "7.10", "万人", 2, 53, 0);
    /* A cumulative quarterly series. */
    put("dibao_spending", "000000", "全国", "2020Q1", 400.0, "400.0", "亿元", 1, 60, 0);
    put("dibao_spending", "000000", "全国", "2020Q4", 1700.0, "1700.0", "亿元", 1, 61, 0);
    put("dibao_spending", "000000", "全国", "2021Q1", 462.1, "462.1", "亿元", 1, 62, 0);
    put("dibao_spending", "000000", "全国", "2021Q2", 900.0, "900.0", "亿元", 1, 63, 0);
    char *sql = sqlite3_mprintf("INSERT INTO stat_flag(value_id, kind, message) VALUES "
                                "(%lld, 'jump', '比上年下降 8.4%%'), "
                                "(%lld, 'sum', '城市与农村之和与合计不符')",
                                flagged_id, flagged_id);
    exec(sql);
    sqlite3_free(sql);
    exec("COMMIT");
    if (db_create_indexes(db, &err) != SQLITE_OK) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sqlite3_close(db);
    return 0;
}

/* ---- helpers ------------------------------------------------------------------------- */

static void build(const stat_request *rq, stat_table *t)
{
    char *err = NULL;
    if (statq_table(db, rq, t, &err) != 0)
        fail_msg("statq_table: %s", err);
}

static const stat_cell *cell(const stat_table *t, size_t r, size_t c)
{
    assert_true(r < t->nrows && c < t->ncols);
    return &t->cells[r * t->ncols + c];
}

static size_t row_of(const stat_table *t, const char *key)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (!strcmp(t->row_keys[i], key))
            return i;
    fail_msg("no row %s", key);
    return 0;
}

static const char *fmt(const stat_cell *c)
{
    static char buf[48];
    return statq_format_value(c, buf);
}

static int has_note(const stat_table *t, const char *text)
{
    for (size_t i = 0; i < t->nnotes; i++)
        if (strstr(t->notes[i], text))
            return 1;
    return 0;
}

static stat_period period(const char *text)
{
    stat_period p;
    assert_true(stat_period_parse(text, &p));
    return p;
}

/* ---- indicators ---------------------------------------------------------------------- */

static void expect_ind(const char *text, const char *code)
{
    stat_ind i;
    int rc = statq_indicator(db, text, &i);
    if (rc != 1)
        fail_msg("“%s” not resolved (%d), expected %s", text, rc, code);
    if (strcmp(i.code, code))
        fail_msg("“%s” resolved to %s, expected %s", text, i.code, code);
    statq_ind_free(&i);
}

static void test_resolve(void **state)
{
    (void)state;
    expect_ind("urban_dibao_persons", "urban_dibao_persons");
    expect_ind("城市低保人数", "urban_dibao_persons");
    expect_ind("城镇居民最低生活保障人数", "urban_dibao_persons");
    expect_ind("城市低保人數", "urban_dibao_persons");          /* Traditional */
    expect_ind("城鎮居民最低生活保障人數", "urban_dibao_persons");
    expect_ind("（一）城市低保人数", "urban_dibao_persons");    /* numbering */
    expect_ind("yzh012410000", "dibao_persons");                /* official code */
    expect_ind("低保资金支出（累计）", "dibao_spending");       /* cumulative mark */
    expect_ind("ＵＲＢＡＮ_ＤＩＢＡＯ_ＰＥＲＳＯＮＳ", "urban_dibao_persons"); /* full width */
    stat_ind i;
    assert_int_equal(statq_indicator(db, "城市低保人数", &i), 1);
    assert_string_equal(i.name, "城市低保人数");
    assert_string_equal(i.unit.name, "万人");
    assert_string_equal(i.units, "万人|人");
    assert_int_equal(i.measure, SM_POINT);
    assert_string_equal(i.parent, "dibao_persons");
    assert_int_equal(i.nvalues, 15);
    statq_ind_free(&i);
    assert_int_equal(statq_indicator(db, "农村低保平均保障标准", &i), 1);
    assert_string_equal(i.unit.name, "元/人·年");
    statq_ind_free(&i);
    static const char *const unknown[] = {"", "   ", "城市低保", "\x1b[31m城市低保人数",
                                          "'; DROP TABLE stat_value; --", NULL};
    for (size_t k = 0; k < sizeof unknown / sizeof *unknown; k++) {
        assert_int_equal(statq_indicator(db, unknown[k], &i), 0);
        statq_ind_free(&i);
    }
}

static void test_indicator_list(void **state)
{
    (void)state;
    stat_ind *v;
    size_t n;
    char *err = NULL;
    assert_int_equal(statq_indicators(db, 0, &v, &n, &err), 0);
    assert_int_equal(n, 6);
    /* Catalogue order. */
    assert_string_equal(v[0].code, "urban_dibao_persons");
    assert_string_equal(v[1].code, "urban_dibao_households");
    assert_string_equal(v[n - 1].code, "dibao_spending");
    for (size_t i = 0; i < n; i++)
        assert_true(v[i].nvalues > 0);
    statq_indicators_free(v, n);
    assert_int_equal(statq_indicators(db, 1, &v, &n, &err), 0);
    assert_int_equal(n, statcat_builtin()->n);
    assert_string_equal(v[0].code, "dibao_persons");
    assert_int_equal(v[0].nvalues, 0);
    statq_indicators_free(v, n);
}

/* ---- regions and periods ------------------------------------------------------------- */

static void expect_regions(const char *ind, const char *parent, const char *want)
{
    char **codes;
    size_t n;
    char *err = NULL;
    if (statq_regions(db, ind, parent, &codes, &n, &err) != 0)
        fail_msg("statq_regions: %s", err);
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        buf_printf(&b, "%s%s", i ? " " : "", codes[i]);
        free(codes[i]);
    }
    free(codes);
    if (strcmp(b.s ? b.s : "", want))
        fail_msg("regions of %s under %s: “%s”, expected “%s”", ind ? ind : "any",
                 parent ? parent : "NULL", b.s ? b.s : "", want);
    buf_free(&b);
}

static void test_regions(void **state)
{
    (void)state;
    /* Provinces only: 全国's own row, districts and cities left out; 浙江 has no value. */
    expect_regions("urban_dibao_persons", NULL, "110000 440000 500000 530000");
    expect_regions("urban_dibao_persons", STAT_NATIONAL, "110000 440000 500000 530000");
    expect_regions("urban_dibao_persons", "110000", "110101 110105");
    /* A city's district is not a child of the province. */
    expect_regions("urban_dibao_persons", "330000", "330100 330200");
    expect_regions("urban_dibao_persons", "330100", "330106");
    expect_regions("urban_dibao_households", NULL, "110000 500000");
    expect_regions("dibao_spending", NULL, "");
    expect_regions(NULL, NULL, "110000 440000 500000 530000");
    char **codes;
    size_t n;
    char *err = NULL;
    assert_int_equal(statq_regions(db, NULL, "北京", &codes, &n, &err), -1);
    assert_non_null(strstr(err, "不是区划代码"));
    free(err);
}

static void test_region_names(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"000000", "全国"}, {"110000", "北京市"}, /* the division's name, not 北京 */
        {"330100", "杭州市"}, {"500000", "重庆市"}, /* the source's name */
        {"999999", "999999"},                       /* nothing known: the code */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *name = statq_region_name(db, cases[i][0]);
        assert_string_equal(name, cases[i][1]);
        free(name);
    }
}

static void test_periods(void **state)
{
    (void)state;
    stat_period *p;
    size_t n;
    char *err = NULL;
    assert_int_equal(statq_periods(db, "urban_dibao_persons", "110000", SP_MONTH, &p, &n, &err), 0);
    assert_int_equal(n, 4);
    assert_string_equal(p[0].end, "2021-03-31");
    assert_string_equal(p[3].end, "2022-03-31");
    assert_int_equal(p[3].index, 3);
    free(p);
    assert_int_equal(statq_periods(db, "dibao_spending", NULL, SP_QUARTER, &p, &n, &err), 0);
    assert_int_equal(n, 4);
    assert_int_equal(p[0].index, 1);
    assert_int_equal(p[1].index, 4);
    free(p);
    assert_int_equal(statq_periods(db, NULL, NULL, SP_YEAR, &p, &n, &err), 0);
    assert_int_equal(n, 3); /* 2019, 2020, 2021 */
    free(p);
    assert_int_equal(statq_periods(db, "urban_dibao_persons", "110000", SP_HALF, &p, &n, &err), 0);
    assert_int_equal(n, 0);
    free(p);
}

/* ---- tables ------------------------------------------------------------------------- */

static void test_regions_by_periods(void **state)
{
    (void)state;
    /* One indicator: the provinces down, the years across. */
    const char *inds[] = {"城市低保人数"};
    stat_request rq = {.indicators = inds, .nindicators = 1, .children_of = STAT_NATIONAL,
                       .ptype = SP_YEAR, .rows = SA_REGION, .cols = SA_PERIOD};
    stat_table t;
    build(&rq, &t);
    assert_int_equal(t.nrows, 4);
    assert_int_equal(t.ncols, 1); /* only 2021 has provincial values */
    assert_string_equal(t.row_keys[0], "110000");
    assert_string_equal(t.row_labels[0], "北京市");
    assert_string_equal(t.row_labels[1], "广东省");
    assert_string_equal(t.col_keys[0], "2021");
    assert_string_equal(t.col_labels[0], "2021年");
    assert_non_null(t.col_units);
    assert_null(t.row_units);
    assert_string_equal(t.col_units[0].name, "万人");
    assert_string_equal(t.title, "城市低保人数（万人），各省级地区，2021年");
    const stat_cell *c = cell(&t, 0, 0);
    assert_true(c->present);
    assert_true(c->value == 7.1);
    assert_string_equal(c->raw, "7.1 万人");
    assert_string_equal(c->indicator, "urban_dibao_persons");
    assert_string_equal(c->region, "110000");
    assert_string_equal(c->source_file, "stats/local.csv");
    assert_int_equal(c->line, 21);
    assert_false(c->derived);
    /* 广东 published 人: shown in 万人, labelled. */
    c = cell(&t, 1, 0);
    assert_true(c->derived);
    assert_true(fabs(c->value - 15.9) < 1e-9);
    assert_string_equal(fmt(c), "15.9");
    assert_string_equal(c->derivation, "由 159,000 人 换算为万人");
    assert_string_equal(c->raw, "159000 人");
    assert_int_equal(t.nnotes, 0);
    statq_table_free(&t);

    /* Listed regions, months of a range: absent cells stay, named. */
    const char *regions[] = {"110000", "500000"};
    stat_request m = {.indicators = inds, .nindicators = 1, .regions = regions, .nregions = 2,
                      .ptype = SP_MONTH, .from = "2022-01-01", .to = "2022-12-31",
                      .rows = SA_REGION, .cols = SA_PERIOD};
    build(&m, &t);
    assert_int_equal(t.nrows, 2);
    assert_int_equal(t.ncols, 3);
    assert_string_equal(t.col_keys[2], "2022-03");
    assert_string_equal(t.col_labels[2], "2022年3月");
    assert_string_equal(fmt(cell(&t, 0, 2)), "7.10"); /* the decimals published */
    assert_false(cell(&t, 1, 0)->present);
    assert_string_equal(cell(&t, 1, 0)->region, "500000");
    assert_string_equal(cell(&t, 1, 0)->indicator, "urban_dibao_persons");
    assert_string_equal(fmt(cell(&t, 1, 0)), "-");
    statq_table_free(&t);
}

static void test_series(void **state)
{
    (void)state;
    const char *inds[] = {"城市低保人数", "城市低保平均保障标准", "urban_dibao_persons"};
    stat_table t;
    char *err = NULL;
    assert_int_equal(statq_series(db, inds, 3, STAT_NATIONAL, SP_YEAR, "2020", "2021", NULL, 0,
                                  &t, &err),
                     0);
    assert_int_equal(t.nrows, 2);
    assert_int_equal(t.ncols, 2); /* the same indicator twice is one column */
    assert_string_equal(t.row_labels[0], "2020年");
    assert_string_equal(t.col_labels[0], "城市低保人数");
    assert_string_equal(t.col_units[0].name, "万人");
    assert_string_equal(t.col_units[1].name, "元/人·月");
    assert_string_equal(t.title, "全国，2020年至2021年");
    assert_true(cell(&t, 1, 1)->value == 711.4);
    statq_table_free(&t);
    /* An open range: every year. */
    assert_int_equal(statq_series(db, inds, 1, STAT_NATIONAL, SP_YEAR, NULL, NULL, NULL, 0, &t,
                                  &err),
                     0);
    assert_int_equal(t.nrows, 2);
    statq_table_free(&t);
    assert_int_equal(statq_series(db, inds, 1, STAT_NATIONAL, SP_YEAR, "hello", NULL, NULL, 0,
                                  &t, &err),
                     -1);
    free(err);
}

static void test_other_axes(void **state)
{
    (void)state;
    /* Many indicators, one period: regions down, indicators across. */
    const char *inds[] = {"城市低保人数", "城市低保户数"};
    stat_period y2021 = period("2021");
    stat_request rq = {.indicators = inds, .nindicators = 2, .children_of = STAT_NATIONAL,
                       .periods = &y2021, .nperiods = 1, .rows = SA_REGION,
                       .cols = SA_INDICATOR};
    stat_table t;
    build(&rq, &t);
    assert_int_equal(t.nrows, 4);
    assert_int_equal(t.ncols, 2);
    assert_string_equal(t.col_units[1].name, "万户");
    assert_string_equal(t.title, "各省级地区，2021年");
    size_t cq = row_of(&t, "500000");
    assert_true(cell(&t, cq, 1)->value == 19.0);
    assert_string_equal(fmt(cell(&t, cq, 1)), "19.0");
    assert_false(cell(&t, row_of(&t, "530000"), 1)->present);
    statq_table_free(&t);

    /* Indicators down (row units), regions across. */
    const char *regions[] = {"110000", "500000", "000000"};
    stat_request r2 = {.indicators = inds, .nindicators = 2, .regions = regions, .nregions = 3,
                       .periods = &y2021, .nperiods = 1, .rows = SA_INDICATOR,
                       .cols = SA_REGION};
    build(&r2, &t);
    assert_int_equal(t.nrows, 2);
    assert_int_equal(t.ncols, 3);
    assert_null(t.col_units);
    assert_string_equal(t.row_units[0].name, "万人");
    assert_string_equal(t.row_units[1].name, "万户");
    assert_string_equal(t.col_labels[2], "全国");
    assert_true(cell(&t, 0, 2)->value == 737.8);
    statq_table_free(&t);

    /* Periods down, regions across, one indicator. */
    const stat_period ps[] = {period("2020"), period("2021")};
    stat_request r3 = {.indicators = inds, .nindicators = 1, .regions = regions, .nregions = 3,
                       .periods = ps, .nperiods = 2, .rows = SA_PERIOD, .cols = SA_REGION};
    build(&r3, &t);
    assert_int_equal(t.nrows, 2);
    assert_int_equal(t.ncols, 3);
    assert_true(cell(&t, 0, 2)->value == 805.3);
    assert_false(cell(&t, 0, 0)->present);
    statq_table_free(&t);

    /* Indicators down, periods across, one region. */
    const char *nat[] = {STAT_NATIONAL};
    stat_request r4 = {.indicators = inds, .nindicators = 2, .regions = nat, .nregions = 1,
                       .ptype = SP_YEAR, .rows = SA_INDICATOR, .cols = SA_PERIOD};
    build(&r4, &t);
    assert_int_equal(t.nrows, 2);
    assert_int_equal(t.ncols, 2);
    assert_true(cell(&t, 0, 1)->value == 737.8);
    assert_false(cell(&t, 1, 1)->present);
    statq_table_free(&t);
}

static void test_refusals(void **state)
{
    (void)state;
    const char *two[] = {"城市低保人数", "城市低保户数"};
    const char *regions[] = {"110000", "500000"};
    stat_request rq = {.indicators = two, .nindicators = 2, .regions = regions, .nregions = 2,
                       .ptype = SP_YEAR, .rows = SA_REGION, .cols = SA_PERIOD};
    stat_table t;
    char *err = NULL;
    assert_int_equal(statq_table(db, &rq, &t, &err), -1);
    assert_non_null(strstr(err, "指标须只有一项"));
    free(err);
    /* Many periods with the period fixed. */
    rq.nindicators = 1;
    rq.rows = SA_REGION;
    rq.cols = SA_INDICATOR;
    rq.regions = NULL;
    rq.nregions = 0;
    rq.children_of = NULL;
    rq.indicators = (const char *const[]){"urban_dibao_standard_yoy"};
    const char *nat[] = {STAT_NATIONAL};
    rq.regions = nat;
    rq.nregions = 1;
    assert_int_equal(statq_table(db, &rq, &t, &err), -1);
    assert_non_null(strstr(err, "时期须只有一项"));
    free(err);
    rq.cols = SA_REGION;
    assert_int_equal(statq_table(db, &rq, &t, &err), -1);
    free(err);
    const char *unknown[] = {"没有这个指标"};
    stat_request u = {.indicators = unknown, .nindicators = 1, .rows = SA_REGION,
                      .cols = SA_PERIOD};
    assert_int_equal(statq_table(db, &u, &t, &err), -1);
    assert_string_equal(err, "未知指标：没有这个指标");
    free(err);
    u.indicators = two;
    u.unit = "公斤";
    assert_int_equal(statq_table(db, &u, &t, &err), -1);
    assert_string_equal(err, "不认识的单位：公斤");
    free(err);
    u.unit = NULL;
    u.nindicators = 0;
    assert_int_equal(statq_table(db, &u, &t, &err), -1);
    free(err);
}

/* ---- units ---------------------------------------------------------------------------- */

static void test_unit_scale(void **state)
{
    (void)state;
    const char *inds[] = {"城市低保人数"};
    stat_period y = period("2021");
    stat_request rq = {.indicators = inds, .nindicators = 1, .children_of = STAT_NATIONAL,
                       .periods = &y, .nperiods = 1, .rows = SA_REGION, .cols = SA_PERIOD,
                       .unit = "人"};
    stat_table t;
    build(&rq, &t);
    assert_string_equal(t.col_units[0].name, "人");
    const stat_cell *bj = cell(&t, row_of(&t, "110000"), 0);
    assert_true(bj->derived);
    assert_string_equal(fmt(bj), "71,000");
    assert_string_equal(bj->derivation, "由 7.1 万人 换算为人");
    const stat_cell *gd = cell(&t, row_of(&t, "440000"), 0);
    assert_false(gd->derived);
    assert_string_equal(fmt(gd), "159,000");
    assert_string_equal(fmt(cell(&t, row_of(&t, "530000"), 0)), "424,800");
    statq_table_free(&t);
    /* A unit of another dimension falls back to the indicator's own, saying so. */
    rq.unit = "万户";
    build(&rq, &t);
    assert_string_equal(t.col_units[0].name, "万人");
    assert_true(has_note(&t, "城市低保人数 不能以万户显示，按万人显示"));
    statq_table_free(&t);
}

static void test_month_year(void **state)
{
    (void)state;
    const char *inds[] = {"农村低保平均保障标准"};
    const char *regions[] = {"000000", "110000", "500000"};
    stat_period y = period("2021");
    stat_request rq = {.indicators = inds, .nindicators = 1, .regions = regions, .nregions = 3,
                       .periods = &y, .nperiods = 1, .rows = SA_REGION, .cols = SA_PERIOD,
                       .unit = "元/人·月"};
    stat_table t;
    build(&rq, &t);
    assert_string_equal(t.col_units[0].name, "元/人·月");
    assert_false(cell(&t, 0, 0)->present);
    assert_false(cell(&t, 1, 0)->present);
    assert_true(cell(&t, 2, 0)->present);
    assert_int_equal(t.nnotes, 1);
    assert_string_equal(t.notes[0], "农村低保平均保障标准：2 个值以元/人·年公布，与元/人·月不能"
                                    "直接比较；可按 12 个月换算");
    statq_table_free(&t);

    /* The caller names how its user asks for the conversion. */
    rq.convert_hint = "按 m 键可";
    build(&rq, &t);
    assert_string_equal(t.notes[0], "农村低保平均保障标准：2 个值以元/人·年公布，与元/人·月不能"
                                    "直接比较；按 m 键可按 12 个月换算");
    statq_table_free(&t);
    rq.convert_hint = NULL;

    rq.convert_period = 1;
    build(&rq, &t);
    assert_int_equal(t.nnotes, 0);
    const stat_cell *c = cell(&t, 0, 0);
    assert_true(c->present && c->derived);
    assert_string_equal(fmt(c), "530.18");
    assert_string_equal(c->derivation, "按 12 个月平均换算自 6,362.2 元/人·年");
    assert_string_equal(fmt(cell(&t, 1, 0)), "1,245");
    statq_table_free(&t);

    /* The other way: the default unit (元/人·年), 重庆's month figure ×12 when asked. */
    rq.unit = NULL;
    rq.convert_period = 0;
    build(&rq, &t);
    assert_string_equal(t.col_units[0].name, "元/人·年");
    assert_false(cell(&t, 2, 0)->present);
    assert_true(has_note(&t, "1 个值以元/人·月公布，与元/人·年不能直接比较"));
    statq_table_free(&t);
    rq.convert_period = 1;
    build(&rq, &t);
    assert_string_equal(fmt(cell(&t, 2, 0)), "6,720");
    assert_string_equal(cell(&t, 2, 0)->derivation, "按 12 个月换算自 560 元/人·月");
    statq_table_free(&t);

    /* 云南 published both: the one in the unit shown wins, whichever that is. */
    const char *yn[] = {"530000"};
    stat_request r2 = {.indicators = inds, .nindicators = 1, .regions = yn, .nregions = 1,
                       .periods = &y, .nperiods = 1, .rows = SA_REGION, .cols = SA_PERIOD};
    build(&r2, &t);
    assert_true(cell(&t, 0, 0)->value == 4704);
    assert_false(cell(&t, 0, 0)->derived);
    statq_table_free(&t);
    r2.unit = "元/人·月";
    build(&r2, &t);
    assert_true(cell(&t, 0, 0)->value == 392);
    assert_int_equal(t.nnotes, 0);
    statq_table_free(&t);
}

/* ---- change ------------------------------------------------------------------------- */

static void test_yoy_table(void **state)
{
    (void)state;
    const char *inds[] = {"城市低保平均保障标准"};
    const char *nat[] = {STAT_NATIONAL};
    stat_period y = period("2021");
    stat_request rq = {.indicators = inds, .nindicators = 1, .regions = nat, .nregions = 1,
                       .periods = &y, .nperiods = 1, .rows = SA_PERIOD, .cols = SA_INDICATOR,
                       .change = SC_YOY};
    stat_table t;
    build(&rq, &t);
    const stat_cell *c = cell(&t, 0, 0);
    assert_true(c->present && c->derived);
    assert_int_equal(c->id, 0);
    assert_string_equal(fmt(c), "+5.0");
    assert_string_equal(c->unit.name, "%");
    assert_string_equal(t.col_units[0].name, "%");
    assert_string_equal(c->derivation, "同比 +5.0%（2020年 677.6 元/人·月 → 2021年 711.4 元/人·月）");
    assert_true(c->base_value == 677.6);
    assert_int_equal(c->base_period.year, 2020);
    statq_table_free(&t);

    /* A % indicator: percentage points. */
    inds[0] = "城市低保平均保障标准同比增长";
    build(&rq, &t);
    c = cell(&t, 0, 0);
    assert_string_equal(c->unit.name, "个百分点");
    assert_string_equal(fmt(c), "+0.3");
    assert_string_equal(c->derivation, "同比 +0.3 个百分点（2020年 4.7% → 2021年 5.0%）");
    statq_table_free(&t);

    /* No year before: absent, with a note. */
    inds[0] = "城市低保人数";
    const char *regions[] = {"110000", "000000"};
    stat_request r2 = {.indicators = inds, .nindicators = 1, .regions = regions, .nregions = 2,
                       .periods = &y, .nperiods = 1, .rows = SA_REGION, .cols = SA_PERIOD,
                       .change = SC_YOY};
    build(&r2, &t);
    assert_false(cell(&t, 0, 0)->present);
    assert_true(cell(&t, 1, 0)->present);
    assert_string_equal(fmt(cell(&t, 1, 0)), "-8.4");
    assert_string_equal(t.notes[0], "城市低保人数同比：1 个值没有上年同期的数值，不能计算");
    assert_string_equal(t.title, "城市低保人数同比（%），2021年");
    statq_table_free(&t);

    /* Months: 2022-03 against 2021-03; and 环比 within a year. */
    const char *bj[] = {"110000"};
    stat_request r3 = {.indicators = inds, .nindicators = 1, .regions = bj, .nregions = 1,
                       .ptype = SP_MONTH, .from = "2022-01-01", .to = "2022-03-31",
                       .rows = SA_PERIOD, .cols = SA_INDICATOR, .change = SC_YOY};
    build(&r3, &t);
    assert_int_equal(t.nrows, 3);
    assert_false(cell(&t, 0, 0)->present);
    assert_string_equal(fmt(cell(&t, 2, 0)), "-4.1");
    statq_table_free(&t);
    r3.change = SC_POP;
    build(&r3, &t);
    assert_false(cell(&t, 0, 0)->present); /* no 2021-12 */
    assert_string_equal(fmt(cell(&t, 1, 0)), "-1.4");
    assert_string_equal(fmt(cell(&t, 2, 0)), "0.0");
    assert_string_equal(cell(&t, 2, 0)->derivation,
                        "环比 0.0%（2022年2月 7.1 万人 → 2022年3月 7.10 万人）");
    assert_true(has_note(&t, "城市低保人数环比：1 个值没有上期的数值"));
    statq_table_free(&t);
}

/* Stops the statement after *arg more VM steps (a negative count: never; counts the steps). */
static int stop_after(void *arg)
{
    long *left = arg;
    return (*left)-- == 0;
}

/* Found by the console monkey test: a 同比 table whose second query (the year before) was
 * interrupted by a newer search freed the half-built table through its row and column
 * keys, still NULL (a crash in the worker thread); and an interrupt landing on BEGIN left
 * the read transaction open. Interrupted at every point, the engine must fail cleanly,
 * close its transaction (and ASan sees no bad access or leak). */
static void test_interrupted(void **state)
{
    (void)state;
    const char *inds[] = {"城市低保人数"};
    const char *bj[] = {"110000"};
    stat_request rq = {.indicators = inds, .nindicators = 1, .regions = bj, .nregions = 1,
                       .ptype = SP_MONTH, .from = "2022-01-01", .to = "2022-03-31",
                       .rows = SA_PERIOD, .cols = SA_INDICATOR, .change = SC_YOY};
    long steps = -1;
    sqlite3_progress_handler(db, 1, stop_after, &steps);
    stat_table t;
    build(&rq, &t);
    statq_table_free(&t);
    long total = -1 - steps;
    assert_true(total > 10);
    int failed = 0;
    for (long k = 0; k < total; k += total / 400 + 1) {
        steps = k;
        char *err = NULL;
        if (statq_table(db, &rq, &t, &err) != 0) {
            assert_non_null(err);
            failed++;
        } else {
            statq_table_free(&t);
        }
        free(err);
        assert_true(sqlite3_get_autocommit(db)); /* no transaction left open */
    }
    sqlite3_progress_handler(db, 0, NULL, NULL);
    assert_true(failed > 0);
}

static stat_cell make(const char *ind, const char *period_text, double v, const char *raw,
                      const char *unit, enum stat_measure m)
{
    stat_cell c = {0};
    c.present = 1;
    c.value = v;
    assert_true(stat_unit_parse(unit, &c.unit));
    c.raw = xasprintf("%s %s", raw, unit);
    c.indicator = xstrdup(ind);
    snprintf(c.region, sizeof c.region, "000000");
    c.period = period(period_text);
    c.measure = m;
    return c;
}

static void test_change(void **state)
{
    (void)state;
    stat_cell out;
    char *why = NULL;
    /* Scale first: 7.1 万人 against 65,000 人. */
    stat_cell now = make("x", "2021", 7.1, "7.1", "万人", SM_POINT);
    stat_cell before = make("x", "2020", 65000, "65000", "人", SM_POINT);
    assert_int_equal(statq_change(&now, &before, 0, &out, &why), 0);
    assert_true(fabs(out.value - 9.2307692) < 1e-6);
    assert_string_equal(out.derivation,
                        "同比 +9.2%（2020年 6.5 万人 → 2021年 7.1 万人；2020年值由 65000 人 换算）");
    statq_cell_free(&out);
    statq_cell_free(&before);
    /* Month and year: refused unless asked. */
    before = make("x", "2020", 5962.3, "5962.3", "元/人·年", SM_POINT);
    statq_cell_free(&now);
    now = make("x", "2021", 530.2, "530.2", "元/人·月", SM_POINT);
    assert_int_equal(statq_change(&now, &before, 0, &out, &why), -1);
    assert_non_null(strstr(why, "不能直接比较"));
    free(why);
    assert_int_equal(statq_change(&now, &before, 1, &out, &why), 0);
    assert_true(fabs(out.base_value - 5962.3 / 12) < 1e-9);
    assert_non_null(strstr(out.derivation, "按 12 个月平均"));
    statq_cell_free(&out);
    statq_cell_free(&before);
    statq_cell_free(&now);
    /* Another dimension: never. */
    now = make("x", "2021", 7.1, "7.1", "万人", SM_POINT);
    before = make("x", "2020", 7.1, "7.1", "万户", SM_POINT);
    assert_int_equal(statq_change(&now, &before, 1, &out, &why), -1);
    assert_non_null(strstr(why, "不能换算"));
    free(why);
    statq_cell_free(&before);
    /* Zero before. */
    before = make("x", "2020", 0, "0", "万人", SM_POINT);
    assert_int_equal(statq_change(&now, &before, 0, &out, &why), -1);
    assert_non_null(strstr(why, "为 0"));
    free(why);
    statq_cell_free(&before);
    statq_cell_free(&now);

    /* Cumulative: the same span a year before, or an earlier span of the same year. */
    now = make("s", "2021Q1", 462.1, "462.1", "亿元", SM_CUMULATIVE);
    before = make("s", "2020Q4", 1700, "1700", "亿元", SM_CUMULATIVE);
    assert_int_equal(statq_change(&now, &before, 0, &out, &why), -1);
    assert_string_equal(why, "累计数跨年，不能环比");
    free(why);
    statq_cell_free(&before);
    before = make("s", "2020Q1", 400, "400.0", "亿元", SM_CUMULATIVE);
    assert_int_equal(statq_change(&now, &before, 0, &out, &why), 0);
    assert_string_equal(out.derivation, "同比 +15.5%（2020年第1季度 400.0 亿元 → 2021年第1季度 "
                                        "462.1 亿元）");
    statq_cell_free(&out);
    statq_cell_free(&before);
    before = make("s", "2020Q2", 800, "800", "亿元", SM_CUMULATIVE);
    assert_int_equal(statq_change(&now, &before, 0, &out, &why), -1);
    assert_non_null(strstr(why, "累计数只能"));
    free(why);
    statq_cell_free(&before);
    stat_cell q2 = make("s", "2021Q2", 900, "900.0", "亿元", SM_CUMULATIVE);
    assert_int_equal(statq_change(&q2, &now, 0, &out, &why), 0);
    assert_non_null(strstr(out.derivation, "环比 +94.8%"));
    statq_cell_free(&out);
    statq_cell_free(&q2);
    /* Not the same indicator or region. */
    before = make("t", "2020Q1", 400, "400", "亿元", SM_CUMULATIVE);
    assert_int_equal(statq_change(&now, &before, 0, &out, &why), -1);
    free(why);
    statq_cell_free(&before);
    statq_cell_free(&now);
}

static void test_cumulative_table(void **state)
{
    (void)state;
    const char *inds[] = {"低保资金支出"};
    const char *nat[] = {STAT_NATIONAL};
    stat_request rq = {.indicators = inds, .nindicators = 1, .regions = nat, .nregions = 1,
                       .ptype = SP_QUARTER, .from = "2021", .to = "2021",
                       .rows = SA_PERIOD, .cols = SA_INDICATOR, .change = SC_POP};
    stat_table t;
    build(&rq, &t);
    assert_int_equal(t.nrows, 2);
    assert_false(cell(&t, 0, 0)->present); /* 2021Q1 against 2020Q4 */
    assert_true(cell(&t, 1, 0)->present);
    assert_true(has_note(&t, "低保资金支出环比：累计数跨年，不能环比（1 个）"));
    statq_table_free(&t);
    rq.change = SC_YOY;
    build(&rq, &t);
    assert_true(cell(&t, 0, 0)->present);
    assert_string_equal(fmt(cell(&t, 0, 0)), "+15.5");
    assert_false(cell(&t, 1, 0)->present);
    statq_table_free(&t);
}

/* ---- sorting, rankings ---------------------------------------------------------------- */

static void test_sort(void **state)
{
    (void)state;
    const char *inds[] = {"城市低保户数"};
    stat_period y = period("2021");
    const char *regions[] = {"530000", "500000", "110000"};
    stat_request rq = {.indicators = inds, .nindicators = 1, .regions = regions, .nregions = 3,
                       .periods = &y, .nperiods = 1, .rows = SA_REGION, .cols = SA_PERIOD};
    stat_table t;
    build(&rq, &t);
    statq_table_sort(&t, 0, 1);
    assert_string_equal(t.row_keys[0], "500000");
    assert_string_equal(t.row_keys[1], "110000");
    assert_string_equal(t.row_keys[2], "530000"); /* absent last */
    assert_string_equal(t.row_labels[0], "重庆市");
    assert_true(cell(&t, 0, 0)->value == 19.0);
    statq_table_sort(&t, 0, 0);
    assert_string_equal(t.row_keys[0], "110000");
    assert_string_equal(t.row_keys[2], "530000"); /* absent last both ways */
    statq_table_sort(&t, 7, 0); /* no such column: unchanged */
    assert_string_equal(t.row_keys[0], "110000");
    statq_table_free(&t);

    /* By label, numbers as numbers; stable among equal values. */
    const char *bj[] = {"110000"};
    const char *ind1[] = {"城市低保人数"};
    stat_request m = {.indicators = ind1, .nindicators = 1, .regions = bj, .nregions = 1,
                      .ptype = SP_MONTH, .rows = SA_PERIOD, .cols = SA_INDICATOR};
    build(&m, &t);
    assert_int_equal(t.nrows, 4);
    statq_table_sort(&t, 0, 0);
    assert_string_equal(t.row_keys[0], "2022-02"); /* 7.1, 7.1 kept in order */
    assert_string_equal(t.row_keys[1], "2022-03");
    assert_string_equal(t.row_keys[3], "2021-03");
    statq_table_sort(&t, SIZE_MAX, 0);
    assert_string_equal(t.row_keys[0], "2021-03");
    assert_string_equal(t.row_keys[3], "2022-03");
    statq_table_sort(&t, SIZE_MAX, 1);
    assert_string_equal(t.row_keys[0], "2022-03");
    statq_table_free(&t);
}

static void test_ranking(void **state)
{
    (void)state;
    stat_period y = period("2021");
    stat_table t;
    char *err = NULL;
    assert_int_equal(statq_ranking(db, "城市低保人数", &y, NULL, NULL, 0, &t, &err), 0);
    assert_int_equal(t.nrows, 4);
    assert_int_equal(t.ncols, 1);
    assert_string_equal(t.row_keys[0], "530000");
    assert_string_equal(t.row_keys[1], "500000");
    assert_string_equal(t.row_keys[2], "440000");
    assert_string_equal(t.row_keys[3], "110000");
    assert_non_null(strstr(t.title, "从高到低"));
    statq_table_free(&t);
    assert_int_equal(statq_ranking(db, "城市低保人数", &y, "330000", "人", 0, &t, &err), 0);
    assert_int_equal(t.nrows, 2);
    assert_string_equal(t.row_keys[0], "330100");
    assert_string_equal(fmt(cell(&t, 0, 0)), "21,000");
    statq_table_free(&t);
    stat_period m = period("1999-01");
    assert_int_equal(statq_ranking(db, "城市低保人数", &m, NULL, NULL, 0, &t, &err), 0);
    assert_int_equal(t.nrows, 4);
    assert_false(cell(&t, 0, 0)->present);
    statq_table_free(&t);
}

/* ---- values, sources, flags ----------------------------------------------------------- */

static void test_format(void **state)
{
    (void)state;
    static const struct {
        double v;
        const char *raw, *unit, *want;
        int derived;
    } cases[] = {
        {1701.1, "1,701.1", "万人", "1,701.1", 0},
        {1701.1, "1701.1", "万人", "1,701.1", 0},
        {3177.6, "3177.6", "元/人·年", "3,177.6", 0},
        {0.3, "0.3", "万人", "0.3", 0},
        {711.4, "711.40", "元/人·月", "711.40", 0},
        {12345678, "12345678", "人", "12,345,678", 0},
        {-3.25, "-3.25", "%", "-3.25", 0},
        {999, "999", "人", "999", 0},
        {1000, "1000", "人", "1,000", 0},
        {71000.00000001, "7.1", "人", "71,000", 1},
        {264.8, "3177.6", "元/人·月", "264.8", 1},
        {530.18333, "6362.2", "元/人·月", "530.18", 1},
        {15.9, "159000", "万人", "15.9", 1},
        {1.2345, "12345", "万人", "1.2", 1},
        {30.4, "304000", "亿元", "30.4", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        stat_cell c = {0};
        c.present = 1;
        c.value = cases[i].v;
        assert_true(stat_unit_parse(cases[i].unit, &c.unit));
        c.raw = (char *)cases[i].raw;
        c.derived = cases[i].derived;
        char buf[48];
        statq_format_value(&c, buf);
        if (strcmp(buf, cases[i].want))
            fail_msg("%g (%s): “%s”, expected “%s”", cases[i].v, cases[i].raw, buf, cases[i].want);
    }
    stat_cell c = {0};
    char buf[48];
    assert_string_equal(statq_format_value(&c, buf), "-");
    c.present = 1;
    c.value = 1e300;
    c.raw = NULL;
    statq_format_value(&c, buf);
    assert_true(strlen(buf) < 48);
    c.value = NAN;
    assert_string_equal(statq_format_value(&c, buf), "-");
}

static void test_sources(void **state)
{
    (void)state;
    const char *inds[] = {"城市低保人数"};
    const char *nat[] = {STAT_NATIONAL};
    stat_period y = period("2021");
    stat_request rq = {.indicators = inds, .nindicators = 1, .regions = nat, .nregions = 1,
                       .periods = &y, .nperiods = 1, .rows = SA_PERIOD, .cols = SA_INDICATOR};
    stat_table t;
    build(&rq, &t);
    const stat_cell *c = cell(&t, 0, 0);
    assert_int_equal(c->id, flagged_id);
    assert_string_equal(c->source_doc, "2021年民政事业发展统计公报");
    assert_string_equal(c->published, "2022-08-26");
    /* Flags, every one. */
    assert_non_null(c->flags);
    assert_non_null(strstr(c->flags, "比上年下降 8.4%"));
    assert_non_null(strstr(c->flags, "；"));
    assert_non_null(strstr(c->flags, "城市与农村之和与合计不符"));
    char *src = statq_cell_source(c);
    char *want = xasprintf("来源：2021年民政事业发展统计公报 https://www.mca.gov.cn/n1288/gb2021.html"
                           " （发布 2022-08-26）· stats/national.csv:12；注意：%s",
                           c->flags);
    assert_string_equal(src, want);
    free(src);
    free(want);
    statq_table_free(&t);

    /* Derived: the conversion follows. */
    rq.unit = "人";
    build(&rq, &t);
    src = statq_cell_source(cell(&t, 0, 0));
    assert_non_null(strstr(src, "· stats/national.csv:12；换算：由 737.8 万人 换算为人；注意："));
    free(src);
    statq_table_free(&t);

    /* A change says how it was computed. */
    rq.unit = NULL;
    rq.change = SC_YOY;
    build(&rq, &t);
    src = statq_cell_source(cell(&t, 0, 0));
    assert_non_null(strstr(src, "；计算：同比 -8.4%（2020年 805.3 万人 → 2021年 737.8 万人）"));
    statq_table_free(&t);
    free(src);

    /* Nothing known about the source. */
    stat_cell bare = {0};
    bare.present = 1;
    src = statq_cell_source(&bare);
    assert_string_equal(src, "来源：未注明出处");
    free(src);
    bare.source_file = (char *)"stats/x.csv";
    bare.line = 3;
    bare.revised = 1;
    bare.note = (char *)"含补发";
    src = statq_cell_source(&bare);
    assert_string_equal(src, "来源：未注明出处 · stats/x.csv:3；修订值；附注：含补发");
    free(src);
}

static void test_duplicates(void **state)
{
    (void)state;
    const char *inds[] = {"urban_dibao_standard_yoy"};
    const char *nat[] = {STAT_NATIONAL};
    stat_period y = period("2019");
    stat_request rq = {.indicators = inds, .nindicators = 1, .regions = nat, .nregions = 1,
                       .periods = &y, .nperiods = 1, .rows = SA_PERIOD, .cols = SA_INDICATOR};
    stat_table t;
    build(&rq, &t);
    assert_true(cell(&t, 0, 0)->value == 6.3);
    assert_true(cell(&t, 0, 0)->revised);
    assert_int_equal(cell(&t, 0, 0)->line, 7);
    statq_table_free(&t);
}

static void test_copy(void **state)
{
    (void)state;
    stat_cell a = make("x", "2021", 7.1, "7.1", "万人", SM_POINT), b;
    a.flags = xstrdup("f");
    statq_cell_copy(&b, &a);
    assert_ptr_not_equal(a.raw, b.raw);
    assert_string_equal(b.raw, "7.1 万人");
    assert_string_equal(b.flags, "f");
    assert_null(b.source_doc);
    statq_cell_free(&a);
    statq_cell_free(&b);
    assert_null(b.raw);
    statq_cell_free(NULL);
}

/* ---- a larger table: a few statements, not one per cell ----------------------------- */

static int statements;

static int count_stmt(unsigned type, void *ctx, void *p, void *x)
{
    (void)ctx;
    (void)p;
    (void)x;
    if (type == SQLITE_TRACE_STMT) {
        statements++;
        if (getenv("STATQ_TRACE"))
            fprintf(stderr, "%.100s\n", (const char *)x);
    }
    return 0;
}

/* ---- indicators a search's text names (statq_match, statq_latest) --------------------- */

static void expect_latest(const char *ind, const char *region, const char *value,
                          const char *where, const char *end)
{
    stat_cell c;
    int rc = statq_latest(db, ind, region, &c);
    if (rc != 1)
        fail_msg("latest %s in %s: %d", ind, region ? region : "any", rc);
    char buf[48];
    if (strcmp(statq_format_value(&c, buf), value) || strcmp(c.region, where) ||
        strcmp(c.period.end, end))
        fail_msg("latest %s in %s: %s %s %s, expected %s %s %s", ind, region ? region : "any",
                 buf, c.region, c.period.end, value, where, end);
    statq_cell_free(&c);
}

static void test_match(void **state)
{
    (void)state;
    stat_match m;
    char *err = NULL;
    /* Catalogue order among those with values; the count past the limit. */
    assert_int_equal(statq_match(db, "城市低保", 3, &m, &err), 0);
    assert_int_equal(m.total, 4); /* persons, households, standard, standard_yoy */
    assert_int_equal(m.n, 3);
    assert_string_equal(m.hits[0].ind.code, "urban_dibao_persons");
    assert_string_equal(m.hits[1].ind.code, "urban_dibao_households");
    assert_string_equal(m.hits[2].ind.code, "urban_dibao_standard");
    /* 全国's latest: the 2021 bulletin, not Beijing's later months. */
    const stat_match_hit *h = &m.hits[0];
    assert_true(h->have_value && h->national);
    assert_string_equal(h->region_name, "全国");
    assert_string_equal(h->cell.raw, "737.8 万人");
    assert_string_equal(h->cell.period.end, "2021-12-31");
    assert_string_equal(h->cell.unit.name, "万人");
    assert_string_equal(h->cell.flags, "比上年下降 8.4%；城市与农村之和与合计不符");
    /* No national value: a province's (the first of a tie), named from the divisions. */
    h = &m.hits[1];
    assert_true(h->have_value && !h->national);
    assert_string_equal(h->cell.region, "110000");
    assert_string_equal(h->region_name, "北京市");
    assert_string_equal(h->cell.raw, "4.2 万户");
    assert_true(m.ms >= 0);
    statq_match_free(&m);
    /* An alias, in Traditional characters. */
    assert_int_equal(statq_match(db, "城鎮居民最低生活保障", 3, &m, &err), 0);
    assert_int_equal(m.total, 2);
    assert_string_equal(m.hits[0].ind.code, "urban_dibao_persons");
    statq_match_free(&m);
    /* Indicators without values are not offered (城市低保资金支出 has none here). */
    assert_int_equal(statq_match(db, "低保资金支出", 3, &m, &err), 0);
    assert_int_equal(m.total, 1);
    assert_string_equal(m.hits[0].ind.code, "dibao_spending");
    assert_int_equal(m.hits[0].ind.measure, SM_CUMULATIVE);
    assert_string_equal(m.hits[0].cell.period.end, "2021-06-30"); /* 2021Q2, cumulative */
    assert_true(m.hits[0].cell.value == 900.0);
    statq_match_free(&m);
    static const char *const none[] = {"托底线", "保", "", "urban_dibao",
                                       "'; DROP TABLE stat_value; --"};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        assert_int_equal(statq_match(db, none[i], 3, &m, &err), 0);
        assert_int_equal(m.total, 0);
        assert_int_equal(m.n, 0);
        statq_match_free(&m);
    }
    /* The revised one of a duplicated cell. */
    expect_latest("urban_dibao_standard_yoy", STAT_NATIONAL, "5.0", "000000", "2021-12-31");

    exec("SAVEPOINT latest");
    /* A month that ends with the year: the year is shown; a later month wins. */
    put("urban_dibao_standard", "000000", "全国", "2021-12", 712.0, "712.0", "元/人·月", 1, 70, 0);
    expect_latest("urban_dibao_standard", STAT_NATIONAL, "711.4", "000000", "2021-12-31");
    put("urban_dibao_standard", "000000", "全国", "2022-01", 720.0, "720.0", "元/人·月", 1, 71, 0);
    expect_latest("urban_dibao_standard", STAT_NATIONAL, "720.0", "000000", "2022-01-31");
    /* The latest province; with no province at all, any region (a city here). */
    put("urban_dibao_households", "500000", "重庆市", "2022-03", 18.5, "18.5", "万户", 2, 72, 0);
    expect_latest("urban_dibao_households", NULL, "18.5", "500000", "2022-03-31");
    put("temp_relief_times", "330100", "杭州", "2021", 3.2, "3.2", "万人次", 2, 73, 0);
    expect_latest("temp_relief_times", NULL, "3.2", "330100", "2021-12-31");
    stat_cell c;
    assert_int_equal(statq_latest(db, "temp_relief_times", STAT_NATIONAL, &c), 0);
    assert_int_equal(statq_latest(db, "orphans", NULL, &c), 0);
    assert_int_equal(statq_match(db, "临时救助", 3, &m, &err), 0);
    assert_int_equal(m.n, 1);
    assert_true(!m.hits[0].national);
    assert_string_equal(m.hits[0].region_name, "杭州市");
    statq_match_free(&m);
    exec("ROLLBACK TO latest");
    exec("RELEASE latest");

    /* Each value is read by index seeks, never a scan of stat_value. */
    static const char *const sql[] = {
        "SELECT max(period_start) FROM stat_value WHERE indicator = ?1 AND region_code = ?2",
        "SELECT period_type, period_end FROM stat_value WHERE indicator = ?1 AND "
        "region_code = ?2 AND period_start > ?3 ORDER BY period_end DESC",
        "SELECT region_code FROM stat_value WHERE indicator = ?1 ORDER BY period_start DESC, "
        "region_code LIMIT 1",
    };
    for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
        char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql[i]);
        sqlite3_stmt *plan;
        assert_int_equal(sqlite3_prepare_v2(db, q, -1, &plan, NULL), SQLITE_OK);
        int indexed = 0, scan = 0;
        while (sqlite3_step(plan) == SQLITE_ROW) {
            const char *d = (const char *)sqlite3_column_text(plan, 3);
            indexed |= d && strstr(d, "INDEX stat_value_") != NULL;
            scan |= d && !strncmp(d, "SCAN", 4);
        }
        sqlite3_finalize(plan);
        free(q);
        if (!indexed || scan)
            fail_msg("not an index search: %s", sql[i]);
    }
}

static void test_many(void **state)
{
    (void)state;
    /* 100 districts under 120000 (天津), two indicators, three years of months. */
    exec("BEGIN");
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO stat_value(indicator, region_code, "
                                        "region_name, period_type, period_start, period_end, "
                                        "value, value_raw, unit, source_id, line) VALUES "
                                        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '人', 2, ?9)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    long line = 1000;
    static const char *const inds[] = {"rural_dibao_persons", "rural_tekun_persons"};
    for (int r = 0; r < 100; r++) {
        char code[16], name[32];
        snprintf(code, sizeof code, "12%02u%02u", 1u + (unsigned)r / 50u, 1u + (unsigned)r % 50u);
        snprintf(name, sizeof name, "示例县%d", r);
        for (int k = 0; k < 2; k++)
            for (int year = 2022; year <= 2024; year++)
                for (int m = 1; m <= 12; m++) {
                    stat_period p;
                    stat_period_make(SP_MONTH, year, m, &p);
                    char raw[32];
                    snprintf(raw, sizeof raw, "%d", 1000 + r * 10 + m + k);
                    sqlite3_bind_text(st, 1, inds[k], -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 4, "month", -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 5, p.start, -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 6, p.end, -1, SQLITE_STATIC);
                    sqlite3_bind_double(st, 7, 1000 + r * 10 + m + k);
                    sqlite3_bind_text(st, 8, raw, -1, SQLITE_STATIC);
                    sqlite3_bind_int64(st, 9, line++);
                    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
                    sqlite3_reset(st);
                }
    }
    sqlite3_finalize(st);
    exec("COMMIT");
    const char *one[] = {"农村低保人数"};
    stat_request rq = {.indicators = one, .nindicators = 1, .children_of = "120000",
                       .ptype = SP_MONTH, .from = "2023-01-01", .to = "2023-12-31",
                       .rows = SA_REGION, .cols = SA_PERIOD, .unit = "人"};
    stat_table t;
    statements = 0;
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, count_stmt, NULL);
    build(&rq, &t);
    sqlite3_trace_v2(db, 0, NULL, NULL);
    /* Resolution, the skip scan (a seek per region), the values, the names. */
    if (statements > 140)
        fail_msg("%d statements for a 100 x 12 table", statements);
    assert_int_equal(t.nrows, 100);
    assert_int_equal(t.ncols, 12);
    for (size_t r = 0; r < t.nrows; r++)
        for (size_t c = 0; c < t.ncols; c++) {
            const stat_cell *x = cell(&t, r, c);
            assert_true(x->present);
            assert_true(x->value == 1000 + r * 10 + c + 1);
        }
    assert_string_equal(t.row_keys[0], "120101");
    assert_string_equal(t.row_labels[0], "示例县0");
    assert_string_equal(t.row_keys[99], "120250");
    statq_table_free(&t);

    /* Listed regions: the value query is one statement. */
    char **codes;
    size_t n;
    char *err = NULL;
    assert_int_equal(statq_regions(db, "rural_dibao_persons", "120000", &codes, &n, &err), 0);
    assert_int_equal(n, 100);
    rq.regions = (const char *const *)codes;
    rq.nregions = n;
    rq.change = SC_YOY;
    statements = 0;
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, count_stmt, NULL);
    build(&rq, &t);
    sqlite3_trace_v2(db, 0, NULL, NULL);
    if (statements > 12) /* with BEGIN, COMMIT and whether there are flags */
        fail_msg("%d statements for a listed 100 x 12 table with its year before", statements);
    assert_int_equal(t.nnotes, 0);
    const stat_cell *x = cell(&t, 5, 3);
    assert_true(x->present);
    assert_true(fabs(x->value) < 1e-9); /* the same made-up figure each year */
    statq_table_free(&t);
    for (size_t i = 0; i < n; i++)
        free(codes[i]);
    free(codes);

    /* The query plan seeks the index per (indicator, region), never scans the values. */
    sqlite3_stmt *plan;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "EXPLAIN QUERY PLAN SELECT v.id FROM stat_value v "
                                        "WHERE v.indicator IN (?) AND v.region_code IN (?,?,?) "
                                        "AND v.period_start >= ? AND v.period_start <= ? "
                                        "AND v.period_type IN (?)",
                                        -1, &plan, NULL),
                     SQLITE_OK);
    int indexed = 0;
    while (sqlite3_step(plan) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(plan, 3);
        indexed |= d && strstr(d, "USING INDEX stat_value_") != NULL;
    }
    sqlite3_finalize(plan);
    assert_true(indexed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolve),
        cmocka_unit_test(test_indicator_list),
        cmocka_unit_test(test_regions),
        cmocka_unit_test(test_region_names),
        cmocka_unit_test(test_periods),
        cmocka_unit_test(test_regions_by_periods),
        cmocka_unit_test(test_series),
        cmocka_unit_test(test_other_axes),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_unit_scale),
        cmocka_unit_test(test_month_year),
        cmocka_unit_test(test_yoy_table),
        cmocka_unit_test(test_interrupted),
        cmocka_unit_test(test_change),
        cmocka_unit_test(test_cumulative_table),
        cmocka_unit_test(test_sort),
        cmocka_unit_test(test_ranking),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_sources),
        cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_copy),
        cmocka_unit_test(test_match),
        cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
