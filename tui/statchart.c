/* Bars and sparklines in one-column characters (tui/statchart.h). */
#include "statchart.h"

#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ASCII: one byte each. Unicode: U+2581..U+2588 (▁..█), three bytes each. */
static const char *const ascii_levels = "_.-=*#";
static const char *const unicode_levels = "▁▂▃▄▅▆▇█";

#define ASCII_FULL "#"
#define ASCII_HALF "="
#define UNI_FULL "█"
#define UNI_HALF_LEFT "▌"  /* a positive bar's last half step */
#define UNI_HALF_RIGHT "▐" /* a negative bar's last half step (it grows leftwards) */
#define AXIS "|"

const char *sc_levels(int unicode, int *nlevels)
{
    *nlevels = unicode ? 8 : 6;
    return unicode ? unicode_levels : ascii_levels;
}

void sc_scale_init(sc_scale *s, int width)
{
    memset(s, 0, sizeof *s);
    s->width = width > 0 ? width : 1;
}

void sc_scale_add(sc_scale *s, double v)
{
    if (!isfinite(v))
        return;
    if (v < s->lo)
        s->lo = v;
    if (v > s->hi)
        s->hi = v;
    s->any = 1;
}

int sc_has_axis(const sc_scale *s)
{
    return s->lo < 0;
}

int sc_axis_col(const sc_scale *s)
{
    if (!sc_has_axis(s))
        return -1;
    if (s->hi <= 0)
        return s->width - 1;
    int a = (int)floor((double)(s->width - 1) * -s->lo / (s->hi - s->lo) + 0.5);
    return a < 0 ? 0 : a > s->width - 1 ? s->width - 1 : a;
}

/* Columns available to the positive and the negative bars. */
static void room(const sc_scale *s, int *pos, int *neg)
{
    int a = sc_axis_col(s);
    if (a < 0) {
        *pos = s->width;
        *neg = 0;
    } else {
        *pos = s->width - 1 - a;
        *neg = a;
    }
}

int sc_bar_halves(const sc_scale *s, double v)
{
    double range = s->hi - s->lo;
    if (!isfinite(v) || v == 0 || !(range > 0))
        return 0;
    int pos, neg;
    room(s, &pos, &neg);
    /* Both sides share one scale: the columns of the bars without the axis. */
    int cols = pos + neg;
    double h = fabs(v) / range * (double)cols * 2.0;
    int halves = h > 2.0 * cols ? 2 * cols : (int)floor(h + 0.5);
    if (halves == 0)
        halves = 1; /* not zero: never an empty bar */
    int cap = 2 * (v > 0 ? pos : neg);
    if (halves > cap)
        halves = cap;
    return v > 0 ? halves : -halves;
}

char *sc_bar(const sc_scale *s, double v, int present, int unicode)
{
    int w = s->width;
    /* Each column is one character of at most 3 bytes. */
    const char **cell = xcalloc((size_t)w, sizeof *cell);
    for (int i = 0; i < w; i++)
        cell[i] = " ";
    int a = sc_axis_col(s);
    if (a >= 0)
        cell[a] = AXIS;
    if (present) {
        int h = sc_bar_halves(s, v);
        const char *full = unicode ? UNI_FULL : ASCII_FULL;
        if (h > 0) {
            int x = a + 1; /* a is -1 without an axis */
            for (; h >= 2 && x < w; h -= 2)
                cell[x++] = full;
            if (h == 1 && x < w)
                cell[x] = unicode ? UNI_HALF_LEFT : ASCII_HALF;
        } else if (h < 0) {
            h = -h;
            int x = a - 1;
            for (; h >= 2 && x >= 0; h -= 2)
                cell[x--] = full;
            if (h == 1 && x >= 0)
                cell[x] = unicode ? UNI_HALF_RIGHT : ASCII_HALF;
        }
    }
    buf_t b;
    buf_init(&b);
    for (int i = 0; i < w; i++)
        buf_adds(&b, cell[i]);
    free(cell);
    return buf_take(&b);
}

int sc_level(double v, double min, double max, int nlevels)
{
    if (nlevels <= 1)
        return 0;
    if (!(max > min))
        return nlevels / 2;
    double f = (v - min) / (max - min);
    int l = (int)floor(f * (double)(nlevels - 1) + 0.5);
    return l < 0 ? 0 : l >= nlevels ? nlevels - 1 : l;
}

char *sc_spark(const double *v, const unsigned char *present, size_t n, int width,
               int unicode)
{
    size_t start = width > 0 && n > (size_t)width ? n - (size_t)width : 0;
    if (width <= 0)
        start = n;
    double min = 0, max = 0;
    int any = 0;
    for (size_t i = start; i < n; i++) {
        if (!present[i] || !isfinite(v[i]))
            continue;
        if (!any || v[i] < min)
            min = v[i];
        if (!any || v[i] > max)
            max = v[i];
        any = 1;
    }
    int nl;
    const char *levels = sc_levels(unicode, &nl);
    size_t step = unicode ? 3 : 1;
    buf_t b;
    buf_init(&b);
    for (size_t i = start; i < n; i++) {
        if (!present[i] || !isfinite(v[i])) {
            buf_addc(&b, ' ');
            continue;
        }
        int l = sc_level(v[i], min, max, nl);
        buf_add(&b, levels + (size_t)l * step, step);
    }
    return buf_take(&b);
}
