/* `gongkai org NAME-OR-USCC`: the organisation check from the command line, as text for
 * people (the console's own wording, tui/orgview.c) or as TSV, CSV or JSON, in UTF-8 or
 * GB18030 (Excel on Windows). Exit status as `gongkai search`: 0 organisations shown
 * (whatever their verdict), 1 none matched, 2 error. */
#include "cli.h"

#include "cliopt.h"
#include "orgcheck.h"
#include "orgview.h"
#include "output.h"
#include "u8.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


typedef struct {
    oc_opts oc;
    cliopt_output out; /* --format, --encoding, --script */
    buf_t input;
} org_args;

static void usage(FILE *f)
{
    fputs("用法 usage: gongkai org [options] NAME-OR-USCC...\n"
          "  --list LISTS       only organisations on these lists, comma-separated:\n"
          "                     abnormal (活动异常名录), serious (严重违法失信名单),\n"
          "                     suspected (涉嫌非法), banned (已取缔), site_closed (关停网站),\n"
          "                     eldercare (养老服务联合惩戒)\n"
          "  --current          only organisations listed now\n"
          "  --area CODE        registration or listing region code prefix (33, 339900)\n"
          "  --limit N          organisations to show (1..50, default 50)\n"
          "  --format FORMAT    text (default), tsv, csv, json\n"
          "  --encoding ENC     utf-8 (default), gb18030 (for Excel)\n"
          "  --script SCRIPT    simplified, traditional, original (display only)\n"
          "With no name and a --list, shows the organisations most recently listed.\n"
          "Exit status: 0 organisations shown (see their verdict: 在列 / 曾列入 / 未列入),\n"
          "1 nothing matched (未列入), 2 error.\n",
          f);
}

static int parse_lists(const char *v, unsigned *kinds)
{
    /* A full-width comma becomes ','. strtok_r with the delimiters ",，" took each byte
     * of "，" (EF BC 8C) for a delimiter and so cut characters that contain one of them:
     * --list 涉嫌非法 failed (嫌 is E5 AB 8C). */
    buf_t b;
    buf_init(&b);
    for (const char *p = v; *p;) {
        if (!strncmp(p, "，", strlen("，"))) {
            buf_addc(&b, ',');
            p += strlen("，");
        } else {
            buf_addc(&b, *p++);
        }
    }
    char *copy = b.s ? buf_take(&b) : xstrdup(""), *save = NULL;
    int rc = 0;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        enum list_kind k;
        if (list_kind_parse(t, &k) != 0) {
            fprintf(stderr, "gongkai org: 未知的名单 %s（unknown list）\n", t);
            rc = -1;
            break;
        }
        *kinds |= 1u << k;
    }
    free(copy);
    return rc;
}

static int parse_args(int argc, char **argv, const config_t *cfg, org_args *a)
{
    memset(a, 0, sizeof *a);
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
        } else if (!strcmp(arg, "--current")) {
            a->oc.current_only = 1;
        } else if ((v = cliopt_value(argc, argv, &i, "--list", &missing))) {
            if (parse_lists(v, &a->oc.kinds))
                return 2;
        } else if ((v = cliopt_value(argc, argv, &i, "--area", &missing))) {
            if (!*v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 12) {
                fprintf(stderr, "gongkai org: --area takes a region code prefix (digits)\n");
                return 2;
            }
            a->oc.region = v;
        } else if ((v = cliopt_value(argc, argv, &i, "--limit", &missing))) {
            if (cliopt_count(v, 1, OC_MAX_SUBJECTS, &a->oc.limit)) {
                fprintf(stderr, "gongkai org: --limit takes 1..%d\n", OC_MAX_SUBJECTS);
                return 2;
            }
        } else if ((taken = cliopt_output_take("org", argc, argv, &i, &a->out, &missing))) {
            if (taken == 2)
                return 2;
        } else {
            fprintf(stderr, missing ? "gongkai org: %s needs a value\n"
                                    : "gongkai org: unknown option %s\n", arg);
            usage(stderr);
            return 2;
        }
    }
    if (!words && !a->oc.kinds && !a->oc.current_only) {
        usage(stderr);
        return 2;
    }
    cliopt_output_done(&a->out, cfg->script);
    return 0;
}

/* ---- tables: one row per organisation and listing -------------------------------------- */

static const char *const columns[] = {
    "query",        "verdict",      "org_id",        "name",        "uscc",
    "uscc_check",   "org_type",     "reg_authority", "status",      "match",
    "list",         "list_status",  "listed_name",   "listed_date", "reason",
    "listed_by",    "doc_no",       "removed_date",  "removed_reason", "next_date",
    "basis",        "source",       "as_of",         NULL};


/* The next computed date still to come, else the last one reached: "label date". */
static char *next_event(const oc_listing *l, const oc_result *r, const char **basis)
{
    const lc_event *pick = NULL;
    for (size_t e = 0; e < l->nevents && !pick; e++)
        if (!l->events[e].reached && l->events[e].rule != LC_RESTART)
            pick = &l->events[e];
    for (size_t e = l->nevents; e-- > 0 && !pick;)
        if (l->events[e].rule != LC_RESTART)
            pick = &l->events[e];
    *basis = NULL;
    if (!pick)
        return NULL;
    char date[11];
    isodate_format(&pick->date, date);
    *basis = r->basis[pick->rule].citation;
    return xasprintf("%s %s%s", lc_rule_get(pick->rule)->label, date,
                     pick->reached ? "（已届满）" : "");
}

static void subject_rows(out_row *w, const oc_result *r, const oc_subject *s)
{
    size_t n = s->nlistings ? s->nlistings : 1;
    for (size_t i = 0; i < n; i++) {
        const oc_listing *l = s->nlistings ? &s->listings[i] : NULL;
        char id[32];
        snprintf(id, sizeof id, "%lld", s->org_id);
        out_row_cell(w, r->input);
        out_row_cell(w, oc_verdict_label(s->verdict));
        out_row_cell(w, id);
        out_row_cell(w, s->name);
        out_row_cell(w, s->uscc);
        out_row_cell(w, s->uscc_check);
        out_row_cell(w, s->org_type);
        out_row_cell(w, s->reg_authority);
        out_row_cell(w, s->status);
        out_row_cell(w, s->why);
        if (!l) {
            for (int c = 0; c < 10; c++)
                out_row_cell(w, NULL);
        } else {
            const char *basis;
            char *next = next_event(l, r, &basis);
            out_row_cell(w, list_kind_name(l->kind));
            out_row_cell(w, l->current ? "在列" : "已移出");
            out_row_cell(w, l->name);
            out_row_cell(w, l->listed_date ? l->listed_date : l->listed_raw);
            out_row_cell(w, l->listed_reason ? l->listed_reason : l->note);
            out_row_cell(w, l->listed_by);
            out_row_cell(w, l->doc_no);
            out_row_cell(w, l->removed_date);
            out_row_cell(w, l->removed_reason);
            out_row_cell(w, next);
            out_row_cell(w, basis && *basis ? basis : NULL);
            free(next);
        }
        if (l)
            out_row_cell(w, l->source);
        else
            out_row_cell(w, s->source);
        out_row_cell(w, r->as_of);
        out_row_end(w);
    }
}

/* The verdict of an answer without organisations, as the text output and the console
 * tag it (tui/orgview.c): 未列入, unless matches exist that the filters hide (已筛选:
 * 未列入 would be false) or nothing was checked (无记录: browsing found no listing). */
static const char *nothing_verdict(const oc_result *r)
{
    return r->browse ? "无记录" : r->filtered ? "已筛选" : oc_verdict_label(OC_NOT_LISTED);
}

static void print_table(buf_t *b, textenc_out *o, const oc_result *r, const org_args *a)
{
    out_row w = {b, a->out.fmt == FMT_CSV, a->out.script, 0};
    for (size_t c = 0; columns[c]; c++)
        out_row_cell(&w, columns[c]);
    out_row_end(&w);
    if (!r->n) {
        /* An answer even when nothing matched: the verdict and what was searched. */
        out_row_cell(&w, r->input);
        out_row_cell(&w, nothing_verdict(r));
        for (int c = 0; c < 7; c++)
            out_row_cell(&w, NULL);
        out_row_cell(&w, r->searched);
        for (int c = 0; c < 12; c++)
            out_row_cell(&w, NULL);
        out_row_cell(&w, r->as_of);
        out_row_end(&w);
    }
    for (size_t i = 0; i < r->n; i++) {
        subject_rows(&w, r, &r->subjects[i]);
        out_flush(o, b);
    }
}

/* ---- JSON ----------------------------------------------------------------------------- */

static void jstr(buf_t *b, const char *key, const char *value, int comma)
{
    buf_printf(b, "%s\"%s\":", comma ? "," : "", key);
    if (value)
        out_json_string(b, value, strlen(value));
    else
        buf_adds(b, "null");
}

static void json_listing(buf_t *b, const oc_result *r, const oc_listing *l)
{
    buf_addc(b, '{');
    jstr(b, "list", list_kind_id(l->kind), 0);
    jstr(b, "list_name", list_kind_name(l->kind), 1);
    buf_printf(b, ",\"current\":%s,\"ground\":%d", l->current ? "true" : "false", l->ground);
    const char *keys[] = {"name",           "subject_kind", "uscc",       "id_masked",
                          "batch",          "issuer",       "published",  "listed_date",
                          "listed_raw",     "reason",       "listed_by",  "doc_no",
                          "removed_date",   "removed_reason", "removed_by", "note",
                          "confusable",     "enforcement_body", "illegal_facts", "measures",
                          "source",         "url",          "as_of"};
    const char *vals[] = {l->name,         l->subject_kind, l->uscc,       l->id_masked,
                          l->batch_no,     l->issuer,       l->published,  l->listed_date,
                          l->listed_raw,   l->listed_reason, l->listed_by, l->doc_no,
                          l->removed_date, l->removed_reason, l->removed_by, l->note,
                          l->confusable,   l->enforcement,  l->facts,      l->measures,
                          l->source,       l->url,          l->as_of};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        jstr(b, keys[i], vals[i], 1);
    buf_adds(b, ",\"events\":[");
    for (size_t e = 0; e < l->nevents; e++) {
        const lc_event *ev = &l->events[e];
        const lc_rule *rule = lc_rule_get(ev->rule);
        char date[11];
        isodate_format(&ev->date, date);
        buf_adds(b, e ? ",{" : "{");
        jstr(b, "rule", rule->key, 0);
        jstr(b, "label", rule->label, 1);
        jstr(b, "date", date, 1);
        buf_printf(b, ",\"reached\":%s,\"restarted\":%s", ev->reached ? "true" : "false",
                   ev->restarted ? "true" : "false");
        jstr(b, "basis", *r->basis[ev->rule].citation ? r->basis[ev->rule].citation : NULL, 1);
        buf_printf(b, ",\"basis_node\":%lld}", r->basis[ev->rule].node_id);
    }
    buf_adds(b, "]}");
}

static void json_subject(buf_t *b, const oc_result *r, const oc_subject *s)
{
    buf_printf(b, "{\"org_id\":%lld,\"registered\":%s", s->org_id,
               s->registered ? "true" : "false");
    jstr(b, "verdict", oc_verdict_label(s->verdict), 1);
    const char *keys[] = {"name",    "uscc",    "uscc_check", "org_type", "reg_authority",
                          "supervisor_unit", "legal_rep", "founded", "registered_capital",
                          "status",  "address", "scope",      "region_code", "as_of", "source"};
    const char *vals[] = {s->name,    s->uscc,    s->uscc_check, s->org_type, s->reg_authority,
                          s->supervisor, s->legal_rep, s->founded, s->capital,
                          s->status,  s->address, s->scope,      s->region_code, s->as_of,
                          s->source};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        jstr(b, keys[i], vals[i], 1);
    buf_adds(b, ",\"other_names\":[");
    for (size_t i = 0; i < s->nformer; i++) {
        if (i)
            buf_addc(b, ',');
        out_json_string(b, s->former[i], strlen(s->former[i]));
    }
    buf_adds(b, "],\"match\":{");
    jstr(b, "why", s->why, 0);
    jstr(b, "matched", s->matched, 1);
    buf_printf(b, ",\"similarity\":%.2f},\"listings\":[", s->similarity);
    for (size_t i = 0; i < s->nlistings; i++) {
        if (i)
            buf_addc(b, ',');
        json_listing(b, r, &s->listings[i]);
    }
    buf_adds(b, "],\"alikes\":[");
    for (size_t i = 0; i < s->nalikes; i++) {
        const oc_alike *al = &s->alikes[i];
        buf_printf(b, "%s{\"org_id\":%lld,\"registered\":%s,\"listed\":%s", i ? "," : "",
                   al->org_id, al->registered ? "true" : "false", al->listed ? "true" : "false");
        jstr(b, "name", al->name, 1);
        jstr(b, "why", al->why, 1);
        buf_addc(b, '}');
    }
    buf_adds(b, "]}");
}

static void print_json(buf_t *b, textenc_out *o, const oc_result *r)
{
    buf_addc(b, '{');
    jstr(b, "query", r->input, 0);
    buf_printf(b, ",\"by_code\":%s", r->by_code ? "true" : "false");
    jstr(b, "as_of", r->as_of, 1);
    jstr(b, "searched", r->searched, 1);
    buf_printf(b, ",\"total\":%zu,\"filtered\":%zu,\"ms\":%.1f", r->total, r->filtered, r->ms);
    jstr(b, "verdict", r->n ? NULL : nothing_verdict(r), 1);
    if (r->by_code) {
        buf_printf(b, ",\"code\":{\"format_ok\":%s,\"check_ok\":%s",
                   r->code.format_ok ? "true" : "false", r->code.check_ok ? "true" : "false");
        jstr(b, "normalised", r->code.code, 1);
        jstr(b, "problem", *r->code.problem ? r->code.problem : NULL, 1);
        buf_adds(b, "},\"fixes\":[");
        for (size_t i = 0; i < r->nfixes; i++) {
            char label[160];
            uscc_fix_label(&r->fixes[i], label, sizeof label);
            buf_adds(b, i ? ",{" : "{");
            jstr(b, "code", r->fixes[i].code, 0);
            jstr(b, "label", label, 1);
            buf_printf(b, ",\"found\":%d}", r->fix_found[i]);
        }
        buf_addc(b, ']');
    }
    buf_adds(b, ",\"results\":[");
    for (size_t i = 0; i < r->n; i++) {
        buf_adds(b, i ? ",\n" : "\n");
        json_subject(b, r, &r->subjects[i]);
        out_flush(o, b);
    }
    buf_adds(b, r->n ? "\n]}\n" : "]}\n");
}

int cmd_org_main(int argc, char **argv, const config_t *cfg, const char *db_path)
{
    org_args a;
    int rc = parse_args(argc, argv, cfg, &a);
    if (rc) {
        buf_free(&a.input);
        return rc;
    }
    char *err = NULL;
    gk_db *db;
    textenc_out *o;
    if (cliopt_open("org", db_path, a.out.encoding, &db, &o) != 0) {
        buf_free(&a.input);
        return 2;
    }
    oc_result r;
    if (orgcheck_run(db, a.input.s ? a.input.s : "", &a.oc, &r, &err) != 0) {
        fprintf(stderr, "gongkai org: %s\n", err);
        free(err);
        rc = 2;
    } else {
        buf_t b;
        buf_init(&b);
        if (a.out.fmt == FMT_TEXT)
            ov_print(&b, &r, a.out.script);
        else if (a.out.fmt == FMT_JSON)
            print_json(&b, o, &r);
        else
            print_table(&b, o, &r, &a);
        out_flush(o, &b);
        buf_free(&b);
        rc = r.n ? 0 : 1;
    }
    oc_result_free(&r);
    rc = cliopt_close("org", db, o, rc);
    buf_free(&a.input);
    return rc;
}
