/* The place look-up (core/place.h) on tests/fixtures/places, on the demo corpus
 * (data/demo: the 南川 chain step by step, pinyin, paths and children) and on a small
 * corpus written here (a name shared by two districts, a summary code 110100 市辖区
 * between a province and its districts): codes whole, partial and malformed; names
 * exact, by prefix, contained and in Traditional; pinyin in full and by initials,
 * polyphones included; each hit's path, children and history; order and filters; and
 * hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "orgtest.h"
#include "place.h"

static char *dir;
static gk_db *fx, *demo, *dupdb; /* the fixture, the demo corpus, the duplicate names */

static gk_db *load(const char *corpus, const char *name, int want)
{
    char *db_path = xasprintf("%s/%s.db", dir, name), *log = NULL, *err = NULL;
    char *corpora[] = {(char *)corpus};
    int rc = ot_load(db_path, 0, corpora, 1, &log);
    gk_db *h = NULL;
    if (rc != want || db_open(db_path, &h, &err) != 0)
        fprintf(stderr, "loading %s: status %d, %s\n%s\n", corpus, rc, err ? err : "", log);
    free(err);
    free(log);
    free(db_path);
    return h;
}

static int teardown(void **state)
{
    (void)state;
    db_close(fx);
    db_close(demo);
    db_close(dupdb);
    fx = demo = dupdb = NULL;
    ot_rm_rf(dir);
    free(dir);
    dir = NULL;
    return 0;
}

static int setup(void **state)
{
    if (!(dir = ot_tmpdir("place")))
        return -1;
    char *fixture = xasprintf("%s/tests/fixtures/places", ot_root());
    char *demo_dir = xasprintf("%s/data/demo", ot_root());
    char *dup_dir = xasprintf("%s/dup", dir);
    mkdir(dup_dir, 0755);
    char *ini = xasprintf("%s/corpus.ini", dup_dir), *csv = xasprintf("%s/d.csv", dup_dir);
    int w = ot_write(ini, "[corpus]\nname = 同名测试（示例）\nas_of = 2026-11-01\n\n"
                          "[d]\nkind = divisions\npath = d.csv\nmap.code = 代码\n"
                          "map.name = 名称\nmap.type = 类型\nmap.parent_code = 上级\n") |
            ot_write(csv, "代码,名称,类型,上级\n110000,北京市,直辖市,\n"
                          "110100,市辖区,市辖区,110000\n110105,朝阳区,市辖区,110100\n"
                          "220000,吉林省,省,\n220100,长春市,地级市,220000\n"
                          "220104,朝阳区,市辖区,220100\n220104001,示例街道（示例）,街道,220104\n");
    fx = load(fixture, "fixture", 3); /* the fixture holds rows that must be rejected */
    demo = load(demo_dir, "demo", 0);
    dupdb = w ? NULL : load(dup_dir, "dup", 0);
    free(fixture);
    free(demo_dir);
    free(dup_dir);
    free(ini);
    free(csv);
    if (fx && demo && dupdb)
        return 0;
    teardown(state); /* cmocka does not call it when the setup fails */
    return -1;
}

static void look(gk_db *db, const char *q, const place_opts *o, place_result *r)
{
    char *err = NULL;
    if (place_lookup(db, q, o, r, &err) != 0)
        fail_msg("place_lookup(%s): %s", q, err);
    assert_non_null(r->searched);
    assert_non_null(r->problem);
    assert_non_null(r->as_of);
}

/* The first hit of q is code (named name) found for why; returns nothing, frees. */
static void expect_first(gk_db *db, const char *q, const char *code, const char *name,
                         enum place_reason why)
{
    place_result r;
    look(db, q, NULL, &r);
    if (!r.n)
        fail_msg("%s: nothing found (%s), expected %s %s", q, r.problem, code, name);
    const place_hit *h = &r.hits[0];
    if (strcmp(h->code, code) || strcmp(h->name, name) || h->reason != why)
        fail_msg("%s: first is %s %s (%s), expected %s %s (%s)", q, h->code, h->name,
                 place_reason_label(h->reason), code, name, place_reason_label(why));
    place_result_free(&r);
}

static const place_hit *find(const place_result *r, const char *code)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->hits[i].code, code))
            return &r->hits[i];
    return NULL;
}

static void test_code_exact(void **state)
{
    (void)state;
    place_result r;
    look(fx, "110101", NULL, &r);
    assert_int_equal(r.route, PLACE_ROUTE_CODE);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.hits[0].name, "东城区");
    assert_int_equal(r.hits[0].level, 3);
    assert_string_equal(r.hits[0].type, "市辖区");
    assert_false(r.hits[0].type_by_code);
    assert_string_equal(r.hits[0].path_text, "北京市 / 东城区");
    assert_string_equal(r.hits[0].parent, "110000");
    assert_string_equal(place_reason_label(r.hits[0].reason), "代码一致");
    place_result_free(&r);
    expect_first(fx, "11", "110000", "北京市", PLACE_BY_CODE);               /* NBS short */
    expect_first(fx, "１１０１０１", "110101", "东城区", PLACE_BY_CODE);       /* full width */
    expect_first(fx, "110101001", "110101001", "东华门街道", PLACE_BY_CODE);
    /* A code with two names: the one in force first, the earlier one too. */
    look(fx, "130503", NULL, &r);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.hits[0].name, "信都区");
    assert_false(r.hits[0].ended);
    assert_string_equal(r.hits[1].name, "桥西区");
    assert_true(r.hits[1].ended);
    assert_int_equal(r.hits[1].hist.nnames, 2);
    place_result_free(&r);
    /* A village's whole path. */
    look(fx, "110101001001", NULL, &r);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.hits[0].npath, 4);
    assert_string_equal(r.hits[0].path_text,
                        "北京市 / 东城区 / 东华门街道 / 示例社区居委会（示例）");
    place_result_free(&r);
}

static void test_code_prefix(void **state)
{
    (void)state;
    place_result r;
    /* 1101 is a whole code without a row: everything under it, in code order. */
    look(fx, "1101", NULL, &r);
    static const char *const under[] = {"110101", "110101001", "110101001001", "110101002",
                                        "110102"};
    assert_int_equal(r.n, 5);
    assert_int_equal(r.total, 5);
    assert_false(r.total_capped);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(r.hits[i].code, under[i]);
        assert_int_equal(r.hits[i].reason, PLACE_BY_CODE_PREFIX);
    }
    place_result_free(&r);
    look(fx, "110", NULL, &r); /* a partial code: 110000 itself starts with it */
    assert_int_equal(r.total, 6);
    assert_string_equal(r.hits[0].code, "110000");
    place_result_free(&r);
    place_opts o = PLACE_OPTS_INIT;
    o.level = 4;
    look(fx, "1101", &o, &r);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.hits[0].code, "110101001");
    assert_string_equal(r.hits[1].code, "110101002");
    place_result_free(&r);
    o.level = 0;
    o.limit = 2;
    look(fx, "1101", &o, &r);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.total, 5);
    place_result_free(&r);
}

static void test_code_malformed(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"11A101", "第3位“A”不是数字"},
        {"99", "不是省级代码"},
        {"1234567890123", "长度为13位"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        place_result r;
        look(fx, cases[i][0], NULL, &r);
        assert_int_equal(r.route, PLACE_ROUTE_CODE);
        assert_int_equal(r.n, 0);
        if (!strstr(r.problem, cases[i][1]) || !strstr(r.problem, "区划代码“"))
            fail_msg("%s: problem \"%s\", expected \"%s\"", cases[i][0], r.problem, cases[i][1]);
        place_result_free(&r);
    }
}

static void test_names(void **state)
{
    (void)state;
    expect_first(fx, "东城区", "110101", "东城区", PLACE_BY_NAME);
    expect_first(fx, "東城區", "110101", "东城区", PLACE_BY_NAME);       /* Traditional */
    expect_first(fx, "東華門街道", "110101001", "东华门街道", PLACE_BY_NAME);
    expect_first(fx, " 东城区 ", "110101", "东城区", PLACE_BY_NAME);     /* outer spaces */
    expect_first(fx, "东华", "110101001", "东华门街道", PLACE_BY_NAME_PREFIX);
    expect_first(fx, "東華", "110101001", "东华门街道", PLACE_BY_NAME_PREFIX);
    expect_first(fx, "华门", "110101001", "东华门街道", PLACE_BY_CONTAINS);
    expect_first(fx, "華門街", "110101001", "东华门街道", PLACE_BY_CONTAINS);
    /* Exact before prefix before contains; within one, by level then code. */
    place_result r;
    look(fx, "城区", NULL, &r);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.hits[0].code, "110101");
    assert_string_equal(r.hits[1].code, "110102");
    assert_int_equal(r.hits[0].reason, PLACE_BY_CONTAINS);
    place_result_free(&r);
    look(fx, "东城", NULL, &r);
    assert_int_equal(r.route, PLACE_ROUTE_NAME);
    assert_int_equal(r.n, 1);
    assert_string_equal(place_reason_label(r.hits[0].reason), "名称开头");
    place_result_free(&r);
    look(fx, "示例", NULL, &r); /* prefix and contains together, each once */
    assert_int_equal(r.n, 4);
    assert_int_equal(r.total, 4);
    assert_int_equal(r.hits[0].reason, PLACE_BY_NAME_PREFIX);
    place_result_free(&r);
    look(fx, "不存在的地名", NULL, &r);
    assert_int_equal(r.n, 0);
    assert_string_equal(r.problem, "");
    assert_non_null(strstr(r.searched, "名称“不存在的地名”"));
    place_result_free(&r);
}

static void test_pinyin(void **state)
{
    (void)state;
    gk_db *dbs[] = {fx, demo};
    for (size_t i = 0; i < 2; i++) {
        expect_first(dbs[i], "dongcheng", "110101", "东城区", PLACE_BY_PINYIN);
        expect_first(dbs[i], "dc", "110101", "东城区", PLACE_BY_INITIALS);
        expect_first(dbs[i], "chongqing", "500000", "重庆市", PLACE_BY_PINYIN);
        expect_first(dbs[i], "zhongqing", "500000", "重庆市", PLACE_BY_PINYIN); /* polyphone */
        expect_first(dbs[i], "cq", "500000", "重庆市", PLACE_BY_INITIALS);
        expect_first(dbs[i], "ChongQing", "500000", "重庆市", PLACE_BY_PINYIN);
        expect_first(dbs[i], "zhq", "500000", "重庆市", PLACE_BY_INITIALS);
    }
    expect_first(demo, "changsha", "430100", "长沙市", PLACE_BY_PINYIN);
    expect_first(demo, "xi'an", "610100", "西安市", PLACE_BY_PINYIN);
    expect_first(demo, "dong cheng qu", "110101", "东城区", PLACE_BY_PINYIN);
    place_result r;
    look(demo, "qingchong", NULL, &r); /* order counts */
    assert_int_equal(r.route, PLACE_ROUTE_PINYIN);
    assert_int_equal(r.n, 0);
    place_result_free(&r);
    look(demo, "x", NULL, &r); /* one letter reads a sixth of the names: not looked up */
    assert_int_equal(r.n, 0);
    assert_non_null(strstr(r.problem, "两个字母"));
    place_result_free(&r);
    /* Longer than the loader's keys (24 letters full, 8 initials): still checked whole. */
    look(demo, "shiliexiancunminweiyuanhuishili", NULL, &r);
    assert_int_equal(r.n, 0);
    place_result_free(&r);
    expect_first(demo, "shilicuncunminweiyuanhuishili", "339921100201", "示例村村民委员会（示例）",
                 PLACE_BY_PINYIN);
    expect_first(demo, "slccmwyhsl", "339921100201", "示例村村民委员会（示例）", PLACE_BY_INITIALS);
}

static void test_duplicates(void **state)
{
    (void)state;
    /* Two districts named 朝阳区: both, each with its path, in code order. */
    place_result r;
    look(dupdb, "朝阳区", NULL, &r);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.same_name, 2);
    assert_string_equal(r.hits[0].code, "110105");
    assert_string_equal(r.hits[0].path_text, "北京市 / 朝阳区"); /* 110100 市辖区 left out */
    assert_string_equal(r.hits[0].parent, "110000");
    assert_string_equal(r.hits[1].code, "220104");
    assert_string_equal(r.hits[1].path_text, "吉林省 / 长春市 / 朝阳区");
    assert_int_equal(r.hits[1].children, 1);
    place_result_free(&r);
    expect_first(dupdb, "chaoyangqu", "110105", "朝阳区", PLACE_BY_PINYIN);
    /* The demo's three 南川市 (all ended): each shown, each pointing to 南川区. */
    look(demo, "南川市", NULL, &r);
    assert_int_equal(r.n, 3);
    assert_int_equal(r.same_name, 0); /* none in force */
    for (size_t i = 0; i < r.n; i++) {
        assert_true(r.hits[i].ended);
        assert_int_equal(r.hits[i].hist.nnow, 1);
        assert_string_equal(r.hits[i].hist.now[0].code, "500119");
        assert_string_equal(r.hits[i].hist.now[0].name, "南川区");
    }
    place_result_free(&r);
}

static void test_nanchuan_chain(void **state)
{
    (void)state;
    static const char *const chain[] = {"512323", "512302", "517081", "500384", "500119"};
    place_history_t h;
    char *err = NULL;
    assert_int_equal(place_history(demo, "512323", &h, &err), 0);
    assert_string_equal(h.code, "512323");
    assert_int_equal(h.nnames, 1);
    assert_string_equal(h.names[0].name, "南川县");
    assert_true(h.names[0].ended);
    assert_int_equal(h.nsucc, 4);
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(h.succ[i].from.code, chain[i]);
        assert_string_equal(h.succ[i].to.code, chain[i + 1]);
        assert_int_equal(h.succ[i].depth, (int)i + 1);
        assert_string_equal(h.succ[i].event, "代码变更");
        assert_string_equal(h.succ[i].relation, "superseded_by");
    }
    assert_string_equal(h.succ[3].to.name, "南川区");
    assert_false(h.succ[3].to.ended);
    assert_int_equal(h.nnow, 1);
    assert_string_equal(h.now[0].code, "500119");
    assert_int_equal(h.npred, 0);
    place_history_free(&h);
    /* Backwards from 南川区, and from its old name. */
    assert_int_equal(place_history(demo, "500119", &h, &err), 0);
    assert_int_equal(h.npred, 4);
    assert_string_equal(h.pred[0].from.code, "500384");
    assert_string_equal(h.pred[3].from.code, "512323");
    assert_string_equal(h.pred[3].from.name, "南川县");
    assert_int_equal(h.pred[3].depth, 4);
    assert_int_equal(h.nsucc, 0);
    assert_int_equal(h.nnow, 0);
    place_history_free(&h);
    place_result r;
    look(demo, "南川县", NULL, &r);
    assert_int_equal(r.n, 1);
    assert_true(r.hits[0].ended);
    assert_int_equal(r.hits[0].hist.nsucc, 4);
    assert_string_equal(r.hits[0].hist.now[0].code, "500119");
    place_result_free(&r);
    /* The fixture: a split gives two links; a code without a row is followed, not now. */
    assert_int_equal(place_history(fx, "430404", &h, &err), 0);
    assert_int_equal(h.nsucc, 2);
    assert_string_equal(h.succ[0].relation, "split_into");
    assert_string_equal(h.succ[0].event, "拆分");
    assert_int_equal(h.nnow, 1);
    assert_string_equal(h.now[0].code, "430407");
    place_history_free(&h);
    assert_int_equal(place_history(fx, "512323", &h, &err), 0);
    assert_int_equal(h.nsucc, 3);
    assert_string_equal(h.now[0].code, "500119");
    place_history_free(&h);
    /* Unknown and malformed codes. */
    assert_int_equal(place_history(demo, "450000", &h, &err), 1);
    place_history_free(&h);
    assert_int_equal(place_history(demo, "11A", &h, &err), 1);
    place_history_free(&h);
}

static void test_paths_and_children(void **state)
{
    (void)state;
    place_result r;
    look(demo, "北京市", NULL, &r);
    assert_int_equal(r.hits[0].children, 3);
    assert_string_equal(r.hits[0].path_text, "北京市");
    assert_string_equal(r.hits[0].parent, "");
    place_result_free(&r);
    look(demo, "示例村村民委员会（示例）", NULL, &r);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.hits[0].level, 5);
    assert_string_equal(r.hits[0].path_text, "浙江省 / 示例市（示例） / 示例县（示例） / "
                                             "示例镇（示例） / 示例村村民委员会（示例）");
    assert_int_equal(r.hits[0].children, 0);
    place_result_free(&r);
    char *err = NULL;
    assert_int_equal(place_children(demo, "110000", NULL, &r, &err), 0);
    static const char *const kids[] = {"110101", "110102", "110108"};
    assert_int_equal(r.n, 3);
    assert_int_equal(r.total, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(r.hits[i].code, kids[i]);
        assert_int_equal(r.hits[i].reason, PLACE_BY_CHILD);
    }
    assert_int_equal(r.hits[0].children, 2); /* 东城区: 东华门街道, 景山街道 */
    place_result_free(&r);
    /* Siblings: the children of a hit's parent. */
    look(demo, "海淀区", NULL, &r);
    char parent[DIV_BUF];
    memcpy(parent, r.hits[0].parent, sizeof parent);
    place_result_free(&r);
    assert_int_equal(place_children(demo, parent, NULL, &r, &err), 0);
    assert_non_null(find(&r, "110102"));
    place_result_free(&r);
    /* Through a summary code: 北京市 → (110100 市辖区) → 朝阳区. */
    assert_int_equal(place_children(dupdb, "11", NULL, &r, &err), 0);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.hits[0].code, "110105");
    place_result_free(&r);
    look(dupdb, "北京市", NULL, &r);
    assert_int_equal(r.hits[0].children, 1);
    place_result_free(&r);
    assert_int_equal(place_children(demo, "1X", NULL, &r, &err), 0);
    assert_int_equal(r.n, 0);
    assert_non_null(strstr(r.problem, "区划代码"));
    place_result_free(&r);
}

static void test_order_and_filters(void **state)
{
    (void)state;
    place_result r;
    look(demo, "南川", NULL, &r); /* in force first, then by level and code */
    assert_int_equal(r.n, 5);
    assert_string_equal(r.hits[0].code, "500119");
    assert_false(r.hits[0].ended);
    assert_string_equal(r.hits[1].code, "500384");
    assert_string_equal(r.hits[4].code, "517081");
    place_result_free(&r);
    look(demo, "示例", NULL, &r);
    for (size_t i = 1; i < r.n; i++)
        assert_true(r.hits[i - 1].level <= r.hits[i].level);
    place_result_free(&r);
    place_opts o = PLACE_OPTS_INIT;
    o.include_ended = 0;
    look(demo, "南川", &o, &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.hits[0].code, "500119");
    assert_non_null(strstr(r.searched, "仅现行"));
    place_result_free(&r);
    o = (place_opts)PLACE_OPTS_INIT;
    o.level = 4;
    look(demo, "示例", &o, &r);
    assert_int_equal(r.n, 2);
    for (size_t i = 0; i < r.n; i++)
        assert_int_equal(r.hits[i].level, 4);
    place_result_free(&r);
    o.level = 0;
    o.limit = 1;
    look(demo, "示例", &o, &r);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.total, 6);
    place_result_free(&r);
}

static void test_hostile(void **state)
{
    (void)state;
    buf_t big;
    buf_init(&big);
    for (int i = 0; i < 3500; i++)
        buf_adds(&big, "东");
    const char *inputs[] = {
        "\"a\" OR b*", "NEAR(东城 区)", "东城*", "\"东城\"", "'; DROP TABLE division; --", "%",
        "\xff\xfe东城", "\xe4\xb8", "", "   ", "\x01\x1b[31m东城\x1b[0m", "\"", "()", "^东",
        "东城 OR 西城", "1' OR '1'='1", "x'", "'", big.s,
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        place_result r;
        look(fx, inputs[i], NULL, &r); /* fails the test on an error */
        place_result_free(&r);
    }
    place_result r;
    look(fx, big.s, NULL, &r);
    assert_int_equal(r.n, 0);
    assert_non_null(strstr(r.problem, "输入过长"));
    place_result_free(&r);
    look(fx, "", NULL, &r);
    assert_int_equal(r.route, PLACE_ROUTE_NONE);
    assert_int_equal(r.n, 0);
    assert_string_not_equal(r.problem, "");
    place_result_free(&r);
    look(fx, "\xff\xfe东城区", NULL, &r); /* invalid bytes dropped from the input */
    assert_int_equal(r.n, 1);
    place_result_free(&r);
    look(fx, "\"东城\"", NULL, &r); /* quotes are text, not FTS5 syntax */
    assert_int_equal(r.n, 1);
    assert_int_equal(r.hits[0].reason, PLACE_BY_CONTAINS);
    place_result_free(&r);
    assert_true(ot_scalar(fx->h, "SELECT count(*) FROM division") > 10);
    buf_free(&big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_exact),
        cmocka_unit_test(test_code_prefix),
        cmocka_unit_test(test_code_malformed),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_pinyin),
        cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_nanchuan_chain),
        cmocka_unit_test(test_paths_and_children),
        cmocka_unit_test(test_order_and_filters),
        cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
