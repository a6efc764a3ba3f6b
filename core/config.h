/* Settings from config.ini, read with libinih. Every setting has a compiled-in default
 * (config_defaults); the file only overrides them, and the shipped config.ini merely
 * documents the defaults. docs/config.md describes every key.
 *
 * File search order (config_find): --config PATH, then $GONGKAI_CONFIG, then
 * $XDG_CONFIG_HOME/gongkai/config.ini. The first two must exist; the last is optional.
 *
 * Errors (unknown section or key, bad number, value out of range, bad choice, line too
 * long, syntax) are all collected and reported as "FILE:LINE: reason", one per line.
 * Debian's libinih keeps lines in a 200-byte buffer and silently cuts longer ones (in
 * the middle of a Chinese character, even), so a value of CONFIG_VALUE_MAX bytes or
 * more is an error rather than a surprise. */
#ifndef GONGKAI_CONFIG_H
#define GONGKAI_CONFIG_H

#include <stddef.h>

/* Values this long or longer are refused (libinih's line limit is 200 bytes). */
#define CONFIG_VALUE_MAX 190

/* Ranges of the numeric settings, also for command-line overrides. */
#define CONFIG_SEARCH_LIMIT_MIN 1
#define CONFIG_SEARCH_LIMIT_MAX 1000
#define CONFIG_SNIPPET_CHARS_MIN 10
#define CONFIG_SNIPPET_CHARS_MAX 200
#define CONFIG_HISTORY_SIZE_MIN 0
#define CONFIG_HISTORY_SIZE_MAX 100000
#define CONFIG_MIN_COLS_MIN 40
#define CONFIG_MIN_COLS_MAX 1000
#define CONFIG_MIN_ROWS_MIN 10
#define CONFIG_MIN_ROWS_MAX 1000
#define CONFIG_INPUT_MAX_MIN 16
#define CONFIG_INPUT_MAX_MAX 4096

enum config_mode { CONFIG_MODE_AND = 0, CONFIG_MODE_OR = 1 };
enum config_theme { CONFIG_THEME_DEFAULT = 0, CONFIG_THEME_MONO = 1 };
enum config_borders { CONFIG_BORDERS_ASCII = 0, CONFIG_BORDERS_UNICODE = 1 };
enum config_script { CONFIG_SCRIPT_SIMPLIFIED = 0, CONFIG_SCRIPT_TRADITIONAL = 1 };

/* One line of the [keys] section, as written; the console checks the action names
 * and key names and reports problems with config_t.path and line. */
typedef struct {
    char *action;
    char *keys;
    int line;
} config_binding_t;

typedef struct {
    /* The file the settings came from, or the default file that would have been read
     * (it may not exist); where config_set_value should write. NULL without a home. */
    char *path;

    /* [database] */
    char *db_path; /* NULL: default XDG path (see config_db_path) */

    /* [search] */
    int search_limit;  /* results per query, default 50 */
    int snippet_chars; /* characters of context around a hit, default 40 */
    int search_mode;   /* enum config_mode: how query terms combine, default AND */

    /* [history] */
    char *history_file; /* NULL: default XDG path (see config_history_path) */
    int history_size;   /* queries kept, default 500; 0 keeps none */
    int history_record; /* 0/1: whether new queries are added, default 1 */

    /* [ui] */
    int theme;     /* enum config_theme */
    int borders;   /* enum config_borders */
    int script;    /* enum config_script: display conversion only, search is unaffected */
    int min_cols;  /* smallest usable terminal, default 80 x 24 */
    int min_rows;
    int input_max; /* characters in the input line, default 256 */

    /* [packages] */
    char *trusted_keys; /* NULL: default <config dir>/trusted-keys (see config_trusted_keys) */

    /* [keys], in file order */
    config_binding_t *keys;
    size_t nkeys, keys_cap;
} config_t;

/* Fills c with the compiled-in defaults (no file read; nothing to free yet). */
void config_defaults(config_t *c);

/* Sets c to the defaults, then applies the file. path NULL means the search order
 * without --config: $GONGKAI_CONFIG (must exist), else the XDG file (may be missing).
 * An explicit path must exist. Returns 0, or -1 with *errors (when errors is not NULL)
 * set to a new string of "FILE:LINE: reason" lines; valid settings are applied either
 * way. c must be released with config_free in both cases. */
int config_load(config_t *c, const char *path, char **errors);

/* The config file to use: explicit_path when given, else $GONGKAI_CONFIG when set and
 * not empty, else the XDG default. The returned string stays valid until the next call;
 * NULL when there is no home directory. */
const char *config_find(const char *explicit_path);

/* Rewrites one key in the file in place, keeping every other line and comment as it
 * is: the key's line(s) in [section] get the new value; a missing key is added to the
 * section (after a commented-out "; key = ..." line when there is one), a missing
 * section or file is created. Written atomically (temporary file in the same directory,
 * fsync, rename); a symlink is followed and its target replaced. Used by the console to
 * remember choices such as the 简/繁 display. Returns 0, or -1 with *err (when not
 * NULL) set to a new message. */
int config_set_value(const char *path, const char *section, const char *key,
                     const char *value, char **err);

/* Database to open: [database] path with a leading ~ expanded, else the XDG default.
 * New string, or NULL without a home directory. */
char *config_db_path(const config_t *c);

/* History file: [history] file with a leading ~ expanded, else the XDG default. New
 * string, or NULL without a home directory. */
char *config_history_path(const config_t *c);

/* Public keys that signed packages must verify against ([packages] trusted_keys): a
 * directory of *.pub files or one file, a leading ~ expanded; default
 * $XDG_CONFIG_HOME/gongkai/trusted-keys. New string, or NULL without a home directory. */
char *config_trusted_keys(const config_t *c);

/* Frees what config_load allocated and resets c to the defaults. */
void config_free(config_t *c);

#endif
