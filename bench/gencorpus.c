/* gencorpus: a deterministic synthetic corpus for `make bench` (docs/benchmarks.md).
 *
 *   gencorpus [-o DIR] [-m MB] [-s SEED]      (defaults: build/bench/corpus, 100, 42)
 *
 * Writes DIR/corpus.ini and, until at least MB x 1,000,000 bytes of UTF-8 text are out:
 *   regs/NNN/<title>(<YYYY-MM-DD>).md   regulations in the Markdown layout: chapters and
 *                                       articles of invented rules (each 第X条 one unit)
 *   notices/NNN/<title>.txt             plain-text notices whose "（一）" items are records:
 *                                       organisation directories (addresses, phones),
 *                                       statistics lines, hotline entries, boundary changes
 * About 70% of the files are Traditional (libopencc s2t.json, a quarter of them s2tw.json),
 * 30% Simplified. Prose is assembled from a hand-written civil-affairs word list plus a
 * generated tail of rare pseudo-words (characters of the word list, frequent ones more
 * often), drawn with Zipf-like frequencies (rank r has weight 1/(r+2.7)^1.15), so there are
 * high-, mid- and low-frequency terms. A quarter of the
 * numbers in records are full-width.
 *
 * Also writes, beside the corpus directory (not inside, so neither `gongkai load` nor grep
 * sees them): DIR.candidates (query candidates for benchq, Simplified, one per line) and
 * DIR.stats (key=value: files, units, average lengths, bytes). Same seed and size, same
 * bytes. */
#include "gen.h"

#include <errno.h>
#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- candidates for benchq -------------------------------------------------------- */

static void put_line(FILE *f, const char *s)
{
    fprintf(f, "%s\n", s);
}

/* Prefixes of 6..10 characters of s (and s itself when 6..10 long). */
static void put_prefixes(FILE *f, const char *s)
{
    size_t chars = 0;
    for (const char *p = s;; p++) {
        if (!*p || ((unsigned char)*p & 0xC0) != 0x80) {
            if (chars >= 6 && chars <= 10)
                fprintf(f, "%.*s\n", (int)(p - s), s);
            if (!*p)
                break;
            chars++;
        }
    }
}

static void write_candidates(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "gencorpus: cannot write %s\n", path);
        exit(1);
    }
    fputs("# query candidates (Simplified), most frequent first; benchq classifies them by the\n"
          "# number of units they hit\n",
          f);
    for (size_t i = 0; i < core_words_n; i++)
        put_line(f, core_words[i]);
    for (size_t i = 0; i < npool; i++)
        put_line(f, pool[i]);
    for (size_t i = 0; i < rare_places_n; i++) {
        const char *p = rare_places[i];
        fprintf(f, "%.3s\n%.3s\n", p, p + 3);
    }
    for (size_t s = 0; s < rare_suffixes_n; s++)
        for (size_t i = 0; i < rare_places_n; i++)
            fprintf(f, "%s%s\n", rare_places[i], rare_suffixes[s]);
    for (size_t r = 5000; r < NTAIL; r += 997)
        put_line(f, tail_store[r]);
    for (size_t i = 0; i < NBOILERPLATE; i++)
        put_prefixes(f, boilerplate[i].text);
    for (size_t i = 0; i < norg_names_seen; i++)
        put_line(f, org_names_seen[i]);
    for (size_t i = 0; i < provinces_n; i++)
        put_line(f, provinces[i]);
    for (size_t i = 0; i < zero_strings_n; i++)
        put_line(f, zero_strings[i]);
    fclose(f);
}

/* ---- main ------------------------------------------------------------------------- */

static void usage(void)
{
    fputs("usage: gencorpus [-o DIR] [-m MB] [-s SEED]\n"
          "  -o DIR   output directory (default build/bench/corpus)\n"
          "  -m MB    target size in MB of 1,000,000 bytes (default 100)\n"
          "  -s SEED  random seed (default 42)\n",
          stderr);
}

int main(int argc, char **argv)
{
    outdir = "build/bench/corpus";
    double mb = 100;
    unsigned long long seed = 42;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc)
            outdir = argv[++i];
        else if (!strcmp(argv[i], "-m") && i + 1 < argc)
            mb = atof(argv[++i]);
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else {
            usage();
            return 2;
        }
    }
    if (mb <= 0) {
        usage();
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    cc_s2t = opencc_open("s2t.json");
    cc_s2tw = opencc_open("s2tw.json");
    if (cc_s2t == (opencc_t)-1 || cc_s2tw == (opencc_t)-1) {
        fprintf(stderr, "gencorpus: cannot open OpenCC s2t.json/s2tw.json: %s\n", opencc_error());
        return 1;
    }
    if (mkdir_p(outdir) != 0) {
        fprintf(stderr, "gencorpus: cannot create %s: %s\n", outdir, strerror(errno));
        return 1;
    }
    rng_seed(seed);
    build_vocab();

    char *ini = xasprintf("%s/corpus.ini", outdir);
    FILE *f = fopen(ini, "w");
    if (!f) {
        fprintf(stderr, "gencorpus: cannot write %s\n", ini);
        return 1;
    }
    fprintf(f,
            "; generated by bench/gencorpus (seed %llu, %.0f MB): synthetic, not real data\n"
            "[corpus]\n"
            "name = bench-synthetic-%llu\n"
            "as_of = 2026-01-01\n\n"
            "[regulations]\n"
            "kind = regulations\n"
            "path = regs/**/*.md\n"
            "format = markdown\n"
            "level = 地方政府规章\n\n"
            "[notices]\n"
            "kind = regulations\n"
            "path = notices/**/*.txt\n"
            "format = text\n"
            "level = 行政规范性文件\n",
            seed, mb, seed);
    fclose(f);
    free(ini);

    unsigned long long target = (unsigned long long)(mb * 1e6);
    unsigned long long reg_bytes = 0;
    while (stats.bytes < target) {
        /* about three quarters of the bytes are regulations, a quarter records */
        unsigned long long before = stats.bytes;
        if (reg_bytes <= (stats.bytes * 3) / 4) {
            gen_regulation();
            reg_bytes += stats.bytes - before;
        } else {
            gen_notice();
        }
    }

    char *cand = xasprintf("%s.candidates", outdir);
    write_candidates(cand);
    free(cand);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;

    long units = stats.articles + stats.items + stats.title_units;
    char *statp = xasprintf("%s.stats", outdir);
    f = fopen(statp, "w");
    if (!f) {
        fprintf(stderr, "gencorpus: cannot write %s\n", statp);
        return 1;
    }
    fprintf(f,
            "seed=%llu\ntarget_mb=%g\nbytes=%llu\nchars=%llu\nfiles=%ld\nreg_files=%ld\n"
            "works=%ld\nnotice_files=%ld\ntrad_files=%ld\nsimp_files=%ld\narticles=%ld\n"
            "items=%ld\ntitle_units=%ld\nunits=%ld\navg_file_chars=%.0f\n"
            "avg_unit_chars=%.0f\navg_article_chars=%.0f\navg_record_chars=%.0f\n"
            "gen_seconds=%.1f\n",
            seed, mb, stats.bytes, stats.chars, stats.files, stats.reg_files, stats.works, stats.notice_files,
            stats.trad_files, stats.simp_files, stats.articles, stats.items, stats.title_units, units,
            (double)stats.chars / (double)stats.files,
            (double)stats.unit_chars / (double)(stats.articles + stats.items),
            (double)stats.article_chars / (double)(stats.articles ? stats.articles : 1),
            (double)stats.item_chars / (double)(stats.items ? stats.items : 1), secs);
    fclose(f);
    free(statp);
    printf("gencorpus: %s: %.1f MB, %ld files (%ld regulations in %ld works, %ld notices; "
           "%ld Traditional, %ld Simplified), ~%ld units (%ld articles, %ld records, %ld titles); "
           "average %.0f characters per file, %.0f per article/record; %.1f s\n",
           outdir, stats.bytes / 1e6, stats.files, stats.reg_files, stats.works, stats.notice_files,
           stats.trad_files, stats.simp_files, units, stats.articles, stats.items, stats.title_units,
           (double)stats.chars / (double)stats.files,
           (double)stats.unit_chars / (double)(stats.articles + stats.items), secs);
    opencc_close(cc_s2t);
    opencc_close(cc_s2tw);
    return 0;
}
