/* Hotline routings as text, TSV/CSV and JSON (tui/hotfmt.h). */
#include "hotfmt.h"

#include "output.h"
#include "u8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const reason_keys[] = {"serves", "parent", "national"};

const char *hf_state_mark(enum hours_state s)
{
    return s == HS_OPEN ? "【开放中】" : s == HS_CLOSED ? "【已下班】" : "【不确定】";
}

const char *hf_state_key(enum hours_state s)
{
    return s == HS_OPEN ? "open" : s == HS_CLOSED ? "closed" : "unsure";
}

const char *hf_stale_mark(const hr_line *l)
{
    if (!l->stale)
        return "";
    return l->stale_days < 0 ? "【未核实】" : "【超过6个月未核实】";
}

char *hf_change_text(const hr_line *l, int minute)
{
    char buf[128];
    return xstrdup(hours_change_label(&l->open, minute, buf));
}

/* "拨打12345转2" for a line reached through a platform, else NULL (new string). */
static char *via_text(const hr_line *l)
{
    if (!l->via_platform)
        return NULL;
    const char *k = strstr(l->display, " 转 ");
    return k ? xasprintf("拨打%s转%s", l->via_platform, k + strlen(" 转 "))
             : xasprintf("经%s转接", l->via_platform);
}

/* Corpus text, sanitised and converted. */
static void put(buf_t *b, const char *s, enum convert_script script)
{
    if (s)
        out_append(b, s, strlen(s), 0, script);
}

static void text_line(buf_t *b, const hr_line *l, size_t i, int minute,
                      enum convert_script script)
{
    buf_printf(b, "%zu. ", i + 1);
    put(b, l->display, script);
    char *via = via_text(l);
    if (via) {
        buf_adds(b, "（");
        put(b, via, script);
        buf_adds(b, "）");
        free(via);
    }
    buf_adds(b, "  ");
    put(b, l->service_line, script);
    if (l->operator_name) {
        buf_adds(b, "  ");
        put(b, l->operator_name, script);
    }
    if (strcmp(l->status, "active"))
        buf_adds(b, !strcmp(l->status, "merged") ? "  【已并入】" : "  【已停用】");
    buf_addc(b, '\n');
    if (strcmp(l->status, "active"))
        goto hours;
    buf_printf(b, "   %s", hf_state_mark(l->open.state));
    if (*l->open.why) {
        buf_adds(b, " ");
        put(b, l->open.why, script);
    }
    char *change = hf_change_text(l, minute);
    if (*change)
        buf_printf(b, "%s%s", *l->open.why ? "；" : " ", change);
    free(change);
    buf_addc(b, '\n');
hours:
    buf_adds(b, "   接听时间 ");
    put(b, l->hours_label ? l->hours_label : "来源未公布", script);
    buf_addc(b, '\n');
    buf_adds(b, "   ");
    put(b, l->reason_text, script);
    buf_addc(b, '\n');
    if (l->stale) {
        buf_printf(b, "   %s", hf_stale_mark(l));
        if (l->verified)
            buf_printf(b, "核实于 %s（%ld 天前）", l->verified, l->stale_days);
        else if (l->published)
            buf_printf(b, "未注明核实日期，发布于 %s（%ld 天前）", l->published, l->stale_days);
        else
            buf_adds(b, "来源未注明核实或发布日期");
        buf_addc(b, '\n');
    }
    if (strcmp(l->status, "active")) {
        buf_adds(b, "   ");
        if (l->replaced_by) {
            buf_adds(b, "现改拨 ");
            put(b, l->replaced_by, script);
        } else {
            buf_adds(b, !strcmp(l->status, "merged") ? "已并入其他热线，来源未注明改拨号码"
                                                     : "已停用，来源未注明替代号码");
        }
        buf_addc(b, '\n');
    }
    if (l->address) {
        buf_adds(b, "   地址 ");
        put(b, l->address, script);
        buf_addc(b, '\n');
    }
    if (l->note) {
        buf_adds(b, "   备注 ");
        put(b, l->note, script);
        buf_addc(b, '\n');
    }
    if (l->source) {
        buf_adds(b, "   来源 ");
        put(b, l->source, script);
        buf_addc(b, '\n');
    }
}

void hf_text(buf_t *b, const hr_result *r, enum convert_script script)
{
    if (!*r->division) {
        buf_adds(b, "查询“");
        put(b, r->input, script);
        buf_adds(b, "”：");
        put(b, r->problem ? r->problem : "找不到", script);
        buf_addc(b, '\n');
        return;
    }
    buf_adds(b, "查询“");
    put(b, r->input, script);
    buf_adds(b, "”：");
    put(b, r->division_name, script);
    buf_printf(b, "（%s", r->division);
    if (r->resolved_how) {
        buf_adds(b, "；");
        put(b, r->resolved_how, script);
    }
    buf_adds(b, "）\n");
    if (r->ncandidates)
        buf_printf(b, "另有 %zu 处地名也符合，取第一处；要查其他的请用区划代码（gongkai place）\n",
                   r->ncandidates);
    if (r->at_label) {
        buf_adds(b, "时间 ");
        put(b, r->at_label, script);
        buf_addc(b, '\n');
    }
    size_t open = 0;
    for (size_t i = 0; i < r->nlines; i++)
        open += r->lines[i].open.state == HS_OPEN;
    if (!r->nlines) {
        put(b, r->problem ? r->problem : "没有热线", script);
        buf_printf(b, "（%.1f ms）\n", r->ms);
        return;
    }
    buf_printf(b, "热线 %zu 条，开放中 %zu 条（%.1f ms）\n", r->nlines, open, r->ms);
    for (size_t i = 0; i < r->nlines; i++) {
        buf_addc(b, '\n');
        text_line(b, &r->lines[i], i, r->minute, script);
    }
}

static const char *const columns[] = {
    "query", "division", "division_name", "resolved_how", "at", "rank", "display", "number",
    "via_platform", "service_line", "operator", "admin_level", "line_division",
    "line_division_name", "open", "open_why", "next_change_minutes", "hours", "hours_label",
    "reason", "reason_text", "served_at", "status", "replaced_by", "published", "verified",
    "stale", "stale_days", "address", "note", "source", NULL};

void hf_table(buf_t *b, const hr_result *r, int csv, enum convert_script script)
{
    out_row w = {b, csv, script, 0};
    for (size_t i = 0; columns[i]; i++)
        out_row_cell(&w, columns[i]);
    out_row_end(&w);
    for (size_t i = 0; i < r->nlines; i++) {
        const hr_line *l = &r->lines[i];
        out_row_cell(&w, r->input);
        out_row_cell(&w, r->division);
        out_row_cell(&w, r->division_name);
        out_row_cell(&w, r->resolved_how);
        out_row_cell(&w, r->at_label);
        out_row_num(&w, (long long)i + 1);
        out_row_cell(&w, l->display);
        out_row_cell(&w, l->number);
        out_row_cell(&w, l->via_platform);
        out_row_cell(&w, l->service_line);
        out_row_cell(&w, l->operator_name);
        out_row_cell(&w, l->admin_level);
        out_row_cell(&w, l->division);
        out_row_cell(&w, l->division_name);
        out_row_cell(&w, hf_state_key(l->open.state));
        out_row_cell(&w, l->open.why);
        if (l->open.next_minutes >= 0)
            out_row_num(&w, l->open.next_minutes);
        else
            out_row_cell(&w, NULL);
        out_row_cell(&w, l->hours);
        out_row_cell(&w, l->hours_label);
        out_row_cell(&w, reason_keys[l->reason]);
        out_row_cell(&w, l->reason_text);
        out_row_cell(&w, l->served_at);
        out_row_cell(&w, l->status);
        out_row_cell(&w, l->replaced_by);
        out_row_cell(&w, l->published);
        out_row_cell(&w, l->verified);
        out_row_num(&w, l->stale);
        if (l->stale_days >= 0)
            out_row_num(&w, l->stale_days);
        else
            out_row_cell(&w, NULL);
        out_row_cell(&w, l->address);
        out_row_cell(&w, l->note);
        out_row_cell(&w, l->source);
        out_row_end(&w);
    }
}

static void jstr(buf_t *b, const char *key, const char *value, int comma)
{
    buf_printf(b, "%s\"%s\":", comma ? "," : "", key);
    if (!value) {
        buf_adds(b, "null");
        return;
    }
    char *clean = u8_sanitize(value, strlen(value), U8_SAN_KEEP_NL);
    out_json_string(b, clean, strlen(clean));
    free(clean);
}

void hf_json(buf_t *b, const hr_result *r)
{
    buf_addc(b, '{');
    jstr(b, "query", r->input, 0);
    jstr(b, "division", *r->division ? r->division : NULL, 1);
    jstr(b, "division_name", r->division_name, 1);
    jstr(b, "resolved_how", r->resolved_how, 1);
    buf_printf(b, ",\"other_candidates\":%zu", r->ncandidates);
    jstr(b, "at", r->at_label, 1);
    jstr(b, "problem", r->problem, 1);
    buf_printf(b, ",\"ms\":%.1f,\"lines\":[", r->ms);
    for (size_t i = 0; i < r->nlines; i++) {
        const hr_line *l = &r->lines[i];
        buf_adds(b, i ? ",\n{" : "\n{");
        buf_printf(b, "\"id\":%lld", l->id);
        jstr(b, "display", l->display, 1);
        jstr(b, "number", l->number, 1);
        jstr(b, "via_platform", l->via_platform, 1);
        jstr(b, "service_line", l->service_line, 1);
        jstr(b, "operator", l->operator_name, 1);
        jstr(b, "admin_level", l->admin_level, 1);
        jstr(b, "line_division", *l->division ? l->division : NULL, 1);
        jstr(b, "line_division_name", l->division_name, 1);
        jstr(b, "open", hf_state_key(l->open.state), 1);
        jstr(b, "open_why", l->open.why, 1);
        if (l->open.next_minutes >= 0)
            buf_printf(b, ",\"next_change_minutes\":%d", l->open.next_minutes);
        else
            buf_adds(b, ",\"next_change_minutes\":null");
        jstr(b, "hours", l->hours, 1);
        jstr(b, "hours_label", l->hours_label, 1);
        jstr(b, "reason", reason_keys[l->reason], 1);
        jstr(b, "reason_text", l->reason_text, 1);
        jstr(b, "served_at", l->served_at, 1);
        jstr(b, "status", l->status, 1);
        jstr(b, "replaced_by", l->replaced_by, 1);
        jstr(b, "published", l->published, 1);
        jstr(b, "verified", l->verified, 1);
        buf_printf(b, ",\"stale\":%s", l->stale ? "true" : "false");
        if (l->stale_days >= 0)
            buf_printf(b, ",\"stale_days\":%ld", l->stale_days);
        else
            buf_adds(b, ",\"stale_days\":null");
        jstr(b, "address", l->address, 1);
        jstr(b, "note", l->note, 1);
        jstr(b, "source", l->source, 1);
        buf_addc(b, '}');
    }
    buf_adds(b, r->nlines ? "\n]}\n" : "]}\n");
}
