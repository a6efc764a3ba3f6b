/* Units of relief statistics (domain.md §6.2): what a published figure counts and in what
 * scale. The same indicator is published as 万人 in a bulletin and 人 in a county table,
 * and the rural 低保 standard as 元/人·年 in bulletins but 元/人·月 at briefings. A unit is a
 * dimension (persons, households, person-times, items, money, money per person per month,
 * per year, per person-time, percent) and a scale (1, 万 = 10^4, 亿 = 10^8). Values of one
 * dimension convert by scale; values of different dimensions never do, except per person
 * per month and per year, and only when the caller asks (÷12 or ×12, then labelled).
 * Pure: no database, no allocation except the messages. */
#ifndef GONGKAI_STATUNIT_H
#define GONGKAI_STATUNIT_H

enum stat_dim {
    SD_NONE = 0,
    SD_PERSONS,        /* 人 */
    SD_HOUSEHOLDS,     /* 户 */
    SD_PERSON_TIMES,   /* 人次 */
    SD_ITEMS,          /* 个 (townships, institutions) */
    SD_MONEY,          /* 元 */
    SD_PER_PERSON_MONTH, /* 元/人·月 */
    SD_PER_PERSON_YEAR,  /* 元/人·年 */
    SD_PER_PERSON_TIME,  /* 元/人次 */
    SD_PERCENT,        /* % */
};

typedef struct {
    enum stat_dim dim;
    double scale;      /* base units per unit: 万人 is 10000 人 */
    char name[24];     /* canonical spelling: 万人, 元/人·月, % */
} stat_unit;

/* Reads a unit as sources write it: 万人, 人, 万户, 人次, 万人次, 个, 万个, 元, 万元, 亿元,
 * 元/人·月 (also 元/人/月, 元/(人·月), 元/人月, 元每人每月, with full-width ／ （ ） and the
 * middle dots · ・ •), 元/人·年, 元/人次, %, ％. Outer spaces are ignored. Returns 1 and
 * fills out (its canonical name), 0 for anything else. */
int stat_unit_parse(const char *text, stat_unit *out);

/* The dimension as a word for messages: 人数, 户数, 人次, 个数, 金额, 元/人·月 ... */
const char *stat_dim_label(enum stat_dim d);

/* The factor that turns a value in `from` into `to`: 1 when both are the same, 10000
 * from 万人 to 人. Returns 0 and sets *factor when the dimensions agree; with
 * allow_period also between 元/人·月 and 元/人·年 (×12 or ÷12), then *how (may be NULL)
 * gets "按 12 个月换算" or "按 12 个月平均"; else -1 and *why (new string, may be NULL)
 * explains in Chinese why the two cannot be compared. */
int stat_unit_factor(const stat_unit *from, const stat_unit *to, int allow_period,
                     double *factor, const char **how, char **why);

#endif
