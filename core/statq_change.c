/* Change against another period (core/statq.h): percent for amounts, percentage points
 * for % indicators, only between units that can be compared, and a cumulative figure only
 * with a span that has the same start of year (同比; 环比 within a year). */
#include "statq_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "711.4 元/人·月", "5.0%". */
static void with_unit(buf_t *b, const char *number, const char *unit)
{
    buf_printf(b, "%s%s%s", number, strcmp(unit, "%") ? " " : "", unit);
}

/* The unit a cell's figure was published in: what follows the number in raw ("688.0
 * 万元"), NULL when raw does not say. */
static const char *raw_unit(const stat_cell *c)
{
    const char *sp = c->raw ? strrchr(c->raw, ' ') : NULL;
    return sp && sp[1] ? sp + 1 : NULL;
}

static int same_period(const stat_period *a, const stat_period *b)
{
    return a->type == b->type && a->year == b->year && a->index == b->index;
}

int statq_change(const stat_cell *now, const stat_cell *before, int convert_period,
                 stat_cell *out, char **why)
{
    memset(out, 0, sizeof *out);
    *why = NULL;
    if (!now->present || !before->present) {
        *why = xstrdup("缺少数值，不能比较");
        return -1;
    }
    if (!now->indicator || !before->indicator || strcmp(now->indicator, before->indicator) ||
        strcmp(now->region, before->region)) {
        *why = xstrdup("不是同一指标、同一地区的数值，不能比较");
        return -1;
    }
    stat_period ago, prev;
    int yoy = stat_period_year_ago(&now->period, &ago) && same_period(&ago, &before->period);
    int pop = stat_period_prev(&now->period, &prev) && same_period(&prev, &before->period);
    const char *label = yoy ? "同比" : pop ? "环比" : "比较";
    /* A year-to-date figure restarts every January: only the same span a year before, or
     * an earlier span of the same year, measures the same thing. */
    int cumulative = now->measure == SM_CUMULATIVE || before->measure == SM_CUMULATIVE;
    if (cumulative && before->period.year != now->period.year && !yoy) {
        *why = xstrdup(pop ? "累计数跨年，不能环比" : "累计数只能与同年的上期或上年同期比较");
        return -1;
    }
    double f;
    const char *how;
    char *uwhy = NULL;
    if (stat_unit_factor(&before->unit, &now->unit, convert_period, &f, &how, &uwhy) != 0) {
        *why = uwhy ? uwhy : xstrdup("单位不同，不能比较");
        return -1;
    }
    double base = before->value * f;
    int points = now->unit.dim == SD_PERCENT;
    if (!points && base == 0) {
        *why = xasprintf("%s数值为 0，不能计算增长率", yoy ? "上年同期" : "上期");
        return -1;
    }
    double v = points ? now->value - base : (now->value - base) / fabs(base) * 100.0;

    statq_cell_copy(out, now);
    out->id = 0;
    out->value = v;
    out->unit = sq_change_unit(&now->unit);
    out->derived = 1;
    out->base_value = base;
    out->base_period = before->period;

    /* 同比 +5.0%（2020年 677.6 元/人·月 → 2021年 711.4 元/人·月）. Both converted from one
     * published unit (万元 shown as 亿元): the published figures say it best. */
    char nb[48], bb[48], cb[48], pl_now[32], pl_before[32];
    stat_period_label(&before->period, pl_before);
    stat_period_label(&now->period, pl_now);
    statq_format_value(out, cb);
    buf_t d;
    buf_init(&d);
    buf_printf(&d, "%s %s%s（", label, cb, points ? " 个百分点" : "%");
    const char *un = raw_unit(now), *ub = raw_unit(before);
    if ((now->derived || before->derived || f != 1.0) && un && ub && !strcmp(un, ub)) {
        buf_printf(&d, "%s %s → %s %s", pl_before, before->raw, pl_now, now->raw);
    } else {
        stat_cell conv = *before; /* strings borrowed: only formatted */
        conv.value = base;
        conv.unit = now->unit;
        statq_format_value(&conv, bb);
        statq_format_value(now, nb);
        buf_printf(&d, "%s ", pl_before);
        with_unit(&d, bb, now->unit.name);
        buf_printf(&d, " → %s ", pl_now);
        with_unit(&d, nb, now->unit.name);
        if (f != 1.0)
            buf_printf(&d, "；%s值由 %s %s", pl_before, before->raw ? before->raw : "",
                       how ? how : "换算");
        if (before->derived && before->derivation)
            buf_printf(&d, "；%s值%s", pl_before, before->derivation);
        if (now->derived && now->derivation)
            buf_printf(&d, "；%s值%s", pl_now, now->derivation);
    }
    buf_adds(&d, "）");
    free(out->derivation);
    out->derivation = buf_take(&d);
    if (before->flags) {
        char *flags = xasprintf("%s%s%s：%s", now->flags ? now->flags : "", now->flags ? "；" : "",
                                pl_before, before->flags);
        free(out->flags);
        out->flags = flags;
    }
    return 0;
}
