/* Charts of the 统计 pane as strings of characters one column wide in every terminal:
 * horizontal bars of a column of a table (a ranking of regions, a series by period) and a
 * sparkline of a series. East-Asian ambiguous characters (█ ▁ ─ …) are drawn two columns
 * wide by many CJK terminals (../shared/docs/terminal.md §3.1), so the charts are ASCII by
 * default: bars of '#' with '=' for a half step, sparkline levels "_.-=*#". Only with
 * ui.borders = unicode (the user says the terminal draws them narrow) are the block
 * elements used: bars of █ with ▌/▐ half steps, sparkline levels ▁▂▃▄▅▆▇█.
 *
 * A bar's length is proportional to the value on a scale shared by all bars of the chart
 * (sc_scale), rounded to half steps; a value that is not zero never rounds to nothing
 * (one half step), zero is an empty bar and an absent value no bar at all. With negative
 * values (a change 同比 below zero) the scale has an axis '|' at zero, negative bars
 * grow to its left and positive ones to its right. Pure: no curses, no database. */
#ifndef GONGKAI_STATCHART_H
#define GONGKAI_STATCHART_H

#include <stddef.h>

/* The scale of a set of bars. */
typedef struct {
    double lo, hi; /* min(0, smallest value), max(0, largest value) */
    int width;     /* columns of every bar, the axis included */
    int any;       /* at least one value was added */
} sc_scale;

/* A scale for bars of width columns (at least 1); then add each present value. */
void sc_scale_init(sc_scale *s, int width);
void sc_scale_add(sc_scale *s, double v);

/* 1 when the scale has negative values and so an axis column. */
int sc_has_axis(const sc_scale *s);
/* The axis column (0 .. width-1) when there is one, else -1. */
int sc_axis_col(const sc_scale *s);

/* The length of v's bar in half steps: positive to the right, negative to the left of
 * the axis; 0 for zero or an empty scale. */
int sc_bar_halves(const sc_scale *s, double v);

/* v's bar: a new string exactly s->width columns wide (padded with spaces; the axis
 * drawn when there is one); present = 0 gives only the axis, or spaces. unicode: block
 * elements instead of ASCII. */
char *sc_bar(const sc_scale *s, double v, int present, int unicode);

/* The level (0 .. nlevels-1) of v between min and max; the middle one when max == min. */
int sc_level(double v, double min, double max, int nlevels);

/* A sparkline of n values (present[i] = 0: absent, drawn as a space): one character per
 * value, scaled between the smallest and the largest present value. At most width
 * characters: the last width values when there are more. New string. */
char *sc_spark(const double *v, const unsigned char *present, size_t n, int width,
               int unicode);

/* The characters used: the bar's full and half steps and the sparkline's levels. */
const char *sc_levels(int unicode, int *nlevels);

#endif
