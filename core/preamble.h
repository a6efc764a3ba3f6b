/* Dates, order numbers and history from a regulation's preamble: the dated event lines
 * of the Markdown corpus ("2014年2月21日 中华人民共和国国务院令第649号公布"), a 题注
 * ("（2018年1月12日民政部部务会议通过 2018年1月24日民政部令第60号公布
 * 自公布之日起施行）"), a State Council order ("中华人民共和国国务院令 第842号 …
 * 现予公布，自2026年10月15日起施行。 总理 李强 2026年7月23日") or a notice line
 * ("2022年5月5日,民政部办公厅发布《…》。"). Traditional wording (公佈, 發布, 通過, 修訂,
 * 廢止), Chinese-numeral and full-width dates are accepted. Rules: domain.md §3.5. */
#ifndef GONGKAI_PREAMBLE_H
#define GONGKAI_PREAMBLE_H

#include <stddef.h>

enum preamble_event_type {
    PREAMBLE_OTHER = 0,
    PREAMBLE_ADOPTED,     /* 通过 (a meeting) */
    PREAMBLE_PROMULGATED, /* 公布, 颁布, 现予公布 */
    PREAMBLE_ISSUED,      /* 发布, 印发 */
    PREAMBLE_EFFECTIVE,   /* 施行, 实施, 生效 */
    PREAMBLE_AMENDED,     /* 修正 (also a bare 修改) */
    PREAMBLE_REVISED,     /* 修订 */
    PREAMBLE_REPEALED,    /* 废止, 失效 */
};

typedef struct {
    char date[11];                 /* YYYY-MM-DD */
    enum preamble_event_type type;
    char *text; /* the clause as written, without its date; a "自…起施行" phrase whole;
                 * for a date that ends its clause (an order's signature), the text before */
} preamble_event;

typedef struct {
    char adopted_date[11];     /* latest 通过 by a meeting; "" when none */
    char promulgated_date[11]; /* latest 公布/发布 (or an order that revised); "" */
    char effective_date[11];   /* 自…起施行, a 施行 line, 自公布之日起施行; "" */
    char repealed_date[11];    /* latest 废止; "" */
    char (*amended_dates)[11]; /* 修正/修订 dates, oldest first, no duplicates */
    size_t n_amended;
    char *doc_number;     /* normalised: "国务院令第649号", "民发〔2021〕57号"; NULL if none */
    char *doc_number_raw; /* as written: "中华人民共和国国务院令第649号"; NULL if none */
    char *issuer;         /* folded to Simplified ("民政部办公厅"); NULL unless stated */
    preamble_event *events; /* in text order */
    size_t n_events;
} preamble_info;

/* Parses text[0..len). Always fills *out (empty fields when nothing is recognised) and
 * returns the number of events found. Free with preamble_free. */
size_t preamble_parse(const char *text, size_t len, preamble_info *out);

/* Releases everything preamble_parse allocated and zeroes *info. */
void preamble_free(preamble_info *info);

/* Parses a date at the start of s: "2022年5月5日", "二〇二二年五月五日", "２０２２年５月５日",
 * "2022-05-05", "2022.5.5", "2022/5/5" (spaces allowed around 年月日). Writes
 * "YYYY-MM-DD" to out, the bytes consumed to *used, and returns 1; returns 0 otherwise. */
int preamble_parse_date(const char *s, size_t len, char out[11], size_t *used);

/* Normalises a 文号 or 令号 that makes up the whole of s[0..len) (surrounding spaces
 * allowed): brackets [] 【】 （） ［］ become 〔〕, "中华人民共和国" is dropped from an
 * organ, numbers become ASCII ("民发[2021]57号" → "民发〔2021〕57号",
 * "中华人民共和国国务院令 第六四九号" → "国务院令第649号"). NULL when it is neither. */
char *preamble_docnum_normalize(const char *s, size_t len);

#endif
