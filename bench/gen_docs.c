/* gen_docs.c: gencorpus's documents: regulations (chapters and articles, in versions) and
 * notices whose items are records (organisation directories, statistics, hotlines, boundary
 * changes), converted to Traditional for most files and written under DIR. */
#include "gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- statistics of what was written ----------------------------------------------- */

struct corpus_stats stats;

/* ---- files ------------------------------------------------------------------------ */

opencc_t cc_s2t, cc_s2tw;
const char *outdir;

int mkdir_p(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    int rc = (mkdir(p, 0755) != 0 && errno != EEXIST) ? -1 : 0;
    free(p);
    return rc;
}

/* 0 Simplified, 1 s2t, 2 s2tw */
static int pick_script(void)
{
    if (chance(0.30))
        return 0;
    return chance(0.75) ? 1 : 2;
}

static char *convert(int script, const char *s, size_t len)
{
    if (!script)
        return xstrndup(s, len);
    char *out = opencc_convert_utf8(script == 1 ? cc_s2t : cc_s2tw, s, len);
    if (!out) {
        fprintf(stderr, "gencorpus: opencc conversion failed: %s\n", opencc_error());
        exit(1);
    }
    char *copy = xstrdup(out);
    opencc_convert_utf8_free(out);
    return copy;
}

static void write_file(const char *sub, long serial, const char *name, const char *ext,
                       int script, const buf_t *text)
{
    char *dir = xasprintf("%s/%s/%03ld", outdir, sub, serial / 500);
    if (mkdir_p(dir) != 0) {
        fprintf(stderr, "gencorpus: cannot create %s: %s\n", dir, strerror(errno));
        exit(1);
    }
    char *cname = convert(script, name, strlen(name));
    char *path = xasprintf("%s/%s%s", dir, cname, ext);
    char *data = convert(script, text->s, text->len);
    size_t len = strlen(data);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "gencorpus: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    stats.bytes += len;
    stats.chars += u8_chars(data, len);
    stats.files++;
    if (script)
        stats.trad_files++;
    else
        stats.simp_files++;
    free(data);
    free(path);
    free(cname);
    free(dir);
}

/* Titles: province x topic x doctype, each used once (versions of a work share it). */
static unsigned char *title_used;

static char *new_title(void)
{
    size_t np = provinces_n + 1, nt = topics_n, nd = doctypes_n;
    size_t total = np * nt * nd;
    if (!title_used)
        title_used = xcalloc(total, 1);
    size_t k = rnd((uint32_t)total);
    for (size_t tries = 0; title_used[k] && tries < total; tries++)
        k = (k + 7919) % total;
    if (title_used[k]) { /* all used: add a serial */
        static long extra;
        return xasprintf("%s%s（第%ld号）", topics[rnd((uint32_t)nt)], doctypes[rnd((uint32_t)nd)],
                         ++extra);
    }
    title_used[k] = 1;
    size_t p = k / (nt * nd), t = (k / nd) % nt, d = k % nd;
    return xasprintf("%s%s%s", p < provinces_n ? provinces[p] : "", topics[t], doctypes[d]);
}

static long reg_serial, notice_serial;

void gen_regulation(void)
{
    char *title = new_title();
    int script = pick_script();
    int versions = chance(0.18) ? (chance(0.25) ? 3 : 2) : 1;
    const char *organ = PICK(departments);
    int y = rand_year(), m = 1 + (int)rnd(12), d = 1 + (int)rnd(28);
    if (y > 2025 - 2 * versions)
        y = 2025 - 2 * versions;
    int y0 = y, m0 = m, d0 = d;
    stats.works++;
    for (int v = 0; v < versions; v++) {
        buf_t b;
        buf_init(&b);
        buf_printf(&b, "# %s\n\n", title);
        add_date_cn(&b, y0, m0, d0);
        buf_printf(&b, " %s公布\n", organ);
        if (v) {
            buf_adds(&b, "\n");
            add_date_cn(&b, y, m, d);
            buf_printf(&b, " %s修订\n", organ);
        }
        buf_adds(&b, "\n<!-- INFO END -->\n\n");
        int nchap = 2 + (int)rnd(6), art = 0;
        for (int c = 1; c <= nchap; c++) {
            buf_adds(&b, "## 第");
            add_cn(&b, c);
            buf_adds(&b, "章 ");
            buf_adds(&b, c == 1 ? "总则" : c == nchap ? "附则" : PICK(chapter_names));
            buf_adds(&b, "\n\n");
            int narts = c == nchap ? 1 + (int)rnd(3) : 2 + (int)rnd(9);
            for (int a = 0; a < narts; a++) {
                buf_adds(&b, "第");
                add_cn(&b, ++art);
                buf_adds(&b, "条 ");
                size_t at = b.len;
                if (c == nchap && a == narts - 1) {
                    buf_adds(&b, "本办法自");
                    add_date_cn(&b, y + (m == 12), m % 12 + 1, 1);
                    buf_adds(&b, "起施行。");
                } else if (art == 1) {
                    buf_printf(&b, "为了%s，%s，根据有关法律法规，结合实际，制定本办法。",
                               zipf_word(), zipf_word());
                } else {
                    add_article_text(&b);
                }
                stats.article_chars += u8_chars(b.s + at, b.len - at);
                stats.unit_chars += u8_chars(b.s + at, b.len - at);
                stats.articles++;
                buf_adds(&b, "\n\n");
            }
        }
        char date[48], *name;
        snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
        name = xasprintf("%s(%s)", title, date);
        write_file("regs", reg_serial++, name, ".md", script, &b);
        stats.reg_files++;
        stats.title_units++;
        free(name);
        buf_free(&b);
        y += 1 + (int)rnd(2);
        m = 1 + (int)rnd(12);
        d = 1 + (int)rnd(28);
    }
    free(title);
}

/* ---- records ---------------------------------------------------------------------- */

char *org_names_seen[60];
size_t norg_names_seen;

static void add_phone(buf_t *b, int fw)
{
    add_fmt(b, fw, "0%d-%d", 10 + (int)rnd(890), 20000000 + (int)rnd(79999999));
}

static void add_address(buf_t *b, const char *prov, const char *city, int fw)
{
    buf_adds(b, prov);
    buf_adds(b, city);
    buf_adds(b, "市");
    buf_adds(b, pool[rnd((uint32_t)npool)]);
    buf_adds(b, pool[rnd((uint32_t)npool)]);
    buf_adds(b, "区");
    buf_adds(b, PICK(street_chars));
    buf_adds(b, chance(0.5) ? "路" : "街");
    add_fmt(b, fw, "%d", 1 + (int)rnd(999));
    buf_adds(b, "号");
}

static void org_record(buf_t *b, const char *prov, const char *city)
{
    int fw = chance(0.25);
    buf_t name;
    buf_init(&name);
    buf_adds(&name, city);
    buf_adds(&name, "市");
    buf_adds(&name, PICK(org_prefixes));
    buf_adds(&name, PICK(org_suffixes));
    if (norg_names_seen < NELEM(org_names_seen))
        org_names_seen[norg_names_seen++] = xstrdup(name.s + strlen(city) + 3);
    buf_adds(b, name.s);
    buf_free(&name);
    buf_adds(b, "，统一社会信用代码：5");
    for (int i = 0; i < 17; i++)
        buf_addc(b, "0123456789ABCDEFGHJKLMNPQRTUWXY"[rnd(i < 8 ? 10 : 31)]);
    buf_adds(b, "，住所：");
    add_address(b, prov, city, fw);
    buf_adds(b, "，联系电话：");
    add_phone(b, fw);
    buf_printf(b, "，法定代表人：%s某%s，登记管理机关：%s市民政局，业务主管单位：%s，注册资金：",
               PICK(surnames), chance(0.5) ? "某" : "", city, PICK(departments));
    add_fmt(b, fw, "%d", 3 + (int)rnd(500));
    buf_adds(b, "万元，成立日期：");
    add_fmt(b, fw, "%d年%d月%d日", rand_year(), 1 + (int)rnd(12), 1 + (int)rnd(28));
    buf_adds(b, "，业务范围：");
    int n = 3 + (int)rnd(5);
    for (int i = 0; i < n; i++) {
        if (i)
            buf_adds(b, "、");
        buf_adds(b, PICK(scope_words));
    }
    buf_adds(b, "。");
}

static void stat_record(buf_t *b, const char *prov, int year)
{
    int fw = chance(0.25);
    add_fmt(b, fw, "%d", year);
    buf_adds(b, "年第");
    add_cn(b, 1 + (int)rnd(4));
    buf_adds(b, "季度，");
    int n = 2 + (int)rnd(4);
    for (int i = 0; i < n; i++) {
        if (i)
            buf_adds(b, "；");
        buf_adds(b, prov);
        buf_adds(b, PICK(indicators));
        add_fmt(b, fw, "%d.%d", 1 + (int)rnd(300), (int)rnd(10));
        buf_adds(b, chance(0.5) ? "万人" : "万个");
        buf_adds(b, "，比上年同期");
        buf_adds(b, chance(0.6) ? "增长" : "下降");
        add_fmt(b, fw, "%d.%d%%", (int)rnd(30), (int)rnd(10));
        if (chance(0.4)) {
            buf_adds(b, "，平均保障标准每人每月");
            add_fmt(b, fw, "%d", 300 + (int)rnd(900));
            buf_adds(b, "元");
        }
    }
    buf_adds(b, "。");
}

static void hotline_record(buf_t *b, const char *prov, const char *city)
{
    int fw = chance(0.25);
    buf_adds(b, city);
    buf_adds(b, "市");
    buf_adds(b, pool[rnd((uint32_t)npool)]);
    buf_adds(b, pool[rnd((uint32_t)npool)]);
    buf_adds(b, "区");
    buf_adds(b, PICK(hotline_services));
    buf_adds(b, "服务热线：");
    if (chance(0.3))
        add_fmt(b, fw, "%s", chance(0.5) ? "12349" : "12345");
    else
        add_phone(b, fw);
    buf_adds(b, "，服务时间：");
    if (chance(0.4))
        buf_adds(b, "全天24小时");
    else
        add_fmt(b, fw, "%s", "8:30-12:00,14:00-17:30");
    buf_adds(b, "，受理范围：");
    add_clause(b);
    buf_adds(b, "，监督电话：");
    add_phone(b, fw);
    buf_adds(b, "，服务对象：");
    add_clause(b);
    buf_adds(b, "，地址：");
    add_address(b, prov, city, fw);
    buf_adds(b, "。");
}

static void boundary_record(buf_t *b, const char *city)
{
    const char *x = pool[rnd((uint32_t)npool)], *y = pool[rnd((uint32_t)npool)];
    buf_printf(b,
               "经国务院批准，撤销%s市%s%s县，设立%s市%s%s区，以原%s%s县的行政区域为%s%s区的"
               "行政区域，%s%s区人民政府驻%s街道",
               city, x, y, city, x, y, x, y, x, y, x, y, PICK(street_chars));
    add_fmt(b, chance(0.25), "%d", 1 + (int)rnd(300));
    buf_adds(b, "号。");
    add_clause(b);
    buf_adds(b, "。");
}

void gen_notice(void)
{
    int script = pick_script();
    const char *prov = PICK(provinces);
    int year = rand_year(), kind = (int)rnd(4);
    static const char *const kinds[] = {"社会组织名录", "民政统计数据", "民政服务热线目录",
                                        "行政区划变更"};
    static const char *const heads[][4] = {
        {"社会团体", "民办非企业单位", "基金会", "慈善组织"},
        {"社会救助", "养老服务", "儿童福利", "社会组织"},
        {"省级热线", "市级热线", "县级热线", "乡镇服务点"},
        {"地级行政区", "县级行政区", "乡级行政区", "界线变更"},
    };
    char *title = xasprintf("%s民政厅关于公布%d年第%ld批%s的公告", prov, year, notice_serial + 1,
                            kinds[kind]);
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "%s\n", title);
    add_date_cn(&b, year, 1 + (int)rnd(12), 1 + (int)rnd(28));
    buf_adds(&b, "\n");
    int nheads = 1 + (int)rnd(4);
    for (int h = 0; h < nheads; h++) {
        add_cn(&b, h + 1);
        buf_printf(&b, "、%s\n", heads[kind][h]);
        int items = 5 + (int)rnd(36);
        for (int i = 1; i <= items; i++) {
            buf_adds(&b, "（");
            add_cn(&b, i);
            buf_adds(&b, "）");
            size_t at = b.len;
            const char *city = PICK(cities);
            switch (kind) {
            case 0:
                org_record(&b, prov, city);
                break;
            case 1:
                stat_record(&b, prov, year);
                break;
            case 2:
                hotline_record(&b, prov, city);
                break;
            default:
                boundary_record(&b, city);
                break;
            }
            stats.item_chars += u8_chars(b.s + at, b.len - at);
            stats.unit_chars += u8_chars(b.s + at, b.len - at);
            stats.items++;
            buf_adds(&b, "\n");
        }
    }
    write_file("notices", notice_serial++, title, ".txt", script, &b);
    stats.notice_files++;
    stats.title_units++;
    free(title);
    buf_free(&b);
}
