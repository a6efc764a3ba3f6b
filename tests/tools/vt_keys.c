/* vtrun's keys and mouse: key names (see the key command) to the bytes a terminal sends,
 * and mouse events, encoded by libvterm as xterm does for the modes the program set. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vt.h"

int send_key(const char *name)
{
    static const struct {
        const char *name;
        VTermKey key;
    } keys[] = {
        {"Enter", VTERM_KEY_ENTER}, {"Tab", VTERM_KEY_TAB}, {"Esc", VTERM_KEY_ESCAPE},
        {"Backspace", VTERM_KEY_BACKSPACE}, {"BS", VTERM_KEY_BACKSPACE}, {"Del", VTERM_KEY_DEL},
        {"Ins", VTERM_KEY_INS}, {"Up", VTERM_KEY_UP}, {"Down", VTERM_KEY_DOWN},
        {"Left", VTERM_KEY_LEFT}, {"Right", VTERM_KEY_RIGHT}, {"Home", VTERM_KEY_HOME},
        {"End", VTERM_KEY_END}, {"PgUp", VTERM_KEY_PAGEUP}, {"PgDn", VTERM_KEY_PAGEDOWN},
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strcasecmp(name, keys[i].name)) {
            vterm_keyboard_key(V.vt, keys[i].key, VTERM_MOD_NONE);
            return 0;
        }
    if (!strcasecmp(name, "S-Tab")) {
        vterm_keyboard_key(V.vt, VTERM_KEY_TAB, VTERM_MOD_SHIFT);
        return 0;
    }
    if (!strcasecmp(name, "Space")) {
        out_cb(" ", 1, NULL);
        return 0;
    }
    if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
        char *end;
        long n = strtol(name + 1, &end, 10);
        if (*end || n < 1 || n > 12)
            return -1;
        vterm_keyboard_key(V.vt, VTERM_KEY_FUNCTION((int)n), VTERM_MOD_NONE);
        return 0;
    }
    if (!strncmp(name, "C-", 2) && name[2] && !name[3]) {
        char c = (char)(name[2] & 0x1f); /* written directly: libvterm uses CSI u for some */
        out_cb(&c, 1, NULL);
        return 0;
    }
    if (!strncmp(name, "M-", 2) && name[2]) {
        out_cb("\033", 1, NULL);
        return send_key(name + 2);
    }
    unsigned char c0 = (unsigned char)name[0];
    size_t n = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
    if (strlen(name) != n)
        return -1;
    out_cb(name, n, NULL);
    return 0;
}

void send_mouse(int button, int y, int x)
{
    vterm_mouse_move(V.vt, row_of(y), x, VTERM_MOD_NONE);
    vterm_mouse_button(V.vt, button, 1, VTERM_MOD_NONE);
    if (button == 1)
        vterm_mouse_button(V.vt, button, 0, VTERM_MOD_NONE);
}
