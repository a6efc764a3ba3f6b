/* kind = place_names: 地名 records from a table (a gazetteer extract, a names-with-pinyin
 * list such as ok_data_level4.csv): the division code a name belongs to, its standard
 * name, and what the source gives besides: a short name, the published pinyin, category,
 * meaning (含义), origin (来历), history (沿革) and coordinates (docs/data-formats.md).
 *
 * The published pinyin is what makes this kind matter for look-up: Unihan's customary
 * reading is wrong for a few hundred place names (六安 lu an, 乐亭 lao ting, 浍 kuai), and a
 * caller says them the local way. A spelling is kept for look-up (pinyin_key) when it is
 * syllables of letters and spells the first characters of the standard name: the short
 * name it was written for must begin the standard name, and have as many characters as
 * the spelling has syllables. The division rows take it when the load finishes
 * (division_finish), so the order of the sources does not matter. */
#include "kinds.h"

#include "csvmap.h"
#include "divcode.h"
#include "pinyin.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {"code",     "name",          "short_name", "pinyin",
                                     "category", "category_code", "place_code", "meaning",
                                     "origin",   "history",       "lon",        "lat",
                                     NULL};
enum { F_CODE, F_NAME, F_SHORT, F_PINYIN, F_CAT, F_CAT_CODE, F_PLACE, F_MEANING, F_ORIGIN,
       F_HISTORY, F_LON, F_LAT };

/* The spelling lower case, syllables one space apart ("Lu  An" -> "lu an"); NULL when it
 * holds anything but ASCII letters, spaces and apostrophes (tone marks are not read). */
static char *spelling_key(const char *s)
{
    buf_t b;
    buf_init(&b);
    int gap = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '\'' || *p == '\t') {
            gap = b.len > 0;
            continue;
        }
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
            buf_free(&b);
            return NULL;
        }
        if (gap)
            buf_addc(&b, ' ');
        gap = 0;
        buf_addc(&b, (char)(*p | 0x20));
    }
    if (!b.len) {
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b);
}

/* Does the spelling fit the start of name: the short name begins it and has one
 * character with a reading per syllable (pinyin_units_spelled accepts it)? */
static int spelling_fits(const char *key, const char *name, const char *short_name)
{
    const char *head = *short_name ? short_name : name;
    if (strncmp(name, head, strlen(head)))
        return 0;
    pinyin_unit u[PINYIN_MAX_UNITS];
    size_t n = pinyin_units(head, strlen(head), u, PINYIN_MAX_UNITS);
    size_t syllables = 1;
    for (const char *p = key; *p; p++)
        syllables += *p == ' ';
    char *copy = xstrdup(key);
    size_t applied = syllables == n ? pinyin_units_spelled(u, n, copy) : 0;
    free(copy);
    return applied == syllables;
}

static int bind_opt(sqlite3_stmt *s, int i, const char *v)
{
    return *v ? sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(s, i);
}

static int bind_coord(load_ctx *c, long line, sqlite3_stmt *s, int i, const char *v,
                      double lo, double hi, const char *what)
{
    if (!*v)
        return sqlite3_bind_null(s, i);
    char *end;
    double x = strtod(v, &end);
    if (*end || x < lo || x > hi) {
        diag_warn(c->d, c->relpath, line, "%s“%s”不是 %g 到 %g 之间的数，未存", what, v, lo, hi);
        return sqlite3_bind_null(s, i);
    }
    return sqlite3_bind_double(s, i, x);
}

static int store(load_ctx *c, const csvmap *m)
{
    static sqlite3_stmt *st;
    const char *const *v = m->v;
    char code[DIV_BUF];
    if (!div_normalize(v[F_CODE], code)) {
        div_info di;
        div_parse(v[F_CODE], &di);
        c->d->skipped++;
        return diag_error(c->d, c->relpath, m->line, "区划代码“%s”：%s", v[F_CODE], di.problem)
                   ? -1
                   : 0;
    }
    const char *name = v[F_NAME];
    while (*name == ' ')
        name++;
    if (!*name) {
        c->d->skipped++;
        return diag_error(c->d, c->relpath, m->line, "代码 %s 的地名为空", code) ? -1 : 0;
    }
    char *key = NULL;
    if (*v[F_PINYIN]) {
        key = spelling_key(v[F_PINYIN]);
        if (!key)
            diag_warn(c->d, c->relpath, m->line, "拼音“%s”只能含字母、空格和撇号，未用于检索",
                      v[F_PINYIN]);
        else if (!spelling_fits(key, name, v[F_SHORT])) {
            diag_warn(c->d, c->relpath, m->line,
                      "拼音“%s”与“%s”的字数对不上，未用于检索", v[F_PINYIN],
                      *v[F_SHORT] ? v[F_SHORT] : name);
            free(key);
            key = NULL;
        }
    }
    sqlite3_stmt *s = load_stmt(
        c, &st,
        "INSERT INTO place_name(place_code, division_code, standard_name, category, "
        "category_code, pinyin, pinyin_key, meaning, origin, history, lon, lat, source_id, line) "
        "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
    if (!s) {
        free(key);
        return -1;
    }
    bind_opt(s, 1, v[F_PLACE]);
    sqlite3_bind_text(s, 2, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, name, -1, SQLITE_STATIC);
    bind_opt(s, 4, v[F_CAT]);
    bind_opt(s, 5, v[F_CAT_CODE]);
    bind_opt(s, 6, v[F_PINYIN]);
    if (key)
        sqlite3_bind_text(s, 7, key, -1, SQLITE_STATIC);
    bind_opt(s, 8, v[F_MEANING]);
    bind_opt(s, 9, v[F_ORIGIN]);
    bind_opt(s, 10, v[F_HISTORY]);
    bind_coord(c, m->line, s, 11, v[F_LON], -180, 180, "经度");
    bind_coord(c, m->line, s, 12, v[F_LAT], -90, 90, "纬度");
    sqlite3_bind_int64(s, 13, c->source_id);
    sqlite3_bind_int64(s, 14, m->line);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    free(key);
    if (rc != SQLITE_DONE)
        return diag_error(c->d, c->relpath, m->line, "cannot store the place name of %s: %s",
                          code, sqlite3_errmsg(c->db))
                   ? -1
                   : 0;
    c->records++;
    return 1;
}

static int load_place_names_file(load_ctx *c, const char *text, size_t len)
{
    static const char *const required[] = {"code", "name", NULL};
    /* A byte-order mark before the header (ok_data_level4.csv has one). */
    if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
        text += 3;
        len -= 3;
    }
    csvmap m;
    if (csvmap_open(&m, c, text, len, fields, required) != 0) {
        csvmap_close(&m);
        return c->d->stop ? -1 : 0;
    }
    while (csvmap_next(&m, c))
        if (store(c, &m) < 0)
            break;
    csvmap_close(&m);
    return 0;
}

const load_kind kind_place_names = {
    .name = "place_names",
    .keys = NULL,
    .csv_fields = fields,
    .begin = NULL,
    .load_file = load_place_names_file,
    .finish = NULL, /* division_finish takes the spellings */
};
