/* Organisation names for the blacklist check at the counter. A clerk types a name in
 * Simplified or Traditional, with full- or half-width brackets, spaces, with or without
 * the 中国/中华/全国 prefix; this module says how it relates to a listed name (the same,
 * the same once folded, contained, similar …) and pulls the similarly named legal
 * organisation out of a published note ("合法登记的为中国硬笔书法协会"). Pure: no I/O. */
#ifndef GONGKAI_ORGNAME_H
#define GONGKAI_ORGNAME_H

/* The matching key of a name: every code point folded with fold_cp, code points whose
 * class is FOLD_SEP dropped (punctuation, brackets, spaces, symbols — bracket CONTENTS are
 * kept), UTF-8 out. "中國 美學研究會" and "中国美学研究会" share a key; "上海合作国际中心（浙江）代表处"
 * -> key of "上海合作国际中心浙江代表处". New string. */
char *orgname_key(const char *name);

/* The key without a leading 中华人民共和国, 中国, 中华 or 全国 (compared in folded form,
 * longest first, only one prefix removed), so 中国XX协会, 中华XX协会, 全国XX协会 and XX协会
 * meet. When removing it would leave fewer than 2 code points, the key is returned whole.
 * New string. */
char *orgname_core(const char *key);

/* Levenshtein distance between two UTF-8 strings counted in code points; stops early and
 * returns max + 1 when the distance exceeds max. */
int orgname_distance(const char *a, const char *b, int max);

/* Dice coefficient of the sets of adjacent code-point pairs (bigrams) of a and b, 0..1;
 * strings of one code point compare as equal (1) or not (0). */
double orgname_dice(const char *a, const char *b);

enum orgname_match {
    ONM_NONE = 0,
    ONM_EXACT,      /* the same bytes after trimming outer spaces */
    ONM_FOLDED,     /* equal after folding (繁简, 全角半角, 大小写) but not byte-equal */
    ONM_PUNCT,      /* equal keys, but only after dropping punctuation, brackets or spaces */
    ONM_PREFIX,     /* equal cores: the 中国/中华/全国 prefix differs */
    ONM_CONTAINS,   /* the query's key is inside the name's key (query shorter) */
    ONM_CONTAINED,  /* the name's key is inside the query's key (e.g. query has extra words) */
    ONM_SIMILAR,    /* none of the above, but similar (see orgname_compare) */
};

/* How name matches query, the strongest relation first in the enum order above.
 * ONM_CONTAINS requires the query key to have at least 2 code points; ONM_CONTAINED
 * requires the name key to have at least 4. ONM_SIMILAR when, on the cores,
 * distance <= 1 for cores of 4..7 code points, <= 2 for 8 or more (never for fewer than
 * 4), or Dice >= 0.75. *similarity (may be NULL) receives the Dice of the two cores. */
enum orgname_match orgname_compare(const char *query, const char *name, double *similarity);

/* Chinese label for the console: "名称一致", "繁简或全半角写法不同", "标点、括号或空格不同",
 * "“中国/中华/全国”前缀不同", "名称包含所查文字", "所查文字包含该名称", "名称相近". */
const char *orgname_match_label(enum orgname_match m);

/* The similarly named legal organisation a published note points to, or NULL:
 * "合法登记的为中国硬笔书法协会" -> "中国硬笔书法协会"; also "（合法登记的是XX）",
 * "合法组织为XX", "依法登记的为XX", "与合法登记的XX名称相近" forms; trailing 。；) ）
 * and spaces trimmed; a result shorter than 2 code points gives NULL. New string. */
char *orgname_confusable_from_note(const char *note);

/* True when name is a plausible organisation name to store: not empty after trimming,
 * at most 200 bytes, and its key is not empty. */
int orgname_valid(const char *name);

#endif
