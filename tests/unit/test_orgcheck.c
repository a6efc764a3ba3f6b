/* The organisation check (core/orgcheck) on tests/fixtures/orgs (invented, 示例): a name
 * as typed at the counter (exact, Traditional, full-width, brackets and spaces, with or
 * without 中国/中华/全国, a part of a name, a longer text, a similar name), each with the
 * reason the answer gives; a code (exact, one character wrong, the check digit of the
 * register itself wrong, one character short or long); the three verdicts; and the
 * explicit 未列入 answer when nothing matches. Lifecycle dates, look-alikes, filters and
 * hostile input: test_orglists.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "orgcheck.h"
#include "orgtest.h"
#include "orgview.h"

static ot_fixture fx;
static gk_db *h; /* fx.h */

static int setup(void **state)
{
    (void)state;
    if (ot_fixture_open(&fx, "orgcheck") != 0)
        return -1;
    h = fx.h;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ot_fixture_close(&fx);
    return 0;
}

static void check(const char *input, const oc_opts *o, oc_result *r)
{
    oc_opts def = {.today = OT_TODAY};
    char *err = NULL;
    if (orgcheck_run(h, input, o ? o : &def, r, &err) != 0)
        fail_msg("orgcheck_run(%s): %s", input, err);
    assert_non_null(r->searched);
    assert_non_null(r->as_of);
}

static long long id_of(const char *name, int registered)
{
    long long id = ot_org_id(h->h, name, registered);
    if (id < 0)
        fail_msg("no organisation %s (registered %d) in the fixture", name, registered);
    return id;
}

/* The first subject is name (registered or not), found for reason how with its label. */
static void expect_first(const char *input, const char *name, int registered,
                         enum orgname_match how)
{
    oc_result r;
    check(input, NULL, &r);
    if (!r.n)
        fail_msg("%s: nothing found, expected %s", input, name);
    const oc_subject *s = &r.subjects[0];
    if (s->org_id != id_of(name, registered) || s->how != how)
        fail_msg("%s: first is %s (how %d, %s), expected %s (how %d)", input, s->name, s->how,
                 s->why, name, how);
    assert_string_equal(s->why, orgname_match_label(how));
    assert_false(r.by_code);
    assert_non_null(strstr(r.searched, "名称“"));
    oc_result_free(&r);
}

static void test_names(void **state)
{
    (void)state;
    /* Exactly as registered. */
    expect_first("示例甲市围棋协会", "示例甲市围棋协会", 1, ONM_EXACT);
    expect_first("  示例甲市围棋协会\t", "示例甲市围棋协会", 1, ONM_EXACT); /* outer spaces */
    /* Simplified input for a name registered in Traditional, Traditional input for a
     * Simplified one, and the Traditional name as listed. */
    expect_first("示例甲市慈善总会", "示例甲市慈善總會", 1, ONM_FOLDED);
    expect_first("示例甲市民間文藝家協會", "示例甲市民间文艺家协会", 1, ONM_FOLDED);
    expect_first("全國示例國學教育聯合會", "全國示例國學教育聯合會", 0, ONM_EXACT);
    expect_first("全国示例国学教育联合会", "全國示例國學教育聯合會", 0, ONM_FOLDED);
    /* Full-width letters typed half-width; half-width brackets for full-width ones. */
    expect_first("示例甲市ABC青少年科技中心", "示例甲市ＡＢＣ青少年科技中心", 1, ONM_FOLDED);
    expect_first("示例甲市abc青少年科技中心", "示例甲市ＡＢＣ青少年科技中心", 1, ONM_FOLDED);
    expect_first("示例甲市社会工作服务中心(东区)", "示例甲市社会工作服务中心（东区）", 1, ONM_FOLDED);
    /* Spaces or brackets that are not in the name, or missing ones. */
    expect_first("示例甲市社会工作服务中心 （东区）", "示例甲市社会工作服务中心（东区）", 1, ONM_PUNCT);
    expect_first("示例甲市社会工作服务中心东区", "示例甲市社会工作服务中心（东区）", 1, ONM_PUNCT);
    expect_first("示例青少年素质评定中心", "示例 青少年 素质评定中心", 0, ONM_PUNCT);
    /* 中国 / 中华 / 全国, or none, for the same body. */
    expect_first("示例志愿服务促进会", "中国示例志愿服务促进会", 1, ONM_PREFIX);
    expect_first("中华示例志愿服务促进会", "中国示例志愿服务促进会", 1, ONM_PREFIX);
    expect_first("全国示例书法家协会", "中国示例书法家协会", 1, ONM_PREFIX);
    /* A part of the name; a longer text holding the name. */
    expect_first("示例书法家", "中国示例书法家协会", 1, ONM_CONTAINS);
    expect_first("示例甲市围棋协会第三分会", "示例甲市围棋协会", 1, ONM_CONTAINED);
    /* One character different. */
    expect_first("示例甲市围棋学会", "示例甲市围棋协会", 1, ONM_SIMILAR);
    /* A 曾用名 finds the organisation under its present name, and says which name. */
    oc_result r;
    check("示例甲市老龄工作协会", NULL, &r);
    assert_true(r.n >= 1);
    assert_int_equal(r.subjects[0].org_id, id_of("示例甲市养老服务协会", 1));
    assert_int_equal(r.subjects[0].how, ONM_EXACT);
    assert_string_equal(r.subjects[0].matched, "示例甲市老龄工作协会");
    assert_int_equal(r.subjects[0].nformer, 3);
    oc_result_free(&r);
}

static void test_similar_has_a_score(void **state)
{
    (void)state;
    oc_result r;
    check("示例甲市围棋学会", NULL, &r);
    assert_true(r.n >= 1);
    assert_int_equal(r.subjects[0].how, ONM_SIMILAR);
    assert_true(r.subjects[0].similarity > 0.3 && r.subjects[0].similarity < 1.0);
    /* Stronger reasons come first: every subject's how is >= the one before. */
    for (size_t i = 1; i < r.n; i++)
        assert_true(r.subjects[i].how >= r.subjects[i - 1].how);
    oc_result_free(&r);
    /* A namesake on a list and a registered body: both, the listed one first. */
    check("中国示例室内装饰协会", NULL, &r);
    assert_true(r.n >= 2);
    assert_int_equal(r.subjects[0].org_id, id_of("中国示例室内装饰协会", 0));
    assert_int_equal(r.subjects[0].verdict, OC_LISTED);
    assert_int_equal(r.subjects[1].org_id, id_of("中国示例室内装饰协会", 1));
    assert_int_equal(r.subjects[1].verdict, OC_NOT_LISTED);
    assert_int_equal(r.subjects[1].how, ONM_EXACT);
    oc_result_free(&r);
}

/* A code with one character wrong finds the organisation holding code through the
 * suggestion. */
static void expect_fix(const char *typed, const char *code, const char *label)
{
    oc_result r;
    check(typed, NULL, &r);
    assert_true(r.by_code);
    if (!r.n || strcmp(r.subjects[0].uscc, code))
        fail_msg("%s: first is %s, expected %s", typed, r.n ? r.subjects[0].uscc : "nothing", code);
    assert_int_equal(r.subjects[0].how, ONM_SIMILAR);
    assert_true(r.nfixes >= 1);
    /* the code that exists is the first suggestion */
    assert_string_equal(r.fixes[0].code, code);
    assert_int_equal(r.fix_found[0], 1);
    char want[256];
    snprintf(want, sizeof want, "按“%s”更正后代码一致（可能录入错误）", label);
    assert_string_equal(r.subjects[0].why, want);
    assert_non_null(strstr(r.searched, "另查了只差一个字符的"));
    oc_result_free(&r);
}

static void test_codes(void **state)
{
    (void)state;
    oc_result r;
    check("51339800MK8000155J", NULL, &r);
    assert_true(r.by_code);
    assert_true(r.code.check_ok);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.subjects[0].org_id, id_of("示例甲市民间文艺家协会", 1));
    assert_int_equal(r.subjects[0].how, ONM_EXACT);
    assert_string_equal(r.subjects[0].why, "统一社会信用代码一致");
    assert_int_equal(r.nfixes, 0);
    assert_non_null(strstr(r.searched, "统一社会信用代码 51339800MK8000155J（校验位正确）"));
    oc_result_free(&r);
    /* Pasted full-width, lower case, with spaces and a dash. */
    check("５１３３９８００ｍｋ８０００１５５ｊ", NULL, &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.subjects[0].why, "统一社会信用代码一致");
    oc_result_free(&r);
    check("51339800 MK80-00155J", NULL, &r);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.subjects[0].how, ONM_EXACT);
    oc_result_free(&r);
    /* Letters for the digits they look like: 0/O, 1/I, 5/S, 2/Z. */
    expect_fix("51339800MK80O0155J", "51339800MK8000155J",
               "第13位 O→0（字母O不在代码字符中，应为数字0）");
    expect_fix("5I339800MK8000155J", "51339800MK8000155J",
               "第2位 I→1（字母I不在代码字符中，应为数字1）");
    expect_fix("51339800MK800015SJ", "51339800MK8000155J",
               "第17位 S→5（字母S不在代码字符中，应为数字5）");
    expect_fix("51339821MK800011ZJ", "51339821MK8000112J",
               "第17位 Z→2（字母Z不在代码字符中，应为数字2）");
    /* A plain slip, a wrong check digit, two characters swapped, one left out, one more. */
    expect_fix("51339800MK8000156J", "51339800MK8000155J", "第17位 6→5");
    expect_fix("51339800MK8000155K", "51339800MK8000155J", "第18位 K→J");
    expect_fix("51339800MK8000515J", "51339800MK8000155J", "第15、16位互换");
    expect_fix("51339800MK800155J", "51339800MK8000155J", "第12位漏了0");
    expect_fix("513398000MK8000155J", "51339800MK8000155J", "第7位的0是多余的");
}

static void test_register_code_with_wrong_check(void **state)
{
    (void)state;
    /* The register itself holds a code that fails its check: typed as it is, it is
     * found exactly, and the answer says the check digit is wrong, not that the user
     * made a mistake. */
    oc_result r;
    check("51339800MK8000024P", NULL, &r);
    assert_true(r.by_code);
    assert_true(r.code.format_ok);
    assert_false(r.code.check_ok);
    assert_int_equal(r.code.expected_check, 'N');
    assert_true(r.n >= 1);
    assert_int_equal(r.subjects[0].org_id, id_of("示例甲市钓鱼运动协会", 1));
    assert_int_equal(r.subjects[0].how, ONM_EXACT);
    assert_string_equal(r.subjects[0].uscc_check, "bad_check");
    assert_non_null(strstr(r.searched, "校验位不符，应为 N：可能录入错误，或为早期试点代码"));
    oc_result_free(&r);
    /* The code with the right check character finds the row whose stored one is wrong. */
    check("51339800MK8000024N", NULL, &r);
    assert_true(r.code.check_ok);
    assert_true(r.n >= 1);
    assert_int_equal(r.subjects[0].org_id, id_of("示例甲市钓鱼运动协会", 1));
    assert_int_equal(r.subjects[0].how, ONM_SIMILAR);
    assert_non_null(strstr(r.subjects[0].why, "校验位不同"));
    oc_result_free(&r);
    check("51339800MK8000024P", NULL, &r);
    /* The answer's code line says so too. */
    ov_lines lines = {0};
    ov_subject(&lines, &r, 0, 0, 0);
    int warned = 0;
    for (size_t i = 0; i < lines.n; i++)
        if (lines.v[i].style == OV_WARN && strstr(lines.v[i].text, "51339800MK8000024P（校验位不符，应为 N"))
            warned = 1;
    assert_true(warned);
    ov_lines_free(&lines);
    oc_result_free(&r);
}

/* A code the registry gives malformed (15 characters) is found as typed, full-width or
 * not, and shown as given with what is wrong with it (never as 无统一社会信用代码). */
static void test_register_code_malformed(void **state)
{
    (void)state;
    static const char *const inputs[] = {"51339800MK80003", "５１３３９８００ＭＫ８０００３",
                                         "51339800mk80003"};
    for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        oc_result r;
        check(inputs[k], NULL, &r);
        assert_true(r.by_code);
        assert_int_equal(r.n, 1);
        assert_int_equal(r.subjects[0].org_id, id_of("示例甲市桥牌协会", 1));
        assert_int_equal(r.subjects[0].how, ONM_EXACT);
        assert_string_equal(r.subjects[0].uscc, "51339800MK80003");
        assert_string_equal(r.subjects[0].uscc_check, "bad_format");
        ov_lines lines = {0};
        ov_subject(&lines, &r, 0, 0, 0);
        int shown = 0;
        for (size_t i = 0; i < lines.n; i++)
            if (lines.v[i].style == OV_WARN &&
                strstr(lines.v[i].text, "统一社会信用代码 51339800MK80003（格式不符：长度为15位"))
                shown = 1;
        assert_true(shown);
        ov_lines_free(&lines);
        oc_result_free(&r);
    }
}

static void test_verdicts(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        enum oc_verdict v;
        const char *summary;
    } cases[] = {
        {"示例甲市民间文艺家协会", OC_LISTED, "在列：活动异常名录 2026-09-15 列入（共 2 条名单记录）"},
        {"示例甲市社区服务发展中心", OC_WAS_LISTED, "曾列入：活动异常名录 2025-01-10 列入，2025-04-02 移出"},
        {"示例甲市康乐老年公寓", OC_WAS_LISTED,
         "曾列入：养老服务领域联合惩戒对象名单 2024-02-01 列入，2026-02-01 移出"},
        {"示例甲市围棋协会", OC_NOT_LISTED, "未列入：不在任何名单上；登记状态 正常"},
        {"示例甲市摄影爱好者协会", OC_NOT_LISTED, "未列入：不在任何名单上；登记状态 注销"},
        {"示例甲市书画艺术研究会", OC_LISTED, "在列：严重违法失信名单 2024-03-18 列入"},
        {"中国示例室内装修协会", OC_LISTED, "在列：已取缔的非法社会组织 2022 列入（共 2 条名单记录）"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        oc_result r;
        check(cases[i].name, NULL, &r);
        assert_true(r.n >= 1);
        const oc_subject *s = &r.subjects[0];
        assert_string_equal(s->name, cases[i].name);
        assert_int_equal(s->how, ONM_EXACT);
        assert_int_equal(s->verdict, cases[i].v);
        char *sum = oc_subject_summary(s);
        assert_string_equal(sum, cases[i].summary);
        free(sum);
        oc_result_free(&r);
    }
    assert_string_equal(oc_verdict_label(OC_LISTED), "在列");
    assert_string_equal(oc_verdict_label(OC_WAS_LISTED), "曾列入");
    assert_string_equal(oc_verdict_label(OC_NOT_LISTED), "未列入");
    /* Listings newest first, each with its provenance. */
    oc_result r;
    check("示例甲市民间文艺家协会", NULL, &r);
    const oc_subject *s = &r.subjects[0];
    assert_int_equal(s->nlistings, 2);
    assert_string_equal(s->listings[0].listed_date, "2026-09-15");
    assert_string_equal(s->listings[1].listed_date, "2026-03-02");
    assert_int_equal(s->listings[0].ground, 3);
    assert_string_equal(s->listings[0].doc_no, "示例异〔2026〕3号");
    assert_string_equal(s->listings[0].source, "credit.csv");
    assert_string_equal(s->listings[0].as_of, "2026-11-01");
    oc_result_free(&r);
}

static void test_nothing_found(void **state)
{
    (void)state;
    oc_result r;
    check("无此组织测试名称", NULL, &r);
    assert_int_equal(r.n, 0);
    assert_int_equal(r.total, 0);
    assert_string_equal(r.as_of, "2026-11-01");
    /* What was searched: the name, every way it was compared, every list. */
    assert_non_null(strstr(r.searched, "名称“无此组织测试名称”"));
    assert_non_null(strstr(r.searched, "繁简"));
    assert_non_null(strstr(r.searched, "名称相近"));
    assert_non_null(strstr(r.searched, "社会组织登记信息"));
    for (int k = 0; k < LK_COUNT; k++)
        assert_non_null(strstr(r.searched, list_kind_name((enum list_kind)k)));
    /* The answer is an explicit 未列入 with the as-of date, never an empty screen. */
    ov_lines lines = {0};
    ov_result(&lines, &r, NULL);
    assert_true(lines.n >= 2);
    assert_string_equal(lines.v[0].tag, "未列入");
    assert_int_equal(lines.v[0].style, OV_CLEAR);
    assert_non_null(strstr(lines.v[0].text, "数据截至 2026-11-01"));
    assert_non_null(strstr(lines.v[1].text, "已查 名称“无此组织测试名称”"));
    ov_lines_free(&lines);
    char *sum = ov_summary(&r, true);
    assert_non_null(strstr(sum, "查询“无此组织测试名称”：未列入；数据截至 2026-11-01"));
    free(sum);
    oc_result_free(&r);

    /* A valid code nobody holds: 未列入, the code and its check named. */
    check("51339800MK8000251U", NULL, &r);
    assert_true(r.by_code);
    assert_int_equal(r.n, 0);
    assert_non_null(strstr(r.searched, "统一社会信用代码 51339800MK8000251U（校验位正确）"));
    oc_result_free(&r);
    /* A code no typo explains: the problem is named, every tried code listed. */
    check("51339800MK80009", NULL, &r);
    assert_true(r.by_code);
    assert_false(r.code.format_ok);
    assert_non_null(strstr(r.searched, "长度为15位，应为18位"));
    ov_result(&lines, &r, NULL);
    int format_line = 0;
    for (size_t i = 0; i < lines.n; i++)
        format_line |= lines.v[i].style == OV_WARN && strstr(lines.v[i].text, "代码格式：") != NULL;
    assert_true(format_line);
    ov_lines_free(&lines);
    oc_result_free(&r);
}

static void test_subject_by_id(void **state)
{
    (void)state;
    oc_opts o = {.today = OT_TODAY};
    oc_result r;
    char *err = NULL;
    long long id = id_of("示例甲市家政服务协会", 1);
    assert_int_equal(orgcheck_subject(h, id, &o, &r, &err), 0);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.input, "示例甲市家政服务协会");
    assert_int_equal(r.subjects[0].verdict, OC_LISTED);
    assert_int_equal(r.subjects[0].listings[0].kind, LK_SERIOUS);
    oc_result_free(&r);
    assert_int_equal(orgcheck_subject(h, 987654321, &o, &r, &err), 1);
    assert_int_equal(r.n, 0);
    oc_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_similar_has_a_score),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_register_code_with_wrong_check),
        cmocka_unit_test(test_register_code_malformed),
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_nothing_found),
        cmocka_unit_test(test_subject_by_id),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
