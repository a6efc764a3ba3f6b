/* Key scripts for deterministic console tests without a terminal (--test-script FILE):
 *
 *   key F2 Enter C-q        keys by name (keys.h)
 *   type 社会救助            characters, as an input method commits them
 *   resize 20 60            the terminal becomes 20 rows by 60 columns
 *   click 1 10              a mouse click at row 1, column 10 (0-based)
 *   wheel down 5 3          the mouse wheel at row 5, column 3
 *   dump out/screen1.txt    the screen's text to a file
 *   # a comment
 *
 * When the script ends the console quits as on SIGTERM. */
#ifndef GONGKAI_SCRIPT_H
#define GONGKAI_SCRIPT_H

#include <stdint.h>
#include <stdio.h>

#include "keys.h"

typedef struct script script;

enum script_kind { SC_KEY, SC_RESIZE, SC_DUMP, SC_END };

typedef struct {
    enum script_kind kind;
    gk_key key;       /* SC_KEY (mouse events too) */
    int rows, cols;   /* SC_RESIZE */
    char path[1024];  /* SC_DUMP */
    int line;         /* script line, for error messages */
} script_cmd;

/* Opens a script; NULL with a message in *err. */
script *script_open(const char *path, char **err);
void script_close(script *s);

/* The next command; a malformed line stops the script with a message on stderr naming
 * the file and line (SC_END). */
void script_next(script *s, script_cmd *c);

#endif
