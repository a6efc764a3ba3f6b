/* Copying a citation line out of the console. */
#ifndef GONGKAI_CLIPBOARD_H
#define GONGKAI_CLIPBOARD_H

enum clip_result { CLIP_NONE = 0, CLIP_TOOL, CLIP_OSC52 };

/* Appends line to <state dir>/citations.txt (directory 0700, file 0600): the record of
 * what was cited at the counter. Returns 0, or -1 with errno set. */
int clipboard_save_citation(const char *line);

/* Puts text on the clipboard: wl-copy, xclip or xsel when a display and the tool exist
 * (run detached, never waited for), else OSC 52 to the terminal, which many terminals
 * (and tmux with set-clipboard) pass on. */
enum clip_result clipboard_copy(const char *text);

#endif
