/* Pinyin of names: readings (kTGHZ2013 then kMandarin, Traditional through the fold),
 * spellings and index keys, the prefix matcher, the query plan (checked against the
 * matcher on generated queries), hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pinyin.h"
#include "utf8dec.h"

static uint32_t cp_of(const char *s)
{
    uint32_t cp;
    int valid;
    u8_decode((const unsigned char *)s, (const unsigned char *)s + strlen(s), &cp, &valid);
    return cp;
}

/* The readings of ch, space-separated, e.g. "zhong chong". */
static void readings_of(const char *ch, char *buf, size_t size)
{
    const char *r[PINYIN_MAX_READINGS];
    int n = pinyin_readings(cp_of(ch), r);
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        assert_non_null(r[i]);
        snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", i ? " " : "", r[i]);
    }
}

static void assert_readings(const char *ch, const char *want)
{
    char got[128];
    readings_of(ch, got, sizeof got);
    if (strcmp(got, want))
        fail_msg("readings of %s are \"%s\", expected \"%s\"", ch, got, want);
}

static int has_reading(const char *ch, const char *syl)
{
    const char *r[PINYIN_MAX_READINGS];
    int n = pinyin_readings(cp_of(ch), r);
    for (int i = 0; i < n; i++)
        if (!strcmp(r[i], syl))
            return 1;
    return 0;
}

static void test_readings(void **state)
{
    (void)state;
    /* customary reading (kMandarin) first, then the rest of kTGHZ2013 */
    assert_readings("重", "zhong chong");
    assert_readings("长", "zhang chang");
    assert_readings("行", "xing hang heng");
    assert_readings("绿", "lv lu");
    assert_readings("南", "nan na");
    assert_readings("庆", "qing");
    /* rare readings of fuller dictionaries are not there */
    assert_readings("超", "chao");
    assert_false(has_reading("超", "tiao"));
    assert_readings("排", "pai");
    assert_false(has_reading("排", "bai"));
    assert_readings("和", "he hu huo");
    /* Traditional takes the readings of its Simplified fold */
    assert_readings("慶", "qing");
    assert_readings("長", "zhang chang");
    assert_readings("銀", "yin");
    assert_readings("綠", "lv lu");
    /* a standard character keeps its own readings although the fold merges it */
    assert_readings("沉", "chen");
    assert_readings("沈", "shen");
    assert_readings("乾", "qian");
    /* kMandarin only (outside the 2013 list), an extension B character, 〇 */
    assert_readings("叡", "rui");
    assert_readings("𠀀", "he");
    assert_readings("〇", "ling");
    assert_readings("女", "nv");
    /* nothing for ASCII, kana, punctuation */
    const char *r[PINYIN_MAX_READINGS];
    assert_int_equal(pinyin_readings('a', r), 0);
    assert_int_equal(pinyin_readings(cp_of("あ"), r), 0);
    assert_int_equal(pinyin_readings(cp_of("，"), r), 0);
    assert_int_equal(pinyin_readings(0x10FFFF, r), 0);
    assert_int_equal(pinyin_readings(0xFFFFFFFFu, r), 0);
}

static int has_spelling(const pinyin_spelling *sp, size_t n, const char *full, const char *ini)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(sp[i].full, full) && !strcmp(sp[i].initials, ini))
            return 1;
    return 0;
}

static void test_spellings(void **state)
{
    (void)state;
    pinyin_spelling sp[PINYIN_MAX_SPELLINGS];
    const char *name = "重庆市";
    size_t n = pinyin_spellings(name, strlen(name), sp, PINYIN_MAX_SPELLINGS);
    assert_int_equal(n, 2);
    assert_string_equal(sp[0].full, "zhongqingshi"); /* customary first */
    assert_true(has_spelling(sp, n, "zhongqingshi", "zqs"));
    assert_true(has_spelling(sp, n, "chongqingshi", "cqs"));

    name = "長沙市";
    n = pinyin_spellings(name, strlen(name), sp, PINYIN_MAX_SPELLINGS);
    assert_int_equal(n, 2);
    assert_true(has_spelling(sp, n, "changshashi", "css"));
    assert_true(has_spelling(sp, n, "zhangshashi", "zss"));

    /* ASCII letters and digits kept (lower case, full width folded), the rest dropped */
    name = "Ｇ107国道（示例·段）";
    n = pinyin_spellings(name, strlen(name), sp, PINYIN_MAX_SPELLINGS);
    assert_int_equal(n, 1);
    assert_string_equal(sp[0].full, "g107guodaoshiliduan");
    assert_string_equal(sp[0].initials, "g107gdsld");

    /* the cap: 2^10 combinations, 8 kept, customary first, then the first character
     * varied, then the second ... */
    name = "重重重重重重重重重重";
    n = pinyin_spellings(name, strlen(name), sp, PINYIN_MAX_SPELLINGS);
    assert_int_equal(n, PINYIN_MAX_SPELLINGS);
    assert_string_equal(sp[0].initials, "zzzzzzzzzz");
    assert_string_equal(sp[1].initials, "czzzzzzzzz");
    assert_string_equal(sp[2].initials, "zczzzzzzzz");
    assert_int_equal(pinyin_spellings(name, strlen(name), sp, 3), 3);

    /* the first characters' readings are combined before a common tail's (员 yun,
     * 会 kuai) */
    name = "长乐村民委员会";
    n = pinyin_spellings(name, strlen(name), sp, PINYIN_MAX_SPELLINGS);
    assert_int_equal(n, 8);
    assert_string_equal(sp[0].full, "zhanglecunminweiyuanhui");
    assert_string_equal(sp[1].full, "changlecunminweiyuanhui");
    assert_string_equal(sp[2].full, "zhangyuecunminweiyuanhui");
    assert_string_equal(sp[3].full, "changyuecunminweiyuanhui");
    assert_string_equal(sp[4].full, "zhanglecunminweiyunhui");
    assert_string_equal(sp[5].full, "zhanglecunminweiyuankuai");

    /* nothing to spell */
    assert_int_equal(pinyin_spellings("（·）", strlen("（·）"), sp, 8), 0);
    assert_int_equal(pinyin_spellings("", 0, sp, 8), 0);
    assert_int_equal(pinyin_spellings(NULL, 0, sp, 8), 0);
}

static void test_index_keys(void **state)
{
    (void)state;
    pinyin_key k[PINYIN_MAX_KEYS];
    const char *name = "重庆市";
    size_t n = pinyin_index_keys(name, strlen(name), k, PINYIN_MAX_KEYS);
    assert_int_equal(n, 4);
    assert_int_equal(k[0].kind, PINYIN_KEY_FULL);
    assert_string_equal(k[0].key, "zhongqingshi");
    assert_int_equal(k[1].kind, PINYIN_KEY_FULL);
    assert_string_equal(k[1].key, "chongqingshi");
    assert_int_equal(k[2].kind, PINYIN_KEY_INITIALS);
    assert_string_equal(k[2].key, "zqs");
    assert_int_equal(k[3].kind, PINYIN_KEY_INITIALS);
    assert_string_equal(k[3].key, "cqs");
    /* 和 he/hu/huo: three full keys, one initials key */
    name = "和平村";
    n = pinyin_index_keys(name, strlen(name), k, PINYIN_MAX_KEYS);
    assert_int_equal(n, 4);
    assert_string_equal(k[3].key, "hpc");
    assert_int_equal(pinyin_index_keys(name, strlen(name), k, 2), 2);
}

static void assert_matches(const char *query, const char *name, int units)
{
    int got = pinyin_match(query, name, strlen(name));
    if (got != units)
        fail_msg("\"%s\" against %s: %d units, expected %d", query, name, got, units);
}

static void test_match(void **state)
{
    (void)state;
    const char *cq = "重庆";
    assert_matches("chongqing", cq, 2);
    assert_matches("zhongqing", cq, 2);
    assert_matches("cq", cq, 2);
    assert_matches("chongq", cq, 2);
    assert_matches("cqing", cq, 2);
    assert_matches("zhq", cq, 2);
    assert_matches("zq", cq, 2);
    assert_matches("chq", cq, 2);
    assert_matches("chongqin", cq, 2);
    assert_matches("ChongQing", cq, 2);
    assert_matches("chong qing", cq, 2);
    assert_matches("chong'qing", cq, 2);
    assert_matches("c", cq, 1);
    assert_matches("zh", cq, 1);
    assert_matches("chong", cq, 1);
    assert_matches("qingchong", cq, 0);
    assert_matches("qing", cq, 0);     /* a prefix of the name, not a part of it */
    assert_matches("chonq", cq, 0);    /* chon is neither a syllable nor an initial */
    assert_matches("chongqingg", cq, 0);
    assert_matches("cqs", cq, 0);
    assert_matches("chongqi ng", cq, 0);
    assert_matches("chon gqing", cq, 0);
    assert_matches("tiao", "超", 0);
    assert_matches("t", "超", 0);
    assert_matches("b", "排", 0);
    assert_matches("cqs", "重庆市", 3);
    assert_matches("zhongqingshi", "重慶市", 3);

    assert_matches("changsha", "长沙", 2);
    assert_matches("cs", "长沙", 2);
    assert_matches("zhangsha", "长沙", 2);
    assert_matches("changs", "長沙市", 2);
    assert_matches("zhangshan", "长沙", 0);
    assert_matches("chs", "长沙", 2);
    assert_matches("chsh", "长沙", 2);

    assert_matches("xian", "西安", 2);
    assert_matches("xian", "先", 1);
    assert_matches("xi'an", "西安", 2);
    assert_matches("xi'an", "先", 0);
    assert_matches("xi an", "先锋村", 0);
    assert_matches("xi’an", "先", 0);
    assert_matches("xi’an", "西安市", 2);
    assert_matches("xianf", "先锋村", 2);
    assert_matches("xianf", "西安", 0);

    assert_matches("beijing", "北京市", 2);
    assert_matches("bjs", "北京市", 3);
    assert_matches("bj", "北京市", 2);
    assert_matches("beijingshi", "北京市", 3);
    assert_matches("beijin", "北京市", 2);
    assert_matches("nanjing", "北京市", 0);
    assert_matches("lvshui", "绿水乡", 2);
    assert_matches("lushui", "绿水乡", 2); /* 绿 lu (鸭绿江) is a reading too */

    /* ASCII and digits in names */
    assert_matches("g107", "G107国道", 4);
    assert_matches("g107gd", "Ｇ107国道", 6);
    assert_matches("g107guodao", "G107国道", 6);
    assert_matches("g108", "G107国道", 0);
    assert_matches("sosetc", "SOS儿童村", 6);
    assert_matches("soser", "SOS儿童村", 4);
}

static void test_match_units(void **state)
{
    (void)state;
    pinyin_unit u[PINYIN_MAX_UNITS];
    const char *name = "（北）京 市";
    size_t n = pinyin_units(name, strlen(name), u, PINYIN_MAX_UNITS);
    assert_int_equal(n, 3);
    int k = pinyin_match_units("beij", u, n);
    assert_int_equal(k, 2);
    /* the covered bytes end after 京 */
    assert_int_equal(u[k - 1].off + u[k - 1].len, strlen("（北）京"));
    assert_int_equal(u[0].off, strlen("（"));
    assert_int_equal(pinyin_match_units("beij", u, 1), 0);
    assert_int_equal(pinyin_match_units("beij", NULL, 0), 0);
}

/* A published spelling (ok_data_level4's "lu an" for 六安市) puts the gazetteer's reading
 * first: the match and the keys follow it, the other readings stay. */
static void test_spelled(void **state)
{
    (void)state;
    const char *name = "六安市";
    pinyin_unit u[PINYIN_MAX_UNITS];
    size_t n = pinyin_units(name, strlen(name), u, PINYIN_MAX_UNITS);
    assert_int_equal(n, 3);
    assert_int_equal(pinyin_match_units("luan", u, n), 0); /* Unihan: 六 liu */
    assert_true(pinyin_match_units("liuan", u, n) > 0);
    char spelled[] = "lu an";
    assert_int_equal(pinyin_units_spelled(u, n, spelled), 2);
    assert_string_equal(u[0].r[0], "lu");
    assert_true(pinyin_match_units("luan", u, n) > 0);
    assert_true(pinyin_match_units("luanshi", u, n) > 0);
    assert_true(pinyin_match_units("las", u, n) > 0);
    assert_true(pinyin_match_units("liuan", u, n) > 0); /* still there, second */
    pinyin_key keys[PINYIN_MAX_KEYS];
    size_t nk = pinyin_index_keys_units(u, n, keys, PINYIN_MAX_KEYS);
    assert_true(nk >= 2);
    assert_int_equal(keys[0].kind, PINYIN_KEY_FULL);
    assert_string_equal(keys[0].key, "luanshi"); /* the published spelling first */
    int have_initials = 0;
    for (size_t i = 0; i < nk; i++)
        have_initials |= keys[i].kind == PINYIN_KEY_INITIALS && !strcmp(keys[i].key, "las");
    assert_true(have_initials);

    /* A reading the unit already has moves to the front; the count stays. */
    n = pinyin_units("重庆", strlen("重庆"), u, PINYIN_MAX_UNITS);
    uint8_t before = u[0].n;
    char cq[] = "chong qing";
    assert_int_equal(pinyin_units_spelled(u, n, cq), 2);
    assert_string_equal(u[0].r[0], "chong");
    assert_int_equal(u[0].n, before);

    /* Refused, units untouched: more syllables than units, other characters, too long. */
    static const char *const bad[] = {"lu an shi xian", "lu1 an", "Lu an", "luuuuuan", "lu-an"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        n = pinyin_units(name, strlen(name), u, PINYIN_MAX_UNITS);
        char buf[32];
        snprintf(buf, sizeof buf, "%s", bad[i]);
        assert_int_equal(pinyin_units_spelled(u, n, buf), 0);
        assert_int_equal(pinyin_match_units("luan", u, n), 0);
    }
    char empty[] = "";
    assert_int_equal(pinyin_units_spelled(u, n, empty), 0);
}

static void test_looks_like(void **state)
{
    (void)state;
    assert_true(pinyin_looks_like("chongqing"));
    assert_true(pinyin_looks_like("xi'an"));
    assert_true(pinyin_looks_like("Xi An"));
    assert_true(pinyin_looks_like("xi’an"));
    assert_false(pinyin_looks_like(""));
    assert_false(pinyin_looks_like("  '"));
    assert_false(pinyin_looks_like(NULL));
    assert_false(pinyin_looks_like("g107"));
    assert_false(pinyin_looks_like("重庆"));
    assert_false(pinyin_looks_like("chong-qing"));
    assert_false(pinyin_looks_like("ｃｑ"));
}

static int plan_has(const pinyin_plan *p, const char *prefix)
{
    for (int i = 0; i < p->n_initials; i++)
        if (!strcmp(p->initials[i], prefix))
            return 1;
    return 0;
}

static void test_plan(void **state)
{
    (void)state;
    pinyin_plan p;
    assert_true(pinyin_plan_query("cq", &p));
    assert_string_equal(p.full, "");
    assert_int_equal(p.n_initials, 1);
    assert_string_equal(p.initials[0], "cq");

    assert_true(pinyin_plan_query("zhq", &p));
    assert_string_equal(p.full, "");
    assert_int_equal(p.n_initials, 2);
    assert_true(plan_has(&p, "zq"));
    assert_true(plan_has(&p, "zhq"));

    assert_true(pinyin_plan_query("Chong'Qing", &p));
    assert_string_equal(p.full, "chongqing");
    assert_false(plan_has(&p, "cq")); /* chong'qing read as initials needs c+hong */
    assert_true(plan_has(&p, "chq"));

    assert_true(pinyin_plan_query("beijing", &p));
    assert_string_equal(p.full, "beijing");

    assert_true(pinyin_plan_query("cqing", &p));
    assert_string_equal(p.full, "");
    assert_true(plan_has(&p, "cq"));

    assert_false(pinyin_plan_query("g107", &p));
    assert_string_equal(p.full, "");
    assert_int_equal(p.n_initials, 0);
}

/* Deterministic generator for the plan's oracle test. */
static uint32_t rng = 12345;
static uint32_t next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

/* A query read off a name's units: each unit's reading whole, as its initial or (zh/ch/
 * sh) two letters, the last one possibly cut, with a separator now and then. */
static void make_query(const pinyin_unit *u, size_t n, char *q, size_t size)
{
    size_t k = 1 + next_rand() % (n < 5 ? n : 5), o = 0;
    for (size_t i = 0; i < k && o + 8 < size; i++) {
        const char *r = u[i].r[next_rand() % u[i].n];
        size_t rl = strlen(r), take;
        switch (next_rand() % 3) {
        case 0: take = rl; break;
        case 1: take = 1; break;
        default: take = (rl > 2 && r[1] == 'h') ? 2 : rl; break;
        }
        if (i + 1 == k)
            take = 1 + next_rand() % rl;
        memcpy(q + o, r, take);
        o += take;
        if (i + 1 < k && next_rand() % 5 == 0)
            q[o++] = (next_rand() % 2) ? '\'' : ' ';
    }
    q[o] = '\0';
}

/* Would the plan's ranges reach the name through its stored keys? */
static int plan_reaches(const pinyin_plan *p, const pinyin_key *k, size_t nk)
{
    for (size_t i = 0; i < nk; i++) {
        if (k[i].kind == PINYIN_KEY_FULL && p->full[0] &&
            !strncmp(k[i].key, p->full, strlen(p->full)))
            return 1;
        if (k[i].kind == PINYIN_KEY_INITIALS)
            for (int j = 0; j < p->n_initials; j++)
                if (!strncmp(k[i].key, p->initials[j], strlen(p->initials[j])))
                    return 1;
    }
    return 0;
}

static void test_plan_finds_every_match(void **state)
{
    (void)state;
    static const char *names[] = {
        "重庆市", "长沙市", "西安市", "先锋村", "北京市", "行唐县", "大长乐村", "绿水乡",
        "厦门市", "朝阳区", "乐山市", "蚌埠市", "六安市", "长寿区", "单县", "南京市",
        "G107国道", "中华人民共和国民政部", "沈阳市", "沉香村", "SOS儿童村", "和平村",
        "西安", "先", "熊岳镇", "鄂尔多斯市", "安阳市", "二连浩特市", "长春市", "重阳村",
    };
    size_t nn = sizeof names / sizeof names[0];
    pinyin_key keys[sizeof names / sizeof names[0]][PINYIN_MAX_KEYS];
    size_t nkeys[sizeof names / sizeof names[0]];
    for (size_t i = 0; i < nn; i++)
        nkeys[i] = pinyin_index_keys(names[i], strlen(names[i]), keys[i], PINYIN_MAX_KEYS);
    int matches = 0;
    for (int round = 0; round < 4000; round++) {
        size_t src = next_rand() % nn;
        pinyin_unit u[PINYIN_MAX_UNITS];
        size_t nu = pinyin_units(names[src], strlen(names[src]), u, PINYIN_MAX_UNITS);
        char q[128];
        make_query(u, nu, q, sizeof q);
        if (!pinyin_match(q, names[src], strlen(names[src])))
            fail_msg("\"%s\" was read off %s but does not match it", q, names[src]);
        pinyin_plan p;
        if (!pinyin_looks_like(q))
            continue; /* digits: not a pinyin query */
        assert_true(pinyin_plan_query(q, &p));
        for (size_t i = 0; i < nn; i++) {
            if (!pinyin_match(q, names[i], strlen(names[i])))
                continue;
            matches++;
            if (!plan_reaches(&p, keys[i], nkeys[i]))
                fail_msg("plan of \"%s\" (full \"%s\", %d initials) misses %s", q, p.full,
                         p.n_initials, names[i]);
        }
    }
    assert_true(matches > 4000);
}

static void test_hostile(void **state)
{
    (void)state;
    /* long names: only the first units count, spellings stay capped and quick */
    size_t big = 30000;
    char *name = malloc(big * 3 + 1);
    assert_non_null(name);
    for (size_t i = 0; i < big; i++)
        memcpy(name + 3 * i, "行", 3);
    name[big * 3] = '\0';
    pinyin_spelling sp[PINYIN_MAX_SPELLINGS];
    size_t n = pinyin_spellings(name, strlen(name), sp, PINYIN_MAX_SPELLINGS);
    assert_int_equal(n, PINYIN_MAX_SPELLINGS);
    assert_int_equal(strlen(sp[0].full), PINYIN_KEY_LEN);
    assert_int_equal(strlen(sp[0].initials), PINYIN_KEY_LEN);
    pinyin_key k[PINYIN_MAX_KEYS];
    assert_true(pinyin_index_keys(name, strlen(name), k, PINYIN_MAX_KEYS) > 0);
    assert_int_equal(pinyin_match("xingxinghang", name, strlen(name)), 3);
    /* 和 (he hu huo, one initial) beyond the cut: equal spellings are not repeated */
    for (size_t i = 0; i < big; i++)
        memcpy(name + 3 * i, i < 40 ? "安" : "和", 3);
    n = pinyin_spellings(name, strlen(name), sp, PINYIN_MAX_SPELLINGS);
    assert_true(n >= 1 && n <= PINYIN_MAX_SPELLINGS);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            assert_true(strcmp(sp[i].full, sp[j].full) || strcmp(sp[i].initials, sp[j].initials));

    /* long queries are not pinyin; a query of 64 letters still works */
    char q[2000];
    memset(q, 'a', sizeof q - 1);
    q[sizeof q - 1] = '\0';
    assert_false(pinyin_looks_like(q));
    assert_int_equal(pinyin_match(q, name, strlen(name)), 0);
    pinyin_plan p;
    assert_false(pinyin_plan_query(q, &p));
    q[PINYIN_QUERY_MAX] = '\0';
    assert_true(pinyin_plan_query(q, &p));
    assert_int_equal(pinyin_match(q, name, strlen(name)), 0);
    memset(q, 'a', PINYIN_QUERY_MAX);
    for (int i = 0; i < PINYIN_QUERY_MAX; i += 2)
        memcpy(q + i, "an", 2);
    assert_int_equal(pinyin_match(q, name, strlen(name)), 32);
    /* many ways to split: zh/ch/sh and single letters everywhere */
    strcpy(q, "zhchshzhchshzhchshzhchshzhchshzhchshzhchshzhchshzhchshzhchshzhch");
    assert_true(pinyin_plan_query(q, &p));
    assert_true(p.n_initials >= 1 && p.n_initials <= PINYIN_PLAN_PREFIXES);
    assert_int_equal(pinyin_match(q, name, strlen(name)), 0);
    free(name);

    /* invalid UTF-8, NUL inside, lone continuation bytes, surrogates */
    const char bad[] = "\xff\xfe\xe9\x87\x8d\x80\xed\xa0\x80\xe5\xba\x86\xc0\xaf";
    pinyin_unit u[PINYIN_MAX_UNITS];
    assert_int_equal(pinyin_units(bad, sizeof bad - 1, u, PINYIN_MAX_UNITS), 2); /* 重 庆 */
    assert_int_equal(pinyin_match("cq", bad, sizeof bad - 1), 2);
    assert_int_equal(pinyin_match("cq", "重\0庆", 7), 2);
    assert_int_equal(pinyin_match("c\xff", "重庆", 6), 0);
    assert_int_equal(pinyin_match("\xe9\x87", "重庆", 6), 0);
    assert_int_equal(pinyin_match("cq", "\xe9\x87", 2), 0);
    assert_int_equal(pinyin_match("", "重庆", 6), 0);
    assert_int_equal(pinyin_match(NULL, "重庆", 6), 0);
    assert_int_equal(pinyin_match("cq", NULL, 0), 0);
    assert_int_equal(pinyin_units("重庆", 6, u, 0), 0);
    assert_int_equal(pinyin_units("重庆", 6, u, 1), 1);
    assert_int_equal(pinyin_spellings(bad, sizeof bad - 1, sp, 0), 0);
    assert_false(pinyin_plan_query("", &p));
    assert_false(pinyin_plan_query(NULL, &p));
    assert_false(pinyin_plan_query("ch\xe9", &p));
    assert_true(strncmp(pinyin_stamp(), "pinyin/", 7) == 0);

    /* random bytes, biased towards CJK lead bytes and separators */
    static const unsigned char pool[] = {0xE9, 0x87, 0x8D, 0xE5, 0xBA, 0x86, 0xE9, 0x95,
                                         0xBF, 'a', 'Z', '7', ' ', '\'', 0xFF, 0xC0, 0xF0,
                                         0x9F, 0x80, 0xE2, 0x80, 0x99, 0xED, 0xA0, 0x00};
    char rnd[300];
    for (int round = 0; round < 3000; round++) {
        size_t len = next_rand() % sizeof rnd;
        for (size_t i = 0; i < len; i++)
            rnd[i] = (char)(next_rand() % 3 ? pool[next_rand() % sizeof pool] : next_rand());
        n = pinyin_spellings(rnd, len, sp, PINYIN_MAX_SPELLINGS);
        assert_true(n <= PINYIN_MAX_SPELLINGS);
        size_t nk = pinyin_index_keys(rnd, len, k, PINYIN_MAX_KEYS);
        for (size_t i = 0; i < nk; i++)
            assert_int_equal(strspn(k[i].key, "abcdefghijklmnopqrstuvwxyz0123456789"),
                             strlen(k[i].key));
        assert_true(pinyin_units(rnd, len, u, PINYIN_MAX_UNITS) <= PINYIN_MAX_UNITS);
        char qz[64];
        size_t ql = len < sizeof qz - 1 ? len : sizeof qz - 1;
        memcpy(qz, rnd, ql);
        qz[ql] = '\0';
        (void)pinyin_match(qz, rnd, len);
        if (pinyin_plan_query(qz, &p))
            assert_true(p.n_initials <= PINYIN_PLAN_PREFIXES);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readings),
        cmocka_unit_test(test_spellings),
        cmocka_unit_test(test_index_keys),
        cmocka_unit_test(test_match),
        cmocka_unit_test(test_match_units),
        cmocka_unit_test(test_spelled),
        cmocka_unit_test(test_looks_like),
        cmocka_unit_test(test_plan),
        cmocka_unit_test(test_plan_finds_every_match),
        cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
