/* Policy Q&A as styled lines (tui/orgview.h's ov_lines), shared by the 搜索 pane's 问答
 * view (wrapped and drawn by tui/orgdoc.h) and `gongkai qa` / the line mode (printed by
 * qafmt.c): an item's question, 【可能过时】 with the reason, the answer, its colloquial
 * forms, each basis as 《title》第X条 with the version the item rests on, the version in
 * force and whether it is in force (a resolved basis is a link to its article: node_id),
 * unresolved ones said so; publisher, platform, category, region, dates, source. A
 * category's items are one title line each (subject: the item's index). Pure: no
 * curses; corpus text is raw (the caller sanitises and converts it). */
#ifndef GONGKAI_QAVIEW_H
#define GONGKAI_QAVIEW_H

#include "orgview.h"
#include "qa.h"

/* One basis for people: "《社会救助暂行办法》第十一条第（三）项（问答依据 2014-02-21 版；
 * 现行 2019-03-02 版，现行有效）", "示例条例第一条：未能对应到条文（没有找到法规）". */
char *qv_basis_text(const qa_basis_t *b);

/* "民政部社会救助司（示例） · 国务院政策问答平台 · 社会救助 · 全国 · 发布 2019-06-10 · 更新 …" */
char *qv_meta(const qa_entry *e);

/* Lines of one item; number > 0 puts "N. " before the question. Every line gets subject. */
void qv_item(ov_lines *out, const qa_entry *e, int number, size_t subject);

/* A list of items, one title line each (tag 可能过时 where so), subject = index. */
void qv_list(ov_lines *out, const qa_result *r);

/* "问答“吃低保”：3 条（可能过时 1）（0.4 ms）", "问答 · 社会救助：7 条"; query and
 * category may be NULL or "". */
char *qv_summary(const qa_result *r, const char *query, const char *category);

#endif
