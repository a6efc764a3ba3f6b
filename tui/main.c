/* gongkai 政务公开查询台: command-line entry point. Sets the locale, takes the common
 * options (--db, --config anywhere before "--"; --version, --help before the subcommand),
 * reads the configuration and hands over to a subcommand or the console. */
#include "app.h"
#include "cli.h"
#include "help.h"
#include "config.h"
#include "fold.h"
#include "forget.h"
#include "hotfmt.h"
#include "load.h"
#include "pack.h"
#include "version.h"
#include "xalloc.h"

#include <langinfo.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fputs("gongkai 政务公开查询台 — 民政部政务公开资料离线查询\n"
          "用法 usage:\n"
          "  gongkai [--db PATH] [--config FILE]              the console (full screen)\n"
          "  gongkai --cli                                    line-mode console\n"
          "  gongkai load [--strict] [--quiet] CORPUS...      build the database\n"
          "  gongkai load --package FILE [--check]            install a signed package\n"
          "  gongkai pack --key K --version V -o FILE         make one (gongkai pack -h)\n"
          "  gongkai search [options] QUERY...                search (gongkai search -h)\n"
          "  gongkai org [options] NAME-OR-USCC               is it on a list? (gongkai org -h)\n"
          "  gongkai place [options] NAME-CODE-OR-PINYIN      place names and division codes\n"
          "                                                   (gongkai place -h)\n"
          "  gongkai stats [options] [INDICATOR...]           relief statistics (gongkai stats -h)\n"
          "  gongkai hotline [options] PLACE                  hotlines for a place, open now?\n"
          "                                                   (gongkai hotline -h)\n"
          "  gongkai qa [options] QUERY... | --category C      policy Q&A (gongkai qa -h)\n"
          "  gongkai show reg TITLE [ARTICLE] [options]       show a regulation\n"
          "  gongkai --forget                                 erase the search history, copied\n"
          "                                                   citations and the last copied table\n"
          "  gongkai --version | --help | --keys-md\n"
          "  gongkai --test-script FILE [--test-size 24x80]   replay keys without a terminal\n"
          "Common options:\n"
          "  --db PATH       database (default: [database] path, else\n"
          "                  $XDG_DATA_HOME/gongkai/gongkai.db)\n"
          "  --config FILE   configuration (default: $GONGKAI_CONFIG, else\n"
          "                  $XDG_CONFIG_HOME/gongkai/config.ini)\n"
          "See man gongkai.\n",
          f);
}

/* UTF-8 inside: a non-UTF-8 locale would make every width and every libedit keystroke
 * wrong, so fall back to C.UTF-8 for character handling. */
static void set_locale(void)
{
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8")))
        return;
    if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "C.utf8"))
        fputs("gongkai: warning: no UTF-8 locale; Chinese text may be shown wrongly\n", stderr);
}

/* "--name VALUE" / "--name=VALUE" at argv[*i]; NULL when it is another argument. */
static const char *take_value(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) || (argv[*i][n] && argv[*i][n] != '='))
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

int main(int argc, char **argv)
{
    set_locale();

    /* Common options are taken out; the rest keeps its order for the subcommand. */
    const char *db_opt = NULL, *config_opt = NULL, *test_script = NULL;
    int cli = 0, keys_md = 0, forget = 0, test_rows = 24, test_cols = 80;
    char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
    int nrest = 0, dashdash = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int missing = 0;
        if (dashdash) {
            rest[nrest++] = argv[i];
        } else if (!strcmp(a, "--")) {
            dashdash = 1;
            rest[nrest++] = argv[i];
        } else if ((v = take_value(argc, argv, &i, "--db", &missing))) {
            db_opt = v;
        } else if ((v = take_value(argc, argv, &i, "--config", &missing))) {
            config_opt = v;
        } else if (missing) {
            fprintf(stderr, "gongkai: %s needs a value\n", a);
            free(rest);
            return 2;
        } else if (nrest == 0 && !strcmp(a, "--cli")) {
            cli = 1;
        } else if (nrest == 0 && !strcmp(a, "--keys-md")) {
            keys_md = 1;
        } else if (nrest == 0 && !strcmp(a, "--forget")) {
            forget = 1;
        } else if ((v = take_value(argc, argv, &i, "--test-script", &missing))) {
            test_script = v;
        } else if ((v = take_value(argc, argv, &i, "--test-size", &missing))) {
            if (sscanf(v, "%dx%d", &test_rows, &test_cols) != 2 || test_rows < 1 || test_cols < 1) {
                fprintf(stderr, "gongkai: --test-size takes ROWSxCOLS, e.g. 24x80\n");
                free(rest);
                return 2;
            }
        } else if (nrest == 0 && !strcmp(a, "--version")) {
            printf("gongkai %s (%s; SQLite %s)\n", GONGKAI_VERSION, fold_stamp(),
                   sqlite3_libversion());
            free(rest);
            return 0;
        } else if (nrest == 0 && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
            usage(stdout);
            free(rest);
            return 0;
        } else {
            rest[nrest++] = argv[i];
        }
    }

    config_t cfg;
    char *errors = NULL;
    if (config_load(&cfg, config_opt, &errors) != 0) {
        fprintf(stderr, "%s", errors ? errors : "gongkai: cannot read the configuration\n");
        if (errors && *errors && errors[strlen(errors) - 1] != '\n')
            fputc('\n', stderr);
        free(errors);
        config_free(&cfg);
        free(rest);
        return 2;
    }
    if (forget) { /* needs no database; the config says where the history is */
        int frc = 0;
        if (nrest || cli) {
            fputs("gongkai: --forget takes no command\n", stderr);
            frc = 2;
        } else {
            frc = forget_files(&cfg, stdout, stderr);
        }
        config_free(&cfg);
        free(rest);
        return frc;
    }
    char *db_path = db_opt ? xstrdup(db_opt) : config_db_path(&cfg);
    if (!db_path) {
        fputs("gongkai: 找不到主目录，请用 --db 指定数据库（no home directory: use --db PATH）\n",
              stderr);
        config_free(&cfg);
        free(rest);
        return 2;
    }

    int rc;
    const char *sub = nrest ? rest[0] : NULL;
    if (cli && sub) {
        fprintf(stderr, "gongkai: --cli takes no subcommand (%s)\n", sub);
        usage(stderr);
        rc = 2;
    } else if (cli) {
        rc = cli_main(&cfg, db_path);
    } else if (keys_md) {
        keymap *km = keymap_new();
        buf_t b;
        buf_init(&b);
        help_text(km, 1, &b);
        fputs(b.s, stdout);
        buf_free(&b);
        keymap_free(km);
        rc = 0;
    } else if (!sub && !test_script && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
        /* Commands piped in or output captured: the line mode serves them. */
        rc = cli_main(&cfg, db_path);
    } else if (!sub) {
        rc = app_main(&cfg, db_path, test_script, test_rows, test_cols);
    } else if (!strcmp(sub, "load")) {
        rc = load_main(nrest - 1, rest + 1, db_path, &cfg);
    } else if (!strcmp(sub, "pack")) {
        rc = pack_main(nrest - 1, rest + 1, db_path);
    } else if (!strcmp(sub, "search")) {
        rc = cmd_search_main(nrest - 1, rest + 1, &cfg, db_path);
    } else if (!strcmp(sub, "org")) {
        rc = cmd_org_main(nrest - 1, rest + 1, &cfg, db_path);
    } else if (!strcmp(sub, "place")) {
        rc = cmd_place_main(nrest - 1, rest + 1, &cfg, db_path);
    } else if (!strcmp(sub, "hotline")) {
        rc = cmd_hotline_main(nrest - 1, rest + 1, &cfg, db_path);
    } else if (!strcmp(sub, "qa")) {
        rc = cmd_qa_main(nrest - 1, rest + 1, &cfg, db_path);
    } else if (!strcmp(sub, "stats")) {
        rc = cmd_stats_main(nrest - 1, rest + 1, &cfg, db_path);
    } else if (!strcmp(sub, "show")) {
        rc = cmd_show_main(nrest - 1, rest + 1, &cfg, db_path);
    } else {
        fprintf(stderr, "gongkai: unknown command %s\n", sub);
        usage(stderr);
        rc = 2;
    }
    free(db_path);
    config_free(&cfg);
    free(rest);
    return rc;
}
