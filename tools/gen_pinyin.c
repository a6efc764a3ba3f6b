/* gen_pinyin: generates the per-character pinyin table for name lookup (core/pinyin.c).
 *
 * Input: Unihan_Readings.txt from Debian unicode-data (decompressed by the Makefile).
 * Readings: kTGHZ2013 (通用规范汉字字典, the 8,105 characters of the 2013 standard list)
 * when present, else kMandarin. kHanyuPinyin is never read: its archaic readings are
 * what made 超 match "t" (tiao) and 排 match "b" (bai) in other pinyin tokenizers.
 * Readings are toneless, ü written v (lǜ -> lv), distinct, at most 4 per character, the
 * customary one first: kMandarin's first value when it is among the kTGHZ2013 readings
 * (kTGHZ2013 itself lists readings in dictionary, i.e. alphabetical, order), then the
 * rest in kTGHZ2013 order. Each entry records whether it came from kTGHZ2013, because
 * core/pinyin.c prefers a character's own kTGHZ2013 readings, then those of its
 * Simplified fold, then its own kMandarin.
 *
 * Output layout (all const, about 120 KB):
 *   pinyin_syl_pool / pinyin_syl_off   the syllables, sorted, NUL-terminated
 *   pinyin_sets                        reading sets: a header (count | 8 if kTGHZ2013)
 *                                      then the syllable ids; offset 0 = no reading
 *   pinyin_run_first / pinyin_run_base runs of code points (gaps of up to RUN_GAP
 *                                      unlisted characters are filled with 0)
 *   pinyin_char_set                    per code point of each run: its set's offset
 *
 * Usage: gen_pinyin OUT.c Unihan_Readings.txt */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCP 0x40000   /* Unihan stops before plane 4 */
#define MAXR 4          /* readings kept per character */
#define MAXSYL 1024
#define SYL_LEN 6       /* zhuang, shuang, chuang */
#define RUN_GAP 4       /* a gap this short costs less filled (2 B/slot) than a new run (8 B) */
#define GEN_VERSION 1

struct entry {
    uint16_t tg[MAXR], mn[MAXR];
    uint8_t ntg, nmn;
};

static struct entry *ent;
static char syl[MAXSYL][SYL_LEN + 1];
static int nsyl;

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen_pinyin: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static int intern(const char *s)
{
    for (int i = 0; i < nsyl; i++)
        if (!strcmp(syl[i], s))
            return i;
    if (nsyl == MAXSYL)
        die("too many syllables", s);
    strcpy(syl[nsyl], s);
    return nsyl++;
}

/* Tone-marked letters of Unihan's pinyin and their toneless ASCII form. */
static const struct {
    uint32_t cp;
    char c;
} marks[] = {
    {0x0101, 'a'}, {0x00E1, 'a'}, {0x01CE, 'a'}, {0x00E0, 'a'}, {0x0113, 'e'}, {0x00E9, 'e'},
    {0x011B, 'e'}, {0x00E8, 'e'}, {0x00EA, 'e'}, {0x1EBF, 'e'}, {0x1EC1, 'e'}, {0x012B, 'i'},
    {0x00ED, 'i'}, {0x01D0, 'i'}, {0x00EC, 'i'}, {0x014D, 'o'}, {0x00F3, 'o'}, {0x01D2, 'o'},
    {0x00F2, 'o'}, {0x016B, 'u'}, {0x00FA, 'u'}, {0x01D4, 'u'}, {0x00F9, 'u'}, {0x00FC, 'v'},
    {0x01D6, 'v'}, {0x01D8, 'v'}, {0x01DA, 'v'}, {0x01DC, 'v'}, {0x0144, 'n'}, {0x0148, 'n'},
    {0x01F9, 'n'}, {0x1E3F, 'm'},
};

/* Toneless form of one reading ("lǜ" -> "lv"); dies on a letter it does not know, so a
 * new Unihan version cannot slip unexpected bytes into the table. */
static void toneless(const char *s, size_t n, char *out)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        uint32_t cp;
        int k;
        if (*p < 0x80) {
            cp = *p;
            k = 1;
        } else if ((*p & 0xE0) == 0xC0 && end - p >= 2) {
            cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
            k = 2;
        } else if ((*p & 0xF0) == 0xE0 && end - p >= 3) {
            cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            k = 3;
        } else {
            die("bad UTF-8 in reading", s);
        }
        p += k;
        char c = 0;
        if (cp >= 'a' && cp <= 'z')
            c = (char)cp;
        else if (cp >= 'A' && cp <= 'Z')
            c = (char)(cp + 32);
        else if (cp >= 0x300 && cp <= 0x36F)
            continue; /* combining tone marks (m̀, ê̄) */
        else
            for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
                if (marks[i].cp == cp)
                    c = marks[i].c;
        if (!c)
            die("unknown letter in reading", s);
        if (o == SYL_LEN)
            die("reading too long", s);
        out[o++] = c;
    }
    if (!o)
        die("empty reading", s);
    out[o] = '\0';
}

static void add(uint16_t *list, uint8_t *n, int id)
{
    for (int i = 0; i < *n; i++)
        if (list[i] == id)
            return;
    if (*n < MAXR)
        list[(*n)++] = (uint16_t)id;
}

static void read_unihan(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open", path);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        if (line[0] != 'U' || line[1] != '+')
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *end;
        unsigned long cp = strtoul(line + 2, &end, 16);
        if (*end != '\t' || cp >= MAXCP)
            continue;
        char *field = end + 1, *tab = strchr(field, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        int tghz = !strcmp(field, "kTGHZ2013");
        if (!tghz && strcmp(field, "kMandarin"))
            continue;
        struct entry *e = &ent[cp];
        /* kTGHZ2013: "047.150:chóng 481.090:zhòng" (positions before ':');
         * kMandarin: "shěn chén" (mainland first, then Taiwan when they differ). */
        for (char *tok = strtok(tab + 1, " "); tok; tok = strtok(NULL, " ")) {
            const char *r = tok;
            if (tghz) {
                if (!(r = strchr(tok, ':')))
                    die("kTGHZ2013 value without ':'", tok);
                r++;
            }
            char t[SYL_LEN + 1];
            toneless(r, strlen(r), t);
            if (tghz)
                add(e->tg, &e->ntg, intern(t));
            else
                add(e->mn, &e->nmn, intern(t));
        }
    }
    fclose(f);
}

static int cmp_syl(const void *a, const void *b)
{
    return strcmp(syl[*(const int *)a], syl[*(const int *)b]);
}

static uint64_t fnv(uint64_t h, uint32_t x)
{
    for (int i = 0; i < 4; i++) {
        h ^= (x >> (8 * i)) & 0xFF;
        h *= 1099511628211ULL;
    }
    return h;
}

/* Reading sets, deduplicated by a packed key in an open-addressing hash. */
#define HSIZE 8192
static uint64_t hkey[HSIZE];
static uint32_t hval[HSIZE];
static uint16_t sets[65536];
static uint32_t nsets_words = 1; /* offset 0: no reading */
static unsigned nsets;

static uint16_t set_offset(int flag, int n, const uint16_t *ids)
{
    uint64_t key = (uint64_t)(flag << 3 | n);
    for (int i = 0; i < n; i++)
        key = key << 10 | ids[i];
    key |= 1ULL << 63;
    uint32_t h = (uint32_t)((key * 0x9E3779B97F4A7C15ULL) >> 51) & (HSIZE - 1);
    while (hkey[h] && hkey[h] != key)
        h = (h + 1) & (HSIZE - 1);
    if (hkey[h])
        return (uint16_t)hval[h];
    if (nsets_words + 1 + (uint32_t)n > 65535 || ++nsets > HSIZE / 2)
        die("too many reading sets", NULL);
    hkey[h] = key;
    hval[h] = nsets_words;
    sets[nsets_words++] = (uint16_t)(flag << 3 | n);
    for (int i = 0; i < n; i++)
        sets[nsets_words++] = ids[i];
    return (uint16_t)hval[h];
}

static void put_u32(FILE *out, const char *type, const char *name, const uint32_t *v, size_t n)
{
    fprintf(out, "const %s %s[%zu] = {", type, name, n);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%u,", (i % 16) ? "" : "\n", v[i]);
    fprintf(out, "\n};\n\n");
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_pinyin OUT.c Unihan_Readings.txt\n");
        return 2;
    }
    ent = calloc(MAXCP, sizeof *ent);
    uint16_t *cset = calloc(MAXCP, sizeof *cset);
    if (!ent || !cset)
        die("out of memory", NULL);
    read_unihan(argv[2]);
    /* 〇 (U+3007, "zero" in dates and some village names) has no Unihan reading. */
    if (!ent[0x3007].ntg && !ent[0x3007].nmn)
        add(ent[0x3007].tg, &ent[0x3007].ntg, intern("ling"));

    /* Syllable ids in sorted order, so core/pinyin.c can binary-search the pool. */
    int order[MAXSYL], rank[MAXSYL];
    for (int i = 0; i < nsyl; i++)
        order[i] = i;
    qsort(order, (size_t)nsyl, sizeof order[0], cmp_syl);
    for (int i = 0; i < nsyl; i++)
        rank[order[i]] = i;

    unsigned chars = 0, poly = 0;
    for (uint32_t c = 0; c < MAXCP; c++) {
        struct entry *e = &ent[c];
        if (!e->ntg && !e->nmn)
            continue;
        uint16_t ids[MAXR];
        uint8_t n = 0;
        int flag = e->ntg > 0;
        if (flag) {
            /* The customary reading first (kMandarin's mainland value), if the standard
             * dictionary has it; the capped spellings of a name prefer first readings. */
            for (int j = 0; j < e->ntg; j++)
                if (e->nmn && e->tg[j] == e->mn[0])
                    add(ids, &n, rank[e->tg[j]]);
            for (int j = 0; j < e->ntg; j++)
                add(ids, &n, rank[e->tg[j]]);
        } else {
            for (int j = 0; j < e->nmn; j++)
                add(ids, &n, rank[e->mn[j]]);
        }
        cset[c] = set_offset(flag, n, ids);
        chars++;
        poly += n > 1;
    }

    /* Runs over the code points with readings. */
    uint32_t *run_first = malloc(MAXCP * sizeof *run_first);
    uint32_t *run_base = malloc((MAXCP + 1) * sizeof *run_base);
    uint32_t *slots = malloc(MAXCP * sizeof *slots);
    if (!run_first || !run_base || !slots)
        die("out of memory", NULL);
    uint32_t nruns = 0, nslots = 0, last = 0;
    for (uint32_t c = 0; c < MAXCP; c++) {
        if (!cset[c])
            continue;
        if (nruns && c - last <= RUN_GAP + 1) {
            while (++last < c)
                slots[nslots++] = 0;
        } else {
            run_first[nruns] = c;
            run_base[nruns++] = nslots;
        }
        slots[nslots++] = cset[c];
        last = c;
    }
    run_base[nruns] = nslots;

    uint64_t h = 14695981039346656037ULL;
    h = fnv(h, GEN_VERSION);
    for (int i = 0; i < nsyl; i++)
        for (const char *s = syl[order[i]]; *s; s++)
            h = fnv(h, (uint32_t)*s);
    for (uint32_t i = 0; i < nsets_words; i++)
        h = fnv(h, sets[i]);
    for (uint32_t i = 0; i < nruns; i++)
        h = fnv(fnv(h, run_first[i]), run_base[i]);
    for (uint32_t i = 0; i < nslots; i++)
        h = fnv(h, slots[i]);

    FILE *out = fopen(argv[1], "w");
    if (!out)
        die("cannot write", argv[1]);
    fprintf(out, "/* Generated by tools/gen_pinyin.c from Debian unicode-data (Unihan_Readings:\n"
                 " * kTGHZ2013, else kMandarin; Unicode licence). Do not edit. */\n"
                 "#include <stdint.h>\n\n");
    fprintf(out, "const char pinyin_table_version[] = \"pinyin/%d-%016llx chars=%u poly=%u\";\n\n",
            GEN_VERSION, (unsigned long long)h, chars, poly);
    fprintf(out, "const uint32_t pinyin_syl_count = %d;\n", nsyl);
    fprintf(out, "const char pinyin_syl_pool[] =");
    uint32_t pool_off[MAXSYL], off = 0;
    for (int i = 0; i < nsyl; i++) {
        pool_off[i] = off;
        off += (uint32_t)strlen(syl[order[i]]) + 1;
        fprintf(out, "%s\"%s\\0\"", (i % 10) ? "" : "\n    ", syl[order[i]]);
    }
    fprintf(out, ";\n\n");
    fprintf(out, "const uint16_t pinyin_syl_off[%d] = {", nsyl);
    for (int i = 0; i < nsyl; i++)
        fprintf(out, "%s%u,", (i % 16) ? "" : "\n", pool_off[i]);
    fprintf(out, "\n};\n\n");
    fprintf(out, "const uint16_t pinyin_sets[%u] = {", nsets_words);
    for (uint32_t i = 0; i < nsets_words; i++)
        fprintf(out, "%s%u,", (i % 16) ? "" : "\n", sets[i]);
    fprintf(out, "\n};\n\n");
    fprintf(out, "const uint32_t pinyin_run_count = %u;\n", nruns);
    put_u32(out, "uint32_t", "pinyin_run_first", run_first, nruns);
    put_u32(out, "uint32_t", "pinyin_run_base", run_base, nruns + 1);
    fprintf(out, "const uint16_t pinyin_char_set[%u] = {", nslots);
    for (uint32_t i = 0; i < nslots; i++)
        fprintf(out, "%s%u,", (i % 20) ? "" : "\n", slots[i]);
    fprintf(out, "\n};\n");
    if (fclose(out) != 0)
        die("write failed", argv[1]);
    size_t bytes = off + (size_t)nsyl * 2 + nsets_words * 2 + nruns * 8 + 4 + nslots * 2;
    fprintf(stderr, "gen_pinyin: %u characters (%u polyphonic), %d syllables, %u sets, %u runs, "
                    "%u slots, %zu bytes, hash %016llx\n",
            chars, poly, nsyl, nsets, nruns, nslots, bytes, (unsigned long long)h);
    free(ent);
    free(cset);
    free(run_first);
    free(run_base);
    free(slots);
    return 0;
}
