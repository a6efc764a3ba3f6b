/* `gongkai stats`: relief statistics from the command line (core/statq.h). Without an
 * indicator, the indicators that have values; with one or more, a table laid out from
 * what was asked (one region: a series; many regions: regions × periods; many indicators
 * and many regions: one period), or a ranking (--rank), as text for people or as tidy
 * TSV, CSV or JSON (statfmt.c), in UTF-8 or GB18030. Regions are typed as 全国, a code,
 * a name or pinyin, periods as statperiod reads them; statplan.c resolves them and plans
 * the layout. The line mode's `stats …` runs the same (stats_line). Exit status: 0 values
 * found, 1 none, 2 error. */
#include "cli.h"

#include "cliopt.h"
#include "output.h"
#include "statfmt.h"
#include "statplan.h"
#include "statq.h"
#include "u8.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("用法 usage: gongkai stats [options] [INDICATOR...]\n"
          "  Without INDICATOR: the indicators that have values (--all: the whole catalogue).\n"
          "  INDICATOR is a name as published (城市低保人数, 城镇居民最低生活保障人数, 城市低保人數),\n"
          "  our code (urban_dibao_persons) or an official code (YZH012410000).\n"
          "  --region R         a region (repeatable): 全国, a division code (110000), a name\n"
          "                     (北京市, 北京) or pinyin (beijing, bj)\n"
          "  --under R          the regions under R that have values (全国: the provinces)\n"
          "  --period P         a period (repeatable): 2021, 2021-03, 2021Q1, 2021H1, 2021年3月\n"
          "  --from P, --to P   the periods from P to P (inclusive)\n"
          "  --type T           month, quarter, half or year (default: from the periods given,\n"
          "                     else the type with the most periods of values)\n"
          "  --rows A, --cols A the layout: region, period, indicator (the third has one item)\n"
          "  --unit U           show values in U (万人, 人, 元/人·月 ...) where it fits\n"
          "  --convert          convert 元/人·年 and 元/人·月 (÷12, ×12, labelled)\n"
          "  --yoy, --pop       change against a year before (同比) or the period before (环比)\n"
          "  --rank P           the regions (--under, default the provinces) for period P,\n"
          "                     largest first\n"
          "  --sort N[-]        sort rows by value column N (1 is the first; 0 the row labels);\n"
          "                     a trailing - sorts descending\n"
          "  --all              with no INDICATOR: the whole catalogue\n"
          "  --format FORMAT    text (default), tsv, csv, json (tsv/csv/json: one row per value)\n"
          "  --encoding ENC     utf-8 (default), gb18030 (for Excel)\n"
          "  --script SCRIPT    simplified, traditional, original (display only)\n"
          "Exit status: 0 values found, 1 nothing found, 2 error.\n",
          f);
}

static int parse_axis(const char *s, enum stat_axis *out)
{
    static const char *const names[][4] = {{"region", "regions", "地区", "r"},
                                           {"period", "periods", "时期", "p"},
                                           {"indicator", "indicators", "指标", "i"}};
    for (int a = 0; a < 3; a++)
        for (int k = 0; k < 4; k++)
            if (!strcmp(s, names[a][k])) {
                *out = (enum stat_axis)a;
                return 1;
            }
    return 0;
}

static int parse_type(const char *s, enum stat_ptype *out)
{
    static const char *const names[][3] = {
        {"month", "月", "m"}, {"quarter", "季", "q"}, {"half", "半年", "h"}, {"year", "年", "y"}};
    for (int t = 0; t < 4; t++)
        for (int k = 0; k < 3; k++)
            if (!strcmp(s, names[t][k])) {
                *out = (enum stat_ptype)t;
                return 1;
            }
    return 0;
}

static int bad_axis(FILE *err, const char *opt, const char *v)
{
    fprintf(err, "gongkai stats: --%s 取 region、period 或 indicator：%s\n", opt, v);
    return 2;
}

static void args_free(stats_args *a)
{
    free(a->inds);
    free(a->regions);
    free(a->periods);
}

/* 0 ok, 2 error (said on err), 3 help asked. */
static int parse_args(int argc, char **argv, stats_args *a, FILE *err)
{
    memset(a, 0, sizeof *a);
    a->out.encoding = "utf-8";
    a->inds = xcalloc((size_t)argc + 1, sizeof *a->inds);
    a->regions = xcalloc((size_t)argc + 1, sizeof *a->regions);
    a->periods = xcalloc((size_t)argc + 1, sizeof *a->periods);
    int only_words = 0;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v;
        int missing = 0, taken;
        if (only_words || arg[0] != '-' || !strcmp(arg, "-")) {
            a->inds[a->nind++] = arg;
        } else if (!strcmp(arg, "--")) {
            only_words = 1;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            return 3;
        } else if (!strcmp(arg, "--convert")) {
            a->convert = 1;
        } else if (!strcmp(arg, "--all")) {
            a->all = 1;
        } else if (!strcmp(arg, "--yoy") || !strcmp(arg, "--pop")) {
            enum stat_change c = arg[2] == 'y' ? SC_YOY : SC_POP;
            if (a->change && a->change != c) {
                fprintf(err, "gongkai stats: --yoy 和 --pop 只能选一个\n");
                return 2;
            }
            a->change = c;
        } else if ((v = cliopt_value(argc, argv, &i, "--region", &missing))) {
            a->regions[a->nreg++] = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--under", &missing))) {
            a->under = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--period", &missing))) {
            a->periods[a->nper++] = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--from", &missing))) {
            a->from = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--to", &missing))) {
            a->to = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--unit", &missing))) {
            a->unit = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--rank", &missing))) {
            a->rank = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--type", &missing))) {
            if (!parse_type(v, &a->type)) {
                fprintf(err, "gongkai stats: --type 取 month、quarter、half 或 year：%s\n", v);
                return 2;
            }
            a->has_type = 1;
        } else if ((v = cliopt_value(argc, argv, &i, "--rows", &missing))) {
            if (!parse_axis(v, &a->rows))
                return bad_axis(err, "rows", v);
            a->has_rows = 1;
        } else if ((v = cliopt_value(argc, argv, &i, "--cols", &missing))) {
            if (!parse_axis(v, &a->cols))
                return bad_axis(err, "cols", v);
            a->has_cols = 1;
        } else if ((v = cliopt_value(argc, argv, &i, "--sort", &missing))) {
            size_t n = strlen(v);
            int desc = n && v[n - 1] == '-', asc = n && v[n - 1] == '+';
            char *num = xstrndup(v, n - (size_t)(desc || asc));
            int bad = cliopt_count(num, 0, 100000, &a->sort_col) != 0;
            free(num);
            if (bad) {
                fprintf(err, "gongkai stats: --sort 取列号，如 --sort 1 或 --sort 2-（降序）：%s\n",
                        v);
                return 2;
            }
            a->sort_set = 1;
            a->sort_desc = desc;
        } else if ((taken = cliopt_output_take("stats", argc, argv, &i, &a->out, &missing))) {
            if (taken == 2)
                return 2;
        } else {
            fprintf(err, missing ? "gongkai stats: %s needs a value\n"
                                 : "gongkai stats: unknown option %s\n", arg);
            return 2;
        }
    }
    if (a->has_rows && a->has_cols && a->rows == a->cols) {
        fprintf(err, "gongkai stats: --rows 和 --cols 须不同\n");
        return 2;
    }
    return 0;
}

/* ---- running ------------------------------------------------------------------------- */

static void print_notes_stderr(const stat_table *t, FILE *err)
{
    for (size_t i = 0; i < t->nnotes; i++) {
        char *n = u8_sanitize(t->notes[i], strlen(t->notes[i]), 0);
        fprintf(err, "gongkai stats: 注：%s\n", n);
        free(n);
    }
}

/* Builds the table in unit (NULL: each indicator's first). 0, or -1 with *e. */
static int build(sqlite3 *h, const stats_args *a, const stats_plan *r, const char *unit,
                 stat_table *t, char **e)
{
    if (a->rank && !r->nreg && !a->change)
        return statq_ranking(h, r->inds[0], &r->rank, *r->under ? r->under : STAT_NATIONAL,
                             unit, a->convert, t, e);
    const char **regions = xcalloc(r->nreg + 1, sizeof *regions);
    for (size_t i = 0; i < r->nreg; i++)
        regions[i] = r->regions[i];
    stat_request rq = {
        .indicators = (const char *const *)r->inds,
        .nindicators = r->nind,
        .regions = regions,
        .nregions = r->nreg,
        .children_of = *r->under ? r->under : NULL,
        .ptype = r->type,
        .periods = r->nper ? r->periods : NULL,
        .nperiods = r->nper,
        .rows = r->rows,
        .cols = r->cols,
        .unit = unit,
        .convert_period = a->convert,
        .convert_hint = "加 --convert ",
        .change = a->change,
    };
    memcpy(rq.from, r->from, sizeof rq.from);
    memcpy(rq.to, r->to, sizeof rq.to);
    int rc = statq_table(h, &rq, t, e);
    free(regions);
    return rc;
}

static int run_table(gk_db *db, textenc_out *o, const stats_args *a, stats_plan *r, FILE *err)
{
    sqlite3 *h = db->h;
    int rc = stats_plan_layout(h, a, r, err);
    if (rc)
        return rc;
    enum stat_axis rows = r->rows, cols = r->cols, fixed = (enum stat_axis)(3 - rows - cols);
    stat_table t;
    char *e = NULL;
    rc = build(h, a, r, a->unit, &t, &e);
    if (rc != 0) {
        char *m = u8_sanitize(e ? e : "", strlen(e ? e : ""), 0);
        fprintf(err, "gongkai stats: %s\n", m);
        free(m);
        free(e);
        return 2;
    }
    if (a->rank && (r->nreg || a->change)) {
        statq_table_sort(&t, 0, 1);
        char *title = xasprintf("%s，从高到低", t.title);
        free(t.title);
        t.title = title;
    }
    if (a->sort_set) {
        if (a->sort_col > t.ncols) {
            fprintf(err, "gongkai stats: --sort %zu：表格只有 %zu 列数值\n", a->sort_col, t.ncols);
            statq_table_free(&t);
            return 2;
        }
        statq_table_sort(&t, a->sort_col ? a->sort_col - 1 : SIZE_MAX, a->sort_desc);
    }
    /* The third axis's one item, for the printers. */
    char key[16] = "", label[32] = "";
    char *fixed_label = NULL;
    const char *fixed_key = NULL;
    const stat_cell *c0 = t.nrows && t.ncols ? &t.cells[0] : NULL;
    if (c0 && fixed == SA_PERIOD) {
        fixed_key = sf_period_key(&c0->period, key);
        fixed_label = xstrdup(stat_period_label(&c0->period, label));
    } else if (c0 && fixed == SA_REGION) {
        fixed_key = c0->region;
        fixed_label = statq_region_name(h, c0->region);
    } else if (c0 && fixed == SA_INDICATOR) {
        stat_ind ind;
        fixed_key = c0->indicator;
        if (statq_indicator(h, c0->indicator, &ind) == 1) {
            fixed_label = xstrdup(ind.name);
            statq_ind_free(&ind);
        }
    }
    sf_table s = {&t, rows, cols, fixed_key, fixed_label};
    buf_t b;
    buf_init(&b);
    if (a->out.fmt == FMT_TEXT) {
        sf_text(&b, &s, a->out.script);
        if (!sf_present(&t) && !t.nnotes)
            buf_adds(&b, "没有符合条件的数值\n");
    } else {
        print_notes_stderr(&t, err);
        if (a->out.fmt == FMT_JSON)
            sf_json(&b, &s);
        else
            sf_tidy(&b, &s, a->out.fmt == FMT_CSV, a->out.script);
    }
    out_flush(o, &b);
    buf_free(&b);
    rc = sf_present(&t) ? 0 : 1;
    if (!rc && r->hint.len) {
        char *m = u8_sanitize(r->hint.s, r->hint.len, U8_SAN_KEEP_NL);
        fputs(m, err);
        free(m);
    }
    free(fixed_label);
    statq_table_free(&t);
    return rc;
}

static int run_list(gk_db *db, textenc_out *o, const stats_args *a, FILE *err)
{
    stat_ind *v;
    size_t n;
    char *e = NULL;
    if (statq_indicators(db->h, a->all, &v, &n, &e) != 0) {
        fprintf(err, "gongkai stats: %s\n", e ? e : "");
        free(e);
        return 2;
    }
    buf_t b;
    buf_init(&b);
    if (a->out.fmt == FMT_TEXT)
        sf_indicators_text(&b, v, n, a->all, a->out.script);
    else if (a->out.fmt == FMT_JSON)
        sf_indicators_json(&b, v, n, a->all);
    else
        sf_indicators_tidy(&b, v, n, a->out.fmt == FMT_CSV, a->out.script);
    out_flush(o, &b);
    buf_free(&b);
    statq_indicators_free(v, n);
    return n ? 0 : 1;
}

static int run(gk_db *db, textenc_out *o, const stats_args *a, FILE *err)
{
    if (!a->nind)
        return run_list(db, o, a, err);
    stats_plan r;
    int rc = stats_resolve(db, a, &r, err);
    if (!rc)
        rc = run_table(db, o, a, &r, err);
    stats_plan_free(&r);
    return rc;
}

int cmd_stats_main(int argc, char **argv, const config_t *cfg, const char *db_path)
{
    stats_args a;
    int rc = parse_args(argc, argv, &a, stderr);
    if (rc == 3) {
        usage(stdout);
        args_free(&a);
        return 0;
    }
    if (rc) {
        usage(stderr);
        args_free(&a);
        return rc;
    }
    cliopt_output_done(&a.out, cfg->script);
    gk_db *db;
    textenc_out *o;
    if (cliopt_open("stats", db_path, a.out.encoding, &db, &o) != 0) {
        args_free(&a);
        return 2;
    }
    rc = run(db, o, &a, stderr);
    rc = cliopt_close("stats", db, o, rc);
    args_free(&a);
    return rc;
}

/* Words of a line: separated by spaces, "double quotes" keep spaces. New array. */
static char **split_words(const char *line, int *argc)
{
    char **v = xcalloc(strlen(line) / 2 + 2, sizeof *v);
    int n = 0;
    const char *p = line;
    for (;;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        buf_t w;
        buf_init(&w);
        int quoted = 0;
        for (; *p && (quoted || *p != ' '); p++) {
            if (*p == '"')
                quoted = !quoted;
            else
                buf_addc(&w, *p);
        }
        v[n++] = w.s ? buf_take(&w) : xstrdup("");
    }
    *argc = n;
    return v;
}

int stats_line(gk_db *db, textenc_out *o, const char *args, enum convert_script script)
{
    int argc;
    char **argv = split_words(args, &argc);
    stats_args a;
    int rc = parse_args(argc, argv, &a, stderr);
    if (rc == 3) {
        buf_t b;
        buf_init(&b);
        buf_adds(&b, "stats [指标...] [--region 地区]... [--under 地区] [--period 时期]... "
                     "[--from 时期] [--to 时期] [--type month|quarter|half|year] "
                     "[--rows|--cols region|period|indicator] [--unit 单位] [--convert] "
                     "[--yoy|--pop] [--rank 时期] [--sort N[-]]（详见 gongkai stats -h）\n");
        out_flush(o, &b);
        buf_free(&b);
        rc = 0;
    } else if (!rc) {
        a.out.fmt = FMT_TEXT; /* the line mode prints for people */
        a.out.script = script;
        rc = run(db, o, &a, stderr);
    }
    args_free(&a);
    for (int i = 0; i < argc; i++)
        free(argv[i]);
    free(argv);
    return rc;
}
