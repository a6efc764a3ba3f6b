/* Search history kept with libedit's History API, shared by the line-mode console and
 * (later) the curses console, so both modes see the same file.
 *
 * Settings come from [history]: size (entries kept; 0 keeps none), record (whether new
 * lines are added) and file (default $XDG_STATE_HOME/gongkai/history). The file is read
 * at open and written at close only when something was added, atomically and with mode
 * 0600: what people looked up at a service counter is nobody else's business. An
 * existing file with looser bits is set to 0600 when it is opened. */
#ifndef GONGKAI_HIST_H
#define GONGKAI_HIST_H

#include <histedit.h>

#include "config.h"

typedef struct hist hist_t;

/* Opens the history and loads the file when there is one. Never fails: without a home
 * directory, or with an unreadable file, the history simply lives in memory (and an
 * unreadable file is not overwritten). */
hist_t *hist_open(const config_t *cfg);

/* Adds a submitted line (UTF-8). Nothing happens when record is off, size is 0 or the
 * line is blank; the same line twice in a row is kept once. */
void hist_add(hist_t *h, const char *line);

/* Whether a submitted line would be added now: record on and size above 0. */
int hist_recording(const hist_t *h);

/* Turns recording on or off for this session (the console's toggle-history key); the
 * configuration is not changed. Returns hist_recording afterwards (still 0 when on is
 * asked for but size is 0). */
int hist_set_recording(hist_t *h, int on);

/* [history] size, as opened. */
int hist_size(const hist_t *h);

/* Drops every entry held in memory and what is waiting to be saved, so that closing h
 * does not write them back (after `forget` erased the file). */
void hist_forget(hist_t *h);

/* Entries held, and entry i counted back from the newest (0 = newest); NULL when out of
 * range. The string is valid until the next call on h. */
int hist_count(hist_t *h);
const char *hist_entry(hist_t *h, int i);

/* The libedit History, for el_set(el, EL_HIST, history, hist_handle(h)). */
History *hist_handle(hist_t *h);

/* Writes the file now when something was added since it was read or last saved (its
 * directory is created with mode 0700). Returns 0, or -1 with *err (when not NULL) set
 * to a new message. */
int hist_save(hist_t *h, char **err);

/* Saves (a failure is reported on stderr) and frees h; NULL is fine. */
void hist_close(hist_t *h);

#endif
