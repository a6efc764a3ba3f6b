/* genstats: deterministic relief statistics for the statistics benchmark (bench/stats.sh;
 * docs/benchmarks.md "Relief statistics").
 *
 *   genstats [-o DIR] [-p NBS_DIR] [-s SEED] [-y FIRST_YEAR] [-n YEARS] [-P PROVINCES]
 *            (defaults: build/bench-stats, ../shared/corpus/places/nbs-2023, 42, 2021, 3,
 *            31)
 *
 * Regions: the real county-level codes of NBS_DIR (provinces.csv, cities.csv, areas.csv of
 * the NBS 2023 table, read in place, never copied) when the three files are there, else a
 * synthetic set (31 provinces with their real codes and names, ~320 invented cities and
 * ~2,850 invented counties with plausible codes). Every county gets NIND relief indicators
 * (data/indicators.csv codes, checked against the built-in catalogue) for every month of
 * YEARS years; every prefecture-level city (not the summary lines 市辖区 / 省直辖县级行政区划)
 * and every province gets the aggregate of its counties.
 *
 * Values are consistent, so the loader's checks should find nothing:
 *   persons (人)            drift by under 1.5% a month, never below 50; 城乡 = 城市 + 农村
 *   standards (元/人·月)     province-wide rise in one month of the year by 3-8%; the rural
 *                          standard never above the urban one; aggregates are the mean of
 *                          the counties' standards (one decimal)
 *   spending (万元, 累计)    year to date, one decimal: each month adds persons x standard x
 *                          a subsidy share; 合计 = 城市 + 农村 exactly; resets in January
 *   临时救助人次 (累计)       year to date, each month adds 1-3.5% of the 低保 persons
 *   aggregates              sums of the counties (exact; standards: means)
 *
 * Writes
 *   DIR/corpus.ini     [corpus], `kind = divisions` sections for the regions (the NBS files
 *                      in place, through a relative root; or DIR/divisions.csv) and one
 *                      `kind = stats` section over the files of DIR/stats
 *   DIR/stats/PP.csv   one file per province: 指标,地区代码,地区,统计期,数值,单位
 *   DIR/divisions.csv  (synthetic regions only) 代码,名称,上级代码
 *   DIR/corpus.stats   key=value counts for bench/stats.sh (values, regions, bytes ...)
 *
 * The random stream is one sequence (bench/rng.h): the same seed and options give the same
 * bytes. */
#include "csv.h"
#include "divcode.h"
#include "rng.h"
#include "statcat.h"
#include "xalloc.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define NELEM(a) (sizeof(a) / sizeof *(a))

/* ---- indicators ------------------------------------------------------------------------ */

enum { I_DIBAO, I_URBAN, I_RURAL, I_USTD, I_RSTD, I_SPEND, I_USPEND, I_RSPEND, I_TEKUN,
       I_TEMP, NIND };
enum agg { AG_SUM, AG_MEAN };

static const struct {
    const char *code, *name, *unit;
    int tenths;   /* values are kept in tenths (printed with one decimal) */
    enum agg agg; /* how cities and provinces aggregate their counties */
    enum stat_measure measure;
} inds[NIND] = {
    [I_DIBAO] = {"dibao_persons", "城乡低保人数", "人", 0, AG_SUM, SM_POINT},
    [I_URBAN] = {"urban_dibao_persons", "城市低保人数", "人", 0, AG_SUM, SM_POINT},
    [I_RURAL] = {"rural_dibao_persons", "农村低保人数", "人", 0, AG_SUM, SM_POINT},
    [I_USTD] = {"urban_dibao_standard", "城市低保平均保障标准", "元/人·月", 1, AG_MEAN,
                SM_POINT},
    [I_RSTD] = {"rural_dibao_standard", "农村低保平均保障标准", "元/人·月", 1, AG_MEAN,
                SM_POINT},
    [I_SPEND] = {"dibao_spending", "低保资金支出", "万元", 1, AG_SUM, SM_CUMULATIVE},
    [I_USPEND] = {"urban_dibao_spending", "城市低保资金支出", "万元", 1, AG_SUM, SM_CUMULATIVE},
    [I_RSPEND] = {"rural_dibao_spending", "农村低保资金支出", "万元", 1, AG_SUM, SM_CUMULATIVE},
    [I_TEKUN] = {"tekun_persons", "特困人员数", "人", 0, AG_SUM, SM_POINT},
    [I_TEMP] = {"temp_relief_times", "临时救助人次", "人次", 0, AG_SUM, SM_CUMULATIVE},
};

/* The indicators must be in the built-in catalogue with these names, units and measures:
 * a changed catalogue would otherwise turn the benchmark into a test of refusals. */
static void check_catalogue(void)
{
    const stat_catalogue *cat = statcat_builtin();
    for (size_t i = 0; i < NIND; i++) {
        const stat_ind_def *d = NULL;
        for (size_t k = 0; k < cat->n && !d; k++)
            if (!strcmp(cat->v[k].code, inds[i].code))
                d = &cat->v[k];
        if (!d || strcmp(d->name, inds[i].name) || d->measure != inds[i].measure ||
            !statcat_unit_allowed(d->units, inds[i].unit)) {
            fprintf(stderr, "genstats: %s (%s, %s) does not match data/indicators.csv\n",
                    inds[i].code, inds[i].name, inds[i].unit);
            exit(1);
        }
    }
}

/* ---- regions --------------------------------------------------------------------------- */

enum { LV_PROV = 1, LV_CITY = 2, LV_COUNTY = 3 };

struct region {
    char code[DIV_BUF];
    char *name;
    int level;
    int prov, city; /* indices into regs[] (-1: none) */
    int emit;       /* written: not a summary line (市辖区), not a county that is its city */
    int district;   /* a 区: more urban, fewer rural recipients */
    int ncounties;  /* counties aggregated (cities, provinces) */
    long long *v;   /* NIND x nmonths */
};

static struct region *regs;
static size_t nregs, regcap;
static int nmonths, first_year;
static const char *source_label;

static struct region *add_region(const char *code, const char *name, int level)
{
    regs = xgrow(regs, &regcap, nregs + 1, sizeof *regs);
    struct region *r = &regs[nregs++];
    memset(r, 0, sizeof *r);
    snprintf(r->code, sizeof r->code, "%s", code);
    r->name = xstrdup(name);
    r->level = level;
    r->prov = r->city = -1;
    r->emit = 1;
    return r;
}

static long find_region(const char *code)
{
    for (size_t i = 0; i < nregs; i++) /* ~3,400 regions, called ~3,400 times: fine */
        if (!strcmp(regs[i].code, code))
            return (long)i;
    return -1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !memcmp(s + n - k, suffix, k);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf_t b;
    buf_init(&b);
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        buf_add(&b, tmp, n);
    fclose(f);
    *len = b.len;
    return buf_take(&b);
}

/* Reads one NBS file: for each row, the fields named by cols (NULL-terminated list). */
typedef void (*row_fn)(const char *const *f);

static void read_nbs(const char *dir, const char *file, const char *const *cols, row_fn fn)
{
    char *path = xasprintf("%s/%s", dir, file);
    size_t len;
    char *data = slurp(path, &len);
    if (!data) {
        fprintf(stderr, "genstats: cannot read %s: %s\n", path, strerror(errno));
        exit(1);
    }
    csv_reader rd;
    csv_row row;
    char err[200];
    csv_init(&rd, data, len, ',', 1);
    int idx[8], n = 0;
    if (csv_next(&rd, &row, err, sizeof err) != 1) {
        fprintf(stderr, "genstats: %s: no header\n", path);
        exit(1);
    }
    for (; cols[n]; n++)
        if ((idx[n] = csv_find_column(&row, cols[n])) < 0) {
            fprintf(stderr, "genstats: %s: no column %s\n", path, cols[n]);
            exit(1);
        }
    int rc;
    while ((rc = csv_next(&rd, &row, err, sizeof err)) == 1) {
        const char *f[8];
        for (int i = 0; i < n; i++)
            f[i] = (size_t)idx[i] < row.nfields ? row.fields[idx[i]] : "";
        fn(f);
    }
    if (rc < 0) {
        fprintf(stderr, "genstats: %s: %s\n", path, err);
        exit(1);
    }
    csv_free(&rd);
    free(data);
    free(path);
}

static void canon(const char *in, char out[DIV_BUF], const char *what)
{
    if (!div_normalize(in, out)) {
        fprintf(stderr, "genstats: malformed %s code '%s'\n", what, in);
        exit(1);
    }
}

static void nbs_province(const char *const *f)
{
    char c[DIV_BUF];
    canon(f[0], c, "province");
    add_region(c, f[1], LV_PROV);
}

static void nbs_city(const char *const *f)
{
    char c[DIV_BUF], p[DIV_BUF];
    canon(f[0], c, "city");
    canon(f[2], p, "province");
    div_info info;
    div_parse(c, &info);
    struct region *r = add_region(c, f[1], LV_CITY);
    r->emit = !info.summary; /* 市辖区, 县, 省直辖县级行政区划: summary lines */
    r->prov = (int)find_region(p);
}

static void nbs_area(const char *const *f)
{
    char c[DIV_BUF], ci[DIV_BUF], p[DIV_BUF];
    canon(f[0], c, "county");
    canon(f[2], ci, "city");
    canon(f[3], p, "province");
    struct region *r = add_region(c, f[1], LV_COUNTY);
    r->city = (int)find_region(ci);
    r->prov = (int)find_region(p);
    /* 东莞 441900, 中山 442000, 儋州 460400: cities without counties, listed in the county
     * table under their own code; the city row carries the values. */
    r->emit = strcmp(c, ci) != 0;
    r->district = ends_with(f[1], "区");
}

static int nbs_present(const char *dir)
{
    static const char *const files[] = {"provinces.csv", "cities.csv", "areas.csv"};
    for (size_t i = 0; i < NELEM(files); i++) {
        char *p = xasprintf("%s/%s", dir, files[i]);
        struct stat st;
        int ok = stat(p, &st) == 0 && S_ISREG(st.st_mode);
        free(p);
        if (!ok)
            return 0;
    }
    return 1;
}

static void load_nbs(const char *dir)
{
    static const char *const pcols[] = {"code", "name", NULL};
    static const char *const ccols[] = {"code", "name", "provinceCode", NULL};
    static const char *const acols[] = {"code", "name", "cityCode", "provinceCode", NULL};
    read_nbs(dir, "provinces.csv", pcols, nbs_province);
    read_nbs(dir, "cities.csv", ccols, nbs_city);
    read_nbs(dir, "areas.csv", acols, nbs_area);
    for (size_t i = 0; i < nregs; i++)
        if ((regs[i].level > LV_PROV && regs[i].prov < 0) ||
            (regs[i].level == LV_COUNTY && regs[i].city < 0)) {
            fprintf(stderr, "genstats: %s/areas.csv: %s %s has no parent in the tables\n", dir,
                    regs[i].code, regs[i].name);
            exit(1);
        }
}

/* The synthetic set: real province codes and names, invented cities and counties. */
static const struct {
    const char *code, *name;
} provinces31[] = {
    {"11", "北京市"}, {"12", "天津市"}, {"13", "河北省"}, {"14", "山西省"},
    {"15", "内蒙古自治区"}, {"21", "辽宁省"}, {"22", "吉林省"}, {"23", "黑龙江省"},
    {"31", "上海市"}, {"32", "江苏省"}, {"33", "浙江省"}, {"34", "安徽省"},
    {"35", "福建省"}, {"36", "江西省"}, {"37", "山东省"}, {"41", "河南省"},
    {"42", "湖北省"}, {"43", "湖南省"}, {"44", "广东省"}, {"45", "广西壮族自治区"},
    {"46", "海南省"}, {"50", "重庆市"}, {"51", "四川省"}, {"52", "贵州省"},
    {"53", "云南省"}, {"54", "西藏自治区"}, {"61", "陕西省"}, {"62", "甘肃省"},
    {"63", "青海省"}, {"64", "宁夏回族自治区"}, {"65", "新疆维吾尔自治区"},
};
static const char *const syl[] = {
    "安", "宝", "昌", "丰", "东", "福", "广", "和", "华", "吉", "嘉", "江", "金", "乐", "临",
    "龙", "隆", "宁", "平", "庆", "泉", "荣", "瑞", "山", "顺", "泰", "通", "望", "文", "溪",
    "祥", "新", "兴", "阳", "永", "云", "泽", "长", "州", "远",
};

static void synth_name(char *out, size_t n, const char *suffix)
{
    snprintf(out, n, "%s%s%s", syl[rnd(NELEM(syl))], syl[rnd(NELEM(syl))], suffix);
}

static void build_synthetic(void)
{
    for (size_t p = 0; p < NELEM(provinces31); p++) {
        char code[32], name[64];
        snprintf(code, sizeof code, "%s0000", provinces31[p].code);
        int pi = (int)nregs;
        add_region(code, provinces31[p].name, LV_PROV);
        int muni = !strcmp(provinces31[p].code, "11") || !strcmp(provinces31[p].code, "12") ||
                   !strcmp(provinces31[p].code, "31") || !strcmp(provinces31[p].code, "50");
        int ncities = muni ? 1 : 5 + (int)rnd(15);
        for (int c = 1; c <= ncities; c++) {
            snprintf(code, sizeof code, "%s%02d00", provinces31[p].code, c);
            if (muni)
                snprintf(name, sizeof name, "市辖区");
            else
                synth_name(name, sizeof name, "市");
            int ci = (int)nregs;
            struct region *r = add_region(code, name, LV_CITY);
            r->prov = pi;
            r->emit = !muni;
            int ndist = muni ? 12 + (int)rnd(6) : 1 + (int)rnd(4);
            int ncty = muni ? 0 : 1 + (int)rnd(10);
            int ncity = muni || !chance(0.5) ? 0 : 1 + (int)rnd(2);
            for (int k = 0; k < ndist + ncty + ncity; k++) {
                int zz = k < ndist ? 1 + k : k < ndist + ncty ? 21 + k - ndist
                                                              : 81 + k - ndist - ncty;
                snprintf(code, sizeof code, "%s%02d%02d", provinces31[p].code, c, zz);
                synth_name(name, sizeof name, k < ndist ? "区" : k < ndist + ncty ? "县" : "市");
                r = add_region(code, name, LV_COUNTY);
                r->prov = pi;
                r->city = ci;
                r->district = k < ndist;
            }
        }
    }
}

/* ---- values ---------------------------------------------------------------------------- */

static double normal(void) /* Irwin-Hall: close enough to N(0,1) here */
{
    double s = 0;
    for (int i = 0; i < 12; i++)
        s += rnd01();
    return s - 6.0;
}

static long long lround_pos(double x, long long min)
{
    long long v = (long long)llround(x);
    return v < min ? min : v;
}

/* Per province: the level of its standards, the month they rise and by how much. */
struct prov_params {
    double std_base, scale;
    int adj_month;
    double rise[64];
};

#define V(r, i, m) ((r)->v[(size_t)(i) * (size_t)nmonths + (size_t)(m)])

static void gen_county(struct region *r, const struct prov_params *pp)
{
    double fac = pp->scale;
    double u = (r->district ? 3000.0 : 1200.0) * fac * exp(0.6 * normal());
    double ru = (r->district ? 1500.0 : 11000.0) * fac * exp(0.5 * normal());
    double tk = (r->district ? 500.0 : 1600.0) * fac * exp(0.5 * normal());
    long long U = lround_pos(u, 200), R = lround_pos(ru, 200), T = lround_pos(tk, 100);
    long long su = lround_pos(pp->std_base * (0.9 + 0.2 * rnd01()), 1);
    long long sr = lround_pos((double)su * (0.65 + 0.25 * rnd01()), 1);
    double share_u = 0.55 + 0.25 * rnd01(), share_r = 0.45 + 0.25 * rnd01();
    double drift_u = -0.006 + 0.004 * rnd01(), drift_r = -0.003 + 0.004 * rnd01(),
           drift_t = -0.002 + 0.003 * rnd01();
    double temp_rate = 0.01 + 0.025 * rnd01();
    long long cum_u = 0, cum_r = 0, cum_t = 0;
    for (int m = 0; m < nmonths; m++) {
        int month = m % 12 + 1, y = m / 12;
        if (m > 0) {
            U = lround_pos((double)U * (1 + drift_u + (rnd01() - 0.5) * 0.01), 50);
            R = lround_pos((double)R * (1 + drift_r + (rnd01() - 0.5) * 0.01), 50);
            T = lround_pos((double)T * (1 + drift_t + (rnd01() - 0.5) * 0.008), 50);
            if (month == pp->adj_month) {
                su = lround_pos((double)su * (1 + pp->rise[y]), 1);
                sr = lround_pos((double)sr * (1 + pp->rise[y]), 1);
                if (sr > su)
                    sr = su;
            }
        }
        if (month == 1)
            cum_u = cum_r = cum_t = 0;
        /* 万元 in tenths: persons x 元 / 1000 */
        double nu = 1 + (rnd01() - 0.5) * 0.06, nr = 1 + (rnd01() - 0.5) * 0.06;
        cum_u += lround_pos((double)U * (double)su * share_u * nu / 1000, 1);
        cum_r += lround_pos((double)R * (double)sr * share_r * nr / 1000, 1);
        cum_t += lround_pos((double)(U + R) * temp_rate * (1 + (rnd01() - 0.5) * 0.1), 5);
        V(r, I_URBAN, m) = U;
        V(r, I_RURAL, m) = R;
        V(r, I_DIBAO, m) = U + R;
        V(r, I_USTD, m) = su * 10;
        V(r, I_RSTD, m) = sr * 10;
        V(r, I_USPEND, m) = cum_u;
        V(r, I_RSPEND, m) = cum_r;
        V(r, I_SPEND, m) = cum_u + cum_r;
        V(r, I_TEKUN, m) = T;
        V(r, I_TEMP, m) = cum_t;
    }
}

static void gen_values(int years)
{
    size_t per = (size_t)NIND * (size_t)nmonths;
    for (size_t i = 0; i < nregs; i++)
        regs[i].v = xcalloc(per, sizeof *regs[i].v);
    struct prov_params *pp = xcalloc(nregs, sizeof *pp);
    for (size_t i = 0; i < nregs; i++) {
        if (regs[i].level != LV_PROV)
            continue;
        pp[i].std_base = 550 + 500 * rnd01();
        pp[i].scale = exp(0.35 * normal());
        static const int months[] = {1, 7, 7, 7, 4, 10};
        pp[i].adj_month = months[rnd(NELEM(months))];
        for (int y = 0; y < years; y++)
            pp[i].rise[y] = 0.03 + 0.05 * rnd01();
    }
    for (size_t i = 0; i < nregs; i++)
        if (regs[i].level == LV_COUNTY)
            gen_county(&regs[i], &pp[regs[i].prov]);
    free(pp);
    /* Aggregates: a city sums its counties, a province all its counties. */
    for (size_t i = 0; i < nregs; i++) {
        struct region *c = &regs[i];
        if (c->level != LV_COUNTY)
            continue;
        int up[2] = {c->city, c->prov};
        for (int k = 0; k < 2; k++) {
            struct region *a = &regs[up[k]];
            a->ncounties++;
            for (size_t j = 0; j < per; j++)
                a->v[j] += c->v[j];
        }
    }
    for (size_t i = 0; i < nregs; i++) {
        struct region *a = &regs[i];
        if (a->level == LV_COUNTY || !a->ncounties)
            continue;
        for (int ind = 0; ind < NIND; ind++)
            if (inds[ind].agg == AG_MEAN)
                for (int m = 0; m < nmonths; m++) /* the mean in tenths, rounded half up */
                    V(a, ind, m) = (2 * V(a, ind, m) + a->ncounties) / (2 * a->ncounties);
    }
}

/* ---- output ---------------------------------------------------------------------------- */

static void mkdir_or_die(const char *dir)
{
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "genstats: cannot create %s: %s\n", dir, strerror(errno));
        exit(1);
    }
}

static FILE *open_or_die(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "genstats: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    return f;
}

static void close_or_die(FILE *f, const char *path)
{
    if (ferror(f) | fclose(f)) {
        fprintf(stderr, "genstats: cannot write %s\n", path);
        exit(1);
    }
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(regs[*(const size_t *)a].code, regs[*(const size_t *)b].code);
}

struct counts {
    long long values, by_level[4], regions[4], files, bytes;
};

/* One row: the value as a source prints it (counties' standards in whole 元; aggregates and
 * spending with one decimal). */
static void put_value(FILE *f, const struct region *r, int ind, int m)
{
    long long v = V(r, ind, m);
    if (!inds[ind].tenths)
        fprintf(f, "%lld", v);
    else if (ind == I_USTD || ind == I_RSTD) {
        if (r->level == LV_COUNTY)
            fprintf(f, "%lld", v / 10);
        else
            fprintf(f, "%lld.%lld", v / 10, v % 10);
    } else
        fprintf(f, "%lld.%lld", v / 10, v % 10);
}

static void write_stats(const char *dir, int nprov, struct counts *k)
{
    char *sdir = xasprintf("%s/stats", dir);
    mkdir_or_die(sdir);
    size_t *order = xcalloc(nregs, sizeof *order);
    int done = 0;
    for (size_t p = 0; p < nregs && done < nprov; p++) {
        if (regs[p].level != LV_PROV)
            continue;
        done++;
        size_t n = 0;
        for (size_t i = 0; i < nregs; i++)
            if (regs[i].emit && (i == p || regs[i].prov == (int)p))
                order[n++] = i;
        qsort(order, n, sizeof *order, cmp_code);
        char pp[3] = {regs[p].code[0], regs[p].code[1], 0};
        char *path = xasprintf("%s/%s.csv", sdir, pp);
        FILE *f = open_or_die(path);
        static char iobuf[1 << 16];
        setvbuf(f, iobuf, _IOFBF, sizeof iobuf);
        fputs("指标,地区代码,地区,统计期,数值,单位\n", f);
        for (size_t j = 0; j < n; j++) {
            const struct region *r = &regs[order[j]];
            k->regions[r->level]++;
            for (int ind = 0; ind < NIND; ind++)
                for (int m = 0; m < nmonths; m++) {
                    fprintf(f, "%s,%s,%s,%d-%02d,", inds[ind].name, r->code, r->name,
                            first_year + m / 12, m % 12 + 1);
                    put_value(f, r, ind, m);
                    fprintf(f, ",%s\n", inds[ind].unit);
                    k->values++;
                    k->by_level[r->level]++;
                }
        }
        long long bytes = ftell(f);
        close_or_die(f, path);
        k->bytes += bytes;
        k->files++;
        free(path);
    }
    free(order);
    free(sdir);
}

static void write_divisions(const char *dir)
{
    char *path = xasprintf("%s/divisions.csv", dir);
    FILE *f = open_or_die(path);
    fputs("代码,名称,上级代码\n", f);
    for (size_t i = 0; i < nregs; i++) {
        const struct region *r = &regs[i];
        int up = r->level == LV_COUNTY ? r->city : r->prov;
        fprintf(f, "%s,%s,%s\n", r->code, r->name, up >= 0 ? regs[up].code : "");
    }
    close_or_die(f, path);
    free(path);
}

/* Splits an absolute path into its components (in place). */
static size_t split_path(char *p, char **comp, size_t max)
{
    size_t n = 0;
    for (char *s = strtok(p, "/"); s && n < max; s = strtok(NULL, "/"))
        comp[n++] = s;
    return n;
}

/* root (relative to dir) = the deepest directory holding both dir and nbs; *dir_rel and
 * *nbs_rel their paths under it. */
static void common_root(const char *dir, const char *nbs, char **root, char **dir_rel,
                        char **nbs_rel)
{
    char a[PATH_MAX], b[PATH_MAX];
    if (!realpath(dir, a) || !realpath(nbs, b)) {
        fprintf(stderr, "genstats: cannot resolve %s or %s: %s\n", dir, nbs, strerror(errno));
        exit(1);
    }
    char *ca[128], *cb[128];
    size_t na = split_path(a, ca, 128), nb = split_path(b, cb, 128), k = 0;
    while (k < na && k < nb && !strcmp(ca[k], cb[k]))
        k++;
    buf_t r, x, y;
    buf_init(&r);
    buf_init(&x);
    buf_init(&y);
    for (size_t i = k; i < na; i++)
        buf_printf(&r, "%s..", r.len ? "/" : "");
    for (size_t i = k; i < na; i++)
        buf_printf(&x, "%s%s", x.len ? "/" : "", ca[i]);
    for (size_t i = k; i < nb; i++)
        buf_printf(&y, "%s%s", y.len ? "/" : "", cb[i]);
    *root = r.len ? buf_take(&r) : xstrdup(".");
    *dir_rel = x.len ? buf_take(&x) : xstrdup(".");
    *nbs_rel = y.len ? buf_take(&y) : xstrdup(".");
    buf_free(&r);
    buf_free(&x);
    buf_free(&y);
}

static void write_manifest(const char *dir, const char *nbs, int real, unsigned long long seed,
                           int nprov)
{
    char *path = xasprintf("%s/corpus.ini", dir);
    FILE *f = open_or_die(path);
    int last = first_year + nmonths / 12 - 1;
    fprintf(f,
            "; generated by bench/genstats (seed %llu, %d provinces, %d months from %d-01):\n"
            "; synthetic values, not real statistics. Regions: %s.\n"
            "[corpus]\n"
            "name = bench-stats-%llu\n"
            "as_of = %d-12-31\n",
            seed, nprov, nmonths, first_year, source_label, seed, last);
    const char *stats_dir = "stats";
    char *root = NULL, *dir_rel = NULL, *nbs_rel = NULL, *stats_rel = NULL;
    if (real) {
        /* The NBS files are read where they are: the corpus root is the directory that
         * holds both them and this one. */
        common_root(dir, nbs, &root, &dir_rel, &nbs_rel);
        stats_rel = xasprintf("%s/stats", dir_rel);
        stats_dir = stats_rel;
        fprintf(f, "root = %s\n\n", root);
        static const struct {
            const char *sec, *file, *parent;
        } t[] = {{"provinces", "provinces.csv", NULL},
                 {"cities", "cities.csv", "provinceCode"},
                 {"areas", "areas.csv", "cityCode"}};
        for (size_t i = 0; i < NELEM(t); i++) {
            fprintf(f,
                    "[%s]\nkind = divisions\npath = %s/%s\nmap.code = code\nmap.name = name\n",
                    t[i].sec, nbs_rel, t[i].file);
            if (t[i].parent)
                fprintf(f, "map.parent_code = %s\n", t[i].parent);
            fprintf(f, "publisher = 国家统计局 统计用区划代码（2023），经 "
                       "modood/Administrative-divisions-of-China 整理\n\n");
        }
    } else {
        fprintf(f, "\n[divisions]\nkind = divisions\npath = divisions.csv\nmap.code = 代码\n"
                   "map.name = 名称\nmap.parent_code = 上级代码\n"
                   "note = 合成的区划（省级代码和名称真实，地市县为虚构）\n\n");
    }
    fprintf(f,
            "[stats]\n"
            "kind = stats\n"
            "path = %s/*.csv\n"
            "map.indicator = 指标\n"
            "map.region = 地区代码\n"
            "map.period = 统计期\n"
            "map.value = 数值\n"
            "map.unit = 单位\n"
            "value.source_doc = 基准测试生成数据（非真实统计）\n",
            stats_dir);
    close_or_die(f, path);
    free(path);
    free(root);
    free(dir_rel);
    free(nbs_rel);
    free(stats_rel);
}

static void usage(void)
{
    fputs("usage: genstats [-o DIR] [-p NBS_DIR] [-s SEED] [-y FIRST_YEAR] [-n YEARS] "
          "[-P PROVINCES]\n"
          "  -o DIR         output directory (default build/bench-stats)\n"
          "  -p NBS_DIR     provinces.csv, cities.csv, areas.csv of the NBS 2023 table, read\n"
          "                 in place (default ../shared/corpus/places/nbs-2023; '-' or\n"
          "                 absent: a synthetic set of regions)\n"
          "  -s SEED        random seed (default 42)\n"
          "  -y FIRST_YEAR  first year of the monthly values (default 2021)\n"
          "  -n YEARS       years of months (default 3)\n"
          "  -P PROVINCES   write only the first PROVINCES provinces (default 31: all)\n",
          stderr);
}

int main(int argc, char **argv)
{
    const char *dir = "build/bench-stats", *nbs = "../shared/corpus/places/nbs-2023";
    unsigned long long seed = 42;
    int years = 3, nprov = 31;
    first_year = 2021;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "-p") && i + 1 < argc)
            nbs = argv[++i];
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "-y") && i + 1 < argc)
            first_year = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-n") && i + 1 < argc)
            years = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-P") && i + 1 < argc)
            nprov = atoi(argv[++i]);
        else {
            usage();
            return 2;
        }
    }
    if (years < 1 || years > 60 || first_year < 1950 || first_year + years > 2100 ||
        nprov < 1) {
        usage();
        return 2;
    }
    nmonths = 12 * years;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    check_catalogue();
    rng_seed(seed);
    int real = strcmp(nbs, "-") && nbs_present(nbs);
    if (real) {
        load_nbs(nbs);
        source_label = "real county-level codes of the NBS 2023 table (provinces.csv, "
                       "cities.csv, areas.csv, read in place)";
    } else {
        build_synthetic();
        source_label = "synthetic (31 real province codes and names; invented cities and "
                       "counties)";
    }
    int provinces = 0;
    for (size_t i = 0; i < nregs; i++)
        provinces += regs[i].level == LV_PROV;
    if (nprov > provinces)
        nprov = provinces;
    gen_values(years);
    mkdir_or_die(dir);
    struct counts k;
    memset(&k, 0, sizeof k);
    write_stats(dir, nprov, &k);
    if (!real)
        write_divisions(dir);
    write_manifest(dir, nbs, real, seed, nprov);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

    char *path = xasprintf("%s/corpus.stats", dir);
    FILE *f = open_or_die(path);
    fprintf(f,
            "source=%s\nnbs_dir=%s\nseed=%llu\nfirst_month=%d-01\nmonths=%d\nindicators=%d\n"
            "provinces=%lld\ncities=%lld\ncounties=%lld\nregions=%lld\nvalues=%lld\n"
            "values_province=%lld\nvalues_city=%lld\nvalues_county=%lld\nfiles=%lld\n"
            "bytes=%lld\nseconds=%.2f\n",
            real ? "nbs-2023" : "synthetic", real ? nbs : "-", seed, first_year, nmonths, NIND,
            k.regions[LV_PROV], k.regions[LV_CITY], k.regions[LV_COUNTY],
            k.regions[LV_PROV] + k.regions[LV_CITY] + k.regions[LV_COUNTY], k.values,
            k.by_level[LV_PROV], k.by_level[LV_CITY], k.by_level[LV_COUNTY], k.files, k.bytes,
            secs);
    close_or_die(f, path);
    free(path);
    printf("genstats: %s: %lld values = %lld regions (%lld provinces, %lld cities, %lld "
           "counties) x %d indicators x %d months from %d-01; %lld files, %.1f MB; regions: "
           "%s; %.1f s\n",
           dir, k.values, k.regions[1] + k.regions[2] + k.regions[3], k.regions[LV_PROV],
           k.regions[LV_CITY], k.regions[LV_COUNTY], NIND, nmonths, first_year, k.files,
           (double)k.bytes / 1e6, source_label, secs);
    for (size_t i = 0; i < nregs; i++) {
        free(regs[i].name);
        free(regs[i].v);
    }
    free(regs);
    return 0;
}
