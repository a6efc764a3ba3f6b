/* `gongkai hotline PLACE`: the hotlines a caller at PLACE should ring (core/hotroute.h):
 * the place resolved as `gongkai place` resolves it (or a division code), the lines that
 * serve it, falling back to the city, the province and the national lines per service
 * line, each open or not at a date and time (--at; the local clock by default), as text,
 * TSV, CSV or JSON (hotfmt.c), in UTF-8 or GB18030. Exit status: 0 lines found, 1 none,
 * 2 error. */
#include "cli.h"

#include "cliopt.h"
#include "hotfmt.h"
#include "hotroute.h"
#include "hotservice.h"
#include "isodate.h"
#include "output.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    hr_opts ho;
    cliopt_output out;
    buf_t input;
    char date[11];
} hotline_args;

static void usage(FILE *f)
{
    fputs("用法 usage: gongkai hotline [options] PLACE...\n"
          "  PLACE is a place name (双阳区, 長春, 九台市), a division code (220112) or pinyin\n"
          "  (shuangyang): the hotlines that serve it, else its city's, province's and the\n"
          "  national ones, per service line, each with whether it is open.\n"
          "  --service LINE     one service line: 社会救助 儿童救助保护 养老服务 流浪乞讨救助\n"
          "                     婚姻登记 殡葬 社会组织投诉举报 综合 (also 救助, 低保, 12349 ...)\n"
          "  --at \"YYYY-MM-DD HH:MM\"  open or not at this date and time (either part alone:\n"
          "                     today or now for the other); default: now\n"
          "  --all              also merged and retired lines, with what replaced them\n"
          "  --format FORMAT    text (default), tsv, csv, json\n"
          "  --encoding ENC     utf-8 (default), gb18030 (for Excel)\n"
          "  --script SCRIPT    simplified, traditional, original (display only)\n"
          "Exit status: 0 lines found, 1 none, 2 error.\n",
          f);
}

/* "YYYY-MM-DD HH:MM", "YYYY-MM-DD" or "HH:MM". 0, or -1. */
static int parse_at(const char *v, hotline_args *a)
{
    char copy[64];
    snprintf(copy, sizeof copy, "%s", v);
    char *time_part = NULL, *sp = strchr(copy, ' ');
    if (sp) {
        *sp = '\0';
        time_part = sp + 1;
        while (*time_part == ' ')
            time_part++;
    } else if (strchr(copy, ':')) {
        time_part = copy;
    }
    if (time_part != copy) {
        isodate d;
        if (!isodate_parse_all(copy, &d) || d.prec != ISODATE_DAY)
            return -1;
        isodate_format(&d, a->date);
        a->ho.date = a->date;
    }
    if (time_part) {
        int h, m;
        char tail;
        if (sscanf(time_part, "%d:%d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 ||
            m > 59)
            return -1;
        a->ho.minute = h * 60 + m;
    }
    return 0;
}

static int parse_args(int argc, char **argv, const config_t *cfg, hotline_args *a)
{
    memset(a, 0, sizeof *a);
    a->ho.minute = -1;
    a->out.encoding = "utf-8";
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
        } else if (!strcmp(arg, "--all")) {
            a->ho.include_inactive = 1;
        } else if ((v = cliopt_value(argc, argv, &i, "--service", &missing))) {
            if (!hotroute_service(v)) {
                fprintf(stderr, "gongkai hotline: --service “%s”：不认识的服务类别（可选：%s）\n",
                        v, hotservice_lines_label());
                return 2;
            }
            a->ho.service = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--at", &missing))) {
            if (parse_at(v, a) != 0) {
                fprintf(stderr, "gongkai hotline: --at “%s”：应为 \"YYYY-MM-DD HH:MM\"、"
                                "YYYY-MM-DD 或 HH:MM\n", v);
                return 2;
            }
        } else if ((taken = cliopt_output_take("hotline", argc, argv, &i, &a->out, &missing))) {
            if (taken == 2)
                return 2;
        } else {
            fprintf(stderr, missing ? "gongkai hotline: %s needs a value\n"
                                    : "gongkai hotline: unknown option %s\n", arg);
            usage(stderr);
            return 2;
        }
    }
    if (!words) {
        usage(stderr);
        return 2;
    }
    cliopt_output_done(&a->out, cfg->script);
    return 0;
}

int hotline_run(gk_db *db, textenc_out *o, const char *place, const hr_opts *ho,
                enum cliopt_format fmt, enum convert_script script)
{
    hr_result r;
    char *err = NULL;
    if (hotroute(db, place, ho, &r, &err) != 0) {
        fprintf(stderr, "gongkai hotline: %s\n", err ? err : "查询失败");
        free(err);
        hr_result_free(&r);
        return 2;
    }
    buf_t b;
    buf_init(&b);
    if (fmt == FMT_TEXT)
        hf_text(&b, &r, script);
    else if (fmt == FMT_JSON)
        hf_json(&b, &r);
    else
        hf_table(&b, &r, fmt == FMT_CSV, script);
    int rc = out_flush(o, &b) != 0 ? 2 : r.nlines ? 0 : 1;
    buf_free(&b);
    hr_result_free(&r);
    return rc;
}

int cmd_hotline_main(int argc, char **argv, const config_t *cfg, const char *db_path)
{
    hotline_args a;
    int rc = parse_args(argc, argv, cfg, &a);
    if (rc) {
        buf_free(&a.input);
        return rc;
    }
    gk_db *db;
    textenc_out *o;
    if (cliopt_open("hotline", db_path, a.out.encoding, &db, &o) != 0) {
        buf_free(&a.input);
        return 2;
    }
    rc = hotline_run(db, o, a.input.s, &a.ho, a.out.fmt, a.out.script);
    rc = cliopt_close("hotline", db, o, rc);
    buf_free(&a.input);
    return rc;
}
