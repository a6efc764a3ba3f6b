/* The 热线 pane's lines (tui/hotview.h). */
#include "hotview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_SUBJECT ((size_t)-1)

const char *hv_state_label(enum hours_state s)
{
    switch (s) {
    case HS_OPEN:
        return "开放中";
    case HS_CLOSED:
        return "已下班";
    default:
        return "不确定";
    }
}

enum ov_style hv_state_style(enum hours_state s)
{
    switch (s) {
    case HS_OPEN:
        return OV_CLEAR;
    case HS_CLOSED:
        return OV_LISTED;
    default:
        return OV_WARN;
    }
}

char *hv_change(const hours_answer *a, int minute)
{
    char buf[128];
    return xstrdup(hours_change_label(a, minute, buf));
}

void hv_heading(ov_lines *out, const hr_result *r, const hv_opts *o)
{
    if (*r->division) {
        buf_t b;
        buf_init(&b);
        buf_printf(&b, "%s  %s", r->division_name ? r->division_name : "", r->division);
        if (r->resolved_how && *r->resolved_how)
            buf_printf(&b, "（%s）", r->resolved_how);
        ov_line *l = ov_add(out, OV_PLAIN, 0, NO_SUBJECT, "%s", b.s);
        ov_tag(l, "地点", OV_TITLE);
        buf_free(&b);
        if (r->ncandidates)
            ov_add(out, OV_WARN, 6, NO_SUBJECT,
                   "另有 %zu 处也可能是“%s”，这里取第一处；输入完整路径或区划代码可改选",
                   r->ncandidates, r->input ? r->input : "");
    }
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "%s%s  服务 %s", r->at_label ? r->at_label : "",
               o->at && *o->at ? "（设定）" : "（现在）",
               o->service && *o->service ? o->service : "全部");
    if (o->include_inactive)
        buf_adds(&b, "  含已并入、停用");
    ov_line *l = ov_add(out, OV_DIM, 0, NO_SUBJECT, "%s", b.s);
    ov_tag(l, "时间", OV_TITLE);
    buf_free(&b);
}

static const char *inactive_label(const hr_line *l)
{
    if (!l->status || !strcmp(l->status, "active"))
        return NULL;
    return !strcmp(l->status, "merged") ? "已并入" : "已停用";
}

void hv_line(ov_lines *out, const hr_line *l, size_t i, int minute)
{
    const char *gone = inactive_label(l);
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "拨打%s  %s", l->display ? l->display : l->number ? l->number : "?",
               l->service_line ? l->service_line : "");
    if (l->operator_name)
        buf_printf(&b, "  %s", l->operator_name);
    ov_line *t = ov_add(out, OV_TITLE, 0, i, "%s", b.s);
    buf_free(&b);
    if (gone) {
        ov_tag(t, gone, OV_WARN);
        if (l->replaced_by)
            ov_add(out, OV_WARN, 3, i, "%s，请改拨%s", gone, l->replaced_by);
        else
            ov_add(out, OV_WARN, 3, i, "%s，没有替代号码的记录", gone);
    } else {
        ov_tag(t, hv_state_label(l->open.state), hv_state_style(l->open.state));
        char *change = hv_change(&l->open, minute);
        const char *why = l->open.why ? l->open.why : "";
        if (!l->hours && l->open.state == HS_UNSURE && !*why)
            why = "来源没有写接听时间";
        if (*why || *change)
            ov_add(out, l->open.state == HS_UNSURE ? OV_WARN : OV_PLAIN, 3, i, "%s%s%s", why,
                   *why && *change ? "；" : "", change);
        free(change);
    }
    ov_add(out, OV_PLAIN, 3, i, "接听时间  %s", l->hours_label ? l->hours_label : "未公布");
    buf_init(&b);
    if (l->reason_text && *l->reason_text)
        buf_adds(&b, l->reason_text);
    if (l->verified)
        buf_printf(&b, "%s核实 %s", b.len ? "；" : "", l->verified);
    if (b.len)
        ov_add(out, OV_DIM, 3, i, "%s", b.s);
    buf_free(&b);
    if (l->stale) {
        ov_line *w;
        if (l->stale_days >= 0)
            w = ov_add(out, OV_WARN, 3, i, "最后核实 %s（%ld 天前），拨打前请确认",
                       l->verified ? l->verified : l->published ? l->published : "?",
                       l->stale_days);
        else
            w = ov_add(out, OV_WARN, 3, i, "来源没有核实日期，拨打前请确认");
        ov_tag(w, l->stale_days >= 0 ? "超过6个月未核实" : "未核实", OV_WARN);
    }
    if (l->note && *l->note)
        ov_add(out, OV_DIM, 3, i, "备注  %s", l->note);
}

void hv_area(ov_lines *out, const hotarea *a)
{
    if (!a)
        return;
    ov_line *h = ov_add(out, OV_PLAIN, 0, NO_SUBJECT, "%s",
                        a->nstd ? "这里及上级地区的最新一期（q 收起）"
                                : "这里及上级地区都没有低保标准数据（q 收起）");
    ov_tag(h, "低保标准", OV_TITLE);
    for (size_t i = 0; i < a->nstd; i++) {
        const hotarea_std *s = &a->std[i];
        ov_add(out, OV_PLAIN, 2, NO_SUBJECT, "%s  %s %s（%s）", s->region_name ? s->region_name : s->region,
               s->indicator, s->value, s->period);
        if (s->source && *s->source)
            ov_add(out, OV_DIM, 4, NO_SUBJECT, "%s", s->source);
    }
    if (a->qa_total)
        h = ov_add(out, OV_PLAIN, 0, NO_SUBJECT, "本地和全国的 %zu 条中最新的 %zu 条（全部可在搜索中查）",
                   a->qa_total, a->nqa);
    else
        h = ov_add(out, OV_PLAIN, 0, NO_SUBJECT, "没有这里、上级地区或全国的政策问答");
    ov_tag(h, "政策问答", OV_TITLE);
    for (size_t i = 0; i < a->nqa; i++) {
        const hotarea_qa *q = &a->qa[i];
        ov_line *l = ov_add(out, OV_PLAIN, 2, NO_SUBJECT, "%s", q->question);
        ov_tag(l, q->outdated ? "可能过时" : "现行", q->outdated ? OV_WARN : OV_CLEAR);
        buf_t b;
        buf_init(&b);
        buf_adds(&b, q->region_name ? q->region_name : "");
        if (q->publisher)
            buf_printf(&b, " · %s", q->publisher);
        if (q->published)
            buf_printf(&b, " · 发布 %s", q->published);
        if (q->updated)
            buf_printf(&b, " · 更新 %s", q->updated);
        ov_add(out, OV_DIM, 4, NO_SUBJECT, "%s", b.s ? b.s : "");
        buf_free(&b);
        if (q->outdated && q->reason)
            ov_add(out, OV_WARN, 4, NO_SUBJECT, "%s", q->reason);
    }
}

void hv_result(ov_lines *out, const hr_result *r, const hotarea *a, const hv_opts *o)
{
    hv_heading(out, r, o);
    if (*r->division)
        hv_area(out, a);
    if (!r->nlines) {
        ov_add(out, OV_WARN, 0, NO_SUBJECT, "%s",
               r->problem ? r->problem
                          : *r->division ? "没有服务这里的热线（包括上级地区和全国）" : "没有找到这个地点");
        if (o->service && *o->service)
            ov_add(out, OV_DIM, 2, NO_SUBJECT, "只查了“%s”；F4 可改查全部服务类别", o->service);
        return;
    }
    for (size_t i = 0; i < r->nlines; i++)
        hv_line(out, &r->lines[i], i, o->minute);
}

char *hv_summary(const hr_result *r)
{
    buf_t b;
    buf_init(&b);
    size_t open = 0;
    for (size_t i = 0; i < r->nlines; i++)
        open += !inactive_label(&r->lines[i]) && r->lines[i].open.state == HS_OPEN;
    if (!r->nlines && r->problem)
        buf_adds(&b, r->problem);
    else
        buf_printf(&b, "%s%s%zu 条热线（开放中 %zu）", *r->division && r->division_name ? r->division_name : "",
                   *r->division ? "：" : "", r->nlines, open);
    buf_printf(&b, "（%.1f ms）", r->ms);
    return buf_take(&b);
}

char *hv_citation(const hr_line *l, const hr_result *r)
{
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "拨打%s（%s", l->display ? l->display : l->number ? l->number : "?",
               l->service_line ? l->service_line : "");
    if (l->operator_name)
        buf_printf(&b, "，%s", l->operator_name);
    buf_adds(&b, "）");
    if (l->hours_label)
        buf_printf(&b, "%s", l->hours_label);
    if (*r->division)
        buf_printf(&b, "；%s %s", r->division_name ? r->division_name : "", r->division);
    const char *gone = inactive_label(l);
    if (gone)
        buf_printf(&b, "；%s%s%s", gone, l->replaced_by ? "，改拨" : "",
                   l->replaced_by ? l->replaced_by : "");
    else
        buf_printf(&b, "；%s %s", r->at_label ? r->at_label : "", hv_state_label(l->open.state));
    if (l->verified)
        buf_printf(&b, "；核实 %s", l->verified);
    buf_adds(&b, "；gongkai 查询");
    return buf_take(&b);
}
