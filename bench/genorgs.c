/* genorgs: a deterministic registry of social organisations and the lists that name them,
 * for the organisation-check benchmark (bench/orgs.sh; docs/benchmarks.md "Organisation
 * check").
 *
 *   genorgs [-o DIR] [-n ORGS] [-l LISTINGS] [-s SEED] [-q QUERIES]
 *           (defaults: build/bench/orgs, 1000000, 50000, 42, 1000)
 *
 * Writes
 *   DIR/corpus.ini    [corpus] name and as_of, a `kind = orgs` and a `kind = org_lists`
 *                     section mapping the columns (as data/demo/corpus.ini does)
 *   DIR/registry.csv  one row per organisation: 名称, 统一社会信用代码, 类型, 登记管理机关,
 *                     业务主管单位, 法定代表人, 成立登记日期, 注册资金, 登记状态, 住所, 业务范围,
 *                     曾用名, 数据截至
 *   DIR/lists.csv     every list in one file, the list named by its 名单 column (go_lists.c)
 *   DIR/queries.tsv   class<TAB>query, QUERIES per class, for orgbench (go_lists.c)
 *
 * Names are region + [street] + [qualifier] + field + type suffix. Regions are invented:
 * 8 provinces (示X省) under real province-code prefixes, 4 cities each (示Y市, codes PP96..PP99
 * 00), 2 districts (示Y市示Z区) and 3 counties (示W县) per city, plus national bodies
 * (code 100000, 中国/中华/全国示例…). Fields (~300 words) and suffixes are drawn with Zipf
 * weights, so 协会, 服务中心, 市示 … are very common bigrams, as in a real registry. The
 * code's 2nd character agrees with the type (1 社会团体, 2 民办非企业单位, 3 基金会); positions
 * 9-17 are "MJ" + 6 digits + the GB 11714 check; position 18 the MOD 31-3 check, written
 * wrong for 0.5% of the organisations. 2% have former names (曾用名, separated by ；).
 * Same seed and sizes, same bytes. */
#include "go.h"

#include "uscc.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ---- regions ------------------------------------------------------------------------- */

struct region *regions;
size_t nregions;
static double *region_cum; /* weights of regions[] (cumulative) */

static const char *const province_codes[] = {"13", "23", "33", "36", "43", "45", "52", "62"};
#define CITIES 4
#define DISTRICTS 2
#define COUNTIES 3

static struct region *new_region(int level)
{
    regions = xrealloc(regions, (nregions + 1) * sizeof *regions);
    struct region *r = &regions[nregions++];
    memset(r, 0, sizeof *r);
    r->level = level;
    return r;
}

static void build_regions(void)
{
    size_t syl = 0;
    struct region *r = new_region(LV_NATIONAL);
    snprintf(r->name, sizeof r->name, "中国示例"); /* the prefix varies per name */
    snprintf(r->code, sizeof r->code, "100000");
    snprintf(r->authority, sizeof r->authority, "民政部");
    snprintf(r->abbr, sizeof r->abbr, "民");
    snprintf(r->dept_prefix, sizeof r->dept_prefix, "国家示例");
    for (size_t p = 0; p < NELEM(province_codes); p++) {
        const char *ps = syllables[syl++];
        r = new_region(LV_PROVINCE);
        snprintf(r->name, sizeof r->name, "示%s省", ps);
        snprintf(r->code, sizeof r->code, "%s0000", province_codes[p]);
        snprintf(r->authority, sizeof r->authority, "示%s省民政厅", ps);
        snprintf(r->abbr, sizeof r->abbr, "示%s民", ps);
        snprintf(r->dept_prefix, sizeof r->dept_prefix, "示%s省", ps);
        for (int c = 0; c < CITIES; c++) {
            const char *cs = syllables[syl++];
            r = new_region(LV_CITY);
            snprintf(r->name, sizeof r->name, "示%s市", cs);
            snprintf(r->code, sizeof r->code, "%s%02d00", province_codes[p], 96 + c);
            snprintf(r->authority, sizeof r->authority, "示%s市民政局", cs);
            snprintf(r->abbr, sizeof r->abbr, "示%s民", cs);
            snprintf(r->dept_prefix, sizeof r->dept_prefix, "示%s市", cs);
            for (int k = 0; k < DISTRICTS + COUNTIES; k++) {
                /* one syllable while they last, then two */
                const char *ks = syllables[syl % syllables_n];
                const char *ks2 = syl >= syllables_n ? syllables[syl / syllables_n - 1] : "";
                syl++;
                r = new_region(LV_COUNTY);
                if (k < DISTRICTS) {
                    snprintf(r->name, sizeof r->name, "示%s市示%s%s区", cs, ks, ks2);
                    snprintf(r->code, sizeof r->code, "%s%02d%02d", province_codes[p], 96 + c,
                             2 + k);
                    snprintf(r->authority, sizeof r->authority, "示%s市示%s%s区民政局", cs, ks,
                             ks2);
                } else {
                    snprintf(r->name, sizeof r->name, "示%s%s县", ks, ks2);
                    snprintf(r->code, sizeof r->code, "%s%02d%02d", province_codes[p], 96 + c,
                             21 + k - DISTRICTS);
                    snprintf(r->authority, sizeof r->authority, "示%s%s县民政局", ks, ks2);
                }
                snprintf(r->abbr, sizeof r->abbr, "示%s民", ks);
                snprintf(r->dept_prefix, sizeof r->dept_prefix, "%s", r->name);
            }
        }
    }
    /* Shares by level: national 0.5%, provinces 6%, cities 30%, counties 63.5%; within a
     * level the first regions are bigger (Zipf). */
    static const double share[] = {0.005, 0.06, 0.30, 0.635};
    double levelsum[4] = {0}, t = 0;
    size_t rank[4] = {0};
    for (size_t i = 0; i < nregions; i++)
        levelsum[regions[i].level] += 1.0 / pow((double)rank[regions[i].level]++ + 2.0, 0.7);
    memset(rank, 0, sizeof rank);
    region_cum = xmalloc(nregions * sizeof *region_cum);
    for (size_t i = 0; i < nregions; i++) {
        int lv = regions[i].level;
        t += share[lv] / pow((double)rank[lv]++ + 2.0, 0.7) / levelsum[lv];
        region_cum[i] = t;
    }
}

static size_t pick_region(void)
{
    return zipf(region_cum, nregions);
}

/* ---- names --------------------------------------------------------------------------- */

static double *field_cum, *qual_cum;
static double suffix_cum[3][64];
static size_t suffix_idx[3][64], suffix_cnt[3];

static void build_tables(void)
{
    field_cum = zipf_table(fields_n, 3.0, 1.0);
    qual_cum = zipf_table(qualifiers_n, 2.0, 1.0);
    for (size_t i = 0; i < suffixes_n; i++) {
        int t = suffixes[i].type - '1';
        size_t k = suffix_cnt[t]++;
        suffix_idx[t][k] = i;
        suffix_cum[t][k] = (k ? suffix_cum[t][k - 1] : 0) + suffixes[i].w;
    }
}

static const char *pick_suffix(char type)
{
    int t = type - '1';
    double x = rnd01() * suffix_cum[t][suffix_cnt[t] - 1];
    size_t k = 0;
    while (k + 1 < suffix_cnt[t] && suffix_cum[t][k] < x)
        k++;
    return suffixes[suffix_idx[t][k]].word;
}

size_t pick_field(void)
{
    return zipf(field_cum, fields_n);
}

const char *pick_qualifier(void)
{
    return qualifiers[zipf(qual_cum, qualifiers_n)];
}

/* A registry-style name in b; *prefix_len receives the bytes of its region part. */
void make_name(buf_t *b, const struct region *r, char type, size_t field, size_t *prefix_len)
{
    buf_clear(b);
    if (r->level == LV_NATIONAL) {
        static const char *const nat[] = {"中国", "中华", "全国"};
        buf_adds(b, nat[rnd(3)]);
        buf_adds(b, "示例");
    } else {
        buf_adds(b, r->name);
    }
    *prefix_len = b->len;
    if (r->level == LV_COUNTY && type == '2' && chance(0.12))
        buf_printf(b, "示%s%s", syllables[rnd((uint32_t)syllables_n)],
                   chance(0.6) ? "街道" : "镇");
    const char *w = fields[field].word;
    if (chance(0.35)) {
        const char *q = pick_qualifier();
        if (!strstr(w, q) && !strstr(q, w))
            buf_adds(b, q);
    }
    buf_adds(b, w);
    buf_adds(b, pick_suffix(type));
}

/* ---- organisations and codes ---------------------------------------------------------- */

struct org *orgs;
size_t norgs;

static char gb11714_check(const char *body8)
{
    static const int w[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
        char c = body8[i];
        int v = c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
        sum += v * w[i];
    }
    int c = 11 - sum % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
}

static void make_code(struct region *r, char type, char out[19])
{
    unsigned idx = r->counter++;
    if (idx >= 1000000) {
        fprintf(stderr, "genorgs: more than 1,000,000 codes in region %s\n", r->code);
        exit(1);
    }
    unsigned h = (unsigned)(go_hash(r->code) % 1000000);
    unsigned body = (unsigned)(((unsigned long long)idx * 7919 + h) % 1000000);
    snprintf(out, 19, "5%c%sMJ%06u", type, r->code, body);
    out[16] = gb11714_check(out + 8);
    out[17] = '\0';
    out[17] = uscc_check_char(out);
    out[18] = '\0';
    if (!uscc_orgcode_ok(out) || !out[17]) {
        fprintf(stderr, "genorgs: internal: bad code %s\n", out);
        exit(1);
    }
}

static const char *const check_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static char type_of_level(int level)
{
    double x = rnd01();
    switch (level) {
    case LV_NATIONAL:
        return x < 0.80 ? '1' : x < 0.88 ? '2' : '3';
    case LV_PROVINCE:
        return x < 0.55 ? '1' : x < 0.93 ? '2' : '3';
    default:
        return x < 0.42 ? '1' : x < 0.993 ? '2' : '3';
    }
}

static void gen_orgs(size_t n)
{
    orgs = xcalloc(n, sizeof *orgs);
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        struct org *o = &orgs[norgs];
        size_t ri, field, prefix;
        char type;
        int tries = 0;
        do {
            ri = pick_region();
            type = type_of_level(regions[ri].level);
            field = pick_field();
            make_name(&b, &regions[ri], type, field, &prefix);
        } while (names_has(b.s) && ++tries < 1000);
        if (tries >= 1000)
            continue; /* the combinations are used up: fewer organisations */
        names_add(b.s);
        o->name = xstrdup(b.s);
        o->region = (uint32_t)ri;
        o->field = (uint16_t)field;
        o->type = (uint8_t)type;
        o->prefix_len = (uint8_t)prefix;
        make_code(&regions[ri], type, o->code);
        if (chance(0.005)) {
            char c;
            do
                c = check_alphabet[rnd(31)];
            while (c == o->code[17]);
            o->code[17] = c;
            o->bad_check = 1;
        }
        o->founded = 2025 - (int)floor(37.0 * pow(rnd01(), 1.6));
        double x = rnd01();
        o->status = x < 0.90 ? ST_ACTIVE : x < 0.96 ? ST_CANCELLED : x < 0.98 ? ST_REVOKED
                    : o->type == '2' ? ST_LICENCE : ST_CANCELLED;
        norgs++;
    }
    /* 曾用名: 2%, a tenth of them two; each a name of the same region and type. */
    for (size_t i = 0; i < norgs; i++) {
        struct org *o = &orgs[i];
        if (!chance(0.02))
            continue;
        buf_t f;
        buf_init(&f);
        int k = chance(0.1) ? 2 : 1;
        for (int j = 0; j < k; j++) {
            size_t prefix;
            make_name(&b, &regions[o->region], (char)o->type, pick_field(), &prefix);
            if (names_has(b.s))
                continue;
            names_add(b.s);
            buf_printf(&f, "%s%s", f.len ? "；" : "", b.s);
        }
        o->former = f.len ? buf_take(&f) : NULL;
        buf_free(&f);
    }
    buf_free(&b);
}

static void write_registry(const char *dir)
{
    char *path = xasprintf("%s/registry.csv", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "genorgs: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    static char iobuf[1 << 16];
    setvbuf(f, iobuf, _IOFBF, sizeof iobuf);
    fputs("名称,统一社会信用代码,类型,登记管理机关,业务主管单位,法定代表人,成立登记日期,注册资金,"
          "登记状态,住所,业务范围,曾用名,数据截至\n",
          f);
    for (size_t i = 0; i < norgs; i++) {
        struct org *o = &orgs[i];
        const struct region *r = &regions[o->region];
        const char *type = o->type == '1'   ? "社会团体"
                           : o->type == '3' ? "基金会"
                           : chance(0.1)    ? "社会服务机构"
                                            : "民办非企业单位";
        static const char *const status[] = {"正常", "注销", "撤销", "吊销登记证书"};
        int dept = fields[o->field].dept;
        char supervisor[96] = "";
        if (*depts[dept] && o->type != '3' && chance(o->type == '1' ? 0.7 : 0.5))
            snprintf(supervisor, sizeof supervisor, "%s%s", r->dept_prefix, depts[dept]);
        static const int cap1[] = {3, 5, 10, 20, 30}, cap2[] = {3, 5, 10, 20, 50, 100},
                         cap3[] = {200, 400, 600, 800, 1000, 2000};
        int capital = o->type == '1'   ? cap1[rnd(NELEM(cap1))]
                      : o->type == '2' ? cap2[rnd(NELEM(cap2))]
                                       : cap3[rnd(NELEM(cap3))];
        char founded[11];
        day_str(day_of(o->founded, 1, 1) + rnd(365), founded);
        csv_put(f, o->name);
        fprintf(f, ",%s,%s,%s,%s,%s某,%s,%d万元,%s,", o->code, type, r->authority, supervisor,
                surnames[rnd((uint32_t)surnames_n)], founded, capital, status[o->status]);
        const char *place = r->level == LV_NATIONAL ? "示京市" : r->name;
        fprintf(f, "%s%s路%u号,", place, street_words[rnd((uint32_t)street_words_n)],
                1 + rnd(300));
        /* 业务范围: the field and three distinct activities */
        size_t s1 = rnd((uint32_t)scope_words_n), s2 = (s1 + 1 + rnd(4)) % scope_words_n,
               s3 = (s2 + 1 + rnd(4)) % scope_words_n;
        fprintf(f, "%s%s、%s、%s,", fields[o->field].word, scope_words[s1], scope_words[s2],
                scope_words[s3]);
        csv_put(f, o->former);
        fprintf(f, ",%s\n", AS_OF);
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "genorgs: cannot write %s\n", path);
        exit(1);
    }
    free(path);
}

static void write_manifest(const char *dir, unsigned long long seed, long n, long l)
{
    char *path = xasprintf("%s/corpus.ini", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "genorgs: cannot write %s\n", path);
        exit(1);
    }
    fprintf(f,
            "; generated by bench/genorgs (seed %llu, %ld organisations, %ld listings):\n"
            "; synthetic, not real data; every region, name and code is invented.\n"
            "[corpus]\n"
            "name = bench-orgs-%llu\n"
            "as_of = %s\n\n"
            "[registry]\n"
            "kind = orgs\n"
            "path = registry.csv\n"
            "map.name = 名称\nmap.uscc = 统一社会信用代码\nmap.org_type = 类型\n"
            "map.reg_authority = 登记管理机关\nmap.supervisor_unit = 业务主管单位\n"
            "map.legal_rep = 法定代表人\nmap.founded_date = 成立登记日期\n"
            "map.registered_capital = 注册资金\nmap.status = 登记状态\nmap.address = 住所\n"
            "map.scope = 业务范围\nmap.former_names = 曾用名\nmap.as_of = 数据截至\n\n"
            "[lists]\n"
            "kind = org_lists\n"
            "path = lists.csv\n"
            "map.list = 名单\nmap.batch = 批次\nmap.issuer = 发布机关\nmap.published = 发布日期\n"
            "map.seq = 序号\nmap.subject_kind = 对象类型\nmap.name = 名称\n"
            "map.uscc = 统一社会信用代码\nmap.listed_date = 列入日期\nmap.reason = 列入事由\n"
            "map.ground = 列入情形\nmap.listed_by = 作出决定机关\nmap.doc_no = 决定文号\n"
            "map.removed_date = 移出日期\nmap.removed_reason = 移出事由\n"
            "map.removed_by = 移出机关\nmap.note = 备注\nmap.enforcement_body = 执法主体\n"
            "map.measures = 惩戒措施\n",
            seed, n, l, seed, AS_OF);
    fclose(f);
    free(path);
}

/* ---- main ------------------------------------------------------------------------------ */

opencc_t cc_s2t;

static void usage(void)
{
    fputs("usage: genorgs [-o DIR] [-n ORGS] [-l LISTINGS] [-s SEED] [-q QUERIES]\n"
          "  -o DIR       output directory (default build/bench/orgs)\n"
          "  -n ORGS      registered organisations (default 1000000)\n"
          "  -l LISTINGS  list entries (default 50000)\n"
          "  -s SEED      random seed (default 42)\n"
          "  -q QUERIES   sample queries per class in queries.tsv (default 1000)\n",
          stderr);
}

int main(int argc, char **argv)
{
    const char *dir = "build/bench/orgs";
    long n = 1000000, l = 50000;
    int q = 1000;
    unsigned long long seed = 42;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "-n") && i + 1 < argc)
            n = atol(argv[++i]);
        else if (!strcmp(argv[i], "-l") && i + 1 < argc)
            l = atol(argv[++i]);
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "-q") && i + 1 < argc)
            q = atoi(argv[++i]);
        else {
            usage();
            return 2;
        }
    }
    if (n < 100 || l < 0 || q < 1) {
        usage();
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    cc_s2t = opencc_open("s2t.json");
    if (cc_s2t == (opencc_t)-1) {
        fprintf(stderr, "genorgs: cannot open OpenCC s2t.json: %s\n", opencc_error());
        return 1;
    }
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "genorgs: cannot create %s: %s\n", dir, strerror(errno));
        return 1;
    }
    rng_seed(seed);
    build_regions();
    build_tables();
    gen_orgs((size_t)n);
    write_lists(dir, l);
    write_registry(dir);
    write_manifest(dir, seed, (long)norgs, l);
    write_queries(dir, q);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long formers = 0, bad = 0, types[3] = {0};
    for (size_t i = 0; i < norgs; i++) {
        formers += orgs[i].former != NULL;
        bad += orgs[i].bad_check;
        types[orgs[i].type - '1']++;
    }
    printf("genorgs: %s: %zu organisations in %zu regions (%ld 社会团体, %ld 民办非企业单位, "
           "%ld 基金会; %ld with 曾用名, %ld with a wrong check character); listings: %ld "
           "活动异常名录, %ld 严重违法失信名单 (%ld removed, %ld by name only), %ld in %ld batches "
           "of illegal organisations (%ld one character from a registered name, %ld with a "
           "note naming one), %ld 养老服务联合惩戒; %d queries per class; %.1f s\n",
           dir, norgs, nregions, types[0], types[1], types[2], formers, bad, lstats.abnormal,
           lstats.serious, lstats.removed, lstats.by_name, lstats.illegal, lstats.batches,
           lstats.near_miss, lstats.noted, lstats.eldercare, q,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    opencc_close(cc_s2t);
    return 0;
}
