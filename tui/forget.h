/* `gongkai --forget` and the line mode's `forget`: erases the files in which gongkai
 * keeps what was looked up, because query history can hold citizens' names:
 *   - the search history ([history] file, default $XDG_STATE_HOME/gongkai/history) and
 *     any temporary file a crashed save left beside it (history.tmp-PID);
 *   - citations.txt in the state directory (every citation or verdict copied, which
 *     names the organisation or place looked up);
 *   - last-table.tsv in the state directory (the statistics table copied last).
 * Nothing else: not the database, not config.ini, not the state directory itself.
 *
 * A regular file with one link is overwritten with zeros and flushed before it is
 * unlinked; on an ordinary in-place filesystem (ext4, xfs) on a disk this replaces the
 * old blocks. It promises nothing on copy-on-write filesystems (btrfs, ZFS), SSDs
 * (wear levelling), snapshots, backups or a journal holding the data: there only
 * full-disk encryption and [history] record = no help. A symbolic link is removed, not
 * followed; a file with other hard links is only unlinked (the other names keep it). */
#ifndef GONGKAI_FORGET_H
#define GONGKAI_FORGET_H

#include "config.h"

#include <stdio.h>

/* Erases the files above and writes one line per file to out: what was removed (with
 * its size), or that it was not there. Errors go to err, one line each. Returns 0 when
 * every file is gone (also when none existed), 1 when one could not be removed. */
int forget_files(const config_t *cfg, FILE *out, FILE *err);

#endif
