/* sb_floor.c: the load floor of the statistics benchmark, `statbench load-floor DIR OUT`.
 *
 * What storing the generated rows costs in SQLite alone: the stat_value table and its two
 * indexes exactly as data/schema.sql declares them (taken from the schema built into the
 * program), the loader's PRAGMAs (journal off, synchronous off, 64 MB page cache,
 * exclusive lock), one transaction, one prepared INSERT per row, the indexes created once
 * the rows are in, as the loader does. Per row the least a loader must do: split the CSV
 * line of genstats' format (no quoted fields), the indicator's code and measure from its
 * name (the built-in catalogue, looked up once per distinct name), the period's first and
 * last day (a cumulative value starts on January 1), the value as a number and as written.
 * No checks, no provenance table, no verification. Prints key=value lines for
 * bench/stats.sh (floor_rows, floor_s, floor_insert_s, floor_index_s, floor_commit_s,
 * floor_db_bytes, floor_rss_kb). */
#include "sb.h"

#include "statcat.h"
#include "xalloc.h"

#include <errno.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

extern const char embedded_schema_sql[];

/* The statement of data/schema.sql that starts with head, to its ';' (not one in a "--"
 * comment). */
static char *schema_stmt(const char *head)
{
    const char *s = strstr(embedded_schema_sql, head), *e = NULL;
    for (const char *p = s; p && *p && !e; p++) {
        if (p[0] == '-' && p[1] == '-')
            p += strcspn(p, "\n") - 1;
        else if (*p == ';')
            e = p;
    }
    if (!e) {
        fprintf(stderr, "statbench: data/schema.sql has no '%s'\n", head);
        exit(1);
    }
    return xstrndup(s, (size_t)(e - s + 1));
}

static void exec_or_die(sqlite3 *h, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(h, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "statbench: %s: %s\n", sql, err ? err : "?");
        exit(1);
    }
}

struct ind_cache {
    char *name;
    const char *code;
    int cumulative;
};

static const struct ind_cache *indicator(struct ind_cache **v, size_t *n, size_t *cap,
                                         const char *name, size_t len)
{
    for (size_t i = 0; i < *n; i++)
        if (!strncmp((*v)[i].name, name, len) && !(*v)[i].name[len])
            return &(*v)[i];
    const stat_catalogue *cat = statcat_builtin();
    for (size_t k = 0; k < cat->n; k++)
        if (strlen(cat->v[k].name) == len && !memcmp(cat->v[k].name, name, len)) {
            *v = xgrow(*v, cap, *n + 1, sizeof **v);
            (*v)[*n] = (struct ind_cache){xstrndup(name, len), cat->v[k].code,
                                          cat->v[k].measure == SM_CUMULATIVE};
            return &(*v)[(*n)++];
        }
    return NULL;
}

static int month_days(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

static double secs_since(double t0)
{
    return (lat_now_ms() - t0) / 1e3;
}

int sb_load_floor(const char *dir, const char *out)
{
    double t_start = lat_now_ms();
    char *pat = xasprintf("%s/stats/*.csv", dir);
    glob_t g;
    if (glob(pat, 0, NULL, &g) != 0 || !g.gl_pathc) {
        fprintf(stderr, "statbench: no files %s\n", pat);
        return 1;
    }
    unlink(out);
    sqlite3 *h;
    if (sqlite3_open(out, &h) != SQLITE_OK) {
        fprintf(stderr, "statbench: cannot create %s\n", out);
        return 1;
    }
    exec_or_die(h, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                   "PRAGMA cache_size=-65536; PRAGMA locking_mode=EXCLUSIVE; BEGIN");
    char *table = schema_stmt("CREATE TABLE stat_value (");
    char *ix1 = schema_stmt("CREATE INDEX stat_value_lookup ");
    char *ix2 = schema_stmt("CREATE INDEX stat_value_region ");
    exec_or_die(h, table);
    sqlite3_stmt *ins;
    if (sqlite3_prepare_v2(h,
                           "INSERT INTO stat_value (indicator, region_code, region_name, "
                           "period_type, period_start, period_end, value, value_raw, unit, "
                           "source_doc, line) VALUES (?1, ?2, ?3, 'month', ?4, ?5, ?6, ?7, ?8, "
                           "?9, ?10)",
                           -1, &ins, NULL) != SQLITE_OK) {
        fprintf(stderr, "statbench: %s\n", sqlite3_errmsg(h));
        return 1;
    }
    struct ind_cache *inds = NULL;
    size_t ninds = 0, icap = 0;
    long long rows = 0, bytes = 0;
    for (size_t fi = 0; fi < g.gl_pathc; fi++) {
        FILE *f = fopen(g.gl_pathv[fi], "r");
        if (!f) {
            fprintf(stderr, "statbench: %s: %s\n", g.gl_pathv[fi], strerror(errno));
            return 1;
        }
        char *line = NULL;
        size_t lcap = 0;
        ssize_t len;
        long lineno = 0;
        while ((len = getline(&line, &lcap, f)) > 0) {
            bytes += len;
            if (++lineno == 1)
                continue; /* header */
            if (line[len - 1] == '\n')
                line[--len] = '\0';
            char *fld[6];
            size_t nf = 0;
            for (char *p = line; nf < 6; nf++) {
                fld[nf] = p;
                char *c = strchr(p, ',');
                if (!c) {
                    nf++;
                    break;
                }
                *c = '\0';
                p = c + 1;
            }
            const struct ind_cache *ind = nf == 6 ? indicator(&inds, &ninds, &icap, fld[0],
                                                              strlen(fld[0]))
                                                  : NULL;
            int y, m;
            if (!ind || sscanf(fld[3], "%d-%d", &y, &m) != 2 || m < 1 || m > 12) {
                fprintf(stderr, "statbench: %s:%ld: not a genstats row\n", g.gl_pathv[fi],
                        lineno);
                return 1;
            }
            char start[32], end[32];
            snprintf(start, sizeof start, "%04d-%02d-01", y % 10000, ind->cumulative ? 1 : m);
            snprintf(end, sizeof end, "%04d-%02d-%02d", y % 10000, m, month_days(y, m));
            sqlite3_bind_text(ins, 1, ind->code, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 2, fld[1], -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 3, fld[2], -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 4, start, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 5, end, -1, SQLITE_STATIC);
            sqlite3_bind_double(ins, 6, strtod(fld[4], NULL));
            sqlite3_bind_text(ins, 7, fld[4], -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 8, fld[5], -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 9, "基准测试生成数据（非真实统计）", -1, SQLITE_STATIC);
            sqlite3_bind_int64(ins, 10, lineno);
            if (sqlite3_step(ins) != SQLITE_DONE) {
                fprintf(stderr, "statbench: insert: %s\n", sqlite3_errmsg(h));
                return 1;
            }
            sqlite3_reset(ins);
            rows++;
        }
        free(line);
        fclose(f);
    }
    sqlite3_finalize(ins);
    double insert_s = secs_since(t_start);
    double t1 = lat_now_ms();
    exec_or_die(h, ix1);
    exec_or_die(h, ix2);
    double index_s = secs_since(t1);
    t1 = lat_now_ms();
    exec_or_die(h, "COMMIT");
    sqlite3_close(h);
    double commit_s = secs_since(t1);
    double total_s = secs_since(t_start);
    struct stat st;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("floor_rows=%lld\nfloor_input_bytes=%lld\nfloor_s=%.3f\nfloor_insert_s=%.3f\n"
           "floor_index_s=%.3f\nfloor_commit_s=%.3f\nfloor_db_bytes=%lld\nfloor_rss_kb=%ld\n",
           rows, bytes, total_s, insert_s, index_s, commit_s,
           stat(out, &st) == 0 ? (long long)st.st_size : -1LL, ru.ru_maxrss);
    for (size_t i = 0; i < ninds; i++)
        free(inds[i].name);
    free(inds);
    free(table);
    free(ix1);
    free(ix2);
    globfree(&g);
    free(pat);
    return 0;
}
