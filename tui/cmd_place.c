/* `gongkai place QUERY`: place names and division codes from the command line: the
 * look-up (core/place.h), a code's current children (--children) or its history
 * (--history), each also as of a date (--as-of), as text for people or as TSV, CSV or
 * JSON (placefmt.c), in UTF-8 or GB18030. Exit status as `gongkai org`: 0 found, 1
 * nothing, 2 error (a malformed date too). */
#include "cli.h"

#include "cliopt.h"
#include "output.h"
#include "place.h"
#include "placefmt.h"
#include "placetext.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum mode { MODE_LOOKUP, MODE_CHILDREN, MODE_HISTORY };

typedef struct {
    place_opts po;
    cliopt_output out; /* --format, --encoding, --script */
    enum mode mode;
    buf_t input;
    char date[11];     /* --as-of, YYYY-MM-DD; "" none (po.date points here) */
} place_args;

static void usage(FILE *f)
{
    fputs("用法 usage: gongkai place [options] QUERY...\n"
          "  QUERY is a place name (东城区, 東城, 华门), a division code or the start of one\n"
          "  (110101, 1101, 11), or pinyin (dongcheng, dc, chongqing, zhongqing, cq).\n"
          "  --children         QUERY is a code: list its current children (\"\": the provinces)\n"
          "  --history          QUERY is a code: its names, what it became, what became it\n"
          "  --level N          only divisions of level N: 1 省级, 2 地级, 3 县级, 4 乡级, 5 村级\n"
          "  --current          only divisions in force (codes no longer in force are shown\n"
          "                     by default, marked 【已撤销】 with what they became)\n"
          "  --limit N          divisions to show (1..500, default 50)\n"
          "  --as-of DATE       what each was at DATE (YYYY-MM-DD, YYYY-MM, YYYY, 2006年10月;\n"
          "                     a month or year means its first day): in force, not yet set\n"
          "                     up, ended, or unknown when the source gives no dates; the\n"
          "                     name then and the codes in force then. With --children: the\n"
          "                     children then\n"
          "  --format FORMAT    text (default), tsv, csv, json\n"
          "  --encoding ENC     utf-8 (default), gb18030 (for Excel)\n"
          "  --script SCRIPT    simplified, traditional, original (display only)\n"
          "Exit status: 0 found, 1 nothing found, 2 error.\n",
          f);
}

static int parse_args(int argc, char **argv, const config_t *cfg, place_args *a)
{
    memset(a, 0, sizeof *a);
    place_opts def = PLACE_OPTS_INIT;
    a->po = def;
    a->out.encoding = "utf-8";
    buf_init(&a->input);
    int words = 0, only_words = 0;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v;
        int missing = 0, taken;
        size_t n;
        if (only_words || strncmp(arg, "-", 1) || !strcmp(arg, "-")) {
            buf_printf(&a->input, "%s%s", words++ ? " " : "", arg);
        } else if (!strcmp(arg, "--")) {
            only_words = 1;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(arg, "--children")) {
            a->mode = MODE_CHILDREN;
        } else if (!strcmp(arg, "--history")) {
            a->mode = MODE_HISTORY;
        } else if (!strcmp(arg, "--current")) {
            a->po.include_ended = 0;
        } else if ((v = cliopt_value(argc, argv, &i, "--level", &missing))) {
            if (cliopt_count(v, 1, 5, &n)) {
                fprintf(stderr, "gongkai place: --level takes 1..5 (省级 … 村级)\n");
                return 2;
            }
            a->po.level = (int)n;
        } else if ((v = cliopt_value(argc, argv, &i, "--as-of", &missing))) {
            char *problem = NULL;
            if (place_date_parse(v, a->date, &problem) <= 0) {
                fprintf(stderr, "gongkai place: --as-of %s\n",
                        problem ? problem : "needs a date (YYYY-MM-DD, YYYY-MM or YYYY)");
                free(problem);
                return 2;
            }
            a->po.date = a->date;
        } else if ((v = cliopt_value(argc, argv, &i, "--limit", &missing))) {
            if (cliopt_count(v, 1, PLACE_MAX_LIMIT, &a->po.limit)) {
                fprintf(stderr, "gongkai place: --limit takes 1..%d\n", PLACE_MAX_LIMIT);
                return 2;
            }
        } else if ((taken = cliopt_output_take("place", argc, argv, &i, &a->out, &missing))) {
            if (taken == 2)
                return 2;
        } else {
            fprintf(stderr, missing ? "gongkai place: %s needs a value\n"
                                    : "gongkai place: unknown option %s\n", arg);
            usage(stderr);
            return 2;
        }
    }
    if (!words) {
        usage(stderr);
        return 2;
    }
    /* --children of an empty code: the provinces (the top of the tree). */
    int top = a->mode == MODE_CHILDREN && !a->input.s[strspn(a->input.s, " ")];
    if (a->mode != MODE_LOOKUP && !top) {
        char canon[DIV_BUF];
        if (!div_normalize(a->input.s, canon)) {
            div_info info;
            div_parse(a->input.s, &info);
            fprintf(stderr, "gongkai place: %s 需要区划代码（a division code）：“%s”%s%s\n",
                    a->mode == MODE_CHILDREN ? "--children" : "--history", a->input.s,
                    *info.problem ? "：" : "", info.problem);
            return 2;
        }
    }
    cliopt_output_done(&a->out, cfg->script);
    return 0;
}

/* ---- text ---------------------------------------------------------------------------- */

/* ---- the modes ------------------------------------------------------------------------- */

static int run_lookup(gk_db *db, textenc_out *o, const place_args *a, buf_t *b)
{
    place_result r;
    char *err = NULL;
    if (place_lookup(db, a->input.s, &a->po, &r, &err) != 0) {
        fprintf(stderr, "gongkai place: %s\n", err);
        free(err);
        place_result_free(&r);
        return 2;
    }
    if (a->out.fmt == FMT_TEXT)
        pt_lookup(b, &r, a->out.script);
    else if (a->out.fmt == FMT_JSON)
        pf_hits_json(b, &r, "lookup");
    else
        pf_hits_table(b, &r, a->out.fmt == FMT_CSV, a->out.script);
    out_flush(o, b);
    int rc = r.n ? 0 : 1;
    place_result_free(&r);
    return rc;
}

static int run_children(gk_db *db, textenc_out *o, const place_args *a, buf_t *b)
{
    place_result r, self;
    char *err = NULL;
    place_opts one = PLACE_OPTS_INIT;
    one.limit = 1;
    memset(&self, 0, sizeof self);
    int rc = place_children(db, a->input.s, &a->po, &r, &err);
    if (!rc && a->out.fmt == FMT_TEXT && *r.input) /* the provinces have no parent row */
        rc = place_lookup(db, a->input.s, &one, &self, &err);
    if (rc) {
        fprintf(stderr, "gongkai place: %s\n", err);
        free(err);
        place_result_free(&r);
        place_result_free(&self);
        return 2;
    }
    if (a->out.fmt == FMT_TEXT)
        pt_children(b, &self, &r, a->out.script);
    else if (a->out.fmt == FMT_JSON)
        pf_hits_json(b, &r, "children");
    else
        pf_hits_table(b, &r, a->out.fmt == FMT_CSV, a->out.script);
    out_flush(o, b);
    rc = r.n ? 0 : 1;
    place_result_free(&r);
    place_result_free(&self);
    return rc;
}

static int run_history(gk_db *db, textenc_out *o, const place_args *a, buf_t *b)
{
    place_history_t h;
    char *err = NULL;
    int rc = place_history_at(db, a->input.s, a->date, &h, &err);
    if (rc < 0 || rc == 2) {
        fprintf(stderr, "gongkai place: %s\n", err);
        free(err);
        place_history_free(&h);
        return 2;
    }
    if (!*h.code)
        div_normalize(a->input.s, h.code);
    char *as_of = db_meta(db->h, "as_of");
    const char *d = as_of ? as_of : "";
    if (a->out.fmt == FMT_TEXT)
        pt_history(b, &h, rc == 0, d, a->date, a->out.script);
    else if (a->out.fmt == FMT_JSON)
        pf_history_json(b, &h, rc == 0, d, a->date);
    else
        pf_history_table(b, &h, d, a->date, a->out.fmt == FMT_CSV, a->out.script);
    out_flush(o, b);
    free(as_of);
    place_history_free(&h);
    return rc == 0 ? 0 : 1;
}

int cmd_place_main(int argc, char **argv, const config_t *cfg, const char *db_path)
{
    place_args a;
    int rc = parse_args(argc, argv, cfg, &a);
    if (rc) {
        buf_free(&a.input);
        return rc;
    }
    gk_db *db;
    textenc_out *o;
    if (cliopt_open("place", db_path, a.out.encoding, &db, &o) != 0) {
        buf_free(&a.input);
        return 2;
    }
    buf_t b;
    buf_init(&b);
    if (a.mode == MODE_CHILDREN)
        rc = run_children(db, o, &a, &b);
    else if (a.mode == MODE_HISTORY)
        rc = run_history(db, o, &a, &b);
    else
        rc = run_lookup(db, o, &a, &b);
    buf_free(&b);
    rc = cliopt_close("place", db, o, rc);
    buf_free(&a.input);
    return rc;
}
