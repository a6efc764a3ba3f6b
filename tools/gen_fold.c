/* gen_fold: generates the 1:1 per-code-point fold table used by the zh tokenizer.
 *
 * Inputs (Debian packages unicode-data and opencc):
 *   UnicodeData.txt   canonical singletons (CJK compatibility ideographs), <wide>/<narrow>
 *                     forms, <circle> singletons, Kangxi radicals; letter/digit classes
 *   CaseFolding.txt   simple case folding (status C and S)
 *   OpenCC dumps      TSCharacters, STCharacters, TWVariantsRev, TSPhrases as text
 *                     (opencc_dict -f ocd2 -t text)
 *
 * Traditional/Simplified characters are merged into equivalence classes (union-find over
 * the first candidate of each character entry and the character alignments of
 * equal-length phrases); each class maps to its Simplified member. Every mapping is one
 * code point to one code point, so token offsets stay valid in the original text.
 *
 * Output: a C source file with a two-stage lookup table, a bitmap of word characters
 * below U+2000, and a version string carrying a hash of the whole table.
 *
 * Usage: gen_fold OUT.c UnicodeData.txt CaseFolding.txt TSCharacters.txt \
 *                 STCharacters.txt TWVariantsRev.txt TSPhrases.txt */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCP 0x110000
#define BLOCK 128
#define WORD_LIMIT 0x2000
#define GEN_VERSION 1

static uint32_t *base;   /* width / compatibility / case step */
static int32_t *parent;  /* union-find over ideographs */
static uint32_t *final;  /* resulting fold */
static uint16_t *ts_target_count;
static uint8_t *ts_key_state; /* 0 none, 1 key mapping elsewhere, 2 key mapping to itself */
static uint8_t word_bits[WORD_LIMIT / 8];

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen_fold: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static FILE *xfopen(const char *path, const char *mode)
{
    FILE *f = fopen(path, mode);
    if (!f)
        die("cannot open", path);
    return f;
}

/* Decodes one UTF-8 sequence; returns bytes used, 0 at end or on a malformed byte. */
static int dec(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return s[0] ? 1 : 0;
    }
    int n = (s[0] >= 0xF0) ? 4 : (s[0] >= 0xE0) ? 3 : (s[0] >= 0xC0) ? 2 : 0;
    if (!n)
        return 0;
    uint32_t c = s[0] & (0xFF >> (n + 1));
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    *cp = c;
    return n;
}

/* Splits a UTF-8 string into code points; returns the count (at most max). */
static int cps_of(const char *s, uint32_t *out, int max)
{
    int n = 0, k;
    uint32_t cp;
    while (n < max && (k = dec((const unsigned char *)s, &cp)) > 0) {
        out[n++] = cp;
        s += k;
    }
    return n;
}

static int is_han(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x323AF) || c == 0x3007;
}

static int32_t find(int32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static void unite(uint32_t a, uint32_t b)
{
    if (a == b || !is_han(a) || !is_han(b))
        return;
    int32_t ra = find((int32_t)a), rb = find((int32_t)b);
    if (ra != rb)
        parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
}

static void read_unicode_data(const char *path)
{
    FILE *f = xfopen(path, "r");
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *field[15];
        int nf = 0;
        char *p = line;
        field[nf++] = p;
        while (nf < 15 && (p = strchr(p, ';'))) {
            *p++ = '\0';
            field[nf++] = p;
        }
        if (nf < 6)
            continue;
        uint32_t cp = (uint32_t)strtoul(field[0], NULL, 16);
        const char *cat = field[2];
        /* Ranges ("<CJK Ideograph, First>") carry no decompositions; letters only matter
         * below WORD_LIMIT, where there are no ranges. */
        if (strstr(field[1], ", First>"))
            continue;
        if (cp < WORD_LIMIT && (cat[0] == 'L' || (cat[0] == 'N' && cat[1] == 'd')))
            word_bits[cp / 8] |= (uint8_t)(1u << (cp % 8));
        const char *d = field[5];
        if (!*d)
            continue;
        char tag[32] = "";
        if (*d == '<') {
            const char *e = strchr(d, '>');
            if (!e || (size_t)(e - d) >= sizeof tag)
                continue;
            memcpy(tag, d, (size_t)(e - d + 1));
            tag[e - d + 1] = '\0';
            d = e + 1;
        }
        char *end;
        uint32_t t = (uint32_t)strtoul(d, &end, 16);
        while (*end == ' ')
            end++;
        if (*end && *end != '\n')
            continue; /* multi-code-point decomposition: never (it would change lengths) */
        int take = 0;
        if (!tag[0])
            take = 1; /* canonical singleton: compatibility ideographs, Ohm, Kelvin... */
        else if (!strcmp(tag, "<wide>") || !strcmp(tag, "<narrow>") || !strcmp(tag, "<circle>"))
            take = 1;
        else if (!strcmp(tag, "<compat>") && cp >= 0x2E80 && cp <= 0x2FDF)
            take = 1; /* CJK and Kangxi radicals to their unified ideographs */
        if (take && t && t < MAXCP)
            base[cp] = t;
    }
    fclose(f);
}

static void read_case_folding(const char *path)
{
    FILE *f = xfopen(path, "r");
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *p = line, *end;
        uint32_t cp = (uint32_t)strtoul(p, &end, 16);
        p = strchr(end, ';');
        if (!p)
            continue;
        p++;
        while (*p == ' ')
            p++;
        char status = *p;
        if (status != 'C' && status != 'S')
            continue;
        p = strchr(p, ';');
        if (!p)
            continue;
        uint32_t t = (uint32_t)strtoul(p + 1, NULL, 16);
        if (cp < MAXCP && t < MAXCP && base[cp] == cp)
            base[cp] = t;
    }
    fclose(f);
}

/* Reads "key<TAB>cand1 cand2..." lines; phrases=1 aligns equal-length phrases. */
static void read_opencc(const char *path, int phrases, int record_ts)
{
    FILE *f = xfopen(path, "r");
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        char *cand = tab + 1;
        char *sp = strchr(cand, ' ');
        if (sp)
            *sp = '\0';
        uint32_t k[64], v[64];
        int nk = cps_of(line, k, 64), nv = cps_of(cand, v, 64);
        if (!phrases) {
            if (nk != 1 || nv != 1)
                continue;
            unite(k[0], v[0]);
            if (record_ts) {
                ts_key_state[k[0]] = (k[0] == v[0]) ? 2 : 1;
                if (ts_target_count[v[0]] < 0xFFFF)
                    ts_target_count[v[0]]++;
            }
        } else if (nk == nv) {
            for (int i = 0; i < nk; i++)
                unite(k[i], v[i]);
        }
    }
    fclose(f);
}

static uint64_t fnv(uint64_t h, uint32_t x)
{
    for (int i = 0; i < 4; i++) {
        h ^= (x >> (8 * i)) & 0xFF;
        h *= 1099511628211ULL;
    }
    return h;
}

int main(int argc, char **argv)
{
    if (argc != 8) {
        fprintf(stderr, "usage: gen_fold OUT.c UnicodeData.txt CaseFolding.txt TSCharacters.txt "
                        "STCharacters.txt TWVariantsRev.txt TSPhrases.txt\n");
        return 2;
    }
    base = malloc(MAXCP * sizeof *base);
    parent = malloc(MAXCP * sizeof *parent);
    final = malloc(MAXCP * sizeof *final);
    ts_target_count = calloc(MAXCP, sizeof *ts_target_count);
    ts_key_state = calloc(MAXCP, 1);
    if (!base || !parent || !final || !ts_target_count || !ts_key_state)
        die("out of memory", NULL);
    for (uint32_t c = 0; c < MAXCP; c++) {
        base[c] = c;
        parent[c] = (int32_t)c;
    }
    base[0x3000] = ' '; /* ideographic space is a separator like any space */
    read_unicode_data(argv[2]);
    read_case_folding(argv[3]);
    read_opencc(argv[4], 0, 1);
    read_opencc(argv[5], 0, 0);
    read_opencc(argv[6], 0, 0);
    read_opencc(argv[7], 1, 0);

    /* The representative of each class: a member stable under OpenCC t2s (not converted
     * further), preferring the one most Traditional characters convert to. */
    int32_t *rep = malloc(MAXCP * sizeof *rep);
    if (!rep)
        die("out of memory", NULL);
    for (uint32_t c = 0; c < MAXCP; c++)
        rep[c] = -1;
    for (uint32_t c = 0; c < MAXCP; c++) {
        if (!is_han(c))
            continue;
        int32_t r = find((int32_t)c);
        int stable = ts_key_state[c] != 1;
        int32_t cur = rep[r];
        if (cur < 0) {
            rep[r] = (int32_t)c;
            continue;
        }
        int cur_stable = ts_key_state[cur] != 1;
        if (stable != cur_stable) {
            if (stable)
                rep[r] = (int32_t)c;
        } else if (ts_target_count[c] > ts_target_count[cur]) {
            rep[r] = (int32_t)c;
        }
    }

    /* Compose width/case folding with the class fold until nothing changes. */
    for (uint32_t c = 0; c < MAXCP; c++) {
        uint32_t x = c;
        for (int pass = 0; pass < 8; pass++) {
            uint32_t y = base[x];
            if (is_han(y))
                y = (uint32_t)rep[find((int32_t)y)];
            if (y == x)
                break;
            x = y;
        }
        final[c] = x;
    }
    /* Idempotence check: folding a folded character must not change it. */
    for (uint32_t c = 0; c < MAXCP; c++)
        if (final[final[c]] != final[c]) {
            char buf[32];
            snprintf(buf, sizeof buf, "U+%04X", c);
            die("fold is not idempotent at", buf);
        }

    uint64_t h = 14695981039346656037ULL;
    h = fnv(h, GEN_VERSION);
    unsigned pairs = 0, classes = 0, han_pairs = 0;
    for (uint32_t c = 0; c < MAXCP; c++)
        if (final[c] != c) {
            pairs++;
            if (is_han(c))
                han_pairs++;
            h = fnv(fnv(h, c), final[c]);
        }
    for (int i = 0; i < WORD_LIMIT / 8; i++)
        h = fnv(h, word_bits[i]);
    {
        /* count multi-member classes */
        uint8_t *seen = calloc(MAXCP, 1);
        if (!seen)
            die("out of memory", NULL);
        for (uint32_t c = 0; c < MAXCP; c++)
            if (is_han(c) && final[c] != c && !seen[final[c]]) {
                seen[final[c]] = 1;
                classes++;
            }
        free(seen);
    }

    /* Two-stage table over the planes that hold mappings (up to the CJK extensions). */
    uint32_t limit = 0;
    for (uint32_t c = 0; c < MAXCP; c++)
        if (final[c] != c)
            limit = c + 1;
    uint32_t nstage1 = (limit + BLOCK - 1) / BLOCK;
    uint16_t *stage1 = calloc(nstage1 ? nstage1 : 1, sizeof *stage1);
    uint32_t nblocks = 1; /* block 0 is the identity block */
    for (uint32_t b = 0; b < nstage1; b++) {
        int any = 0;
        for (uint32_t i = 0; i < BLOCK; i++) {
            uint32_t c = b * BLOCK + i;
            if (c < MAXCP && final[c] != c)
                any = 1;
        }
        if (any)
            stage1[b] = (uint16_t)nblocks++;
    }

    FILE *out = xfopen(argv[1], "w");
    fprintf(out, "/* Generated by tools/gen_fold.c from Debian unicode-data and OpenCC data.\n"
                 " * OpenCC dictionaries: Apache-2.0 (see docs/dependencies.md). Do not edit. */\n"
                 "#include \"fold_data.h\"\n\n");
    fprintf(out, "const char fold_data_version[] = \"fold/%d-%016llx pairs=%u han=%u classes=%u\";\n\n",
            GEN_VERSION, (unsigned long long)h, pairs, han_pairs, classes);
    fprintf(out, "const uint32_t fold_data_limit = 0x%X;\n\n", nstage1 * BLOCK);
    fprintf(out, "const uint16_t fold_stage1[%u] = {", nstage1 ? nstage1 : 1);
    for (uint32_t b = 0; b < (nstage1 ? nstage1 : 1); b++)
        fprintf(out, "%s%u,", (b % 24) ? "" : "\n", stage1[b]);
    fprintf(out, "\n};\n\n");
    fprintf(out, "const uint32_t fold_stage2[%u][%d] = {\n{0},\n", nblocks, BLOCK);
    for (uint32_t b = 0; b < nstage1; b++) {
        if (!stage1[b])
            continue;
        fprintf(out, "{");
        for (uint32_t i = 0; i < BLOCK; i++) {
            uint32_t c = b * BLOCK + i;
            fprintf(out, "%s0x%X,", (i % 12) ? "" : "\n", final[c] != c ? final[c] : 0);
        }
        fprintf(out, "\n},\n");
    }
    fprintf(out, "};\n\n");
    fprintf(out, "const uint8_t fold_word_bits[%d] = {", WORD_LIMIT / 8);
    for (int i = 0; i < WORD_LIMIT / 8; i++)
        fprintf(out, "%s%u,", (i % 24) ? "" : "\n", word_bits[i]);
    fprintf(out, "\n};\n");
    if (fclose(out) != 0)
        die("write failed", argv[1]);
    fprintf(stderr, "gen_fold: %u mappings (%u Han, %u classes), %u blocks, hash %016llx\n", pairs,
            han_pairs, classes, nblocks, (unsigned long long)h);
    return 0;
}
