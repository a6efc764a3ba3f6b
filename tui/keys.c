#include "keys.h"

#include "utf8dec.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    enum key_code code;
} named[] = {
    {"Enter", KEYC_ENTER},   {"Return", KEYC_ENTER}, {"Tab", KEYC_TAB},     {"S-Tab", KEYC_BTAB},
    {"BackTab", KEYC_BTAB},  {"Esc", KEYC_ESC},      {"Escape", KEYC_ESC},  {"Backspace", KEYC_BACKSPACE},
    {"BS", KEYC_BACKSPACE},  {"Del", KEYC_DELETE},   {"Delete", KEYC_DELETE}, {"Ins", KEYC_INSERT},
    {"Insert", KEYC_INSERT}, {"Up", KEYC_UP},        {"Down", KEYC_DOWN},   {"Left", KEYC_LEFT},
    {"Right", KEYC_RIGHT},   {"Home", KEYC_HOME},    {"End", KEYC_END},     {"PgUp", KEYC_PGUP},
    {"PageUp", KEYC_PGUP},   {"PgDn", KEYC_PGDN},    {"PageDown", KEYC_PGDN},
};

int gkey_parse(const char *name, gk_key *out)
{
    memset(out, 0, sizeof *out);
    if (!name || !*name)
        return -1;
    if (!strncmp(name, "M-", 2) && name[2]) {
        if (gkey_parse(name + 2, out) != 0)
            return -1;
        out->alt = 1;
        return 0;
    }
    if (!strcasecmp(name, "Space")) {
        out->code = KEYC_CHAR;
        out->ch = ' ';
        return 0;
    }
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (!strcasecmp(name, named[i].name)) {
            out->code = named[i].code;
            return 0;
        }
    if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
        int n = name[1] - '0';
        if (name[2] >= '0' && name[2] <= '9' && !name[3])
            n = n * 10 + (name[2] - '0');
        else if (name[2])
            goto single;
        if (n < 1 || n > 12)
            return -1;
        out->code = KEYC_F;
        out->n = n;
        return 0;
    }
    if ((!strncmp(name, "C-", 2) || name[0] == '^') && name[name[0] == '^' ? 1 : 2] &&
        !name[name[0] == '^' ? 2 : 3]) {
        char c = name[name[0] == '^' ? 1 : 2];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c < 'a' || c > 'z')
            return -1;
        out->code = KEYC_CTRL;
        out->ch = (uint32_t)c;
        return 0;
    }
single:;
    /* exactly one character */
    const unsigned char *p = (const unsigned char *)name, *end = p + strlen(name);
    uint32_t cp;
    int valid;
    int n = u8_decode(p, end, &cp, &valid);
    if (!valid || p + n != end || cp < 0x20 || cp == 0x7F)
        return -1;
    out->code = KEYC_CHAR;
    out->ch = cp;
    return 0;
}

const char *gkey_name(const gk_key *k, char *buf, size_t size)
{
    char base[16] = "";
    switch (k->code) {
    case KEYC_CHAR:
        if (k->ch == ' ')
            snprintf(base, sizeof base, "Space");
        else
            base[u8_encode(k->ch, base)] = '\0';
        break;
    case KEYC_CTRL:
        snprintf(base, sizeof base, "C-%c", (char)k->ch);
        break;
    case KEYC_F:
        snprintf(base, sizeof base, "F%d", k->n);
        break;
    default:
        for (size_t i = 0; i < sizeof named / sizeof *named; i++)
            if (named[i].code == k->code) {
                snprintf(base, sizeof base, "%s", named[i].name);
                break;
            }
        if (!base[0])
            snprintf(base, sizeof base, "?");
    }
    snprintf(buf, size, "%s%s", k->alt ? "M-" : "", base);
    return buf;
}

int gkey_equal(const gk_key *a, const gk_key *b)
{
    if (a->code != b->code || a->alt != b->alt)
        return 0;
    if (a->code == KEYC_CHAR || a->code == KEYC_CTRL)
        return a->ch == b->ch;
    if (a->code == KEYC_F)
        return a->n == b->n;
    return 1;
}

int gkey_is_text(const gk_key *k)
{
    return k->code == KEYC_CHAR && !k->alt && k->ch > ' ' && k->ch != 0x7F &&
           !(k->ch >= 0x80 && k->ch < 0xA0);
}
