/* go_util.c: genorgs's small tools: the random stream (splitmix64), Zipf draws, UTF-8
 * lengths, CSV fields, day numbers, and the set of names already used (64-bit hashes).
 * The random stream is one sequence (go.h): keep the order of the calls. */
#include "go.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- random numbers ----------------------------------------------------------------- */

/* rnd, rnd01, chance: bench/rng.c */

double *zipf_table(size_t n, double shift, double s)
{
    double *cum = xmalloc(n * sizeof *cum);
    double t = 0;
    for (size_t i = 0; i < n; i++) {
        t += 1.0 / pow((double)i + shift, s);
        cum[i] = t;
    }
    return cum;
}

size_t zipf(const double *cum, size_t n)
{
    double x = rnd01() * cum[n - 1];
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cum[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- small helpers ------------------------------------------------------------------- */

size_t go_prefix(const char *s, size_t n)
{
    size_t i = 0;
    for (size_t k = 0; s[i] && k < n; k++) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

size_t go_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

void csv_put(FILE *f, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* Days since 1970-01-01 (proleptic Gregorian), and back. */
long day_of(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void day_str(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}

/* ---- a set of names (64-bit hashes, open addressing) --------------------------------- */

static uint64_t *set;
static size_t set_cap, set_n;

uint64_t go_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    h ^= h >> 29;
    return h ? h : 1;
}

static int set_slot(uint64_t h, size_t *at)
{
    size_t i = (size_t)(h * 0x9E3779B97F4A7C15ULL) & (set_cap - 1);
    while (set[i]) {
        if (set[i] == h) {
            *at = i;
            return 1;
        }
        i = (i + 1) & (set_cap - 1);
    }
    *at = i;
    return 0;
}

int names_has(const char *s)
{
    size_t at;
    return set_cap && set_slot(go_hash(s), &at);
}

void names_add(const char *s)
{
    if ((set_n + 1) * 2 > set_cap) {
        uint64_t *old = set;
        size_t oldcap = set_cap;
        set_cap = set_cap ? set_cap * 2 : 1 << 16;
        set = xcalloc(set_cap, sizeof *set);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i]) {
                size_t at;
                set_slot(old[i], &at);
                set[at] = old[i];
            }
        free(old);
    }
    size_t at;
    uint64_t h = go_hash(s);
    if (!set_slot(h, &at)) {
        set[at] = h;
        set_n++;
    }
}
