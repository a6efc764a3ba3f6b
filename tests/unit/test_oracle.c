/* Search correctness against an oracle on a generated corpus.
 *
 * Documents are generated from a word list (fixed seed), half of them converted to
 * Traditional with OpenCC. For queries of 1 to 10 characters, typed in Simplified and
 * again in Traditional, the documents FTS5 returns through the query builder must be
 * exactly those whose folded text contains the folded query (100% recall and precision),
 * and every highlight span must fold to the query. Vocabulary expansion is off here: it
 * deliberately finds other wordings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <opencc.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "highlight.h"
#include "query.h"
#include "utf8dec.h"
#include "xalloc.h"
#include "zh_fts5.h"

#define NDOCS 1500

static const char *words[] = {
    "民政", "部门", "社会", "救助", "最低", "生活", "保障", "标准", "特困", "人员", "供养",
    "临时", "养老", "服务", "机构", "儿童", "福利", "保护", "婚姻", "登记", "殡葬", "管理",
    "区划", "地名", "代码", "变更", "社会组织", "信用", "信息", "公开", "名录", "异常",
    "严重", "违法", "失信", "慈善", "捐赠", "信托", "志愿", "热线", "电话", "咨询", "政策",
    "问答", "规范性文件", "门户网站", "数据", "下载", "检索", "智能", "优化", "群众", "网络",
    "程序", "审核", "确认", "申请", "家庭", "收入", "财产", "调查", "核实", "公示", "批准",
    "资金", "支出", "发放", "乡镇", "街道", "村民", "居民", "委员会", "县级", "人民政府",
    "省", "自治区", "直辖市", "统计", "公报", "季度", "年度", "数量", "人数", "户数", "平均",
    "农村", "城市", "城乡", "困难", "群体", "帮扶", "兜底", "脱贫", "乡村", "振兴", "衔接",
    "监督", "检查", "处罚", "决定", "机关", "法规", "规章", "条例", "办法", "通知", "意见",
    "工作", "要点", "任务", "分工", "负责", "配合", "牵头", "落实", "推进", "加强", "完善",
    "建立", "健全", "机制", "体系", "建设", "发展", "质量", "水平", "能力", "安全", "稳定",
    "国家", "秘密", "隐私", "档案", "资料", "面", "发", "干", "后", "里", "复", "台", "云",
    "系", "适", "范", "历", "钟", "准", "冲", "余",
};
#define NWORDS (sizeof words / sizeof *words)

static const char *seps[] = {"，", "。", "、", "；", " ", "（", "）", "《", "》", "\n"};

static uint64_t rng = 42;

static uint32_t rnd(uint32_t n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)((rng >> 33) % n);
}

static char *docs[NDOCS];
static char *folded[NDOCS];
static sqlite3 *db;
static opencc_t s2t;

static char *convert(opencc_t oc, const char *s)
{
    char *out = opencc_convert_utf8(oc, s, strlen(s));
    char *copy = xstrdup(out);
    opencc_convert_utf8_free(out);
    return copy;
}

static int setup(void **state)
{
    (void)state;
    s2t = opencc_open("s2t.json");
    if (s2t == (opencc_t)-1)
        return -1;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(zh_fts5_register(db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='zh')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *ins;
    sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES (?1, ?2)", -1, &ins, NULL);
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    for (int i = 0; i < NDOCS; i++) {
        buf_t b;
        buf_init(&b);
        int n = 20 + (int)rnd(120);
        for (int w = 0; w < n; w++) {
            buf_adds(&b, words[rnd(NWORDS)]);
            uint32_t r = rnd(10);
            if (r < 3)
                buf_adds(&b, seps[rnd(sizeof seps / sizeof *seps)]);
            else if (r == 3)
                buf_printf(&b, "%u年", 2000 + rnd(30));
        }
        char *text = buf_take(&b);
        if (i % 2) {
            docs[i] = convert(s2t, text);
            free(text);
        } else {
            docs[i] = text;
        }
        folded[i] = fold_utf8(docs[i], strlen(docs[i]));
        sqlite3_reset(ins);
        sqlite3_bind_int(ins, 1, i + 1);
        sqlite3_bind_text(ins, 2, docs[i], -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_finalize(ins);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < NDOCS; i++) {
        free(docs[i]);
        free(folded[i]);
    }
    sqlite3_close(db);
    opencc_close(s2t);
    return 0;
}

/* A substring of `chars` CJK characters from a random document's CJK run, or NULL. */
static char *sample_query(int chars)
{
    for (int attempt = 0; attempt < 200; attempt++) {
        const char *d = docs[rnd(NDOCS)];
        size_t len = strlen(d);
        size_t start = rnd((uint32_t)len);
        while (start > 0 && ((unsigned char)d[start] & 0xC0) == 0x80)
            start--;
        const unsigned char *p = (const unsigned char *)d + start, *end = (const unsigned char *)d + len;
        const unsigned char *s = p;
        int got = 0;
        while (p < end && got < chars) {
            uint32_t cp;
            int valid;
            int n = u8_decode(p, end, &cp, &valid);
            if (!valid || fold_class_of(fold_cp(cp)) != FOLD_CJK)
                break;
            p += n;
            got++;
        }
        if (got == chars)
            return xstrndup((const char *)s, (size_t)(p - s));
    }
    return NULL;
}

typedef struct {
    long queries, expected, returned, missed, extra, bad_spans;
} tally;

static void check_query(const char *q, tally *t)
{
    query qb;
    if (query_build(q, strlen(q), NULL, 0, &qb) != 0) {
        query_free(&qb);
        fail_msg("query %s built nothing", q);
    }
    char *fq = fold_utf8(q, strlen(q));
    static unsigned char want[NDOCS + 1], got[NDOCS + 1];
    memset(want, 0, sizeof want);
    memset(got, 0, sizeof got);
    for (int i = 0; i < NDOCS; i++)
        if (strstr(folded[i], fq)) {
            want[i + 1] = 1;
            t->expected++;
        }
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st, NULL);
    sqlite3_bind_text(st, 1, qb.fts, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int id = sqlite3_column_int(st, 0);
        got[id] = 1;
        t->returned++;
    }
    sqlite3_finalize(st);
    hl_matcher *m = hl_matcher_new(&qb);
    size_t qlen_chars = 0;
    for (const char *p = fq; *p; p++)
        qlen_chars += ((unsigned char)*p & 0xC0) != 0x80;
    for (int id = 1; id <= NDOCS; id++) {
        if (want[id] && !got[id]) {
            t->missed++;
            print_error("missed: query %s doc %d\n", q, id);
        }
        if (got[id] && !want[id]) {
            t->extra++;
            print_error("extra: query %s doc %d\n", q, id);
        }
        if (!got[id] || (id % 7))
            continue;
        /* highlight exactness on a sample of returned documents */
        hl_spans sp = {0};
        hl_find(m, docs[id - 1], strlen(docs[id - 1]), &sp);
        if (!sp.n)
            t->bad_spans++;
        for (size_t k = 0; k < sp.n; k++) {
            char *f = fold_utf8(docs[id - 1] + sp.v[k].start, sp.v[k].end - sp.v[k].start);
            /* merged overlapping matches are repeats of the query: must start with it */
            if (strncmp(f, fq, strlen(fq)) != 0)
                t->bad_spans++;
            free(f);
        }
        hl_spans_free(&sp);
    }
    hl_matcher_free(m);
    t->queries++;
    free(fq);
    query_free(&qb);
}

static void run_lengths(int traditional)
{
    for (int chars = 1; chars <= 10; chars++) {
        tally t = {0};
        for (int k = 0; k < 25; k++) {
            char *q = sample_query(chars);
            if (!q)
                continue;
            char *typed = traditional ? convert(s2t, q) : xstrdup(q);
            check_query(typed, &t);
            free(typed);
            free(q);
        }
        print_message("%s %2d chars: %ld queries, %ld expected, %ld returned, %ld missed, "
                      "%ld extra, %ld bad spans\n",
                      traditional ? "Traditional" : "Simplified", chars, t.queries, t.expected,
                      t.returned, t.missed, t.extra, t.bad_spans);
        assert_true(t.queries > 0);
        assert_int_equal(t.missed, 0);
        assert_int_equal(t.extra, 0);
        assert_int_equal(t.bad_spans, 0);
    }
}

static void test_simplified_queries(void **state)
{
    (void)state;
    run_lengths(0);
}

static void test_traditional_queries(void **state)
{
    (void)state;
    run_lengths(1);
}

static void test_zero_hit_queries(void **state)
{
    (void)state;
    /* queries that are not in the corpus find nothing, and the oracle agrees */
    tally t = {0};
    const char *none[] = {"彩虹", "飞机场", "量子计算机", "鸟语花香春暖花开", "龘"};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        check_query(none[i], &t);
    assert_int_equal(t.missed + t.extra, 0);
    assert_int_equal(t.returned, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simplified_queries),
        cmocka_unit_test(test_traditional_queries),
        cmocka_unit_test(test_zero_hit_queries),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
