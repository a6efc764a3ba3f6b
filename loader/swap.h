/* Replacing the database atomically, shared by `gongkai load` and `gongkai load
 * --package`: the new file is written beside the target as .NAME.load-PID.tmp (same
 * directory, so rename() is atomic), fsynced, then renamed over the target and the
 * directory fsynced. SIGINT, SIGTERM, SIGHUP and SIGQUIT remove the temp file on the
 * way out; temp files of loads that were killed (their PID gone) are removed by the next
 * swap_begin. The old database is never opened for writing, so a kill or a full disk at
 * any moment leaves it byte-identical. One swap at a time per process. */
#ifndef GONGKAI_SWAP_H
#define GONGKAI_SWAP_H

/* Chooses and clears the temp path beside db_path, removes stale temps and installs the
 * signal handlers. Returns the temp path (valid until swap_commit or swap_abort). */
const char *swap_begin(const char *db_path);

/* fsync, rename over db_path, fsync the directory. 0, or -1 with errno set (the temp file
 * is then still there: call swap_abort). */
int swap_commit(const char *db_path);

/* Removes the temp file, if any, and restores the signal handlers. */
void swap_abort(void);

/* Calls remove_it on each entry of dir named PREFIX + PID whose process no longer exists:
 * what killed loads and installs left behind. */
void swap_remove_stale(const char *dir, const char *prefix, void (*remove_it)(const char *path));

#endif
