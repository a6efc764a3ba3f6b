/* The loader end to end on small corpora written by the test: contents, statuses,
 * manifest errors with file:line, strict mode, and faults (kill -9, Ctrl-C, full disk)
 * that must leave the previous database byte-identical. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "load.h"
#include "reg.h"
#include "search.h"
#include "xalloc.h"

static char dir[512];

static void write_file(const char *rel, const char *content, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    assert_int_equal(system(cmd), 0);
    *slash = '/';
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(content, 1, len, f);
    fclose(f);
}

static void put(const char *rel, const char *content)
{
    write_file(rel, content, strlen(content));
}

/* Runs a load in a child process (fresh static state, stderr captured). Returns the exit
 * status, or 128+signal when the child was killed. */
static int run_load(const char *db, const char *fault, int strict, char **log, ...)
{
    char *corpora[8];
    int n = 0;
    va_list ap;
    va_start(ap, log);
    const char *c;
    while ((c = va_arg(ap, const char *)) && n < 8)
        corpora[n++] = xasprintf("%s/%s", dir, c);
    va_end(ap);
    char logpath[1024];
    snprintf(logpath, sizeof logpath, "%s/load.log", dir);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open(logpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 2);
        close(fd);
        if (fault)
            setenv("GONGKAI_TEST_FAULT", fault, 1);
        setenv("GONGKAI_TODAY", "2026-11-28", 1);
        load_opts o = {.db_path = db, .strict = strict, .quiet = 1, .corpora = corpora, .ncorpora = n};
        _exit(load_run(&o));
    }
    int status;
    waitpid(pid, &status, 0);
    for (int i = 0; i < n; i++)
        free(corpora[i]);
    if (log) {
        FILE *f = fopen(logpath, "r");
        buf_t b;
        buf_init(&b);
        char chunk[4096];
        size_t k;
        while (f && (k = fread(chunk, 1, sizeof chunk, f)) > 0)
            buf_add(&b, chunk, k);
        if (f)
            fclose(f);
        *log = buf_take(&b);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf_t b;
    buf_init(&b);
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, k);
    fclose(f);
    *len = b.len;
    return buf_take(&b);
}

static int count_temps(void)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -c '\\.load-' > '%s/temps.txt'", dir, dir);
    if (system(cmd) == -1)
        return -1;
    char p[1024];
    snprintf(p, sizeof p, "%s/temps.txt", dir);
    size_t len;
    char *s = slurp(p, &len);
    int n = s ? atoi(s) : -1;
    free(s);
    return n;
}

static const char *REG_2014 =
    "# 示例救助办法\n\n2014年2月21日 示例政府令第1号公布\n\n<!-- INFO END -->\n\n"
    "## 第一章 总则\n\n第一条 【示例】为了演示救助工作，制定本办法。\n\n"
    "第二条 【示例】旧版本的第二条。\n";

static const char *REG_2019 =
    "# 示例救助办法\n\n2014年2月21日 示例政府令第1号公布\n\n2019年3月2日 示例决定修订\n\n"
    "<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 【示例】为了演示救助工作，制定本办法。\n\n"
    "## 第二章 最低生活保障\n\n第二条 【示例】申请最低生活保障，按照下列程序办理：\n\n"
    "（一）申请人提出书面申请；\n\n（二）乡镇核查；\n\n（三）县级民政部门审核确认。\n\n"
    "第三条 【示例】低保对象的信息应当公开。\n";

static const char *TRAD =
    "# 示例政務公開要點\n\n2022年5月5日 示例市民政局發布\n\n<!-- INFO END -->\n\n"
    "第一條 【示例】開展行政規範性檔案集中公開，最佳化入口網站智慧型檢索。\n";

static const char *MANIFEST =
    "[corpus]\nname = 测试语料\nas_of = 2026-11-01\n\n"
    "[regs]\nkind = regulations\npath = regs/*.md\nlevel = 行政法规\n\n"
    "[index]\nkind = reg_index\npath = index.csv\nmap.title = 名称\nmap.version_date = 版本\n"
    "map.status = 状态\n\n"
    "[words]\nkind = vocab\npath = vocab.txt\n";

static void make_corpus(void)
{
    put("c1/corpus.ini", MANIFEST);
    put("c1/regs/示例救助办法(2014-02-21).md", REG_2014);
    put("c1/regs/示例救助办法(2019-03-02).md", REG_2019);
    put("c1/regs/示例政務公開要點.md", TRAD);
    put("c1/index.csv", "名称,版本,状态\n示例救助办法,2019-03-02,现行有效\n");
    put("c1/vocab.txt", "# test\n救助对象 / 受助人员\n");
    /* c3: c1 plus a larger file, so that a full disk is hit while writing */
    put("c3/corpus.ini", MANIFEST);
    put("c3/regs/示例救助办法(2019-03-02).md", REG_2019);
    put("c3/regs/示例政務公開要點.md", TRAD);
    put("c3/index.csv", "名称,版本,状态\n示例救助办法,2019-03-02,现行有效\n");
    put("c3/vocab.txt", "救助对象 / 受助人员\n");
    buf_t big;
    buf_init(&big);
    buf_adds(&big, "# 示例大文件\n\n2020年1月1日 示例公布\n\n<!-- INFO END -->\n\n");
    for (int i = 1; i <= 400; i++)
        buf_printf(&big, "第%d条 【示例】第%d条的文字，用来占据足够的页面：社会救助、养老服务、"
                         "区划地名、慈善信托、志愿服务、婚姻登记、殡葬管理。\n\n",
                   i, i);
    put("c3/regs/示例大文件(2020-01-01).md", big.s);
    buf_free(&big);
}

static int setup(void **state)
{
    (void)state;
    const char *base = getenv("GONGKAI_TMP") ? getenv("GONGKAI_TMP") : "/tmp";
    snprintf(dir, sizeof dir, "%s/loader-XXXXXX", base);
    assert_non_null(mkdtemp(dir));
    make_corpus();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == -1;
}

static char *db_path(const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

static long count_hits(gk_db *db, const char *q)
{
    search_opts o = {0};
    search_result r;
    char *err = NULL;
    int rc = search_run(db, q, strlen(q), &o, &r, &err);
    if (rc < 0)
        fail_msg("search %s: %s", q, err);
    long n = rc == 0 ? (long)r.total : -1;
    search_result_free(&r);
    return n;
}

static void test_load_and_search(void **state)
{
    (void)state;
    char *db = db_path("a.db");
    char *log = NULL;
    assert_int_equal(run_load(db, NULL, 0, &log, "c1", NULL), 0);
    free(log);
    gk_db *h;
    char *err = NULL;
    if (db_open(db, &h, &err) != 0)
        fail_msg("open: %s", err);
    /* Simplified and Taiwan vocabulary find the Traditional text */
    assert_int_equal(count_hits(h, "规范性文件"), 1);
    assert_int_equal(count_hits(h, "门户网站"), 1);
    assert_int_equal(count_hits(h, "优化"), 1);
    /* one character; two characters */
    assert_true(count_hits(h, "救") >= 3);
    assert_int_equal(count_hits(h, "低保"), 2); /* 最低生活保障 and 低保 */
    /* the corpus vocabulary is merged */
    assert_int_equal(count_hits(h, "受助人员"), 0);
    assert_int_equal(count_hits(h, "程序办理"), 1);
    /* versions: the newest is in force, the older amended; ranked first */
    reg_info r;
    reg_node_t node;
    assert_int_equal(reg_resolve(h, "示例救助办法", "第二条", &r, &node, &err), 0);
    assert_string_equal(r.status, "in_force");
    assert_string_equal(r.version_date, "2019-03-02");
    assert_non_null(strstr(node.text, "申请最低生活保障"));
    reg_info *versions;
    assert_int_equal(reg_versions(h, &r, &versions), 2);
    assert_string_equal(versions[1].status, "amended");
    assert_int_equal(versions[1].superseded_by, r.id);
    reg_infos_free(versions, 2);
    reg_node_free(&node);
    /* 第二条第（二）项 */
    regref ref;
    assert_int_equal(regref_parse("第二条第（二）项", &ref), 0);
    assert_int_equal(reg_lookup(h, &r, &ref, &node, &err), 0);
    assert_non_null(strstr(node.text, "乡镇核查"));
    reg_node_free(&node);
    reg_info_free(&r);
    /* search: in force first */
    search_opts o = {0};
    search_result sr;
    assert_int_equal(search_run(h, "演示救助工作", strlen("演示救助工作"), &o, &sr, &err), 0);
    assert_int_equal(sr.total, 2);
    assert_int_equal(sr.hits[0].rank_group, 0);
    assert_int_equal(sr.hits[1].rank_group, 3);
    assert_string_equal(sr.hits[0].status, "现行有效");
    search_result_free(&sr);
    db_close(h);
    free(db);
}

static void test_strict_keeps_old_database(void **state)
{
    (void)state;
    char *db = db_path("b.db");
    assert_int_equal(run_load(db, NULL, 0, NULL, "c1", NULL), 0);
    size_t len0, len1;
    char *before = slurp(db, &len0);
    /* a bad index row: strict stops and changes nothing */
    put("c2/corpus.ini", MANIFEST);
    put("c2/regs/示例救助办法(2019-03-02).md", REG_2019);
    put("c2/index.csv", "名称,版本,状态\n示例救助办法,2019-02-30,现行有效\n");
    put("c2/vocab.txt", "a / b\n");
    char *log = NULL;
    assert_int_equal(run_load(db, NULL, 1, &log, "c2", NULL), 2);
    assert_non_null(strstr(log, "index.csv:2: error:"));
    assert_non_null(strstr(log, "not changed"));
    free(log);
    char *after = slurp(db, &len1);
    assert_int_equal(len0, len1);
    assert_memory_equal(before, after, len0);
    free(after);
    /* without --strict the bad row is skipped and the rest loads (status 3) */
    assert_int_equal(run_load(db, NULL, 0, &log, "c2", NULL), 3);
    assert_non_null(strstr(log, "1 rows skipped"));
    free(log);
    free(before);
    free(db);
    assert_int_equal(count_temps(), 0);
}

static void expect_fault_leaves_db(const char *fault, int expect_status, int temps_left)
{
    char *db = db_path("f.db");
    unlink(db);
    assert_int_equal(run_load(db, NULL, 0, NULL, "c1", NULL), 0);
    size_t len0, len1;
    char *before = slurp(db, &len0);
    int st = run_load(db, fault, 0, NULL, "c3", NULL);
    assert_int_equal(st, expect_status);
    char *after = slurp(db, &len1);
    assert_non_null(after);
    assert_int_equal(len0, len1);
    assert_memory_equal(before, after, len0);
    assert_int_equal(count_temps(), temps_left);
    /* the old database still opens and answers */
    gk_db *h;
    char *err = NULL;
    assert_int_equal(db_open(db, &h, &err), 0);
    assert_int_equal(count_hits(h, "规范性文件"), 1);
    db_close(h);
    /* a later load removes a temp file left by a killed one */
    assert_int_equal(run_load(db, NULL, 0, NULL, "c1", NULL), 0);
    assert_int_equal(count_temps(), 0);
    free(before);
    free(after);
    free(db);
}

static void test_kill_during_load(void **state)
{
    (void)state;
    expect_fault_leaves_db("kill:2", 128 + 9, 1);
}

static void test_interrupt_during_load(void **state)
{
    (void)state;
    expect_fault_leaves_db("int:2", 128 + 2, 0);
}

static void test_disk_full(void **state)
{
    (void)state;
    expect_fault_leaves_db("full:1", 2, 0);
}

static void expect_manifest_error(const char *ini, const char *expect)
{
    put("bad/corpus.ini", ini);
    char *db = db_path("m.db");
    unlink(db);
    char *log = NULL;
    int st = run_load(db, NULL, 0, &log, "bad", NULL);
    if (!strstr(log, expect))
        fail_msg("manifest error: expected '%s' in:\n%s", expect, log);
    assert_true(st == 2 || st == 1);
    assert_int_equal(access(db, F_OK), -1); /* nothing was created */
    free(log);
    free(db);
}

static void test_manifest_errors(void **state)
{
    (void)state;
    put("bad/regs/示例救助办法(2019-03-02).md", REG_2019);
    expect_manifest_error("[corpus]\nname = x\n\n[a]\nkind = nonsense\npath = regs/*.md\n",
                          "corpus.ini:5: error: unknown kind 'nonsense'");
    expect_manifest_error("[a]\nkind = regulations\npath = regs/*.md\ncolour = red\n",
                          "corpus.ini:4: error: unknown key 'colour'");
    /* a table kind's map./value. keys must name one of its fields */
    put("bad/index.csv", "标题\n示例救助办法\n");
    expect_manifest_error("[a]\nkind = reg_index\npath = index.csv\nmap.title = 标题\n"
                          "map.titel = 标题\n",
                          "corpus.ini:5: error: unknown key 'map.titel'");
    expect_manifest_error("[a]\nkind = reg_index\npath = index.csv\nmap.title = 标题\n"
                          "value.stauts = 现行有效\n",
                          "corpus.ini:5: error: unknown key 'value.stauts'");
    expect_manifest_error("[a]\nkind = regulations\npath = regs/*.md\nmap.title = 标题\n",
                          "corpus.ini:4: error: unknown key 'map.title'");
    expect_manifest_error("[a]\nkind = regulations\npath = ../c1/regs/*.md\n",
                          "corpus.ini:3: error: path '../c1/regs/*.md' leaves the corpus");
    expect_manifest_error("[a]\nkind = regulations\npath = /etc/passwd\n",
                          "leaves the corpus directory");
    expect_manifest_error("[a]\nkind = regulations\npath = nothing/*.md\n",
                          "corpus.ini:3: error: path 'nothing/*.md' matches no file");
    expect_manifest_error("[a]\nkind = regulations\n", "has no path");
    expect_manifest_error("", "names no sources");
    expect_manifest_error("[a]\nthis is not ini\n", "corpus.ini:2: error: not an INI line");
    /* a symlink that leads outside the corpus */
    char target[1024], link[1024];
    snprintf(target, sizeof target, "%s/c1/regs/示例政務公開要點.md", dir);
    snprintf(link, sizeof link, "%s/bad/regs/outside.md", dir);
    assert_int_equal(symlink(target, link), 0);
    expect_manifest_error("[a]\nkind = regulations\npath = regs/*.md\n",
                          "points outside the corpus directory");
    unlink(link);
    /* a symlink loop */
    snprintf(link, sizeof link, "%s/bad/regs/loop.md", dir);
    assert_int_equal(symlink(link, link), 0);
    expect_manifest_error("[a]\nkind = regulations\npath = regs/*.md\n", "symlink loop");
    unlink(link);
}

static void test_bad_files_are_reported(void **state)
{
    (void)state;
    put("e/corpus.ini", "[a]\nkind = regulations\npath = regs/*\n");
    put("e/regs/good.md", REG_2019);
    write_file("e/regs/nul.md", "# 标题\n\n第一条 有\0空字节\n", 28);
    put("e/regs/bad-utf8.md", "# 标题\n\n第一条 好\n第二条 \xc0\xaf坏\n");
    put("e/regs/empty.md", "");
    char *db = db_path("e.db");
    char *log = NULL;
    assert_int_equal(run_load(db, NULL, 0, &log, "e", NULL), 3);
    assert_non_null(strstr(log, "regs/nul.md:3: error: NUL byte"));
    assert_non_null(strstr(log, "regs/bad-utf8.md:4: error: overlong"));
    assert_non_null(strstr(log, "regs/empty.md"));
    free(log);
    gk_db *h;
    char *err = NULL;
    assert_int_equal(db_open(db, &h, &err), 0);
    assert_int_equal(count_hits(h, "乡镇核查"), 1);
    db_close(h);
    free(db);
}

static void test_encodings(void **state)
{
    (void)state;
    /* The same document in GB18030 and UTF-16 (with BOM) loads through encoding = auto. */
    char path[600], cmd[4096];
    put("enc/src.md", REG_2019);
    put("enc/corpus.ini", "[a]\nkind = regulations\npath = regs/*.md\n");
    snprintf(path, sizeof path, "%s/enc", dir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/regs' && iconv -f UTF-8 -t GB18030 '%s/src.md' > '%s/regs/甲(2019-03-02).md' && "
             "{ printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE '%s/src.md'; } > '%s/regs/乙(2019-03-02).md'",
             path, path, path, path, path);
    assert_int_equal(system(cmd), 0);
    char *db = db_path("enc.db");
    char *log = NULL;
    assert_int_equal(run_load(db, NULL, 0, &log, "enc", NULL), 0);
    free(log);
    gk_db *h;
    char *err = NULL;
    assert_int_equal(db_open(db, &h, &err), 0);
    assert_int_equal(count_hits(h, "乡镇核查"), 2);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(h->h, "SELECT group_concat(encoding, ',') FROM (SELECT encoding FROM "
                             "source ORDER BY encoding)", -1, &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "gb18030,utf-16le");
    sqlite3_finalize(st);
    db_close(h);
    free(db);
}

static void test_version_mismatch_refused(void **state)
{
    (void)state;
    char *db = db_path("v.db");
    assert_int_equal(run_load(db, NULL, 0, NULL, "c1", NULL), 0);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(db, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "UPDATE meta SET value = 'zh/0 fold/old' WHERE key = 'fts_stamp'",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    gk_db *h = NULL;
    char *err = NULL;
    assert_int_equal(db_open(db, &h, &err), -1);
    assert_non_null(strstr(err, "gongkai load"));
    assert_non_null(strstr(err, "zh/0 fold/old"));
    free(err);
    /* a file that is not a database at all */
    char *junk = db_path("junk.db");
    put("junk.db", "this is not a database, just text\n");
    assert_int_equal(db_open(junk, &h, &err), -1);
    assert_non_null(strstr(err, "不是"));
    free(err);
    /* and a missing one says how to create it */
    assert_int_equal(db_open("/nonexistent/x.db", &h, &err), -1);
    assert_non_null(strstr(err, "gongkai load"));
    free(err);
    free(junk);
    free(db);
}

/* Broad queries: counting stops at SEARCH_COUNT_CAP, ranking at SEARCH_RANK_WINDOW. */
static void test_search_caps(void **state)
{
    (void)state;
    buf_t big;
    buf_init(&big);
    buf_adds(&big, "# 示例宽泛查询\n\n2020年1月1日 示例公布\n\n<!-- INFO END -->\n\n");
    for (int i = 1; i <= SEARCH_COUNT_CAP + 500; i++)
        buf_printf(&big, "第%d条 【示例】救助%s。\n\n", i, i % 3 ? "" : "标准");
    put("c4/corpus.ini", "[a]\nkind = regulations\npath = *.md\n");
    put("c4/示例宽泛查询(2020-01-01).md", big.s);
    buf_free(&big);
    char *db = db_path("c4.db");
    assert_int_equal(run_load(db, NULL, 0, NULL, "c4", NULL), 0);
    gk_db *h;
    char *err = NULL;
    assert_int_equal(db_open(db, &h, &err), 0);
    search_opts o = {0};
    search_result r;
    /* every unit matches: the count stops at the cap, ranking looks at the newest window */
    assert_int_equal(search_run(h, "救助", strlen("救助"), &o, &r, &err), 0);
    assert_true(r.capped);
    assert_int_equal(r.total, SEARCH_COUNT_CAP);
    assert_int_equal(r.reachable, SEARCH_RANK_WINDOW);
    assert_true(r.ranked);
    assert_int_equal(r.n, 20);
    assert_non_null(strstr(r.note, "最新的"));
    search_result_free(&r);
    /* a third of the units: counted exactly, still windowed */
    assert_int_equal(search_run(h, "救助标准", strlen("救助标准"), &o, &r, &err), 0);
    assert_false(r.capped);
    assert_int_equal(r.total, (SEARCH_COUNT_CAP + 500) / 3);
    assert_int_equal(r.reachable, SEARCH_RANK_WINDOW);
    search_result_free(&r);
    /* paging beyond the window ends cleanly */
    o.offset = SEARCH_RANK_WINDOW - 5;
    assert_int_equal(search_run(h, "救助标准", strlen("救助标准"), &o, &r, &err), 0);
    assert_int_equal(r.n, 5);
    search_result_free(&r);
    /* one character: newest first, no window needed */
    o.offset = 0;
    assert_int_equal(search_run(h, "救", strlen("救"), &o, &r, &err), 0);
    assert_false(r.ranked);
    assert_int_equal(r.reachable, SEARCH_COUNT_CAP);
    search_result_free(&r);
    db_close(h);
    free(db);
}

/* bm25 weighs the title: a unit whose title matches ranks above one whose body does. */
static void test_title_weight(void **state)
{
    (void)state;
    put("c5/corpus.ini", "[a]\nkind = regulations\npath = *.md\n");
    put("c5/示例养老服务办法.md", "# 示例养老服务办法\n\n2020年1月1日 示例公布\n\n"
                                 "<!-- INFO END -->\n\n第一条 【示例】本条说明其他事项和一般要求。\n");
    put("c5/示例其他办法.md", "# 示例其他办法\n\n2021年1月1日 示例公布\n\n"
                             "<!-- INFO END -->\n\n第一条 【示例】本条说明养老服务和一般要求。\n");
    char *db = db_path("c5.db");
    assert_int_equal(run_load(db, NULL, 0, NULL, "c5", NULL), 0);
    gk_db *h;
    char *err = NULL;
    assert_int_equal(db_open(db, &h, &err), 0);
    search_opts o = {0};
    search_result r;
    assert_int_equal(search_run(h, "养老服务", strlen("养老服务"), &o, &r, &err), 0);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.hits[2].title, "示例其他办法 第一条");
    search_result_free(&r);
    db_close(h);
    free(db);
}

/* Stored text keeps escape sequences (the loader stores what the file says); a hit's title
 * and body come out of search_run as the screen shows them, and the snippet window is
 * counted on that: 40 characters spent on "\033]52;c;…" left one character of text to
 * read (issue 8). */
static void test_search_hits_sanitised(void **state)
{
    (void)state;
    /* the console's locale (tui/main.c): what is printable is wcwidth's answer */
    char *locale = strdup(setlocale(LC_CTYPE, NULL));
    assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
#define PAYLOAD "\033[2J\033]0;pwned\007\033]52;c;cm0gLXJmIH4=\007\007\302\233X\342\200\256"
    put("c6/corpus.ini", "[a]\nkind = regulations\npath = *.md\n");
    put("c6/示例恶意办法.md", "# 示例恶意办法" PAYLOAD "\n\n2020年1月1日 示例公布\n\n"
                             "<!-- INFO END -->\n\n第一条 为了测试恶意文本，编写本示例办法。"
                             PAYLOAD "本文不是真实的法规。\n");
#undef PAYLOAD
    char *db = db_path("c6.db");
    assert_int_equal(run_load(db, NULL, 0, NULL, "c6", NULL), 0);
    gk_db *h;
    char *err = NULL;
    assert_int_equal(db_open(db, &h, &err), 0);
    search_opts o = {0};
    search_result r;
    assert_int_equal(search_run(h, "恶意文本", strlen("恶意文本"), &o, &r, &err), 0);
    assert_true(r.n >= 1);
    const search_hit *art = &r.hits[0]; /* the article's hit, checked by its title below */
    for (size_t i = 0; i < r.n; i++) {
        const search_hit *hit = &r.hits[i];
        assert_null(strpbrk(hit->title, "\033\007"));
        assert_null(strpbrk(hit->body, "\033\007"));
        assert_null(strstr(hit->body, "pwned"));
        assert_null(strstr(hit->body, "\302\233"));
        assert_null(strstr(hit->body, "\342\200\256"));
        if (strstr(hit->title, "第一条"))
            art = hit;
    }
    assert_string_equal(art->title, "示例恶意办法X 第一条");
    /* the text as shown fits the window whole */
    assert_non_null(strstr(art->body, "编写本示例办法。X本文不是真实的法规。"));
    assert_int_equal(art->snip_start, 0);
    assert_int_equal(art->snip_end, strlen(art->body));
    assert_true(art->body_spans.n >= 1);
    assert_true(art->body_spans.v[0].end <= strlen(art->body));
    assert_memory_equal(art->body + art->body_spans.v[0].start, "恶意", strlen("恶意"));
    search_result_free(&r);
    db_close(h);
    free(db);
    setlocale(LC_CTYPE, locale);
    free(locale);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_and_search),
        cmocka_unit_test(test_strict_keeps_old_database),
        cmocka_unit_test(test_kill_during_load),
        cmocka_unit_test(test_interrupt_during_load),
        cmocka_unit_test(test_disk_full),
        cmocka_unit_test(test_manifest_errors),
        cmocka_unit_test(test_bad_files_are_reported),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_version_mismatch_refused),
        cmocka_unit_test(test_search_caps),
        cmocka_unit_test(test_title_weight),
        cmocka_unit_test(test_search_hits_sanitised),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
