/* The line-oriented front end, without curses: the `search`, `org`, `place`, `stats` and
 * `show` subcommands (cmd_search.c, cmd_org.c, cmd_place.c, cmd_stats.c, cmd_show.c) and
 * the interactive line mode `gongkai --cli` (cli.c), which reuses them. Every entry point
 * returns the process exit status: 0 found, 1 nothing found, 2 error. */
#ifndef GONGKAI_CLI_H
#define GONGKAI_CLI_H

#include "config.h"
#include "convert.h"
#include "db.h"
#include "textenc.h"

/* `gongkai --cli`: reads commands line by line (libedit when stdin is a terminal) until
 * quit, exit or end of input. The locale must already be set. */
int cli_main(const config_t *cfg, const char *db_path);

/* `gongkai search [options] QUERY...`; argv holds what follows "search". */
int cmd_search_main(int argc, char **argv, const config_t *cfg, const char *db_path);

/* `gongkai org [options] NAME-OR-USCC`; argv holds what follows "org". */
int cmd_org_main(int argc, char **argv, const config_t *cfg, const char *db_path);

/* `gongkai place [options] QUERY`: place names and division codes; argv holds what
 * follows "place". */
int cmd_place_main(int argc, char **argv, const config_t *cfg, const char *db_path);

/* `gongkai qa [options] QUERY...` or `gongkai qa --category C`: policy Q&A; argv holds
 * what follows "qa". */
int cmd_qa_main(int argc, char **argv, const config_t *cfg, const char *db_path);

/* `gongkai stats [options] [INDICATOR...]`: relief statistics (the indicator list, a
 * table, a ranking); argv holds what follows "stats". */
int cmd_stats_main(int argc, char **argv, const config_t *cfg, const char *db_path);

/* The line mode's `stats ARGS`: the arguments of `gongkai stats` (split at spaces,
 * "quotes" keep them), the table as text on o, messages on stderr. Returns the exit
 * status. */
int stats_line(gk_db *db, textenc_out *o, const char *args, enum convert_script script);

/* `gongkai show reg TITLE [ARTICLE] [options]`; argv holds what follows "show". */
int cmd_show_main(int argc, char **argv, const config_t *cfg, const char *db_path);

/* Prints the regulation spec names ("社会救助暂行办法", "社会救助暂行办法 第十一条",
 * "社会救助暂行办法11"): without an article a header and the whole text, with one the
 * citation line and that part. version (may be NULL) picks the version dated so (a
 * prefix such as "2014" is enough). Messages go to stderr. */
int show_reg(gk_db *db, textenc_out *o, const char *spec, const char *version, int json,
             enum convert_script script);

/* Prints the unit of a regulation that a search hit stands for (doc.ref_id of a "reg"
 * hit): its citation line and text. */
int show_reg_node(gk_db *db, textenc_out *o, long long node_id, enum convert_script script);

#endif
