/* `gongkai search`: one query from the command line, results as text for people or as
 * TSV, CSV or JSON for other programs. */
#include "cli.h"

#include "cliopt.h"
#include "output.h"
#include "search.h"
#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static void usage(FILE *f)
{
    fputs("用法 usage: gongkai search [options] QUERY...\n"
          "  --in DOMAIN        all (default), regs, orgs, places, stats, hotlines, qa\n"
          "  --format FORMAT    text (default), tsv, csv, json\n"
          "  --encoding ENC     utf-8 (default), gb18030 (for Excel)\n"
          "  --limit N          results to show (1..1000; default [search] limit)\n"
          "  --offset N         results to skip\n"
          "  --or               any of the words instead of all of them\n"
          "  --newest           newest first instead of by relevance\n"
          "  --mark MODE        ansi (terminal default), brackets «» (default otherwise), none\n"
          "  --script SCRIPT    simplified, traditional, original (display only; text\n"
          "                     output follows [ui] script, tsv/csv/json default to original)\n"
          "Query: words are AND-ed; \"a phrase\"; a OR b; -word excludes; word* is a prefix.\n"
          "Exit status: 0 results shown, 1 none (or nothing to search), 2 error.\n",
          f);
}

typedef struct {
    search_opts so;
    cliopt_output out; /* --format, --encoding, --script */
    enum out_mark mark;
    buf_t query;
} search_args;

/* Returns 0, or 2 after a message for a bad command line. */
static int parse_args(int argc, char **argv, const config_t *cfg, search_args *a)
{
    memset(a, 0, sizeof *a);
    a->so.domain = "all";
    a->so.limit = (size_t)cfg->search_limit;
    a->so.snippet_chars = (size_t)cfg->snippet_chars;
    a->so.or_mode = cfg->search_mode == CONFIG_MODE_OR;
    a->out.encoding = "utf-8";
    a->mark = out_mark_default(stdout);
    buf_init(&a->query);
    int words = 0, only_words = 0;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v;
        int missing = 0, taken;
        if (only_words || arg[0] != '-' || (arg[1] != '-' && strcmp(arg, "-h"))) {
            /* "-word" is the query syntax for exclusion, not an option. */
            buf_printf(&a->query, "%s%s", words++ ? " " : "", arg);
        } else if (!strcmp(arg, "--")) {
            only_words = 1;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(arg, "--or")) {
            a->so.or_mode = 1;
        } else if (!strcmp(arg, "--newest")) {
            a->so.order = SEARCH_NEWEST;
        } else if ((v = cliopt_value(argc, argv, &i, "--in", &missing))) {
            if (!search_domain_name(v)) {
                fprintf(stderr, "gongkai search: 未知的范围 %s（unknown domain; use all, regs, "
                                "orgs, places, stats, hotlines, qa）\n", v);
                return 2;
            }
            a->so.domain = v;
        } else if ((taken = cliopt_output_take("search", argc, argv, &i, &a->out, &missing))) {
            if (taken == 2)
                return 2;
        } else if ((v = cliopt_value(argc, argv, &i, "--limit", &missing))) {
            if (cliopt_count(v, CONFIG_SEARCH_LIMIT_MIN, CONFIG_SEARCH_LIMIT_MAX, &a->so.limit)) {
                fprintf(stderr, "gongkai search: --limit takes %d..%d\n",
                        CONFIG_SEARCH_LIMIT_MIN, CONFIG_SEARCH_LIMIT_MAX);
                return 2;
            }
        } else if ((v = cliopt_value(argc, argv, &i, "--offset", &missing))) {
            if (cliopt_count(v, 0, 1000000000L, &a->so.offset)) {
                fputs("gongkai search: --offset takes a number from 0\n", stderr);
                return 2;
            }
        } else if ((v = cliopt_value(argc, argv, &i, "--mark", &missing))) {
            if (out_mark_parse(v, &a->mark)) {
                fprintf(stderr, "gongkai search: unknown --mark %s (ansi, brackets, none)\n", v);
                return 2;
            }
        } else {
            if (missing)
                fprintf(stderr, "gongkai search: %s needs a value\n", arg);
            else
                fprintf(stderr, "gongkai search: unknown option %s\n", arg);
            usage(stderr);
            return 2;
        }
    }
    if (!words) {
        usage(stderr);
        return 2;
    }
    /* Exports keep the text as stored unless a script is asked for. */
    cliopt_output_done(&a->out, cfg->script);
    return 0;
}

static void print_text(buf_t *b, const search_result *r, const search_args *a)
{
    for (size_t i = 0; i < r->n; i++)
        out_hit_line(b, &r->hits[i], 0, a->mark, a->out.script);
    if (isatty(STDOUT_FILENO))
        out_summary(b, r, a->so.offset, !strcmp(search_domain_name(a->so.domain), "all"),
                    a->out.script);
}

/* The title and snippet of a hit as emitted (sanitised, converted). */
static void hit_texts(const search_hit *h, enum convert_script script, out_text *title,
                      out_text *snip)
{
    out_text_make(title, h->title, 0, strlen(h->title), &h->title_spans, 0, script);
    out_snippet(snip, h->body, h->snip_start, h->snip_end, &h->body_spans, script, NULL);
}

static void print_table(buf_t *b, textenc_out *o, const search_result *r, const search_args *a)
{
    static const char *const cols[] = {"domain", "id", "ref_id", "title", "status", "date",
                                       "snippet"};
    int csv = a->out.fmt == FMT_CSV;
    const char *sep = csv ? "," : "\t", *eol = csv ? "\r\n" : "\n";
    for (size_t c = 0; c < 7; c++)
        buf_printf(b, "%s%s", c ? sep : "", cols[c]);
    buf_adds(b, eol);
    for (size_t i = 0; i < r->n; i++) {
        const search_hit *h = &r->hits[i];
        out_text title, snip;
        hit_texts(h, a->out.script, &title, &snip);
        char ids[64];
        snprintf(ids, sizeof ids, "%s%lld%s%lld%s", sep, h->doc_id, sep, h->ref_id, sep);
        const char *status = h->status ? h->status : "", *date = h->date ? h->date : "";
        void (*field)(buf_t *, const char *, size_t) = csv ? out_csv_field : out_tsv_field;
        field(b, h->domain, strlen(h->domain));
        buf_adds(b, ids);
        field(b, title.s, title.len);
        buf_adds(b, sep);
        field(b, status, strlen(status));
        buf_adds(b, sep);
        field(b, date, strlen(date));
        buf_adds(b, sep);
        field(b, snip.s, snip.len);
        buf_adds(b, eol);
        out_text_free(&title);
        out_text_free(&snip);
        out_flush(o, b);
    }
}

static void json_key_string(buf_t *b, const char *key, const char *value)
{
    buf_printf(b, "\"%s\":", key);
    if (value)
        out_json_string(b, value, strlen(value));
    else
        buf_adds(b, "null");
}

static void print_json(buf_t *b, textenc_out *o, const search_result *r, const search_args *a)
{
    buf_addc(b, '{');
    json_key_string(b, "query", a->query.s);
    buf_printf(b, ",\"total\":%lld,\"total_capped\":%s,\"ms\":%.1f,", r->total,
               r->capped ? "true" : "false", r->ms);
    char *note = r->note ? u8_sanitize(r->note, strlen(r->note), 0) : NULL;
    json_key_string(b, "note", note);
    free(note);
    buf_printf(b, ",\"relaxed\":%s,\"ranked\":%s,\"counts\":{", r->relaxed ? "true" : "false",
               r->ranked ? "true" : "false");
    for (size_t i = 0; i < r->ncounts; i++)
        buf_printf(b, "%s\"%s\":%lld", i ? "," : "", r->counts[i].domain, r->counts[i].count);
    buf_adds(b, "},\"results\":[");
    for (size_t i = 0; i < r->n; i++) {
        const search_hit *h = &r->hits[i];
        out_text title, snip;
        hit_texts(h, a->out.script, &title, &snip);
        buf_adds(b, i ? ",\n{" : "\n{");
        json_key_string(b, "domain", h->domain);
        buf_printf(b, ",\"id\":%lld,\"ref_id\":%lld,\"title\":", h->doc_id, h->ref_id);
        out_json_string(b, title.s, title.len);
        buf_addc(b, ',');
        json_key_string(b, "status", h->status);
        buf_addc(b, ',');
        json_key_string(b, "date", h->date);
        buf_adds(b, ",\"snippet\":");
        out_json_string(b, snip.s, snip.len);
        buf_adds(b, ",\"title_spans\":");
        out_json_spans(b, &title);
        buf_adds(b, ",\"snippet_spans\":");
        out_json_spans(b, &snip);
        buf_addc(b, '}');
        out_text_free(&title);
        out_text_free(&snip);
        out_flush(o, b);
    }
    buf_adds(b, r->n ? "\n]}\n" : "]}\n");
}

int cmd_search_main(int argc, char **argv, const config_t *cfg, const char *db_path)
{
    search_args a;
    int rc = parse_args(argc, argv, cfg, &a);
    if (rc) {
        buf_free(&a.query);
        return rc;
    }
    char *err = NULL;
    gk_db *db;
    textenc_out *o;
    if (cliopt_open("search", db_path, a.out.encoding, &db, &o) != 0) {
        buf_free(&a.query);
        return 2;
    }
    search_result r;
    int sr = search_run(db, a.query.s, a.query.len, &a.so, &r, &err);
    if (sr < 0) {
        fprintf(stderr, "gongkai search: %s\n", err);
        free(err);
        rc = 2;
    } else {
        if (r.note) {
            char *note = u8_sanitize(r.note, strlen(r.note), U8_SAN_KEEP_NL);
            fprintf(stderr, "%s\n", note);
            free(note);
        }
        buf_t b;
        buf_init(&b);
        if (a.out.fmt == FMT_TEXT)
            print_text(&b, &r, &a);
        else if (a.out.fmt == FMT_JSON)
            print_json(&b, o, &r, &a);
        else
            print_table(&b, o, &r, &a);
        out_flush(o, &b);
        buf_free(&b);
        rc = r.n ? 0 : 1;
    }
    search_result_free(&r);
    rc = cliopt_close("search", db, o, rc);
    buf_free(&a.query);
    return rc;
}
