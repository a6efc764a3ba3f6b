/* A hotline routing (core/hotroute.h) for `gongkai hotline` and the line mode's `hotline
 * PLACE`: text for people (the place it resolved to and how, then each line with its
 * number, 拨打12345转X, service line, operator, 【开放中】/【已下班】/【不确定】 with why and
 * when it changes, hours, the reason it is offered, 【超过6个月未核实】, what replaced a
 * merged or retired line), TSV/CSV (one row per line) and JSON. Corpus text is sanitised
 * (u8_sanitize) and converted to the display script. */
#ifndef GONGKAI_HOTFMT_H
#define GONGKAI_HOTFMT_H

#include "cliopt.h"
#include "config.h"
#include "convert.h"
#include "hotroute.h"
#include "textenc.h"
#include "xalloc.h"

/* 【开放中】 【已下班】 【不确定】 */
const char *hf_state_mark(enum hours_state s);

/* open, closed, unsure */
const char *hf_state_key(enum hours_state s);

/* When the line's state changes (hours_change_label), counted from minute, the minute of
 * day asked (hr_result.minute). New string, "" when it does not change within 8 days. */
char *hf_change_text(const hr_line *l, int minute);

/* 【超过6个月未核实】 (verified or published more than 6 months before), 【未核实】 (no date),
 * or "" when current. */
const char *hf_stale_mark(const hr_line *l);

void hf_text(buf_t *b, const hr_result *r, enum convert_script script);
void hf_table(buf_t *b, const hr_result *r, int csv, enum convert_script script);
void hf_json(buf_t *b, const hr_result *r);

/* ---- the command (tui/cmd_hotline.c; declared here to keep tui/cli.h as it is) ---------- */

/* `gongkai hotline [options] PLACE`; argv holds what follows "hotline". */
int cmd_hotline_main(int argc, char **argv, const config_t *cfg, const char *db_path);

/* Routes place and writes the answer to o in fmt (the line mode's `hotline PLACE` too);
 * messages on stderr. Returns the exit status: 0 lines found, 1 none, 2 error. */
int hotline_run(gk_db *db, textenc_out *o, const char *place, const hr_opts *ho,
                enum cliopt_format fmt, enum convert_script script);

#endif
