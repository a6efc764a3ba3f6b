/* Where gongkai keeps its files, following the XDG Base Directory specification:
 *   data    $XDG_DATA_HOME/gongkai          (~/.local/share/gongkai)   gongkai.db
 *   config  $XDG_CONFIG_HOME/gongkai        (~/.config/gongkai)        config.ini
 *   state   $XDG_STATE_HOME/gongkai         (~/.local/state/gongkai)   history
 * An XDG variable that is unset, empty or relative is ignored, as the specification
 * requires. Without $HOME the home directory comes from the password database.
 * Every function returning char * gives a new string the caller frees, or NULL when no
 * home directory can be found at all. Nothing is created except by paths_mkdir_p. */
#ifndef GONGKAI_PATHS_H
#define GONGKAI_PATHS_H

#include <sys/types.h>

/* The home directory: $HOME when set and not empty, else the password database. */
char *paths_home(void);

/* Data directory, where the default database lives. */
char *paths_data_dir(void);

/* Default database file: <data dir>/gongkai.db. */
char *paths_default_db(void);

/* Config directory: $XDG_CONFIG_HOME/gongkai. */
char *paths_config_dir(void);

/* Default config file: <config dir>/config.ini. */
char *paths_config_file(void);

/* State directory, for files that should survive restarts but are not documents
 * (search history); create it with mode 0700. */
char *paths_state_dir(void);

/* Default search-history file: <state dir>/history. */
char *paths_history_file(void);

/* Copy of p with a leading "~" or "~/" replaced by the home directory, so that config
 * values can be written as ~/...; other paths are copied as they are. NULL when p needs
 * the home directory and there is none. */
char *paths_expand_home(const char *p);

/* Creates dir and any missing parents, each with mode (before umask); an existing
 * directory is fine. Returns 0, or -1 with errno set (ENOTDIR when a component is a
 * file). */
int paths_mkdir_p(const char *dir, mode_t mode);

#endif
