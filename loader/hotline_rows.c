/* One hotline row checked and staged (loader/hotline_rows.h). */
#include "hotline_rows.h"

#include "hotline_fields.h"
#include "hotline_numbers.h"
#include "hours.h"
#include "isodate.h"
#include "phone.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hotline_rows_begin(load_ctx *c)
{
    char *err = NULL;
    /* region_mode: 0 none, 1 code known, 2 a name (region_key), 3 from the operator's
     * name (region_text holds the operator). */
    if (sqlite3_exec(c->db,
                     "CREATE TEMP TABLE hotline_stage(id INTEGER PRIMARY KEY, "
                     "number TEXT NOT NULL, number_raw TEXT NOT NULL, display TEXT, "
                     "extension TEXT, via_platform TEXT, phone_kind INTEGER NOT NULL, "
                     "area TEXT, service_line TEXT NOT NULL, operator TEXT, admin_level TEXT, "
                     "region_mode INTEGER NOT NULL, region_text TEXT, region_key TEXT, "
                     "region_code TEXT, province_text TEXT, province_key TEXT, "
                     "province_code TEXT, hours TEXT, hours_raw TEXT, holiday_rule TEXT, "
                     "status TEXT NOT NULL, replaced_by TEXT, replaced_by_raw TEXT, "
                     "published TEXT, verified TEXT, address TEXT, note TEXT, "
                     "source_id INTEGER, line INTEGER, dropped INTEGER NOT NULL DEFAULT 0);"
                     "CREATE TEMP TABLE hotline_area_stage(stage_id INTEGER NOT NULL, "
                     "ord INTEGER NOT NULL, text TEXT NOT NULL, key TEXT, code TEXT);",
                     NULL, NULL, &err) != SQLITE_OK) {
        diag_error(c->d, "gongkai", 0, "hotline staging: %s", err);
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

/* The text without outer spaces, into buf; NULL when empty. */
static const char *trimmed(const char *s, char *buf, size_t n)
{
    if (!s)
        return NULL;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (!len)
        return NULL;
    if (len >= n)
        len = n - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return buf;
}

static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static int reject(load_ctx *c, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports the row's problem; the row is not staged. 0, or -1 when the load must stop. */
static int reject(load_ctx *c, long line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->d->skipped++;
    return diag_error(c->d, c->relpath, line, "%s", msg) ? -1 : 0;
}

/* A date field: "" (none), else YYYY-MM-DD / YYYY-MM / YYYY into out; -1 when malformed. */
static int date_field(const char *text, char out[11])
{
    out[0] = '\0';
    char buf[64];
    const char *t = trimmed(text, buf, sizeof buf);
    if (!t)
        return 0;
    isodate d;
    if (!isodate_parse_all(t, &d))
        return -1;
    isodate_format(&d, out);
    return 0;
}

/* Places of a `|`-separated list, checked early: each as text, its key or its code. */
typedef struct {
    char text[128];
    char code[DIV_BUF];
    char *key;
} place_in;

static int split_places(const char *list, place_in **out, size_t *n, char why[STAT_REGION_WHY],
                        const stat_region_map *map, char bad[128])
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    const char *p = list;
    while (p && *p) {
        const char *bar = strchr(p, '|');
        const char *fw = strstr(p, "｜");
        size_t len = bar ? (size_t)(bar - p) : strlen(p), skip = 1;
        if (fw && (size_t)(fw - p) < len) {
            len = (size_t)(fw - p);
            skip = 3;
        }
        char raw[128], buf[128];
        snprintf(raw, sizeof raw, "%.*s", (int)(len < 127 ? len : 127), p);
        p = p[len] ? p + len + skip : NULL;
        const char *t = trimmed(raw, buf, sizeof buf);
        if (!t)
            continue;
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        place_in *pl = &(*out)[(*n)++];
        snprintf(pl->text, sizeof pl->text, "%s", t);
        pl->key = NULL;
        int rc = stat_region_early(map, t, pl->code, why);
        if (rc < 0) {
            snprintf(bad, 128, "%s", t);
            return -1;
        }
        if (rc == 0)
            pl->key = stat_region_key(t);
    }
    return 0;
}

static void free_places(place_in *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(p[i].key);
    free(p);
}

int hotline_row_stage(load_ctx *c, const hotline_in *in)
{
    static sqlite3_stmt *st, *ast;
    char b1[512], b2[256], b3[256], why[STAT_REGION_WHY], bad[128];
    long line = in->line;

    /* service line */
    const char *sl_text = trimmed(in->service_line, b1, sizeof b1);
    if (!sl_text)
        return reject(c, line, "缺少服务类别（service_line）");
    const char *service = hotline_service_line(sl_text);
    if (!service)
        return reject(c, line, "服务类别“%s”无法识别（可用：%s）", sl_text,
                      hotline_service_lines_label());
    /* status */
    const char *status = hotline_status(in->status ? in->status : "");
    if (!status)
        return reject(c, line, "状态“%s”无法识别（可用：active/在用、merged/已并入、"
                               "retired/停用）",
                      in->status);
    /* level */
    const char *level = NULL;
    const char *lv_text = trimmed(in->admin_level, b2, sizeof b2);
    if (lv_text && !(level = hotline_admin_level(lv_text)))
        return reject(c, line, "行政层级“%s”无法识别（可用：部、省、市、县、乡）", lv_text);
    /* hours */
    const char *hours_raw = trimmed(in->hours, b3, sizeof b3);
    char hours_buf[128] = "";
    if (hours_raw) {
        hours_t h;
        const char *hwhy = NULL;
        if (!hours_parse(hours_raw, &h, &hwhy))
            return reject(c, line, "接听时间“%s”无法识别：%s", hours_raw,
                          hwhy ? hwhy : "格式不明");
        /* a holiday rule in its own column counts when the hours say nothing of it */
        char hol[64];
        const char *rule = trimmed(in->holiday_rule, hol, sizeof hol);
        if (rule && h.holiday == HH_UNSAID) {
            char both[384];
            hours_t h2;
            const char *w2;
            snprintf(both, sizeof both, "%s；%s", hours_raw, rule);
            if (hours_parse(both, &h2, &w2))
                h = h2;
        }
        hours_format(&h, hours_buf);
    }
    /* dates */
    char published[11], verified[11];
    if (date_field(in->published, published) < 0)
        return reject(c, line, "发布日期“%s”不是有效日期", in->published);
    if (date_field(in->verified, verified) < 0)
        return reject(c, line, "核实日期“%s”不是有效日期", in->verified);
    /* places, early */
    char rbuf[256], pbuf[256];
    const char *region_text = trimmed(in->region, rbuf, sizeof rbuf);
    const char *province_text = trimmed(in->province, pbuf, sizeof pbuf);
    char region_code[DIV_BUF] = "", province_code[DIV_BUF] = "";
    char *region_key = NULL, *province_key = NULL;
    int region_mode = 0;
    char opbuf[256];
    const char *op = trimmed(in->operator_name, opbuf, sizeof opbuf);
    if (region_text) {
        int rc = stat_region_early(in->regions, region_text, region_code, why);
        if (rc < 0)
            return reject(c, line, "所在地区：%s", why);
        region_mode = rc ? 1 : 2;
        if (!rc)
            region_key = stat_region_key(region_text);
    } else if (in->area_from_operator && op) {
        region_mode = 3;
        region_text = op;
    }
    if (province_text) {
        int rc = stat_region_early(in->regions, province_text, province_code, why);
        if (rc < 0) {
            free(region_key);
            return reject(c, line, "省份：%s", why);
        }
        if (!rc)
            province_key = stat_region_key(province_text);
    }
    place_in *areas = NULL;
    size_t nareas = 0;
    if (in->areas && split_places(in->areas, &areas, &nareas, why, in->regions, bad) < 0) {
        free_places(areas, nareas);
        free(region_key);
        free(province_key);
        return reject(c, line, "服务地区“%s”：%s", bad, why);
    }
    /* replaced_by */
    char repl_digits[24] = "";
    char rpbuf[128];
    const char *repl = trimmed(in->replaced_by, rpbuf, sizeof rpbuf);
    if (repl) {
        phone_t rp;
        const char *pwhy;
        if (phone_parse(repl, &rp, &pwhy) != PK_BAD)
            snprintf(repl_digits, sizeof repl_digits, "%s", rp.digits);
    }
    /* numbers: all must read */
    hotline_num nums[HOTLINE_MAX_NUMBERS];
    phone_t ph[HOTLINE_MAX_NUMBERS];
    size_t nnum = hotline_split(in->number ? in->number : "", nums, HOTLINE_MAX_NUMBERS);
    int rc = 0;
    if (!nnum)
        rc = reject(c, line, "缺少电话号码（number）");
    for (size_t i = 0; i < nnum && !rc; i++) {
        const char *pwhy = NULL;
        if (phone_parse(nums[i].text, &ph[i], &pwhy) == PK_BAD) {
            rc = reject(c, line, "电话号码“%s”：%s", nums[i].text, pwhy ? pwhy : "无法识别");
            nnum = 0;
        }
    }
    int staged = 0;
    sqlite3_stmt *s = nnum ? load_stmt(
        c, &st,
        "INSERT INTO temp.hotline_stage(number, number_raw, display, extension, via_platform, "
        "phone_kind, area, service_line, operator, admin_level, region_mode, region_text, "
        "region_key, region_code, province_text, province_key, province_code, hours, "
        "hours_raw, holiday_rule, status, replaced_by, replaced_by_raw, published, verified, "
        "address, note, source_id, line) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
        "?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,?28,?29)") : NULL;
    sqlite3_stmt *as = nnum ? load_stmt(c, &ast,
                                        "INSERT INTO temp.hotline_area_stage(stage_id, ord, "
                                        "text, key, code) VALUES (?1,?2,?3,?4,?5)")
                            : NULL;
    if (nnum && (!s || !as))
        rc = -1;
    char tb[1024];
    for (size_t i = 0; i < nnum && !rc; i++) {
        char ext[64];
        const char *e = trimmed(in->extension, ext, sizeof ext);
        sqlite3_bind_text(s, 1, ph[i].digits, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, trimmed(in->number, tb, sizeof tb), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 3, ph[i].display, -1, SQLITE_TRANSIENT);
        bind_opt(s, 4, e ? e : ph[i].extension);
        bind_opt(s, 5, trimmed(in->via_platform, tb, sizeof tb));
        sqlite3_bind_int(s, 6, (int)ph[i].kind);
        bind_opt(s, 7, ph[i].area);
        sqlite3_bind_text(s, 8, service, -1, SQLITE_STATIC);
        bind_opt(s, 9, op);
        bind_opt(s, 10, level);
        sqlite3_bind_int(s, 11, region_mode);
        bind_opt(s, 12, region_text);
        bind_opt(s, 13, region_key);
        bind_opt(s, 14, region_code);
        bind_opt(s, 15, province_text);
        bind_opt(s, 16, province_key);
        bind_opt(s, 17, province_code);
        bind_opt(s, 18, hours_buf);
        bind_opt(s, 19, hours_raw);
        bind_opt(s, 20, trimmed(in->holiday_rule, tb, sizeof tb));
        sqlite3_bind_text(s, 21, status, -1, SQLITE_STATIC);
        bind_opt(s, 22, repl_digits);
        bind_opt(s, 23, repl);
        bind_opt(s, 24, published);
        bind_opt(s, 25, verified);
        bind_opt(s, 26, trimmed(in->address, tb, sizeof tb));
        char note[512];
        const char *n0 = trimmed(in->note, tb, sizeof tb);
        if (nums[i].note[0])
            snprintf(note, sizeof note, "%s%s%s", nums[i].note, n0 ? "；" : "", n0 ? n0 : "");
        else
            snprintf(note, sizeof note, "%s", n0 ? n0 : "");
        bind_opt(s, 27, note);
        sqlite3_bind_int64(s, 28, c->source_id);
        sqlite3_bind_int64(s, 29, line);
        int step = sqlite3_step(s);
        sqlite3_reset(s);
        if (step != SQLITE_DONE) {
            rc = diag_error(c->d, c->relpath, line, "cannot stage the hotline: %s",
                            sqlite3_errmsg(c->db)) ? -1 : 0;
            break;
        }
        long long id = sqlite3_last_insert_rowid(c->db);
        for (size_t a = 0; a < nareas && !rc; a++) {
            sqlite3_bind_int64(as, 1, id);
            sqlite3_bind_int64(as, 2, (long long)a);
            sqlite3_bind_text(as, 3, areas[a].text, -1, SQLITE_STATIC);
            bind_opt(as, 4, areas[a].key);
            bind_opt(as, 5, areas[a].code);
            if (sqlite3_step(as) != SQLITE_DONE)
                rc = -1;
            sqlite3_reset(as);
        }
        staged++;
        c->records++;
    }
    free_places(areas, nareas);
    free(region_key);
    free(province_key);
    return rc < 0 ? -1 : staged;
}
