/* Regions of relief statistics (loader/stat_regions.h). */
#include "stat_regions.h"

#include "fold.h"
#include "region_names.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *stat_region_key(const char *text)
{
    char *k = fold_utf8(text, strlen(text));
    char *w = k;
    for (char *r = k; *r; r++)
        if (*r != ' ' && *r != '\t')
            *w++ = *r;
    *w = '\0';
    return k;
}

/* The nation as sources write it, compared folded (the fold may pick 國 for 国). */
static int is_national(const char *key)
{
    static const char *const names[] = {"全国", "中国", "中华人民共和国", STAT_REGION_NATIONAL};
    static char *folded[4];
    for (size_t i = 0; i < 4; i++) {
        if (!folded[i])
            folded[i] = stat_region_key(names[i]); /* kept for the process: four words */
        if (!strcmp(key, folded[i]))
            return 1;
    }
    return 0;
}

/* A code or the nation: 1 with code, 0 when text is not written as a code, -1 with why
 * when it is written as one but malformed. */
static int code_of(const char *text, const char *key, char code[DIV_BUF],
                   char why[STAT_REGION_WHY])
{
    if (is_national(key)) {
        memcpy(code, STAT_REGION_NATIONAL, sizeof STAT_REGION_NATIONAL);
        return 1;
    }
    if (!div_looks_like_code(text))
        return 0;
    if (div_normalize(text, code))
        return 1;
    div_info di;
    div_parse(text, &di);
    snprintf(why, STAT_REGION_WHY, "%s", di.problem);
    return -1;
}

void stat_region_map_free(stat_region_map *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->codes);
    memset(m, 0, sizeof *m);
}

int stat_region_map_read(load_ctx *c, stat_region_map *m, int report)
{
    memset(m, 0, sizeof *m);
    size_t cap = 0, ccap = 0;
    for (size_t i = 0; i < c->sec->nkv; i++) {
        const mf_kv *kv = &c->sec->kv[i];
        if (strncmp(kv->key, "region.", 7) || !kv->key[7])
            continue;
        char code[DIV_BUF], why[STAT_REGION_WHY] = "";
        char *vkey = stat_region_key(kv->value);
        int ok = code_of(kv->value, vkey, code, why) == 1;
        free(vkey);
        if (!ok) {
            if (report && diag_error(c->d, c->m->file, kv->line,
                                     "[%s] %s = %s：不是区划代码%s%s%s", c->sec->name, kv->key,
                                     kv->value, *why ? "（" : "", why, *why ? "）" : "")) {
                stat_region_map_free(m);
                return -1;
            }
            continue;
        }
        m->keys = xgrow(m->keys, &cap, m->n + 1, sizeof *m->keys);
        m->codes = xgrow(m->codes, &ccap, m->n + 1, sizeof *m->codes);
        m->keys[m->n] = stat_region_key(kv->key + 7);
        memcpy(m->codes[m->n], code, DIV_BUF);
        m->n++;
    }
    return 0;
}

int stat_region_early(const stat_region_map *m, const char *text, char code[DIV_BUF],
                      char why[STAT_REGION_WHY])
{
    code[0] = '\0';
    why[0] = '\0';
    char *key = stat_region_key(text);
    int rc;
    if (!*key) {
        snprintf(why, STAT_REGION_WHY, "缺少地区");
        rc = -1;
        goto out;
    }
    /* The manifest's entries first: they may name what the divisions do not have. */
    for (size_t i = m->n; i-- > 0;)
        if (!strcmp(m->keys[i], key)) {
            memcpy(code, m->codes[i], DIV_BUF);
            rc = 1;
            goto out;
        }
    rc = code_of(text, key, code, why);
    if (rc < 0) {
        char problem[sizeof ((div_info *)0)->problem];
        snprintf(problem, sizeof problem, "%s", why);
        snprintf(why, STAT_REGION_WHY, "地区代码“%.256s”：%s", text, problem);
    }
out:
    free(key);
    return rc;
}

/* Reported once, by stat_regions_finish. */
static int exec(load_ctx *c, const char *sql)
{
    return sqlite3_exec(c->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

int stat_regions_finish(load_ctx *c)
{
    sqlite3_stmt *names = NULL, *set = NULL, *fail = NULL, *bad = NULL, *first = NULL;
    int rc = -1;
    if (exec(c, "CREATE TEMP TABLE stat_region_fail(key TEXT PRIMARY KEY, why TEXT NOT NULL);"
                "CREATE INDEX temp.stat_stage_unresolved ON stat_stage(region_key) "
                "WHERE region_code IS NULL;") != 0)
        goto out;
    if (sqlite3_prepare_v2(c->db, "SELECT DISTINCT region_key FROM temp.stat_stage "
                                  "WHERE region_code IS NULL", -1, &names, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "UPDATE temp.stat_stage SET region_code = ?2 "
                                  "WHERE region_code IS NULL AND region_key = ?1", -1, &set,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "INSERT INTO temp.stat_region_fail(key, why) VALUES (?1, ?2)",
                           -1, &fail, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "SELECT coalesce(src.path, '?'), s.line, s.region_name, count(*) OVER () "
                           "FROM temp.stat_stage s LEFT JOIN source src ON src.id = s.source_id "
                           "WHERE s.region_code IS NULL AND s.region_key = ?1 ORDER BY s.id "
                           "LIMIT 1", -1, &first, NULL) != SQLITE_OK)
        goto out;
    /* Each distinct name once; the updates wait until the names are read. */
    char **keys = NULL;
    size_t nkeys = 0, cap = 0;
    while (sqlite3_step(names) == SQLITE_ROW) {
        keys = xgrow(keys, &cap, nkeys + 1, sizeof *keys);
        keys[nkeys++] = xstrdup((const char *)sqlite3_column_text(names, 0));
    }
    int failed = 0;
    for (size_t i = 0; i < nkeys && !failed; i++) {
        char code[DIV_BUF];
        char *why = NULL, *note = NULL;
        int found = region_name_resolve(c, keys[i], "", code, &why, &note);
        if (found < 0) {
            failed = 1;
            break;
        }
        if (note) {
            /* A former name: said once, at its first row. */
            sqlite3_bind_text(first, 1, keys[i], -1, SQLITE_STATIC);
            if (sqlite3_step(first) == SQLITE_ROW) {
                long long rows = sqlite3_column_int64(first, 3);
                diag_warn(c->d, (const char *)sqlite3_column_text(first, 0),
                          (long)sqlite3_column_int64(first, 1), "地区“%s”%s（%lld 行）",
                          (const char *)sqlite3_column_text(first, 2), note, rows);
            }
            sqlite3_reset(first);
            free(note);
        }
        sqlite3_stmt *s = found ? set : fail;
        sqlite3_bind_text(s, 1, keys[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, found ? code : why, -1, SQLITE_STATIC);
        failed = sqlite3_step(s) != SQLITE_DONE;
        sqlite3_reset(s);
        free(why);
    }
    for (size_t i = 0; i < nkeys; i++)
        free(keys[i]);
    free(keys);
    if (failed)
        goto out;
    /* The rows left: reported in load order, then dropped. */
    if (sqlite3_prepare_v2(c->db,
                           "SELECT coalesce(src.path, '?'), s.line, s.region_name, f.why "
                           "FROM temp.stat_stage s JOIN temp.stat_region_fail f ON "
                           "f.key = s.region_key LEFT JOIN source src ON src.id = s.source_id "
                           "WHERE s.region_code IS NULL ORDER BY s.id",
                           -1, &bad, NULL) != SQLITE_OK)
        goto out;
    int stop = 0;
    while (!stop && sqlite3_step(bad) == SQLITE_ROW) {
        c->d->skipped++;
        stop = diag_error(c->d, (const char *)sqlite3_column_text(bad, 0),
                          sqlite3_column_int64(bad, 1), "地区“%s”%s",
                          (const char *)sqlite3_column_text(bad, 2),
                          (const char *)sqlite3_column_text(bad, 3));
    }
    if (stop)
        goto out;
    rc = exec(c, "DELETE FROM temp.stat_stage WHERE region_code IS NULL;"
                 "DROP INDEX temp.stat_stage_unresolved;");
out:
    if (rc && !c->d->stop)
        diag_error(c->d, "gongkai", 0, "statistics regions: %s", sqlite3_errmsg(c->db));
    sqlite3_finalize(names);
    sqlite3_finalize(set);
    sqlite3_finalize(fail);
    sqlite3_finalize(bad);
    sqlite3_finalize(first);
    region_names_end();
    return rc;
}
