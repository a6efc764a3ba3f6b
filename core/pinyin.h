/* Pinyin of place and organisation names, for lookup by typed pinyin: `chongqing`,
 * `zhongqing`, `cq`, `chongq`, `zhq` find 重庆; `xian` finds 西安 and 先, `xi'an` only 西安.
 * Pure: no I/O, no allocation; thread-safe (const tables) but for the first call of
 * pinyin_stamp, which fills a static buffer as fold_stamp does.
 *
 * Readings (build/gen/pinyin_table.c, tools/gen_pinyin.c) are Unihan kTGHZ2013, else
 * kMandarin; never kHanyuPinyin, whose archaic readings made 超 match "t" and 排 "b" in
 * other tokenizers. Toneless, ü typed v (绿 lv), the customary reading first, at most 4.
 * A character without kTGHZ2013 readings takes those of its search fold (core/fold.h),
 * so 長 reads like 长 (chang, zhang) and 慶 like 庆; one with its own kTGHZ2013 readings
 * keeps them (沉 chen, although the fold merges 沉 into 沈 shen).
 *
 * A name is a sequence of units: CJK characters that have readings, and ASCII letters
 * and digits (after folding full width and case; the reading is the character itself).
 * Everything else (punctuation, spaces, kana, characters without a reading, invalid
 * UTF-8) is dropped. Only the first PINYIN_MAX_UNITS units count.
 *
 * Matching (pinyin_match): the query covers the first units of the name, one segment per
 * unit, each segment being one of the unit's readings in full, or its initial (first
 * letter; zh/ch/sh also as two letters), and the last segment may be any prefix of a
 * reading. Spaces and apostrophes in the query are segment boundaries a segment may not
 * cross, so `xi'an` cannot be 先 (xian) but is 西安 (xi, an).
 *
 * Database use (the lookup table is the caller's, e.g. (kind, key, name id)):
 *   - store pinyin_index_keys(name): distinct full spellings ("chongqingshi",
 *     "zhongqingshi") and distinct initials spellings ("cqs", "zqs"); zh/ch/sh give one
 *     letter in initials keys;
 *   - for a query with pinyin_looks_like(), take pinyin_plan_query(): scan the full keys
 *     with prefix plan.full (when not empty) and the initials keys with each prefix in
 *     plan.initials, e.g. `key >= ?1 AND key < ?1 || '{'` ('{' sorts after z and the
 *     digits, and keys hold nothing else), then keep the candidates pinyin_match accepts.
 *   The plan finds every name pinyin_match accepts, as long as the spelling it matched
 *   is among the name's PINYIN_MAX_SPELLINGS stored ones (see pinyin_spellings). */
#ifndef GONGKAI_PINYIN_H
#define GONGKAI_PINYIN_H

#include <stddef.h>
#include <stdint.h>

#define PINYIN_MAX_READINGS 4   /* readings per character */
#define PINYIN_MAX_UNITS 64     /* characters of a name that count */
#define PINYIN_KEY_LEN 64       /* letters kept in a spelling or key (prefix lookups) */
#define PINYIN_MAX_SPELLINGS 8  /* reading combinations kept per name */
#define PINYIN_QUERY_MAX 64     /* letters of a query; longer is not taken as pinyin */
#define PINYIN_PLAN_PREFIXES 16 /* initials prefixes of a query plan */

/* The toneless readings of one character (customary first) as static strings; returns
 * their number, 0 for a character without readings (ASCII included). */
int pinyin_readings(uint32_t cp, const char *out[PINYIN_MAX_READINGS]);

/* One unit of a name: its readings and its bytes in the name (for highlighting). */
typedef struct {
    const char *r[PINYIN_MAX_READINGS];
    uint8_t n;       /* 1..PINYIN_MAX_READINGS */
    uint32_t off;    /* byte offset in the name */
    uint32_t len;    /* bytes of the character */
} pinyin_unit;

/* The units of a UTF-8 name (len bytes; NUL not needed), at most max; returns the count. */
size_t pinyin_units(const char *name, size_t len, pinyin_unit *out, size_t max);

/* A published spelling of a name's first characters, lower case without tones, syllables
 * separated by spaces or apostrophes ("lu an" for 六安市: the gazetteer's reading where
 * the customary one of Unihan differs, 六 liu): each syllable becomes the customary
 * reading of its unit, the unit's other readings kept after it (a unit that already has
 * 4 loses its last). spelled is split in place and the units point into it: keep it as
 * long as them. Returns the syllables applied; 0, units untouched, when the spelling is
 * anything but letters a-z in syllables of 1..6 letters, or has more syllables than n. */
size_t pinyin_units_spelled(pinyin_unit *u, size_t n, char *spelled);

/* One reading combination of a name: "chongqingshi" and "cqs". Both are cut at
 * PINYIN_KEY_LEN letters. */
typedef struct {
    char full[PINYIN_KEY_LEN + 1];
    char initials[PINYIN_KEY_LEN + 1];
} pinyin_spelling;

/* The distinct spellings of a name, at most min(max, PINYIN_MAX_SPELLINGS); returns the
 * count (0: no units). The first has every character's customary reading; then those
 * with one other reading among the first 4 characters (earlier characters first), then
 * two, ...; only then do later characters vary (the first characters decide a prefix
 * lookup, and common tails such as 委员会, yuan/yun hui/kuai, would take the slots).
 * Cap: a name with many polyphonic characters (大长乐村 has 2×2×2) keeps only 8, so a
 * query for a rarer combination may miss it (pinyin_match on its own would not). */
size_t pinyin_spellings(const char *name, size_t len, pinyin_spelling *out, size_t max);
/* The same from units (pinyin_units, perhaps with pinyin_units_spelled). */
size_t pinyin_spellings_units(const pinyin_unit *u, size_t n, pinyin_spelling *out, size_t max);

enum pinyin_key_kind {
    PINYIN_KEY_FULL = 'f',      /* full spelling: "chongqingshi" */
    PINYIN_KEY_INITIALS = 'i',  /* initials: "cqs" */
};

typedef struct {
    enum pinyin_key_kind kind;
    char key[PINYIN_KEY_LEN + 1];
} pinyin_key;

#define PINYIN_MAX_KEYS (2 * PINYIN_MAX_SPELLINGS)

/* The keys to store for a name: its distinct full spellings, then its distinct initials
 * spellings; at most max (PINYIN_MAX_KEYS is always enough). Returns the count. */
size_t pinyin_index_keys(const char *name, size_t len, pinyin_key *out, size_t max);
size_t pinyin_index_keys_units(const pinyin_unit *u, size_t n, pinyin_key *out, size_t max);

/* True when the query can be pinyin: ASCII letters (1..PINYIN_QUERY_MAX), optionally
 * separated by spaces or apostrophes (' ’), nothing else. */
int pinyin_looks_like(const char *query);

/* Does the query match the beginning of the name (rules above)? Returns the number of
 * units it covers (their bytes: units[0].off .. units[k-1].off + len), 0 for no match.
 * The query may also hold digits (to match digits of the name); anything pinyin_looks_like
 * would refuse otherwise gives 0. */
int pinyin_match_units(const char *query, const pinyin_unit *units, size_t n);
int pinyin_match(const char *query, const char *name, size_t len);

/* Where to look for the names a query matches. full: the query's letters when they can
 * be read as full syllables (the last one possibly incomplete), to scan full keys; empty
 * otherwise. initials: prefixes of initials keys covering every way of reading the query
 * with at least one segment taken as an initial ("cq" -> "cq"; "zhq" -> "zq", "zhq";
 * "cqing" -> "cq"; "chongqing" -> "chq", "chong", ...: c+hong+qing, c+h+o+n+g+...). Up
 * to 5 letters each, none a prefix of another; while there are more than
 * PINYIN_PLAN_PREFIXES, the longest are cut by a letter (merging), so the ranges widen
 * only where the readings of the query branch. */
typedef struct {
    char full[PINYIN_KEY_LEN + 1];
    int n_initials;
    char initials[PINYIN_PLAN_PREFIXES][8];
} pinyin_plan;

/* Fills plan; returns 0 (plan empty) when the query does not look like pinyin. */
int pinyin_plan_query(const char *query, pinyin_plan *plan);

/* "pinyin/<rules version> <table version>": for a database's stamp, so keys made by
 * other rules or readings are rebuilt. */
const char *pinyin_stamp(void);

#endif
