/* Units of relief statistics (core/statunit.h). */
#include "statunit.h"

#include "xalloc.h"

#include <stdio.h>
#include <string.h>

/* Spellings that mean the same thing, replaced before the table is consulted. */
static const char *const variants[][2] = {
    {"／", "/"}, {"（", ""}, {"）", ""}, {"・", "·"}, {"•", "·"}, {"．", "·"},
    {"％", "%"}, {"每人每月", "/人·月"}, {"每人每年", "/人·年"}, {"每人次", "/人次"},
};

/* Canonical units: name, dimension, scale. */
static const struct {
    const char *name;
    enum stat_dim dim;
    double scale;
} units[] = {
    {"人", SD_PERSONS, 1},          {"万人", SD_PERSONS, 1e4},
    {"户", SD_HOUSEHOLDS, 1},       {"万户", SD_HOUSEHOLDS, 1e4},
    {"人次", SD_PERSON_TIMES, 1},   {"万人次", SD_PERSON_TIMES, 1e4},
    {"个", SD_ITEMS, 1},            {"万个", SD_ITEMS, 1e4},
    {"元", SD_MONEY, 1},            {"万元", SD_MONEY, 1e4},
    {"亿元", SD_MONEY, 1e8},        {"元/人·月", SD_PER_PERSON_MONTH, 1},
    {"元/人·年", SD_PER_PERSON_YEAR, 1}, {"元/人次", SD_PER_PERSON_TIME, 1},
    {"%", SD_PERCENT, 1},
};

/* Copies s into out with the variants replaced and spaces, brackets and the slash-dot
 * forms normalised: 元/(人·月), 元/人/月 and 元/人月 all become 元/人·月. */
static int normalise(const char *s, char *out, size_t size)
{
    char a[96];
    size_t n = 0;
    for (const char *p = s; *p;) {
        int hit = 0;
        for (size_t v = 0; v < sizeof variants / sizeof *variants && !hit; v++) {
            size_t len = strlen(variants[v][0]);
            if (!strncmp(p, variants[v][0], len)) {
                size_t rl = strlen(variants[v][1]);
                if (n + rl >= sizeof a)
                    return 0;
                memcpy(a + n, variants[v][1], rl);
                n += rl;
                p += len;
                hit = 1;
            }
        }
        if (hit)
            continue;
        if (*p == ' ' || *p == '\t' || *p == '(' || *p == ')') {
            p++;
            continue;
        }
        if (n + 1 >= sizeof a)
            return 0;
        a[n++] = *p++;
    }
    a[n] = '\0';
    /* 元/人/月 and 元/人月 are 元/人·月 (also 年). */
    static const char *const per[][2] = {{"元/人/月", "元/人·月"}, {"元/人月", "元/人·月"},
                                         {"元/人/年", "元/人·年"}, {"元/人年", "元/人·年"},
                                         {"元/人·次", "元/人次"}};
    for (size_t i = 0; i < sizeof per / sizeof *per; i++)
        if (!strcmp(a, per[i][0])) {
            snprintf(out, size, "%s", per[i][1]);
            return 1;
        }
    snprintf(out, size, "%s", a);
    return n < size;
}

int stat_unit_parse(const char *text, stat_unit *out)
{
    memset(out, 0, sizeof *out);
    char u[96];
    if (!text || !normalise(text, u, sizeof u))
        return 0;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (!strcmp(u, units[i].name)) {
            out->dim = units[i].dim;
            out->scale = units[i].scale;
            snprintf(out->name, sizeof out->name, "%s", units[i].name);
            return 1;
        }
    return 0;
}

const char *stat_dim_label(enum stat_dim d)
{
    static const char *const labels[] = {
        "", "人数", "户数", "人次", "个数", "金额", "元/人·月", "元/人·年", "元/人次", "百分比",
    };
    return (unsigned)d < sizeof labels / sizeof *labels ? labels[d] : "";
}

int stat_unit_factor(const stat_unit *from, const stat_unit *to, int allow_period,
                     double *factor, const char **how, char **why)
{
    if (how)
        *how = NULL;
    if (why)
        *why = NULL;
    if (from->dim == SD_NONE || to->dim == SD_NONE) {
        if (why)
            *why = xstrdup("单位不明，不能换算");
        return -1;
    }
    if (from->dim == to->dim) {
        *factor = from->scale / to->scale;
        return 0;
    }
    int month_year = from->dim == SD_PER_PERSON_MONTH && to->dim == SD_PER_PERSON_YEAR;
    int year_month = from->dim == SD_PER_PERSON_YEAR && to->dim == SD_PER_PERSON_MONTH;
    if (month_year || year_month) {
        if (!allow_period) {
            if (why)
                *why = xasprintf("%s 与 %s 不能直接比较：按月和按年的标准相差 12 倍；"
                                 "要换算请明示（÷12 或 ×12，结果会标注）",
                                 from->name, to->name);
            return -1;
        }
        *factor = month_year ? 12.0 : 1.0 / 12.0;
        if (how)
            *how = month_year ? "按 12 个月换算（×12）" : "按 12 个月平均（÷12）";
        return 0;
    }
    if (why)
        *why = xasprintf("%s（%s）与 %s（%s）不能换算", from->name, stat_dim_label(from->dim),
                         to->name, stat_dim_label(to->dim));
    return -1;
}
