/* Relief statistics (core/statq.h) for `gongkai stats` and the line mode: a table as text
 * for people (numbers right-aligned, units in the headers, absent cells "-", derived "*"
 * and flagged "!" marks, the notes, and a numbered list of the sources every number
 * refers to), as tidy TSV/CSV (one row per value), as JSON; and the indicator list. All
 * corpus text is sanitised before it is written. */
#ifndef GONGKAI_STATFMT_H
#define GONGKAI_STATFMT_H

#include "convert.h"
#include "statq.h"
#include "xalloc.h"

/* A table with what the printers must know besides it: which axis runs down and which
 * across, and the one item of the third (its key and label: an indicator's code and
 * name, a region's code and name, a period's key and label). */
typedef struct {
    const stat_table *t;
    enum stat_axis rows, cols;
    const char *fixed_key, *fixed_label;
} sf_table;

/* Cells with a value. */
size_t sf_present(const stat_table *t);

/* The table for people, ending in '\n'. */
void sf_text(buf_t *b, const sf_table *s, enum convert_script script);

/* Header and one row per value (TSV, or CSV with CRLF when csv is set): indicator,
 * region_code, region_name, period, value, unit, raw, source_doc, source_url, published,
 * file, line, derived, derivation, flags, then indicator_name, period_label, revised,
 * note, base_period, base_value. Notes are for stderr (the caller's). */
void sf_tidy(buf_t *b, const sf_table *s, int csv, enum convert_script script);

/* One JSON object: title, axes with keys, labels and units, notes, rows (the values, with
 * the fields of sf_tidy). */
void sf_json(buf_t *b, const sf_table *s);

/* The indicator list: code, name, units, measure, number of values. all says whether the
 * list is the whole catalogue. */
void sf_indicators_text(buf_t *b, const stat_ind *v, size_t n, int all,
                        enum convert_script script);
void sf_indicators_tidy(buf_t *b, const stat_ind *v, size_t n, int csv,
                        enum convert_script script);
void sf_indicators_json(buf_t *b, const stat_ind *v, size_t n, int all);

/* An indicator a search's text named (statq_match), as 搜索's 统计 group and the line
 * mode's plain search show it. The title: its name and latest value with period and
 * region, "城市低保人数  全国 2021年3月 794 万人" (a cumulative figure "2022年1-3月累计"; when
 * 全国 has none, another region's, saying so: "…（全国无数值）"). The detail: the measure
 * and source, "时点数 · 来源：新华社报道（2021-05-08）". New strings of corpus text: the
 * caller sanitises them (out_append, out_text_make). */
char *sf_match_title(const stat_match_hit *h);
char *sf_match_detail(const stat_match_hit *h);

/* The group's header: "统计（5 项指标，显示前 3 项）" (more, when given, is appended inside
 * the brackets: "；全部在 M-5 统计"). New string. */
char *sf_match_header(const stat_match *m, const char *more);

/* "region", "period", "indicator". */
const char *sf_axis_key(enum stat_axis a);

/* A period's key as arguments take it: 2021, 2021H1, 2021Q1, 2021-03. buf 16. */
const char *sf_period_key(const stat_period *p, char buf[16]);

#endif
