/* pb_base.c: placebench's baselines, on the same database in the same run.
 *
 *   floor, code   SELECT id FROM division WHERE code = ?1  (the exact-code queries of the
 *                 three lengths in turn)
 *   floor, name   SELECT division FROM division_key WHERE key = ?1 AND kind = 0
 *                 (fold_utf8 of the exact-name queries, folded outside the timing)
 *   scan          SELECT id FROM division WHERE name LIKE '%'||?1||'%' (the contains
 *                 queries: what a tool without an index does; BASE_REPS of them)
 *
 * Each timed like a look-up: prepare, bind, step to the last row, finalize; the floors
 * REPS times after PB_WARMUP untimed, interleaved with each other. */
#include "pb.h"

#include "fold.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static double timed(sqlite3 *h, const char *sql, const char *arg, long *rows)
{
    return lat_timed_sql(h, sql, arg, rows, "placebench");
}

/* The k-th exact-code query, taking the code classes in turn. */
static const char *code_query(pb_class *const *codes, size_t ncodes, long k)
{
    const pb_class *c = codes[(size_t)k % ncodes];
    return c->q[((size_t)k / ncodes) % c->nq];
}

void pb_baselines(gk_db *db, pb_class *cls, size_t ncls, pb_run *run)
{
    static const char *const code_sql = "SELECT id FROM division WHERE code = ?1";
    static const char *const name_sql =
        "SELECT division FROM division_key WHERE key = ?1 AND kind = 0";
    static const char *const scan_sql =
        "SELECT id FROM division WHERE name LIKE '%' || ?1 || '%'";
    pb_class *codes[3];
    size_t ncodes = 0;
    static const char *const code_classes[] = {"code6", "code9", "code12"};
    for (size_t i = 0; i < 3; i++) {
        pb_class *c = pb_find(cls, ncls, code_classes[i]);
        if (c && c->nq)
            codes[ncodes++] = c;
    }
    pb_class *names = pb_find(cls, ncls, "name_exact");
    pb_class *parts = pb_find(cls, ncls, "contains");

    char **keys = NULL;
    if (names) {
        keys = xcalloc(names->nq, sizeof *keys);
        for (size_t i = 0; i < names->nq; i++)
            keys[i] = fold_utf8(names->q[i], strlen(names->q[i]));
    }
    double *vc = xcalloc((size_t)run->reps + 1, sizeof *vc);
    double *vn = xcalloc((size_t)run->reps + 1, sizeof *vn);
    for (long k = 0; k < PB_WARMUP; k++) {
        if (ncodes)
            timed(db->h, code_sql, code_query(codes, ncodes, k), NULL);
        if (names)
            timed(db->h, name_sql, keys[(size_t)k % names->nq], NULL);
    }
    long rows_c = 0, rows_n = 0;
    for (long k = 0; k < run->reps; k++) {
        long before_c = rows_c, before_n = rows_n;
        if (ncodes) {
            vc[k] = timed(db->h, code_sql, code_query(codes, ncodes, k), &rows_c);
            run->floor_code_found += rows_c > before_c;
        }
        if (names) {
            vn[k] = timed(db->h, name_sql, keys[(size_t)k % names->nq], &rows_n);
            run->floor_name_found += rows_n > before_n;
        }
    }
    if (ncodes)
        lat_stats(vc, (size_t)run->reps, &run->floor_code);
    if (names)
        lat_stats(vn, (size_t)run->reps, &run->floor_name);
    free(vc);
    free(vn);
    if (keys)
        for (size_t i = 0; i < names->nq; i++)
            free(keys[i]);
    free(keys);

    if (parts && parts->nq && run->base_reps > 0) {
        double *vs = xcalloc((size_t)run->base_reps + 1, sizeof *vs);
        long rows = 0;
        timed(db->h, scan_sql, parts->q[0], NULL); /* warm-up */
        for (long k = 0; k < run->base_reps; k++)
            vs[k] = timed(db->h, scan_sql, parts->q[(size_t)k % parts->nq], &rows);
        lat_stats(vs, (size_t)run->base_reps, &run->scan);
        run->scan_rows = (double)rows / (double)run->base_reps;
        free(vs);
    }
}
