/* The help text, generated from the action table and the key bindings: shown by the help
 * screen (F1) and written to docs/keys.md by `gongkai --keys-md` (a test checks that the
 * committed file matches). */
#ifndef GONGKAI_HELP_H
#define GONGKAI_HELP_H

#include "keymap.h"
#include "xalloc.h"

/* Appends the key list of every context as Markdown tables (markdown = 1) or as plain
 * lines for the help screen (markdown = 0). */
void help_text(const keymap *km, int markdown, buf_t *out);

#endif
