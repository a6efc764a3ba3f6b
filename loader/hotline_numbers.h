/* A phone cell of a hotline source split into numbers (kind = hotlines): relief-station
 * lists give two in one cell (0431-85086100、85086101; 0431-8508610（白）；13900000000
 * （夜）). The split is core/phone.h's phone_split; this adds the remark each part carries
 * in brackets (白, 夜: kept in the line's note, since phone_parse drops it). Pure. */
#ifndef GONGKAI_HOTLINE_NUMBERS_H
#define GONGKAI_HOTLINE_NUMBERS_H

#include <stddef.h>

#define HOTLINE_MAX_NUMBERS 8

typedef struct {
    char text[64];  /* one number as phone_parse reads it */
    char note[64];  /* the remarks written in brackets without digits: 白, 夜 ... */
} hotline_num;

/* Splits cell with phone_split; returns how many parts were written (at most max; a cell
 * with more is cut to max). */
size_t hotline_split(const char *cell, hotline_num *out, size_t max);

#endif
