#include "orgview.h"

#include "output.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum ov_style ov_verdict_style(enum oc_verdict v)
{
    return v == OC_LISTED ? OV_LISTED : v == OC_WAS_LISTED ? OV_WAS : OV_CLEAR;
}

ov_line *ov_add(ov_lines *out, enum ov_style style, int indent, size_t subject,
                    const char *fmt, ...)
{
    out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    ov_line *l = &out->v[out->n++];
    memset(l, 0, sizeof *l);
    l->style = style;
    l->indent = indent;
    l->subject = subject;
    va_list ap;
    va_start(ap, fmt);
    buf_t b;
    buf_init(&b);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    l->text = buf_take(&b);
    return l;
}

void ov_tag(ov_line *l, const char *t, enum ov_style style)
{
    l->tag = xstrdup(t);
    l->tag_style = style;
}

char *ov_summary(const oc_result *r, bool echo_query)
{
    size_t count[3] = {0};
    for (size_t i = 0; i < r->n; i++)
        count[r->subjects[i].verdict]++;
    buf_t b;
    buf_init(&b);
    if (r->browse)
        buf_adds(&b, "最近列入名单的组织：");
    else if (echo_query)
        buf_printf(&b, "查询“%s”：", r->input);
    if (r->n) {
        /* Only the verdicts that occur: short enough for the as-of date to fit. */
        static const char *const label[3] = {"在列", "曾列入", "未列入"};
        buf_printf(&b, "%zu 个组织（", r->n);
        for (int v = 0, first = 1; v < 3; v++)
            if (count[v]) {
                buf_printf(&b, "%s%s %zu", first ? "" : "，", label[v], count[v]);
                first = 0;
            }
        buf_adds(&b, "）");
        if (r->total > r->n + r->filtered)
            buf_printf(&b, "，另有约 %zu 个名称相关的组织未列出", r->total - r->n - r->filtered);
        if (r->filtered)
            buf_printf(&b, "，%zu 个被筛选隐藏", r->filtered);
    } else if (r->browse) {
        buf_adds(&b, "没有符合筛选条件的名单记录");
    } else if (r->filtered) {
        buf_printf(&b, "%zu 个匹配的组织都被筛选隐藏", r->filtered);
    } else {
        buf_adds(&b, "未列入");
    }
    buf_printf(&b, "；数据截至 %s（%.1f ms）", *r->as_of ? r->as_of : "不详", r->ms);
    return buf_take(&b);
}

static void code_line(ov_lines *out, const oc_subject *s, size_t si)
{
    buf_t b;
    buf_init(&b);
    enum ov_style style = OV_PLAIN;
    if (!s->uscc) {
        buf_adds(&b, strcmp(s->org_type ? s->org_type : "", "个人") ? "无统一社会信用代码"
                                                                  : "个人");
    } else {
        buf_printf(&b, "统一社会信用代码 %s", s->uscc);
        if (s->uscc_check && !strcmp(s->uscc_check, "bad_format")) {
            uscc_info u;
            uscc_parse(s->uscc, &u);
            buf_printf(&b, "（格式不符：%s）", u.problem);
            style = OV_WARN;
        } else if (s->uscc_check && !strcmp(s->uscc_check, "bad_check")) {
            uscc_info u;
            uscc_parse(s->uscc, &u);
            buf_printf(&b, "（校验位不符，应为 %c：可能录入错误，或为早期试点代码）",
                       u.expected_check);
            style = OV_WARN;
        }
    }
    if (s->org_type && strcmp(s->org_type, "个人"))
        buf_printf(&b, "；%s", s->org_type);
    if (s->reg_authority)
        buf_printf(&b, "；登记管理机关 %s", s->reg_authority);
    if (s->status)
        buf_printf(&b, "；登记状态 %s", s->status);
    if (!s->registered && strcmp(s->org_type ? s->org_type : "", "个人"))
        buf_adds(&b, "；社会组织登记信息中没有此组织");
    ov_add(out, style, 3, si, "%s", b.s);
    buf_free(&b);
}

static void registry_lines(ov_lines *out, const oc_subject *s, size_t si)
{
    buf_t b;
    buf_init(&b);
    const char *label[] = {"法定代表人", "成立登记", "注册资金", "业务主管单位"};
    const char *value[] = {s->legal_rep, s->founded, s->capital, s->supervisor};
    for (int i = 0; i < 4; i++)
        if (value[i])
            buf_printf(&b, "%s%s %s", b.len ? "；" : "", label[i], value[i]);
    if (b.len)
        ov_add(out, OV_PLAIN, 3, si, "%s", b.s);
    buf_free(&b);
    if (s->address)
        ov_add(out, OV_PLAIN, 3, si, "住所 %s", s->address);
    if (s->scope)
        ov_add(out, OV_PLAIN, 3, si, "业务范围 %s", s->scope);
    if (s->nformer) {
        buf_init(&b);
        for (size_t i = 0; i < s->nformer; i++)
            buf_printf(&b, "%s%s", i ? "、" : "", s->former[i]);
        ov_add(out, OV_PLAIN, 3, si, "%s %s", s->registered ? "曾用名或名单所用名称" : "名单所用其他名称",
            b.s);
        buf_free(&b);
    }
    if (s->source && s->registered)
        ov_add(out, OV_DIM, 3, si, "登记信息来源 %s%s%s", s->source, s->as_of ? "；数据截至 " : "",
            s->as_of ? s->as_of : "");
}

static const char *event_text(const lc_event *e, char *buf, size_t sz)
{
    const lc_rule *rule = lc_rule_get(e->rule);
    char date[11];
    isodate_format(&e->date, date);
    const char *state = "";
    switch (e->rule) {
    case LC_AUTO_REMOVAL:
        state = e->reached ? "（已届满：无需整改的应已移出）" : "（未到）";
        break;
    case LC_ESCALATION:
        state = e->reached ? "（已满2年：应转入严重违法失信名单）" : "（未到）";
        break;
    case LC_SERIOUS_REMOVAL:
        state = e->reached ? "（已届满，可申请移出）" : "（未到）";
        break;
    default:
        break;
    }
    if (e->rule == LC_RESTART)
        snprintf(buf, sz, "%s：自 %s 重新计算", rule ? rule->label : "", date);
    else
        snprintf(buf, sz, "%s %s%s%s", rule ? rule->label : "", date, state,
                 e->restarted ? "，期限已重新计算" : "");
    return buf;
}

static void listing_lines(ov_lines *out, const oc_result *r, const oc_listing *l, size_t si)
{
    buf_t b;
    buf_init(&b);
    buf_adds(&b, list_kind_name(l->kind));
    if (l->issuer)
        buf_printf(&b, " %s", l->issuer);
    if (l->batch_no)
        buf_printf(&b, " %s", l->batch_no);
    if (l->listed_date)
        buf_printf(&b, "；列入 %s", l->listed_date);
    else if (l->listed_raw)
        buf_printf(&b, "；列入 %s", l->listed_raw);
    if (l->listed_by && (!l->issuer || strcmp(l->listed_by, l->issuer)))
        buf_printf(&b, "；%s", l->listed_by);
    if (l->doc_no)
        buf_printf(&b, "；%s", l->doc_no);
    ov_line *head = ov_add(out, OV_PLAIN, 3, si, "%s", b.s);
    ov_tag(head, l->current ? "在列" : "已移出", l->current ? OV_LISTED : OV_WAS);
    buf_free(&b);
    if (strcmp(l->name, r->subjects[si].name))
        ov_add(out, OV_PLAIN, 5, si, "名单所列名称 %s", l->name);
    if (l->listed_reason)
        ov_add(out, OV_PLAIN, 5, si, "事由 %s", l->listed_reason);
    if (l->ground > 0 && list_kind_is_credit(l->kind))
        ov_add(out, OV_DIM, 5, si, "列入情形 第%d项", l->ground);
    if (l->note)
        ov_add(out, OV_PLAIN, 5, si, "备注 %s", l->note);
    if (l->enforcement)
        ov_add(out, OV_PLAIN, 5, si, "执法主体 %s", l->enforcement);
    if (l->facts)
        ov_add(out, OV_PLAIN, 5, si, "违法事实 %s", l->facts);
    if (l->measures)
        ov_add(out, OV_PLAIN, 5, si, "惩戒措施 %s", l->measures);
    if (l->id_masked)
        ov_add(out, OV_PLAIN, 5, si, "身份证号 %s", l->id_masked);
    if (l->removed_date)
        ov_add(out, OV_PLAIN, 5, si, "移出 %s%s%s%s%s", l->removed_date,
            l->removed_reason ? "；" : "", l->removed_reason ? l->removed_reason : "",
            l->removed_by ? "；" : "", l->removed_by ? l->removed_by : "");
    for (size_t e = 0; e < l->nevents; e++) {
        char text[256];
        event_text(&l->events[e], text, sizeof text);
        const oc_basis *basis = &r->basis[l->events[e].rule];
        ov_line *line = ov_add(out, l->events[e].reached ? OV_DUE : OV_PLAIN, 5, si, "%s", text);
        ov_tag(line, "推算", OV_DIM);
        if (*basis->citation) {
            ov_line *link = ov_add(out, basis->node_id ? OV_LINK : OV_DIM, 7, si, "依据 %s%s",
                                basis->citation, basis->node_id ? "" : "（条文不在本库中）");
            link->node_id = basis->node_id;
        } else {
            ov_add(out, OV_DIM, 7, si, "依据 民政部令第60号（本库未写明条文）");
        }
    }
    if (l->source || l->url)
        ov_add(out, OV_DIM, 5, si, "来源 %s%s%s%s%s", l->source ? l->source : "",
            l->source && l->url ? "；" : "", l->url ? l->url : "", l->as_of ? "；数据截至 " : "",
            l->as_of ? l->as_of : "");
}

void ov_subject(ov_lines *out, const oc_result *r, size_t i, int number, int brief)
{
    const oc_subject *s = &r->subjects[i];
    ov_line *title = number > 0 ? ov_add(out, OV_TITLE, 0, i, "%d. %s", number, s->name)
                                : ov_add(out, OV_TITLE, 0, i, "%s", s->name);
    ov_tag(title, oc_verdict_label(s->verdict), ov_verdict_style(s->verdict));
    char *detail = oc_subject_detail(s);
    ov_add(out, ov_verdict_style(s->verdict), 3, i, "%s", detail);
    free(detail);
    if (s->why && *s->why) {
        /* A name match on another name than the present one says which. */
        int other = !r->by_code && s->matched && strcmp(s->matched, s->name);
        ov_add(out, OV_DIM, 3, i, "匹配：%s%s%s%s", s->why, other ? "（所匹配的名称“" : "",
            other ? s->matched : "", other ? "”）" : "");
    }
    for (size_t a = 0; a < s->nalikes; a++) {
        const oc_alike *al = &s->alikes[a];
        /* A name a note gives that the registry here lacks: the note's word only. */
        ov_line *w = ov_add(out, OV_WARN, 3, i, "%s：%s（%s）", al->why, al->name,
                         al->listed       ? "在列"
                         : !al->org_id    ? "登记信息中未收录"
                         : al->registered ? "合法登记"
                                          : "未登记");
        ov_tag(w, "注意", OV_WARN);
        w->org_id = al->org_id;
    }
    if (brief)
        return;
    code_line(out, s, i);
    registry_lines(out, s, i);
    if (s->nlistings) {
        ov_add(out, OV_DIM, 3, i, "名单记录 %zu 条（新的在前）", s->nlistings);
        for (size_t l = 0; l < s->nlistings; l++)
            listing_lines(out, r, &s->listings[l], i);
    } else {
        ov_add(out, OV_CLEAR, 3, i, "未在任何名单中（数据截至 %s）", *r->as_of ? r->as_of : "不详");
    }
}

void ov_nothing(ov_lines *out, const oc_result *r)
{
    if (r->browse) {
        ov_line *l = ov_add(out, OV_PLAIN, 0, (size_t)-1, "（数据截至 %s）没有符合筛选条件的名单记录",
                         *r->as_of ? r->as_of : "不详");
        ov_tag(l, "无记录", OV_DIM);
    } else if (r->filtered) {
        /* Matches exist but the filter hides them: saying 未列入 here would be false. */
        ov_line *l = ov_add(out, OV_WARN, 0, (size_t)-1,
                         "（数据截至 %s）有 %zu 个匹配的组织，但都不符合筛选条件；清除筛选后再查",
                         *r->as_of ? r->as_of : "不详", r->filtered);
        ov_tag(l, "已筛选", OV_WARN);
    } else {
        ov_line *l = ov_add(out, OV_CLEAR, 0, (size_t)-1, "（数据截至 %s）没有找到匹配的组织或名单记录",
                         *r->as_of ? r->as_of : "不详");
        ov_tag(l, "未列入", OV_CLEAR);
    }
    ov_add(out, OV_DIM, 3, (size_t)-1, "已查 %s", r->searched);
    for (size_t i = 0; i < r->nfixes; i++) {
        char label[160];
        uscc_fix_label(&r->fixes[i], label, sizeof label);
        ov_add(out, OV_PLAIN, 3, (size_t)-1, "可能的代码 %s（%s）：%s", r->fixes[i].code, label,
            r->fix_found[i] ? "有记录" : "无记录");
    }
    if (r->by_code && !r->code.format_ok)
        ov_add(out, OV_WARN, 3, (size_t)-1, "代码格式：%s", r->code.problem);
}

void ov_result(ov_lines *out, const oc_result *r, const unsigned char *brief)
{
    if (!r->n) {
        ov_nothing(out, r);
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        if (i)
            ov_add(out, OV_PLAIN, 0, (size_t)-1, "%s", "");
        ov_subject(out, r, i, r->n > 1 ? (int)i + 1 : 0, brief && brief[i]);
    }
}

void ov_lines_free(ov_lines *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].tag);
        free(l->v[i].text);
        free(l->v[i].ref);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

void ov_print(buf_t *b, const oc_result *r, enum convert_script script)
{
    char *sum = ov_summary(r, true);
    out_append(b, sum, strlen(sum), 0, script);
    buf_addc(b, '\n');
    free(sum);
    ov_lines lines = {0};
    ov_result(&lines, r, NULL);
    for (size_t i = 0; i < lines.n; i++) {
        const ov_line *l = &lines.v[i];
        buf_printf(b, "%*s", l->indent, "");
        if (l->tag)
            buf_printf(b, "【%s】", l->tag);
        out_append(b, l->text, strlen(l->text), 0, script);
        buf_addc(b, '\n');
    }
    ov_lines_free(&lines);
}
