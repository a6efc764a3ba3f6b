/* Real data: every regulation file of ../shared/corpus/regulations and the seed (the
 * Taiwan-converted 2022 work plan), and the published social-organisation lists of
 * ../shared/corpus/orgs, loaded through the manifests in tests/real/ and read in place.
 * Skipped, saying so, when ../shared is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "load.h"
#include "orgcheck.h"
#include "orgtest.h"
#include "reg.h"
#include "search.h"
#include "xalloc.h"

static char root[1024], db[1100];
static int have_corpus;
static gk_db *h;
/* The organisation lists (tests/real/orgs.ini), loaded by setup into a database of
 * their own before any connection is open (a fork with an open connection leaks it in
 * the child, as valgrind sees it). */
static int have_orgs, orgs_status = -1;
static char *orgs_db, *orgs_log;

static int setup(void **state)
{
    (void)state;
    const char *r = getenv("GONGKAI_ROOT");
    snprintf(root, sizeof root, "%s", r ? r : ".");
    char probe[1200];
    snprintf(probe, sizeof probe, "%s/../shared/corpus/regulations/mca_related_index.csv", root);
    have_corpus = access(probe, R_OK) == 0 &&
                  (snprintf(probe, sizeof probe, "%s/../shared/seed", root), access(probe, R_OK) == 0);
    if (!have_corpus) {
        print_message("SKIP: ../shared/corpus is absent (real-data tests need it next to the "
                      "repository)\n");
        return 0;
    }
    const char *tmp = getenv("GONGKAI_TMP") ? getenv("GONGKAI_TMP") : "/tmp";
    snprintf(db, sizeof db, "%s/real-regs.db", tmp);
    char *m1 = xasprintf("%s/tests/real/regulations.ini", root);
    char *m2 = xasprintf("%s/tests/real/seed.ini", root);
    char *corpora[] = {m1, m2};
    pid_t pid = fork();
    if (pid == 0) {
        /* strict: the real corpus must load cleanly */
        load_opts o = {.db_path = db, .strict = 1, .quiet = 1, .corpora = corpora, .ncorpora = 2};
        _exit(load_run(&o));
    }
    int status;
    waitpid(pid, &status, 0);
    free(m1);
    free(m2);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        print_error("loading the real corpus failed (status %d)\n", status);
        return -1;
    }
    snprintf(probe, sizeof probe, "%s/../shared/corpus/orgs/social_org_lists_from_news_pages.csv",
             root);
    have_orgs = access(probe, R_OK) == 0;
    if (have_orgs) {
        orgs_db = xasprintf("%s/real-orgs.db", tmp);
        char *ini = xasprintf("%s/tests/real/orgs.ini", root);
        unlink(orgs_db);
        orgs_status = ot_load(orgs_db, 1, &ini, 1, &orgs_log); /* strict: loads cleanly */
        free(ini);
    }
    char *err = NULL;
    if (db_open(db, &h, &err) != 0) {
        print_error("%s\n", err);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(h);
    if (orgs_db)
        unlink(orgs_db);
    free(orgs_db);
    free(orgs_log);
    return 0;
}

#define NEED_CORPUS()                                                                      \
    do {                                                                                   \
        if (!have_corpus)                                                                  \
            skip();                                                                        \
    } while (0)

static long long scalar(const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(h->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void test_counts(void **state)
{
    (void)state;
    NEED_CORPUS();
    /* 31 Markdown files (28 works; 慈善法, 军人抚恤优待条例 and 中国公民收养子女登记办法
     * in two versions each) + the seed */
    assert_int_equal(scalar("SELECT count(*) FROM regulation"), 32);
    assert_int_equal(scalar("SELECT count(*) FROM source WHERE kind = 'regulations'"), 32);
    assert_int_equal(scalar("SELECT count(DISTINCT work_key) FROM regulation"), 29);
    assert_true(scalar("SELECT count(*) FROM reg_node WHERE kind = '条'") >= 1400);
    /* every file has articles or items */
    assert_int_equal(scalar("SELECT count(*) FROM regulation r WHERE NOT EXISTS (SELECT 1 FROM "
                            "reg_node n WHERE n.reg_id = r.id AND n.kind IN ('条', '段'))"),
                     0);
    /* known article counts */
    assert_int_equal(scalar("SELECT count(*) FROM reg_node n JOIN regulation r ON r.id = n.reg_id "
                            "WHERE r.title = '社会救助暂行办法' AND n.kind = '条'"),
                     70);
    assert_int_equal(scalar("SELECT count(*) FROM reg_node n JOIN regulation r ON r.id = n.reg_id "
                            "WHERE r.title = '中华人民共和国慈善法' AND r.version_date = "
                            "'2016-03-16' AND n.kind = '条'"),
                     112);
    assert_int_equal(scalar("SELECT count(*) FROM reg_node n JOIN regulation r ON r.id = n.reg_id "
                            "WHERE r.title = '中华人民共和国慈善法' AND r.version_date = "
                            "'2023-12-29' AND n.kind = '条'"),
                     125);
    /* the seed: 22 items (一)…(二十二) */
    assert_int_equal(scalar("SELECT count(*) FROM reg_node n JOIN regulation r ON r.id = n.reg_id "
                            "WHERE r.title LIKE '民政部2022年%' AND n.kind = '段' AND n.num > 0"),
                     22);
    /* every unit is searchable and ranges cover the doc table */
    assert_int_equal(scalar("SELECT count(*) FROM doc"),
                     scalar("SELECT sum(hi - lo + 1) FROM doc_range"));
}

static void test_article_11(void **state)
{
    (void)state;
    NEED_CORPUS();
    reg_info r;
    reg_node_t n;
    char *err = NULL;
    if (reg_resolve(h, "社会救助暂行办法 第十一条", NULL, &r, &n, &err) != 0)
        fail_msg("%s", err);
    assert_string_equal(n.label, "第十一条");
    assert_memory_equal(n.text, "申请最低生活保障", strlen("申请最低生活保障"));
    assert_string_equal(r.status, "in_force");
    assert_string_equal(r.doc_number, "国务院令第649号");
    reg_node_free(&n);
    reg_info_free(&r);
    /* the same article by number, and its second item */
    assert_int_equal(reg_resolve(h, "社会救助暂行办法", "11", &r, &n, &err), 0);
    assert_string_equal(n.label, "第十一条");
    reg_node_free(&n);
    reg_info_free(&r);
    assert_int_equal(reg_resolve(h, "社会救助暂行办法第十一条第（二）项", NULL, &r, &n, &err), 0);
    assert_non_null(strstr(n.text, "入户调查"));
    reg_node_free(&n);
    reg_info_free(&r);
    /* a short title finds the full one; the newest version is in force */
    assert_int_equal(reg_resolve(h, "慈善法", "第二十二条", &r, &n, &err), 0);
    assert_string_equal(r.title, "中华人民共和国慈善法");
    assert_string_equal(r.version_date, "2023-12-29");
    reg_info *v;
    assert_int_equal(reg_versions(h, &r, &v), 2);
    assert_string_equal(v[1].status, "amended");
    reg_infos_free(v, 2);
    reg_node_free(&n);
    reg_info_free(&r);
    /* an article that does not exist says how many there are */
    assert_int_equal(reg_resolve(h, "社会救助暂行办法", "第九十条", &r, &n, &err), -1);
    assert_non_null(strstr(err, "共 70 条"));
    free(err);
}

/* Labels of the seed's items that a query finds. */
static char *seed_hits(const char *q)
{
    search_opts o = {0};
    o.limit = 50;
    search_result r;
    char *err = NULL;
    if (search_run(h, q, strlen(q), &o, &r, &err) != 0)
        fail_msg("search %s failed", q);
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; i < r.n; i++) {
        const char *t = r.hits[i].title;
        if (strncmp(t, "民政部2022年", strlen("民政部2022年")))
            continue;
        const char *sp = strrchr(t, ' ');
        buf_adds(&b, sp ? sp + 1 : t);
    }
    search_result_free(&r);
    return buf_take(&b);
}

static void test_seed_search(void **state)
{
    (void)state;
    NEED_CORPUS();
    char *s = seed_hits("规范性文件");
    /* 規範性檔案 appears in (二) (twice) and (九) (政策檔案 is a separate group) */
    assert_non_null(strstr(s, "（二）"));
    free(s);
    s = seed_hits("养老服务");
    assert_non_null(strstr(s, "（三）"));
    free(s);
    s = seed_hits("门户网站");
    assert_non_null(strstr(s, "（一）"));
    assert_non_null(strstr(s, "（十三）"));
    free(s);
    s = seed_hits("优化智能检索");
    assert_non_null(strstr(s, "（一）"));
    free(s);
    s = seed_hits("人民群众");
    assert_non_null(strstr(s, "（十五）"));
    free(s);
    s = seed_hits("互联网协议第6版");
    assert_non_null(strstr(s, "（十八）"));
    free(s);
}

static void test_ranking_and_short_queries(void **state)
{
    (void)state;
    NEED_CORPUS();
    search_opts o = {0};
    search_result r;
    char *err = NULL;
    /* two characters */
    assert_int_equal(search_run(h, "低保", strlen("低保"), &o, &r, &err), 0);
    assert_true(r.total > 10);
    assert_true(r.ranked);
    search_result_free(&r);
    /* one character: broad, newest first, in force before amended */
    assert_int_equal(search_run(h, "孤", strlen("孤"), &o, &r, &err), 0);
    assert_true(r.total > 0);
    assert_false(r.ranked);
    for (size_t i = 1; i < r.n; i++)
        assert_true(r.hits[i - 1].rank_group <= r.hits[i].rank_group);
    search_result_free(&r);
    /* 公开募捐 is in both 慈善法 versions: the in-force one comes first */
    assert_int_equal(search_run(h, "公开募捐资格", strlen("公开募捐资格"), &o, &r, &err), 0);
    assert_true(r.n > 2);
    assert_int_equal(r.hits[0].rank_group, 0);
    assert_int_equal(r.hits[r.n - 1].rank_group, 3);
    search_result_free(&r);
}

/* ---- social organisations: tests/real/orgs.ini ----------------------------------------- */

/* The lists a clerk checks against, as published on news pages (76 names: 涉嫌非法 batches
 * of 2021, website shutdowns, a provincial 取缔 list, a city's 严重违法失信名单), loaded
 * strictly into a database of their own. */
static void test_real_orgs(void **state)
{
    (void)state;
    NEED_CORPUS();
    if (!have_orgs) {
        print_message("SKIP: ../shared/corpus/orgs is absent (real-data tests need it next to "
                      "the repository)\n");
        skip();
    }
    if (orgs_status != 0)
        fail_msg("loading tests/real/orgs.ini failed (status %d):\n%s", orgs_status, orgs_log);
    gk_db *o;
    char *err = NULL;
    assert_int_equal(db_open(orgs_db, &o, &err), 0);
    /* Every row, each list_type mapped to its list. */
    assert_int_equal(ot_scalar(o->h, "SELECT count(*) FROM listing"), 76);
    assert_int_equal(ot_scalar(o->h, "SELECT count(*) FROM listing WHERE list_kind = 'suspected'"), 31);
    assert_int_equal(ot_scalar(o->h, "SELECT count(*) FROM listing WHERE list_kind = 'site_closed'"), 18);
    assert_int_equal(ot_scalar(o->h, "SELECT count(*) FROM listing WHERE list_kind = 'banned'"), 7);
    assert_int_equal(ot_scalar(o->h, "SELECT count(*) FROM listing WHERE list_kind = 'serious'"), 20);
    /* Seven published batches (the 浙江 one is stored once per 执法主体: the file's
     * publisher column names it). */
    assert_int_equal(ot_scalar(o->h, "SELECT count(DISTINCT list_kind || batch_no) FROM list_batch"), 7);
    /* Nobody is registered here: every entry is an organisation of its own. */
    assert_int_equal(ot_scalar(o->h, "SELECT count(*) FROM org WHERE registered = 1"), 0);
    assert_int_equal(ot_scalar(o->h, "SELECT count(*) FROM listing WHERE link_how <> 'list'"), 0);
    /* The dismissals of 济南 count from the month of the news: removal can be applied for
     * two years later, by month. */
    assert_int_equal(ot_scalar(o->h, "SELECT count(*) FROM listing WHERE list_kind = 'serious' "
                                     "AND listed_date = '2023-03'"),
                     20);

    oc_opts opts = {.today = "2026-11-01"};
    oc_result r;
    /* A published name, exactly and in Traditional. */
    assert_int_equal(orgcheck_run(o, "中国美学研究会", &opts, &r, &err), 0);
    assert_true(r.n >= 1);
    assert_string_equal(r.subjects[0].name, "中国美学研究会");
    assert_int_equal(r.subjects[0].how, ONM_EXACT);
    assert_int_equal(r.subjects[0].verdict, OC_LISTED);
    assert_int_equal(r.subjects[0].listings[0].kind, LK_SUSPECTED);
    assert_string_equal(r.subjects[0].listings[0].batch_no, "2021年第一批");
    assert_string_equal(r.subjects[0].listings[0].listed_date, "2021-02-18");
    long long id = r.subjects[0].org_id;
    oc_result_free(&r);
    assert_int_equal(orgcheck_run(o, "中國美學研究會", &opts, &r, &err), 0);
    assert_true(r.n >= 1);
    assert_int_equal(r.subjects[0].org_id, id);
    assert_int_equal(r.subjects[0].how, ONM_FOLDED);
    oc_result_free(&r);
    /* A part of a name; the batch notes the legal organisation it imitates. */
    assert_int_equal(orgcheck_run(o, "硬笔书法", &opts, &r, &err), 0);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.subjects[0].name, "中国现代硬笔书法研究会");
    assert_int_equal(r.subjects[0].how, ONM_CONTAINS);
    assert_int_equal(r.subjects[0].verdict, OC_LISTED);
    int flagged = 0;
    for (size_t i = 0; i < r.subjects[0].nalikes; i++)
        flagged |= !strcmp(r.subjects[0].alikes[i].name, "中国硬笔书法协会") &&
                   !strcmp(r.subjects[0].alikes[i].why, "名单注明的名称相近的合法组织");
    assert_true(flagged);
    oc_result_free(&r);
    /* 取缔 list names with half-width brackets, typed full-width. */
    assert_int_equal(orgcheck_run(o, "上海合作国际中心（浙江）代表处", &opts, &r, &err), 0);
    assert_true(r.n >= 1);
    assert_int_equal(r.subjects[0].how, ONM_FOLDED);
    assert_int_equal(r.subjects[0].listings[0].kind, LK_BANNED);
    oc_result_free(&r);
    db_close(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_article_11),
        cmocka_unit_test(test_seed_search),
        cmocka_unit_test(test_ranking_and_short_queries),
        cmocka_unit_test(test_real_orgs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
