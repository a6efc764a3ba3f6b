/* Place look-ups as TSV, CSV and JSON (placefmt.h). */
#include "placefmt.h"

#include "output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pf_relation_label(const char *relation)
{
    static const char *const map[][2] = {
        {"superseded_by", "被取代"},      {"split_into", "拆分为"},
        {"merged_into", "并入"},          {"same_entity_renamed", "更名"},
        {"part_transferred_to", "部分划归"},
    };
    for (size_t i = 0; relation && i < sizeof map / sizeof *map; i++)
        if (!strcmp(relation, map[i][0]))
            return map[i][1];
    return relation ? relation : "";
}

char *pf_other_names(const place_history_t *h, const char *name, int ended)
{
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; i < h->nnames; i++) {
        const place_name_row *n = &h->names[i];
        if (!strcmp(n->name, name) || (ended >= 0 && n->ended != ended))
            continue;
        int dup = 0; /* one name under several dates once */
        for (size_t j = 0; j < i && !dup; j++)
            dup = !strcmp(h->names[j].name, n->name) && (ended < 0 || h->names[j].ended == ended);
        if (!dup)
            buf_printf(&b, "%s%s", b.len ? "、" : "", n->name);
    }
    return b.s ? buf_take(&b) : xstrdup("");
}

const char *pf_renamed_to(const place_hit *h)
{
    if (!h->ended)
        return NULL;
    for (size_t i = 0; i < h->hist.nnames; i++)
        if (!h->hist.names[i].ended)
            return h->hist.names[i].name;
    return NULL;
}

char *pf_now_text(const place_hit *h)
{
    const char *renamed = pf_renamed_to(h);
    if (renamed)
        return xasprintf("%s %s", h->code, renamed);
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; h->ended && i < h->hist.nnow; i++)
        buf_printf(&b, "%s%s %s", i ? "；" : "", h->hist.now[i].code, h->hist.now[i].name);
    return b.s ? buf_take(&b) : xstrdup("");
}

char *pf_then_text(const place_history_t *h)
{
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; i < h->nthen; i++)
        buf_printf(&b, "%s%s %s", i ? "；" : "", h->then[i].code, h->then[i].name);
    return b.s ? buf_take(&b) : xstrdup("");
}

/* ---- tables ---------------------------------------------------------------------------- */

void pf_hits_table(buf_t *b, const place_result *r, int csv, enum convert_script script)
{
    static const char *const columns[] = {"query",  "reason",   "code",        "name",
                                          "level",  "type",     "type_by_code", "ended",
                                          "path",   "children", "other_names", "now",
                                          "as_of",  NULL};
    static const char *const at_columns[] = {"date", "at", "code_at", "name_at", "then", NULL};
    int dated = r->date && *r->date;
    out_row w = {b, csv, script, 0};
    for (size_t c = 0; columns[c]; c++)
        out_row_cell(&w, columns[c]);
    for (size_t c = 0; dated && at_columns[c]; c++)
        out_row_cell(&w, at_columns[c]);
    out_row_end(&w);
    for (size_t i = 0; i < r->n; i++) {
        const place_hit *h = &r->hits[i];
        char *others = pf_other_names(&h->hist, h->name, -1);
        char *now = pf_now_text(h);
        out_row_cell(&w, r->input);
        out_row_cell(&w, place_reason_label(h->reason));
        out_row_cell(&w, h->code);
        out_row_cell(&w, h->name);
        out_row_cell(&w, place_level_label(h->level));
        out_row_cell(&w, h->type);
        out_row_cell(&w, h->type_by_code ? "1" : "0");
        out_row_cell(&w, h->ended ? "1" : "0");
        out_row_cell(&w, h->path_text);
        out_row_num(&w, (long long)h->children);
        out_row_cell(&w, others);
        out_row_cell(&w, now);
        out_row_cell(&w, r->as_of);
        if (dated) {
            char *codes = pf_then_text(&h->hist);
            char *then = h->hist.then_unsure ? xasprintf("可能：%s", codes) : xstrdup(codes);
            free(codes);
            out_row_cell(&w, r->date);
            out_row_cell(&w, place_at_label(h->at));
            out_row_cell(&w, place_at_label(h->hist.code_at));
            out_row_cell(&w, h->hist.name_at ? h->hist.name_at : "");
            out_row_cell(&w, then);
            free(then);
        }
        out_row_end(&w);
        free(others);
        free(now);
    }
}

/* date: "" without one (no more columns), else the date and at (a label or ""). */
static void step_row(out_row *w, const place_history_t *h, const char *kind, const place_step *s,
                     const char *as_of, const char *date, const char *at)
{
    out_row_cell(w, h->code);
    out_row_cell(w, kind);
    out_row_num(w, s->depth);
    out_row_cell(w, s->from.code);
    out_row_cell(w, s->from.name);
    out_row_cell(w, s->to.code);
    out_row_cell(w, s->to.name);
    out_row_cell(w, s->event);
    out_row_cell(w, pf_relation_label(s->relation));
    out_row_cell(w, s->to.ended ? "1" : "0");
    out_row_cell(w, as_of);
    if (*date) {
        out_row_cell(w, date);
        out_row_cell(w, at);
    }
    out_row_end(w);
}

void pf_history_table(buf_t *b, const place_history_t *h, const char *as_of,
                      const char *date, int csv, enum convert_script script)
{
    static const char *const columns[] = {"code",    "kind",      "depth", "from_code",
                                          "from_name", "to_code", "to_name", "event",
                                          "relation", "ended",    "as_of", NULL};
    static char empty[1]; /* the missing side of a name or code-in-force row */
    if (!date)
        date = "";
    out_row w = {b, csv, script, 0};
    for (size_t c = 0; columns[c]; c++)
        out_row_cell(&w, columns[c]);
    if (*date) {
        out_row_cell(&w, "date");
        out_row_cell(&w, "at");
    }
    out_row_end(&w);
    for (size_t i = 0; i < h->nnames; i++) {
        place_step s = {.to = {.name = h->names[i].name, .ended = h->names[i].ended}};
        snprintf(s.to.code, sizeof s.to.code, "%s", h->code);
        s.from.name = empty;
        step_row(&w, h, "名称", &s, as_of, date, place_at_label(h->names[i].at));
    }
    for (size_t i = 0; i < h->npred; i++)
        step_row(&w, h, "由来", &h->pred[i], as_of, date, "");
    for (size_t i = 0; i < h->nsucc; i++)
        step_row(&w, h, "演变", &h->succ[i], as_of, date, "");
    for (size_t i = 0; i < h->nnow; i++) {
        place_step s = {.to = h->now[i]};
        s.from.name = empty;
        step_row(&w, h, "现为", &s, as_of, date, "");
    }
    /* As of the date: the code itself under its name then, else the codes in force then. */
    if (*date && h->name_at) {
        place_step s = {.to = {.name = h->name_at, .ended = h->nnames && h->names[0].ended}};
        snprintf(s.to.code, sizeof s.to.code, "%s", h->code);
        s.from.name = empty;
        step_row(&w, h, "当时", &s, as_of, date, place_at_label(PLACE_AT_IN_FORCE));
    }
    for (size_t i = 0; *date && i < h->nthen; i++) {
        place_step s = {.to = h->then[i]};
        s.from.name = empty;
        step_row(&w, h, "当时", &s, as_of, date,
                 place_at_label(h->then_unsure ? PLACE_AT_UNSURE : PLACE_AT_IN_FORCE));
    }
}

/* ---- JSON ------------------------------------------------------------------------------ */

static void jstr(buf_t *b, const char *key, const char *value, int comma)
{
    buf_printf(b, "%s\"%s\":", comma ? "," : "", key);
    if (value)
        out_json_string(b, value, strlen(value));
    else
        buf_adds(b, "null");
}

static void json_ref(buf_t *b, const char *key, const place_ref *r)
{
    buf_printf(b, ",\"%s\":{", key);
    jstr(b, "code", *r->code ? r->code : NULL, 0);
    jstr(b, "name", r->name, 1);
    buf_printf(b, ",\"ended\":%s}", r->ended ? "true" : "false");
}

static void json_steps(buf_t *b, const char *key, const place_step *v, size_t n)
{
    buf_printf(b, ",\"%s\":[", key);
    for (size_t i = 0; i < n; i++) {
        buf_printf(b, "%s{\"depth\":%d", i ? "," : "", v[i].depth);
        jstr(b, "event", v[i].event, 1);
        jstr(b, "relation", v[i].relation, 1);
        json_ref(b, "from", &v[i].from);
        json_ref(b, "to", &v[i].to);
        buf_addc(b, '}');
    }
    buf_addc(b, ']');
}

/* The history's fields, each preceded by a comma; dated: each name's verdict too. */
static void json_history_fields(buf_t *b, const place_history_t *h, int dated)
{
    buf_adds(b, ",\"names\":[");
    for (size_t i = 0; i < h->nnames; i++) {
        const place_name_row *n = &h->names[i];
        buf_adds(b, i ? ",{" : "{");
        jstr(b, "name", n->name, 0);
        buf_printf(b, ",\"ended\":%s", n->ended ? "true" : "false");
        jstr(b, "valid_from", n->valid_from, 1);
        jstr(b, "valid_to", n->valid_to, 1);
        if (dated)
            jstr(b, "at", place_at_key(n->at), 1);
        buf_addc(b, '}');
    }
    buf_adds(b, "],\"now\":[");
    for (size_t i = 0; i < h->nnow; i++) {
        buf_adds(b, i ? ",{" : "{");
        jstr(b, "code", h->now[i].code, 0);
        jstr(b, "name", h->now[i].name, 1);
        buf_addc(b, '}');
    }
    buf_addc(b, ']');
    json_steps(b, "successors", h->succ, h->nsucc);
    json_steps(b, "predecessors", h->pred, h->npred);
}

/* The code as of the date: its verdict, its name then, the codes in force then (or
 * those the dates cannot tell: then_unsure). */
static void json_history_at(buf_t *b, const place_history_t *h)
{
    jstr(b, "code_at", place_at_key(h->code_at), 1);
    jstr(b, "name_at", h->name_at, 1);
    buf_adds(b, ",\"then\":[");
    for (size_t i = 0; i < h->nthen; i++) {
        buf_adds(b, i ? ",{" : "{");
        jstr(b, "code", h->then[i].code, 0);
        jstr(b, "name", h->then[i].name, 1);
        buf_printf(b, ",\"ended\":%s}", h->then[i].ended ? "true" : "false");
    }
    buf_printf(b, "],\"then_unsure\":%s", h->then_unsure ? "true" : "false");
}

static void json_hit(buf_t *b, const place_hit *h, int dated)
{
    buf_printf(b, "{\"id\":%lld", h->id);
    jstr(b, "code", h->code, 1);
    jstr(b, "name", h->name, 1);
    buf_printf(b, ",\"level\":%d", h->level);
    jstr(b, "level_label", place_level_label(h->level), 1);
    jstr(b, "type", *h->type ? h->type : NULL, 1);
    buf_printf(b, ",\"type_by_code\":%s,\"ended\":%s", h->type_by_code ? "true" : "false",
               h->ended ? "true" : "false");
    jstr(b, "parent", *h->parent ? h->parent : NULL, 1);
    buf_adds(b, ",\"path\":[");
    for (size_t i = 0; i < h->npath; i++) {
        if (i)
            buf_addc(b, ',');
        out_json_string(b, h->path[i], strlen(h->path[i]));
    }
    buf_addc(b, ']');
    jstr(b, "path_text", h->path_text, 1);
    buf_printf(b, ",\"children\":%zu", h->children);
    jstr(b, "reason", place_reason_label(h->reason), 1);
    jstr(b, "renamed_to", pf_renamed_to(h), 1);
    json_history_fields(b, &h->hist, dated);
    if (h->pinyin) /* only then: answers without published spellings stay as they were */
        jstr(b, "pinyin", h->pinyin, 1);
    if (dated) {
        jstr(b, "valid_from", h->valid_from, 1);
        jstr(b, "valid_to", h->valid_to, 1);
        jstr(b, "at", place_at_key(h->at), 1);
        jstr(b, "at_label", place_at_label(h->at), 1);
        json_history_at(b, &h->hist);
    }
    buf_addc(b, '}');
}

void pf_hits_json(buf_t *b, const place_result *r, const char *mode)
{
    static const char *const routes[] = {"none", "code", "pinyin", "name"};
    buf_addc(b, '{');
    jstr(b, "mode", mode, 0);
    jstr(b, "query", r->input, 1);
    jstr(b, "route", routes[r->route], 1);
    jstr(b, "problem", *r->problem ? r->problem : NULL, 1);
    jstr(b, "searched", r->searched, 1);
    jstr(b, "as_of", r->as_of, 1);
    buf_printf(b, ",\"total\":%zu,\"total_estimated\":%s,\"same_name\":%zu,\"ms\":%.1f", r->total,
               r->total_capped ? "true" : "false", r->same_name, r->ms);
    int dated = r->date && *r->date;
    buf_adds(b, ",\"results\":[");
    for (size_t i = 0; i < r->n; i++) {
        buf_adds(b, i ? ",\n" : "\n");
        json_hit(b, &r->hits[i], dated);
    }
    buf_adds(b, r->n ? "\n]" : "]");
    if (dated)
        jstr(b, "date", r->date, 1);
    buf_adds(b, "}\n");
}

void pf_history_json(buf_t *b, const place_history_t *h, int known, const char *as_of,
                     const char *date)
{
    int dated = date && *date;
    buf_addc(b, '{');
    jstr(b, "code", h->code, 0);
    buf_printf(b, ",\"known\":%s", known ? "true" : "false");
    jstr(b, "as_of", as_of, 1);
    json_history_fields(b, h, dated);
    if (dated) {
        jstr(b, "date", date, 1);
        json_history_at(b, h);
    }
    if (h->ngaz) { /* only then: answers without gazetteer records stay as they were */
        buf_adds(b, ",\"gazetteer\":[");
        for (size_t i = 0; i < h->ngaz; i++) {
            const place_gaz *g = &h->gaz[i];
            buf_adds(b, i ? ",{" : "{");
            jstr(b, "name", g->name, 0);
            jstr(b, "category", g->category, 1);
            jstr(b, "pinyin", g->pinyin, 1);
            jstr(b, "meaning", g->meaning, 1);
            jstr(b, "origin", g->origin, 1);
            jstr(b, "history", g->history, 1);
            if (g->has_coords)
                buf_printf(b, ",\"lon\":%.6f,\"lat\":%.6f", g->lon, g->lat);
            jstr(b, "source", g->source, 1);
            buf_addc(b, '}');
        }
        buf_addc(b, ']');
    }
    buf_adds(b, "}\n");
}
