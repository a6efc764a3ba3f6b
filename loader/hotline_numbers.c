/* A phone cell split into numbers (loader/hotline_numbers.h). */
#include "hotline_numbers.h"

#include "phone.h"

#include <stdio.h>
#include <string.h>

/* Bracket pairs: the opening's length, the closing in *close. */
static size_t open_len(const char *p, const char **close)
{
    if (*p == '(') {
        *close = ")";
        return 1;
    }
    if (!strncmp(p, "（", 3)) {
        *close = "）";
        return 3;
    }
    return 0;
}

static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= '0' && s[i] <= '9') ||
            (i + 2 < n && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
             (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99))
            return 1;
    return 0;
}

/* The bracketed remarks of text, space-joined, into note. */
static void remarks(const char *text, char *note, size_t cap)
{
    size_t w = 0;
    note[0] = '\0';
    for (const char *p = text; *p; p++) {
        const char *close;
        size_t ol = open_len(p, &close);
        if (!ol)
            continue;
        const char *end = strstr(p + ol, close);
        if (!end)
            break;
        size_t inner = (size_t)(end - (p + ol));
        if (inner && !has_digit(p + ol, inner) && w + inner + 2 < cap) {
            if (w)
                note[w++] = ' ';
            memcpy(note + w, p + ol, inner);
            w += inner;
            note[w] = '\0';
        }
        p = end + strlen(close) - 1;
    }
}

size_t hotline_split(const char *cell, hotline_num *out, size_t max)
{
    char parts[HOTLINE_MAX_NUMBERS][64];
    if (max > HOTLINE_MAX_NUMBERS)
        max = HOTLINE_MAX_NUMBERS;
    size_t n = phone_split(cell, parts, max);
    if (n > max)
        n = max;
    for (size_t i = 0; i < n; i++) {
        memcpy(out[i].text, parts[i], sizeof out[i].text);
        remarks(parts[i], out[i].note, sizeof out[i].note);
    }
    return n;
}
