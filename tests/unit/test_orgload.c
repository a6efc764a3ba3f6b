/* The loader kinds orgs and org_lists on tests/fixtures/orgs (invented, 示例): what is
 * stored (organisations, names, listings, batches, links by code, name or list), what is
 * reported with file:line (a wrong check digit or a malformed code warns, a duplicate
 * code is an error, an unknown list or a removal before the listing rejects the row, an
 * article the corpus lacks warns), identity numbers stored masked, and a strict load that
 * meets a duplicate code leaving the previous database byte-identical. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "orgtest.h"

static char *dir, *db_path, *log_text;
static int load_status;
static gk_db *h;

static int setup(void **state)
{
    (void)state;
    dir = ot_tmpdir("orgload");
    if (!dir)
        return -1;
    load_status = ot_load_fixture(dir, &db_path, &log_text);
    char *err = NULL;
    if (db_open(db_path, &h, &err) != 0) {
        print_error("cannot open the fixture database: %s\n%s\n", err, log_text);
        free(err);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(h);
    ot_rm_rf(dir);
    free(dir);
    free(db_path);
    free(log_text);
    return 0;
}

static long long q(const char *sql)
{
    return ot_scalar(h->h, sql);
}

/* A line of the load's messages containing every one of the given parts, in order. */
static int logged(const char *where, const char *what)
{
    for (const char *p = log_text; (p = strstr(p, where)); p++) {
        const char *eol = strchr(p, '\n');
        const char *hit = strstr(p, what);
        if (hit && (!eol || hit < eol))
            return 1;
    }
    return 0;
}

static void test_outcome_and_counts(void **state)
{
    (void)state;
    /* Rows were rejected (an unknown list, a removal before the listing, a duplicate
     * code): exit status 3, the rest is loaded. */
    assert_int_equal(load_status, 3);
    /* 23 registry rows, one a duplicate code: 22 registered organisations; 9 bodies
     * known only from lists (one of them on two lists). */
    assert_int_equal(q("SELECT count(*) FROM org WHERE registered = 1"), 22);
    assert_int_equal(q("SELECT count(*) FROM org WHERE registered = 0"), 9);
    /* credit 16 rows - 2 rejected, illegal 8, eldercare 3 */
    assert_int_equal(q("SELECT count(*) FROM listing"), 25);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE list_kind = 'abnormal'"), 12);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE list_kind = 'serious'"), 2);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE list_kind = 'suspected'"), 5);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE list_kind = 'banned'"), 1);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE list_kind = 'site_closed'"), 2);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE list_kind = 'eldercare'"), 3);
    /* Names: one per organisation, 3 former names (曾用名), the name a body was listed
     * under when it differs (老龄事业协会 is already a 曾用名; 環保志願者協會 folds to the
     * registered name). */
    assert_int_equal(q("SELECT count(*) FROM org_name"), 34);
    assert_int_equal(q("SELECT count(*) FROM org_name WHERE current = 0"), 3);
    assert_int_equal(q("SELECT count(*) FROM org_name_fts"), 34);
    /* Every listing is linked; one search unit per organisation. */
    assert_int_equal(q("SELECT count(*) FROM listing WHERE org_id IS NULL"), 0);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE link_how = 'uscc'"), 11);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE link_how = 'name'"), 4);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE link_how = 'list'"), 10);
    assert_int_equal(q("SELECT count(*) FROM doc WHERE domain = 'org'"), 31);
    /* Batches: one per (list, issuer, batch, date); completeness read from yes/no/是. */
    assert_int_equal(q("SELECT count(*) FROM list_batch"), 3);
    assert_int_equal(q("SELECT complete FROM list_batch WHERE batch_no = '2021年第三批'"), 1);
    assert_int_equal(q("SELECT complete FROM list_batch WHERE batch_no = '示例甲市2022年第一批'"), 0);
    assert_int_equal(q("SELECT complete FROM list_batch WHERE batch_no = '2023年第一批'"), 1);
    char *d = ot_text(h->h, "SELECT published_date FROM list_batch WHERE batch_no = '2021年第三批'");
    assert_string_equal(d, "2021-04"); /* "2021-04 (page dated 2021-04-28)": month precision */
    free(d);
    d = ot_text(h->h, "SELECT published_date FROM list_batch WHERE batch_no = '2023年第一批'");
    assert_string_equal(d, "2023-04-05"); /* 2023年4月5日 */
    free(d);
}

/* How each kind of entry found its organisation. */
static void test_links(void **state)
{
    (void)state;
    static const struct {
        const char *listed_as, *list, *how, *org;
        int registered;
    } cases[] = {
        /* by code */
        {"示例甲市老年人体育协会", "abnormal", "uscc", "示例甲市老年人体育协会", 1},
        /* a wrong check digit is still the code the row carries */
        {"示例甲市钓鱼运动协会", "abnormal", "uscc", "示例甲市钓鱼运动协会", 1},
        /* a publisher's wording mapped by list.示例重点关注名单 = abnormal */
        {"示例甲市社会工作服务中心（东区）", "abnormal", "uscc", "示例甲市社会工作服务中心（东区）", 1},
        /* by name: without a code, in Traditional, by a 曾用名, with a malformed code */
        {"示例甲市環保志願者協會", "abnormal", "name", "示例甲市环保志愿者协会", 1},
        {"示例甲市老龄事业协会", "abnormal", "name", "示例甲市养老服务协会", 1},
        {"示例甲市桥牌协会", "abnormal", "name", "示例甲市桥牌协会", 1},
        {"示例甲市康乐老年公寓", "eldercare", "name", "示例甲市康乐老年公寓", 1},
        /* two registered bodies share the name: not guessed, listed on its own */
        {"示例乙县书画协会", "abnormal", "list", "示例乙县书画协会", 0},
        /* an illegal-organisation list never links by name, even to a namesake */
        {"中国示例室内装饰协会", "suspected", "list", "中国示例室内装饰协会", 0},
        {"钱某（示例）", "eldercare", "list", "钱某（示例）", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(h->h,
                                            "SELECT l.link_how, o.name, o.registered FROM listing l "
                                            "JOIN org o ON o.id = l.org_id "
                                            "WHERE l.name = ?1 AND l.list_kind = ?2",
                                            -1, &st, NULL),
                         SQLITE_OK);
        sqlite3_bind_text(st, 1, cases[i].listed_as, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, cases[i].list, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW)
            fail_msg("no %s listing of %s", cases[i].list, cases[i].listed_as);
        if (strcmp((const char *)sqlite3_column_text(st, 0), cases[i].how) ||
            strcmp((const char *)sqlite3_column_text(st, 1), cases[i].org) ||
            sqlite3_column_int(st, 2) != cases[i].registered)
            fail_msg("%s: linked %s to %s (registered %d), expected %s to %s (%d)",
                     cases[i].listed_as, sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
                     sqlite3_column_int(st, 2), cases[i].how, cases[i].org, cases[i].registered);
        sqlite3_finalize(st);
    }
    /* The list-only body on two lists (涉嫌非法, then 已取缔) is one organisation. */
    assert_int_equal(q("SELECT count(DISTINCT org_id) FROM listing WHERE name = '中国示例室内装修协会'"), 1);
    assert_int_equal(q("SELECT count(*) FROM listing WHERE name = '中国示例室内装修协会'"), 2);
}

static void test_codes(void **state)
{
    (void)state;
    /* A wrong check digit: stored with its code, marked, warned about with the reason. */
    char *s = ot_text(h->h, "SELECT uscc || ' ' || uscc_check FROM org WHERE name = '示例甲市钓鱼运动协会'");
    assert_string_equal(s, "51339800MK8000024P bad_check");
    free(s);
    assert_true(logged("registry.csv:4: warning:", "校验位不符（应为 N）"));
    assert_true(logged("registry.csv:4: warning:", "可能录入错误，或为早期试点代码"));
    assert_true(logged("credit.csv:12: warning:", "可能录入错误，或为早期试点代码"));
    /* A malformed code: not a code (matched by name), the raw text kept, file:line. */
    s = ot_text(h->h, "SELECT coalesce(uscc, 'NULL') || ' ' || uscc_raw || ' ' || uscc_check "
                      "FROM org WHERE name = '示例甲市桥牌协会'");
    assert_string_equal(s, "NULL 51339800MK80003 bad_format");
    free(s);
    assert_true(logged("registry.csv:5: warning:", "格式错误：长度为15位，应为18位"));
    assert_true(logged("credit.csv:11: warning:", "“51339800MK80003”格式错误"));
    /* A full-width or lower-case code would have been normalised: every stored code is
     * 18 upper-case ASCII symbols. */
    assert_int_equal(q("SELECT count(*) FROM org WHERE uscc IS NOT NULL AND (length(uscc) <> 18 "
                       "OR uscc <> upper(uscc))"),
                     0);
    /* The region comes from positions 3-8 of a code of possible shape. */
    assert_int_equal(q("SELECT count(*) FROM org WHERE registered = 1 AND region_code IS NULL"), 1);
    s = ot_text(h->h, "SELECT region_code FROM org WHERE name = '中国示例书法家协会'");
    assert_string_equal(s, "100000");
    free(s);
}

static void test_rejected_rows_and_warnings(void **state)
{
    (void)state;
    /* Duplicate code: an error naming the first row; the first row stays. */
    assert_true(logged("registry.csv:3: error:", "51339800MK8000016U 与 registry.csv:2 重复"));
    assert_int_equal(q("SELECT count(*) FROM org WHERE uscc = '51339800MK8000016U'"), 1);
    assert_int_equal(q("SELECT count(*) FROM org WHERE name = '示例甲市围棋协会'"), 1);
    assert_int_equal(q("SELECT count(*) FROM org WHERE name = '示例甲市象棋协会'"), 0);
    assert_int_equal(q("SELECT count(*) FROM org_name WHERE name = '示例甲市象棋协会'"), 0);
    /* Rejected rows. */
    assert_true(logged("credit.csv:13: error:", "移出日期早于列入日期"));
    assert_true(logged("credit.csv:14: error:", "未知的名单“经营异常名录”"));
    assert_int_equal(q("SELECT count(*) FROM listing WHERE name IN ('示例甲市不存在协会', "
                       "'示例甲市测试有限公司')"),
                     0);
    /* Warnings: the row is kept. */
    assert_true(logged("credit.csv:17: warning:", "“2021-02-30” 不是日期"));
    assert_int_equal(q("SELECT count(*) FROM listing WHERE name = '示例甲市ＡＢＣ青少年科技中心' "
                       "AND listed_date IS NULL"),
                     1);
    assert_true(logged("credit.csv:10: warning:", "对应 2 个登记的社会组织"));
    assert_true(logged("credit.csv:8: warning:", "没有满2年的活动异常名录记录"));
    /* The summary line counts them. */
    assert_true(logged("gongkai load:", "3 rows skipped, 3 errors"));
}

static void test_id_masked(void **state)
{
    (void)state;
    char *s = ot_text(h->h, "SELECT id_masked || ' ' || subject_kind FROM listing WHERE name = '钱某（示例）'");
    assert_string_equal(s, "339800********1234 人员");
    free(s);
    s = ot_text(h->h, "SELECT org_type FROM org WHERE name = '钱某（示例）'");
    assert_string_equal(s, "个人");
    free(s);
    /* The full number was never written: not in any table, index or free page. */
    size_t len;
    char *bytes = ot_slurp(db_path, &len);
    assert_non_null(bytes);
    assert_true(len > 0);
    assert_null(memmem(bytes, len, "198001011234", strlen("198001011234")));
    assert_non_null(memmem(bytes, len, "339800********1234", strlen("339800********1234")));
    free(bytes);
}

static void test_basis(void **state)
{
    (void)state;
    /* Three citations resolve to the article (or item) of the regulation in the corpus. */
    char *s = ot_text(h->h, "SELECT n.kind || ' ' || n.path FROM rule_basis b "
                            "JOIN reg_node n ON n.id = b.node_id WHERE b.rule = 'auto_removal'");
    assert_string_equal(s, "项 第二章/第十四条/第一款/（二）");
    free(s);
    s = ot_text(h->h, "SELECT n.kind || ' ' || n.path FROM rule_basis b "
                      "JOIN reg_node n ON n.id = b.node_id WHERE b.rule = 'escalation'");
    assert_string_equal(s, "项 第三章/第十六条/第一款/（一）");
    free(s);
    s = ot_text(h->h, "SELECT n.kind || ' ' || n.path FROM rule_basis b "
                      "JOIN reg_node n ON n.id = b.node_id WHERE b.rule = 'serious_removal'");
    assert_string_equal(s, "条 第三章/第十九条");
    free(s);
    /* The fourth names an article the corpus does not hold: a warning, the citation kept. */
    assert_int_equal(q("SELECT node_id IS NULL FROM rule_basis WHERE rule = 'restart'"), 1);
    s = ot_text(h->h, "SELECT citation FROM rule_basis WHERE rule = 'restart'");
    assert_string_equal(s, "示例社会组织信用管理办法 第三十一条");
    free(s);
    assert_true(logged("gongkai: warning: basis.restart", "在已载入的法规中找不到"));
    assert_true(logged("basis.restart", "没有第三十一条"));
}

/* A corpus written by the test: a registry of two rows, optionally sharing a code. */
static char *small_corpus(const char *parent, const char *name, int duplicate)
{
    char *c = xasprintf("%s/%s", parent, name);
    assert_int_equal(mkdir(c, 0755), 0);
    char *p = xasprintf("%s/corpus.ini", c);
    assert_int_equal(ot_write(p, "[corpus]\nname = 小语料（示例）\n\n[registry]\nkind = orgs\n"
                                 "path = registry.csv\nmap.name = 名称\nmap.uscc = 代码\n"),
                     0);
    free(p);
    p = xasprintf("%s/registry.csv", c);
    assert_int_equal(ot_write(p, duplicate ? "名称,代码\n示例甲市围棋协会,51339800MK8000016U\n"
                                             "示例甲市象棋协会,51339800MK8000016U\n"
                                           : "名称,代码\n示例甲市围棋协会,51339800MK8000016U\n"
                                             "示例甲市象棋协会,51339800MK8000040C\n"),
                     0);
    free(p);
    return c;
}

static void test_duplicate_keeps_old_database(void **state)
{
    (void)state;
    /* The loads below fork: no open connection in the parent (valgrind would count its
     * memory as lost in every child). The last test of the group. */
    db_close(h);
    h = NULL;
    char *d = ot_tmpdir("orgdup");
    assert_non_null(d);
    char *good = small_corpus(d, "good", 0), *dup = small_corpus(d, "dup", 1);
    char *target = xasprintf("%s/t.db", d);
    char *log = NULL;
    assert_int_equal(ot_load(target, 1, &good, 1, &log), 0);
    free(log);
    size_t before_len, after_len;
    char *before = ot_slurp(target, &before_len);
    assert_non_null(before);
    /* --strict: the duplicate is an error, nothing is replaced. */
    int rc = ot_load(target, 1, &dup, 1, &log);
    assert_int_not_equal(rc, 0);
    assert_int_not_equal(rc, 3);
    assert_non_null(strstr(log, "registry.csv:3: error: 统一社会信用代码 51339800MK8000016U 与 "
                                "registry.csv:2 重复"));
    free(log);
    char *after = ot_slurp(target, &after_len);
    assert_int_equal(before_len, after_len);
    assert_memory_equal(before, after, before_len);
    free(after);
    /* Without --strict: loaded with the first row only, exit status 3. */
    assert_int_equal(ot_load(target, 0, &dup, 1, &log), 3);
    free(log);
    gk_db *t;
    char *err = NULL;
    assert_int_equal(db_open(target, &t, &err), 0);
    assert_int_equal(ot_scalar(t->h, "SELECT count(*) FROM org"), 1);
    char *name = ot_text(t->h, "SELECT name FROM org");
    assert_string_equal(name, "示例甲市围棋协会");
    free(name);
    db_close(t);
    free(before);
    free(target);
    free(good);
    free(dup);
    ot_rm_rf(d);
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outcome_and_counts),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_rejected_rows_and_warnings),
        cmocka_unit_test(test_id_masked),
        cmocka_unit_test(test_basis),
        cmocka_unit_test(test_duplicate_keeps_old_database),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
