/* Tables of indicator × region × period (core/statq.h): the axes from the request (the
 * regions under a parent and the periods with values found by index seeks and the one
 * value query), each row or column's unit, labels, the title and the notes; a ranking and
 * a series are tables with a fixed layout. */
#include "statq_int.h"

#include "divcode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const axis_names[] = {"地区", "时期", "指标"};

void statq_table_free(stat_table *t)
{
    if (!t)
        return;
    /* A table given up half-built (a query interrupted by a newer one, an error) has its
     * sizes but not yet its keys and labels: free only what is there (the console crashed
     * in its worker, found by the monkey test). */
    for (size_t i = 0; i < t->nrows; i++) {
        if (t->row_keys)
            free(t->row_keys[i]);
        if (t->row_labels)
            free(t->row_labels[i]);
    }
    for (size_t i = 0; i < t->ncols; i++) {
        if (t->col_keys)
            free(t->col_keys[i]);
        if (t->col_labels)
            free(t->col_labels[i]);
    }
    for (size_t i = 0; t->cells && i < t->nrows * t->ncols; i++)
        statq_cell_free(&t->cells[i]);
    for (size_t i = 0; t->notes && i < t->nnotes; i++)
        free(t->notes[i]);
    free(t->row_keys);
    free(t->row_labels);
    free(t->col_keys);
    free(t->col_labels);
    free(t->col_units);
    free(t->row_units);
    free(t->cells);
    free(t->title);
    free(t->notes);
    memset(t, 0, sizeof *t);
}

/* A bound as the request gives it: a date, or a period's first (from) or last (to) day;
 * "" open. 0, or -1 when it is neither. */
static int bound(const char *text, int is_to, char out[11])
{
    out[0] = '\0';
    if (!text || !*text)
        return 0;
    if (strlen(text) == 10 && text[4] == '-' && text[7] == '-') {
        memcpy(out, text, 11);
        return 0;
    }
    stat_period p;
    if (!stat_period_parse(text, &p))
        return -1;
    memcpy(out, is_to ? p.end : p.start, 11);
    return 0;
}

/* Is unit u one an indicator can be shown in: of the dimension of one of its allowed
 * units (or month/year when converting)? */
static int unit_fits(const stat_ind *ind, const stat_unit *u, int convert)
{
    for (const char *p = ind->units; *p;) {
        size_t n = strcspn(p, "|");
        char *one = xstrndup(p, n);
        stat_unit a;
        double f;
        int ok = stat_unit_parse(one, &a) && stat_unit_factor(&a, u, convert, &f, NULL, NULL) == 0;
        free(one);
        if (ok)
            return 1;
        p += n + (p[n] == '|');
    }
    return 0;
}

static void add_note(stat_table *t, size_t *cap, char *note)
{
    for (size_t i = 0; i < t->nnotes; i++)
        if (!strcmp(t->notes[i], note)) {
            free(note);
            return;
        }
    t->notes = xgrow(t->notes, cap, t->nnotes + 1, sizeof *t->notes);
    t->notes[t->nnotes++] = note;
}

/* Region labels: the division's name now, else the name a source gave, else the code. */
static char **region_labels(sqlite3 *db, char *const *codes, size_t n, const sq_val *vals,
                            size_t nvals)
{
    char **labels = xcalloc(n ? n : 1, sizeof *labels);
    char (*canon)[DIV_BUF] = xcalloc(n ? n : 1, sizeof *canon);
    size_t named = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(codes[i], STAT_NATIONAL)) {
            labels[i] = xstrdup("全国");
            named++;
        } else if (!div_normalize(codes[i], canon[i])) {
            canon[i][0] = '\0';
        }
    }
    /* One statement for every division name, when there is a division table. */
    buf_t sql;
    buf_init(&sql);
    buf_adds(&sql, "SELECT code, name FROM division WHERE code IN (");
    size_t nbind = 0;
    for (size_t i = 0; i < n; i++)
        if (!labels[i] && *canon[i])
            buf_adds(&sql, nbind++ ? ",?" : "?");
    buf_adds(&sql, ") ORDER BY code, ended, valid_from DESC, id DESC");
    sqlite3_stmt *st;
    if (nbind && nbind < 30000 && sqlite3_prepare_v2(db, sql.s, -1, &st, NULL) == SQLITE_OK) {
        int k = 1;
        for (size_t i = 0; i < n; i++)
            if (!labels[i] && *canon[i])
                sqlite3_bind_text(st, k++, canon[i], -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *code = (const char *)sqlite3_column_text(st, 0);
            const char *name = (const char *)sqlite3_column_text(st, 1);
            for (size_t i = 0; code && name && *name && i < n; i++)
                if (!labels[i] && !strcmp(canon[i], code)) {
                    labels[i] = xstrdup(name); /* the first row: current, latest */
                    named++;
                }
        }
        sqlite3_finalize(st);
    }
    buf_free(&sql);
    for (size_t v = 0; v < nvals && named < n; v++) {
        if (!vals[v].region_name)
            continue;
        for (size_t i = 0; i < n; i++)
            if (!labels[i] && !strcmp(codes[i], vals[v].c.region)) {
                labels[i] = xstrdup(vals[v].region_name);
                named++;
            }
    }
    for (size_t i = 0; i < n; i++)
        if (!labels[i])
            labels[i] = statq_region_name(db, codes[i]);
    free(canon);
    return labels;
}

static int period_sort(const void *a, const void *b)
{
    return stat_period_cmp(a, b);
}

/* The distinct periods of the values, oldest first. */
static stat_period *periods_of(const sq_val *vals, size_t nvals, size_t *n)
{
    stat_period *p = xcalloc(nvals ? nvals : 1, sizeof *p);
    for (size_t i = 0; i < nvals; i++)
        p[i] = vals[i].c.period;
    qsort(p, nvals, sizeof *p, period_sort);
    size_t k = 0;
    for (size_t i = 0; i < nvals; i++)
        if (!k || stat_period_cmp(&p[k - 1], &p[i]) || p[k - 1].type != p[i].type)
            p[k++] = p[i];
    *n = k;
    return p;
}

/* The title: what the fixed axis is, and the span of the others. */
static char *make_title(sqlite3 *db, const stat_request *rq, const sq_grid *g,
                        char *const *region_names)
{
    enum stat_axis fixed = (enum stat_axis)(3 - rq->rows - rq->cols);
    buf_t b;
    buf_init(&b);
    const char *change = rq->change == SC_YOY ? "同比" : rq->change == SC_POP ? "环比" : "";
    if (fixed == SA_INDICATOR && g->nind) {
        stat_unit u = rq->change ? sq_change_unit(&g->show[0]) : g->show[0];
        buf_printf(&b, "%s%s（%s）", g->inds[0].name, change, u.name);
    } else if (*change) {
        buf_adds(&b, change);
    }
    if (fixed == SA_REGION && g->nreg) {
        buf_printf(&b, "%s%s", b.len ? "，" : "", region_names[0]);
    } else if (!rq->nregions) {
        const char *parent = rq->children_of;
        if (!parent || !*parent || !strcmp(parent, STAT_NATIONAL)) {
            buf_printf(&b, "%s各省级地区", b.len ? "，" : "");
        } else {
            char *name = statq_region_name(db, parent);
            buf_printf(&b, "%s%s所辖地区", b.len ? "，" : "", name);
            free(name);
        }
    }
    if (g->nper) {
        char a[32], z[32];
        stat_period_label(&g->periods[0], a);
        stat_period_label(&g->periods[g->nper - 1], z);
        if (g->nper == 1)
            buf_printf(&b, "%s%s", b.len ? "，" : "", a);
        else
            buf_printf(&b, "%s%s至%s", b.len ? "，" : "", a, z);
    }
    return buf_take(&b);
}

/* The period before each (a year before for 同比), year 0 where there is none. */
static stat_period *base_periods(const stat_period *p, size_t n, enum stat_change change)
{
    stat_period *b = xcalloc(n ? n : 1, sizeof *b);
    for (size_t i = 0; i < n; i++) {
        int ok = change == SC_POP ? stat_period_prev(&p[i], &b[i]) : stat_period_year_ago(&p[i], &b[i]);
        if (!ok)
            memset(&b[i], 0, sizeof b[i]);
    }
    return b;
}

static int fail(char **err, char *msg)
{
    if (err)
        *err = msg;
    else
        free(msg);
    return -1;
}

static int table(sqlite3 *db, const stat_request *rq, stat_table *out, char **err);

/* With no unit asked for, an indicator is shown in the dimension most of its values were
 * published in (the rural standard of a briefing series is per month, of a bulletin
 * series per year; a tie keeps the catalogue's), in that dimension's unit most of them
 * use (a tie goes to the smaller scale): a county table in 人 stays in 人, a province
 * table in 万人 stays in 万人 with the odd 159,000 人 shown as 15.9 (formatting keeps every
 * published digit, statq_format_value). */
static void published_units(const sq_val *vals, size_t nvals, const stat_ind *inds, size_t nind,
                            stat_unit *show)
{
    enum { NDIM = SD_PERCENT + 1, NUNITS = 8 };
    for (size_t i = 0; i < nind; i++) {
        size_t dim_count[NDIM] = {0};
        stat_unit seen[NUNITS];
        size_t seen_count[NUNITS] = {0}, nseen = 0;
        for (size_t k = 0; k < nvals; k++) {
            const stat_unit *u = &vals[k].c.unit;
            if ((unsigned)u->dim >= NDIM || u->dim == SD_NONE ||
                strcmp(vals[k].c.indicator, inds[i].code) ||
                !statcat_unit_allowed(inds[i].units, u->name))
                continue;
            dim_count[u->dim]++;
            size_t j = 0;
            while (j < nseen && strcmp(seen[j].name, u->name))
                j++;
            if (j == nseen && nseen < NUNITS)
                seen[nseen++] = *u;
            if (j < nseen)
                seen_count[j]++;
        }
        enum stat_dim dim = show[i].dim;
        for (int d = 1; d < NDIM; d++)
            if (dim_count[d] > dim_count[dim])
                dim = (enum stat_dim)d;
        size_t best = SIZE_MAX;
        for (size_t j = 0; j < nseen; j++)
            if (seen[j].dim == dim &&
                (best == SIZE_MAX || seen_count[j] > seen_count[best] ||
                 (seen_count[j] == seen_count[best] && seen[j].scale < seen[best].scale)))
                best = j;
        if (best != SIZE_MAX)
            show[i] = seen[best];
    }
}

int statq_table(sqlite3 *db, const stat_request *rq, stat_table *out, char **err)
{
    /* One read transaction: the statements share one lock and one snapshot. Ours when
     * BEGIN took effect, even if it then reports an interrupt (a newer query in the
     * console) and even if COMMIT fails: else the transaction stayed open and every later
     * query on the connection ran in its snapshot. */
    int own = 0;
    if (sqlite3_get_autocommit(db)) {
        sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
        own = !sqlite3_get_autocommit(db);
    }
    int rc = table(db, rq, out, err);
    if (own && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static int table(sqlite3 *db, const stat_request *rq, stat_table *out, char **err)
{
    memset(out, 0, sizeof *out);
    if (err)
        *err = NULL;
    if ((unsigned)rq->rows > SA_INDICATOR || (unsigned)rq->cols > SA_INDICATOR ||
        rq->rows == rq->cols)
        return fail(err, xstrdup("行和列须是地区、时期、指标中不同的两项"));
    if (!rq->nindicators)
        return fail(err, xstrdup("没有指定指标"));
    if (!rq->nperiods && (unsigned)rq->ptype > SP_YEAR)
        return fail(err, xstrdup("时期类型须是月、季、半年或年"));
    char from[11], to[11];
    if (!rq->nperiods && (bound(rq->from, 0, from) || bound(rq->to, 1, to)))
        return fail(err, xasprintf("时期范围写法不对：%s 至 %s", rq->from, rq->to));
    enum stat_axis fixed = (enum stat_axis)(3 - rq->rows - rq->cols);

    int rc = -1;
    size_t ncap = 0;
    stat_ind *inds = xcalloc(rq->nindicators, sizeof *inds);
    stat_unit *show = xcalloc(rq->nindicators, sizeof *show);
    size_t nind = 0, nreg = 0, nper = 0, nvals = 0, nbase = 0, nbasecells = 0;
    char **regions = NULL, **labels = NULL;
    stat_period *periods = NULL, *bases = NULL;
    sq_val *vals = NULL, *bvals = NULL;
    stat_cell *base = NULL;
    sq_tally tally = {0};
    stat_unit want = {0};

    /* Indicators, each once, in the order asked. */
    for (size_t i = 0; i < rq->nindicators; i++) {
        stat_ind ind;
        int got = sq_indicator(db, rq->indicators[i], &ind);
        if (got <= 0) {
            fail(err, got < 0 ? sq_db_error(db, sqlite3_errcode(db))
                              : xasprintf("未知指标：%s", rq->indicators[i]));
            goto done;
        }
        size_t j = 0;
        while (j < nind && strcmp(inds[j].code, ind.code))
            j++;
        if (j < nind)
            statq_ind_free(&ind);
        else
            inds[nind++] = ind;
    }
    /* The unit each is shown in: the one asked for where it fits, else its first. */
    if (rq->unit && *rq->unit && !stat_unit_parse(rq->unit, &want)) {
        fail(err, xasprintf("不认识的单位：%s", rq->unit));
        goto done;
    }
    for (size_t i = 0; i < nind; i++) {
        show[i] = inds[i].unit;
        if (want.dim == SD_NONE)
            continue;
        if (unit_fits(&inds[i], &want, rq->convert_period))
            show[i] = want;
        else
            add_note(out, &ncap, xasprintf("%s 不能以%s显示，按%s显示", inds[i].name, want.name,
                                           inds[i].unit.name));
    }
    /* Regions: as asked (each once), or those under a parent that have values. */
    if (rq->nregions) {
        regions = xcalloc(rq->nregions, sizeof *regions);
        for (size_t i = 0; i < rq->nregions; i++) {
            size_t j = 0;
            while (j < nreg && strcmp(regions[j], rq->regions[i]))
                j++;
            if (j == nreg)
                regions[nreg++] = xstrdup(rq->regions[i]);
        }
    } else {
        const char **codes = xcalloc(nind, sizeof *codes);
        for (size_t i = 0; i < nind; i++)
            codes[i] = inds[i].code;
        char *e = NULL;
        int got = sq_children(db, codes, nind, rq->children_of, &regions, &nreg, &e);
        free(codes);
        if (got) {
            fail(err, e);
            goto done;
        }
    }
    /* Periods: as asked (each once), or those with values, from the one value query. */
    sq_when when = {0};
    if (rq->nperiods) {
        periods = xcalloc(rq->nperiods, sizeof *periods);
        for (size_t i = 0; i < rq->nperiods; i++) {
            size_t j = 0;
            while (j < nper && (stat_period_cmp(&periods[j], &rq->periods[i]) ||
                                periods[j].type != rq->periods[i].type))
                j++;
            if (j == nper)
                periods[nper++] = rq->periods[i];
        }
        when.periods = periods;
        when.nperiods = nper;
    } else {
        when.type = rq->ptype;
        when.from = from;
        when.to = to;
    }
    if ((fixed == SA_INDICATOR && nind > 1) || (fixed == SA_REGION && nreg > 1) ||
        (fixed == SA_PERIOD && rq->nperiods && nper > 1)) {
        size_t k = fixed == SA_INDICATOR ? nind : fixed == SA_REGION ? nreg : nper;
        fail(err, xasprintf("表格只有行和列两个方向：%s须只有一项（现有 %zu 项）",
                            axis_names[fixed], k));
        goto done;
    }
    if (nreg) {
        char *e = NULL;
        if (sq_fetch(db, inds, nind, (const char *const *)regions, nreg, &when, &vals, &nvals,
                     &e) != 0) {
            fail(err, e);
            goto done;
        }
    }
    if (!rq->nperiods) {
        periods = periods_of(vals, nvals, &nper);
        if (fixed == SA_PERIOD && nper > 1) {
            fail(err, xasprintf("表格只有行和列两个方向：时期须只有一项（有值的时期 %zu 个，"
                                "请指定一个时期）",
                                nper));
            goto done;
        }
    }
    if (want.dim == SD_NONE)
        published_units(vals, nvals, inds, nind, show);
    sq_grid g = {inds, nind, show, regions, nreg, periods, nper, rq->rows, rq->cols,
                 rq->convert_period, rq->convert_hint, rq->change};
    if (sq_axis_size(&g, fixed) == 0) /* nothing to show: an empty table, saying so */
        g.nreg = g.nper = 0;
    /* Names first: placing moves the values out of vals. */
    labels = region_labels(db, regions, nreg, vals, nvals);
    out->cells = sq_place(&g, vals, nvals, &tally);
    out->nrows = sq_axis_size(&g, g.rows);
    out->ncols = sq_axis_size(&g, g.cols);

    /* 同比 / 环比: the same grid a year or a period before, by one more query. */
    if (rq->change != SC_NONE && out->nrows && out->ncols) {
        bases = base_periods(periods, nper, rq->change);
        size_t nvalid = 0;
        stat_period *valid = xcalloc(nper ? nper : 1, sizeof *valid);
        for (size_t i = 0; i < nper; i++)
            if (bases[i].year)
                valid[nvalid++] = bases[i];
        sq_when bw = {.periods = valid, .nperiods = nvalid};
        char *e = NULL;
        int got = sq_fetch(db, inds, nind, (const char *const *)regions, nreg, &bw, &bvals,
                           &nbase, &e);
        free(valid);
        if (got) {
            fail(err, e);
            goto done;
        }
        sq_grid bg = g;
        bg.periods = bases;
        base = sq_place(&bg, bvals, nbase, &tally);
        nbasecells = out->nrows * out->ncols;
        sq_changes(&g, out->cells, base, &tally);
    }

    /* Keys, labels and units of the two axes. */
    for (int side = 0; side < 2; side++) {
        enum stat_axis a = side ? rq->cols : rq->rows;
        size_t n = sq_axis_size(&g, a);
        char **keys = xcalloc(n ? n : 1, sizeof *keys), **lab = xcalloc(n ? n : 1, sizeof *lab);
        for (size_t i = 0; i < n; i++) {
            char kb[16], lb[32];
            if (a == SA_REGION) {
                keys[i] = xstrdup(regions[i]);
                lab[i] = xstrdup(labels[i]);
            } else if (a == SA_PERIOD) {
                keys[i] = xstrdup(sq_period_key(&periods[i], kb));
                lab[i] = xstrdup(stat_period_label(&periods[i], lb));
            } else {
                keys[i] = xstrdup(inds[i].code);
                lab[i] = xstrdup(inds[i].name);
            }
        }
        if (side) {
            out->col_keys = keys;
            out->col_labels = lab;
        } else {
            out->row_keys = keys;
            out->row_labels = lab;
        }
    }
    stat_unit *units = xcalloc((rq->rows == SA_INDICATOR ? out->nrows : out->ncols) + 1,
                               sizeof *units);
    for (size_t i = 0; i < (rq->rows == SA_INDICATOR ? out->nrows : out->ncols); i++) {
        const stat_unit *u = &show[rq->cols == SA_INDICATOR || rq->rows == SA_INDICATOR ? i : 0];
        units[i] = rq->change ? sq_change_unit(u) : *u;
    }
    if (rq->rows == SA_INDICATOR)
        out->row_units = units;
    else
        out->col_units = units;
    out->title = make_title(db, rq, &g, labels);

    char **notes;
    size_t nnotes;
    sq_tally_notes(&tally, &g, &notes, &nnotes);
    for (size_t i = 0; i < nnotes; i++)
        add_note(out, &ncap, notes[i]);
    free(notes);
    if (!nvals)
        add_note(out, &ncap, xstrdup("没有符合条件的数值"));
    rc = 0;
done:
    if (rc) {
        statq_table_free(out);
    }
    for (size_t i = 0; i < nind; i++)
        statq_ind_free(&inds[i]);
    free(inds);
    free(show);
    for (size_t i = 0; i < nreg; i++)
        free(regions[i]);
    free(regions);
    for (size_t i = 0; labels && i < nreg; i++)
        free(labels[i]);
    free(labels);
    free(periods);
    free(bases);
    sq_vals_free(vals, nvals);
    sq_vals_free(bvals, nbase);
    for (size_t i = 0; i < nbasecells; i++)
        statq_cell_free(&base[i]);
    free(base);
    sq_tally_free(&tally);
    return rc;
}

/* ---- a ranking and a series --------------------------------------------------------- */

int statq_ranking(sqlite3 *db, const char *indicator, const stat_period *period,
                  const char *parent, const char *unit, int convert_period, stat_table *out,
                  char **err)
{
    const char *inds[1] = {indicator};
    stat_request rq = {
        .indicators = inds,
        .nindicators = 1,
        .children_of = parent ? parent : STAT_NATIONAL,
        .periods = period,
        .nperiods = 1,
        .rows = SA_REGION,
        .cols = SA_PERIOD,
        .unit = unit,
        .convert_period = convert_period,
    };
    if (statq_table(db, &rq, out, err) != 0)
        return -1;
    statq_table_sort(out, 0, 1);
    char *title = xasprintf("%s，从高到低", out->title);
    free(out->title);
    out->title = title;
    return 0;
}

int statq_series(sqlite3 *db, const char *const *indicators, size_t n, const char *region,
                 enum stat_ptype ptype, const char *from, const char *to, const char *unit,
                 int convert_period, stat_table *out, char **err)
{
    const char *regions[1] = {region};
    stat_request rq = {
        .indicators = indicators,
        .nindicators = n,
        .regions = regions,
        .nregions = 1,
        .ptype = ptype,
        .rows = SA_PERIOD,
        .cols = SA_INDICATOR,
        .unit = unit,
        .convert_period = convert_period,
    };
    if (bound(from, 0, rq.from) || bound(to, 1, rq.to)) {
        memset(out, 0, sizeof *out);
        return fail(err, xasprintf("时期范围写法不对：%s 至 %s", from ? from : "", to ? to : ""));
    }
    return statq_table(db, &rq, out, err);
}
