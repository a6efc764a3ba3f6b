/* ob_base.c: orgbench's baselines, on the same database in the same run.
 *
 *   floor, code   SELECT id FROM org WHERE uscc = ?            (the code_exact queries)
 *   floor, name   SELECT org_id FROM org_name WHERE name_key = ? (orgname_key of the
 *                 name_exact queries, computed outside the timing)
 *   scan          SELECT id FROM org WHERE name LIKE '%'||?||'%' (the partial queries:
 *                 what a tool without an index does; BASE_REPS of them)
 *
 * Each timed like a check: prepare, bind, step to the last row, finalize. */
#include "ob.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

ob_class *ob_find(ob_class *cls, size_t ncls, const char *name)
{
    for (size_t i = 0; i < ncls; i++)
        if (!strcmp(cls[i].name, name))
            return &cls[i];
    return NULL;
}

static double timed(sqlite3 *h, const char *sql, const char *arg, long *rows)
{
    return lat_timed_sql(h, sql, arg, rows, "orgbench");
}

void ob_baselines(gk_db *db, ob_class *cls, size_t ncls, ob_run *run)
{
    static const char *const code_sql = "SELECT id FROM org WHERE uscc = ?1";
    static const char *const name_sql = "SELECT org_id FROM org_name WHERE name_key = ?1";
    static const char *const scan_sql = "SELECT id FROM org WHERE name LIKE '%' || ?1 || '%'";
    ob_class *codes = ob_find(cls, ncls, "code_exact");
    ob_class *names = ob_find(cls, ncls, "name_exact");
    ob_class *parts = ob_find(cls, ncls, "partial");
    if (!parts)
        parts = names;
    run->floor_code_from = codes ? codes->name : NULL;
    run->floor_name_from = names ? names->name : NULL;
    run->scan_from = parts ? parts->name : NULL;

    char **keys = NULL;
    if (names) {
        keys = xcalloc(names->nq, sizeof *keys);
        for (size_t i = 0; i < names->nq; i++)
            keys[i] = orgname_key(names->q[i]);
    }
    double *vc = xcalloc((size_t)run->reps + 1, sizeof *vc);
    double *vn = xcalloc((size_t)run->reps + 1, sizeof *vn);
    for (long k = 0; k < OB_WARMUP; k++) {
        if (codes)
            timed(db->h, code_sql, codes->q[(size_t)k % codes->nq], NULL);
        if (names)
            timed(db->h, name_sql, keys[(size_t)k % names->nq], NULL);
    }
    long found_c = 0, found_n = 0;
    for (long k = 0; k < run->reps; k++) {
        if (codes)
            vc[k] = timed(db->h, code_sql, codes->q[(size_t)k % codes->nq], &found_c);
        if (names)
            vn[k] = timed(db->h, name_sql, keys[(size_t)k % names->nq], &found_n);
    }
    if (codes)
        lat_stats(vc, (size_t)run->reps, &run->floor_code);
    if (names)
        lat_stats(vn, (size_t)run->reps, &run->floor_name);
    free(vc);
    free(vn);
    if (keys)
        for (size_t i = 0; i < names->nq; i++)
            free(keys[i]);
    free(keys);

    if (parts && run->base_reps > 0) {
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
