/* `gongkai qa QUERY`: policy Q&A from the command line: items whose question, colloquial
 * forms or answer match (core/qa.h through core/search, domain qa), or a category's
 * items (--category with no query), each with 【可能过时】 and the reason when the article
 * it rests on changed, the answer, its bases (the version cited, the version in force,
 * whether in force, unresolved ones said so), publisher, platform and dates; as text,
 * TSV, CSV or JSON (qafmt.c), in UTF-8 or GB18030. Exit status as the other commands:
 * 0 found, 1 nothing, 2 error. */
#include "cli.h"

#include "cliopt.h"
#include "output.h"
#include "qa.h"
#include "qafmt.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    cliopt_output out;
    buf_t input;
    const char *category;
    size_t limit;
} qa_args;

static void usage(FILE *f)
{
    fputs("用法 usage: gongkai qa [options] QUERY...\n"
          "       gongkai qa --category 类别\n"
          "  QUERY finds policy Q&A items by question, colloquial wording (吃低保) or answer;\n"
          "  Simplified finds Traditional. Items whose basis article changed since they were\n"
          "  written are marked 【可能过时】 with the reason.\n"
          "  --category C       only items of category C (社会救助, 社会组织, 慈善 ...); with no\n"
          "                     QUERY: every item of C, newest first\n"
          "  --limit N          items to show (1..500, default 20)\n"
          "  --format FORMAT    text (default), tsv, csv, json\n"
          "  --encoding ENC     utf-8 (default), gb18030 (for Excel)\n"
          "  --script SCRIPT    simplified, traditional, original (display only)\n"
          "Exit status: 0 found, 1 nothing found, 2 error.\n",
          f);
}

static int parse_args(int argc, char **argv, const config_t *cfg, qa_args *a)
{
    memset(a, 0, sizeof *a);
    a->out.encoding = "utf-8";
    a->limit = 20;
    buf_init(&a->input);
    int words = 0, only_words = 0;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v;
        int missing = 0, taken;
        if (only_words || strncmp(arg, "-", 1) || !strcmp(arg, "-")) {
            buf_printf(&a->input, "%s%s", words++ ? " " : "", arg);
        } else if (!strcmp(arg, "--")) {
            only_words = 1;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            exit(0);
        } else if ((v = cliopt_value(argc, argv, &i, "--category", &missing))) {
            a->category = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--limit", &missing))) {
            if (cliopt_count(v, 1, QA_MAX_LIMIT, &a->limit)) {
                fprintf(stderr, "gongkai qa: --limit takes 1..%d\n", QA_MAX_LIMIT);
                return 2;
            }
        } else if ((taken = cliopt_output_take("qa", argc, argv, &i, &a->out, &missing))) {
            if (taken == 2)
                return 2;
        } else {
            fprintf(stderr, missing ? "gongkai qa: %s needs a value\n"
                                    : "gongkai qa: unknown option %s\n", arg);
            usage(stderr);
            return 2;
        }
    }
    if (!words && !(a->category && *a->category)) {
        usage(stderr);
        return 2;
    }
    cliopt_output_done(&a->out, cfg->script);
    return 0;
}

/* When a category has no items: the categories there are, on stderr. */
static void say_categories(gk_db *db, const char *category)
{
    qa_category *v;
    char *err = NULL;
    int n = qa_categories(db, &v, &err);
    if (n < 0) {
        free(err);
        return;
    }
    int known = 0;
    for (int i = 0; i < n; i++)
        known |= !strcmp(v[i].name, category);
    if (!known) {
        fprintf(stderr, "gongkai qa: 没有类别“%s”；已有类别：", category);
        for (int i = 0; i < n; i++)
            fprintf(stderr, "%s%s（%lld）", i ? "、" : "", v[i].name, v[i].count);
        fputc('\n', stderr);
    }
    qa_categories_free(v, n);
}

int cmd_qa_main(int argc, char **argv, const config_t *cfg, const char *db_path)
{
    qa_args a;
    int rc = parse_args(argc, argv, cfg, &a);
    if (rc) {
        buf_free(&a.input);
        return rc;
    }
    gk_db *db;
    textenc_out *o;
    if (cliopt_open("qa", db_path, a.out.encoding, &db, &o) != 0) {
        buf_free(&a.input);
        return 2;
    }
    qa_result r;
    char *err = NULL;
    const char *text = a.input.s ? a.input.s : "";
    int st = *text ? qa_search(db, text, a.category, a.limit, &r, &err)
                   : qa_browse(db, a.category, a.limit, &r, &err);
    if (st < 0) {
        fprintf(stderr, "gongkai qa: %s\n", err ? err : "查询失败");
        free(err);
        rc = 2;
    } else if (st == 1) {
        fprintf(stderr, "gongkai qa: %s\n", r.note ? r.note : "没有可查的文字");
        rc = 2;
    } else {
        buf_t b;
        buf_init(&b);
        if (a.out.fmt == FMT_TEXT)
            qf_text(&b, &r, text, a.category, a.out.script);
        else if (a.out.fmt == FMT_JSON)
            qf_json(&b, &r, text, a.category);
        else
            qf_table(&b, &r, a.out.fmt == FMT_CSV, a.out.script);
        out_flush(o, &b);
        buf_free(&b);
        rc = r.n ? 0 : 1;
        if (!r.n && a.category && *a.category)
            say_categories(db, a.category);
    }
    if (st >= 0)
        qa_result_free(&r);
    rc = cliopt_close("qa", db, o, rc);
    buf_free(&a.input);
    return rc;
}
