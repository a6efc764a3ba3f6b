/* kind = qa: policy Q&A items (国务院政策问答平台, 民政部门户网站, local pages), one per CSV
 * row through csvmap: question, variants (colloquial forms, "|"-separated), answer, basis
 * ("|"-separated article references such as 社会救助暂行办法第十一条 or
 * 《慈善法》（2016年版）第二十二条), publisher, platform, category, region, published,
 * updated, url.
 *
 * A row without question or answer is rejected (error); an unknown category, platform or
 * region, or a date that does not read, is a warning and the field is left empty. Basis
 * references are stored as written and resolved when the load finishes (loader/qa_finish.c),
 * after the regulations linked their versions. */
#include "kinds.h"
#include "qa_finish.h"

#include "csvmap.h"
#include "divcode.h"
#include "org_fields.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {"question", "variants", "answer",  "basis",
                                     "publisher", "platform", "category", "region",
                                     "published", "updated",  "url",      NULL};
enum {
    F_QUESTION, F_VARIANTS, F_ANSWER, F_BASIS, F_PUBLISHER, F_PLATFORM, F_CATEGORY, F_REGION,
    F_PUBLISHED, F_UPDATED, F_URL, F_COUNT
};

static const char *const categories[] = {"社会救助", "社会组织", "养老", "儿童", "婚姻",
                                         "殡葬",     "区划地名", "慈善", NULL};
static const char *const platforms[] = {"国务院政策问答平台", "民政部门户网站", "地方", NULL};

static int one_of(const char *v, const char *const *set)
{
    for (size_t i = 0; set[i]; i++)
        if (!strcmp(v, set[i]))
            return 1;
    return 0;
}

/* Start of the next "|" or "｜" in s, or its end; *skip gets the separator's length. */
static const char *next_bar(const char *s, size_t *skip)
{
    for (; *s; s++) {
        if (*s == '|') {
            *skip = 1;
            return s;
        }
        if (!strncmp(s, "｜", 3)) {
            *skip = 3;
            return s;
        }
    }
    *skip = 0;
    return s;
}

/* The parts of a "|"-separated field, trimmed of spaces (ASCII and U+3000), empty ones
 * dropped; each is passed to fn. Returns how many there were. */
static int split_bars(const char *s, void (*fn)(void *ctx, const char *part, int ord), void *ctx)
{
    int n = 0;
    while (*s) {
        size_t skip;
        const char *end = next_bar(s, &skip);
        const char *a = s, *b = end;
        for (;;) {
            if (a < b && (*a == ' ' || *a == '\t'))
                a++;
            else if (b - a >= 3 && !strncmp(a, "　", 3))
                a += 3;
            else
                break;
        }
        for (;;) {
            if (b > a && (b[-1] == ' ' || b[-1] == '\t'))
                b--;
            else if (b - a >= 3 && !strncmp(b - 3, "　", 3))
                b -= 3;
            else
                break;
        }
        if (b > a) {
            char *part = xstrndup(a, (size_t)(b - a));
            fn(ctx, part, n++);
            free(part);
        }
        s = *end ? end + skip : end;
    }
    return n;
}

static void add_line(void *ctx, const char *part, int ord)
{
    buf_t *b = ctx;
    if (ord)
        buf_addc(b, '\n');
    buf_adds(b, part);
}

struct basis_ctx {
    load_ctx *c;
    long long qa_id;
    int failed;
};

static void add_basis(void *ctx, const char *part, int ord)
{
    static sqlite3_stmt *st;
    struct basis_ctx *b = ctx;
    sqlite3_stmt *s = load_stmt(b->c, &st, "INSERT INTO qa_basis(qa_id, ord, ref_text) "
                                           "VALUES (?1, ?2, ?3)");
    if (!s) {
        b->failed = 1;
        return;
    }
    sqlite3_bind_int64(s, 1, b->qa_id);
    sqlite3_bind_int(s, 2, ord);
    sqlite3_bind_text(s, 3, part, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_DONE)
        b->failed = 1;
    sqlite3_reset(s);
}

/* Whether s holds nothing but spaces. */
static int blank(const char *s)
{
    while (*s) {
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
            s++;
        else if (!strncmp(s, "　", 3))
            s += 3;
        else
            return 0;
    }
    return 1;
}

static int load_qa_file(load_ctx *c, const char *text, size_t len)
{
    static sqlite3_stmt *st;
    static const char *const required[] = {"question", "answer", NULL};
    csvmap m;
    if (csvmap_open(&m, c, text, len, fields, required) != 0) {
        csvmap_close(&m);
        return c->d->stop ? -1 : 0;
    }
    while (csvmap_next(&m, c)) {
        const char *const *v = m.v;
        const char *problem = blank(v[F_QUESTION]) ? "问题为空"
                              : blank(v[F_ANSWER]) ? "答复为空"
                                                   : NULL;
        if (problem) {
            c->d->skipped++;
            if (diag_error(c->d, c->relpath, m.line, "%s，本条未载入", problem))
                break;
            continue;
        }
        const char *category = v[F_CATEGORY], *platform = v[F_PLATFORM];
        if (*category && !one_of(category, categories)) {
            diag_warn(c->d, c->relpath, m.line,
                      "未知的类别“%s”（社会救助、社会组织、养老、儿童、婚姻、殡葬、区划地名、"
                      "慈善），本条载入但不归类",
                      category);
            category = "";
        }
        if (*platform && !one_of(platform, platforms)) {
            diag_warn(c->d, c->relpath, m.line,
                      "未知的平台“%s”（国务院政策问答平台、民政部门户网站、地方），未存",
                      platform);
            platform = "";
        }
        char region[DIV_BUF] = "";
        if (!strcmp(v[F_REGION], "全国") || !strcmp(v[F_REGION], "全國"))
            snprintf(region, sizeof region, "000000");
        else if (*v[F_REGION] && !div_normalize(v[F_REGION], region))
            diag_warn(c->d, c->relpath, m.line, "地区“%s”不是区划代码或“全国”，未存",
                      v[F_REGION]);
        char published[11], updated[11];
        org_date_read(c, m.line, "发布日期", v[F_PUBLISHED], published);
        org_date_read(c, m.line, "更新日期", v[F_UPDATED], updated);
        buf_t variants;
        buf_init(&variants);
        split_bars(v[F_VARIANTS], add_line, &variants);

        sqlite3_stmt *s = load_stmt(
            c, &st,
            "INSERT INTO qa_item(question, variants, answer, publisher, platform, category, "
            "region_code, published, updated, url, source_id, line) "
            "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
        if (!s) {
            buf_free(&variants);
            break;
        }
        const char *texts[] = {v[F_QUESTION], variants.s, v[F_ANSWER], v[F_PUBLISHER],
                               platform,      category,   region,      published,
                               updated,       v[F_URL]};
        for (int i = 0; i < 10; i++)
            if (texts[i] && *texts[i])
                sqlite3_bind_text(s, i + 1, texts[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 11, c->source_id);
        sqlite3_bind_int64(s, 12, m.line);
        int rc = sqlite3_step(s);
        buf_free(&variants);
        if (rc != SQLITE_DONE) {
            diag_error(c->d, c->relpath, m.line, "cannot store the row");
            break;
        }
        struct basis_ctx b = {c, sqlite3_last_insert_rowid(c->db), 0};
        split_bars(v[F_BASIS], add_basis, &b);
        if (b.failed) {
            diag_error(c->d, c->relpath, m.line, "cannot store the basis");
            break;
        }
        c->records++;
    }
    csvmap_close(&m);
    return 0;
}

const load_kind kind_qa = {
    .name = "qa",
    .csv_fields = fields,
    .load_file = load_qa_file,
    .finish = qa_finish,
};
