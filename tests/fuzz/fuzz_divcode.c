/* Division codes (core/divcode.h): div_parse and div_normalize agree; a canonical code
 * normalises to itself; the padded, short and key forms come back to it; parents are one
 * level up or more and ancestors of the code; prefixes give a non-empty range holding the
 * digits typed. */
#include "divcode.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    div_info info;
    int level = div_parse(text, &info);
    FUZZ_CHECK(level >= DIV_MALFORMED && level <= DIV_VILLAGE);
    FUZZ_CHECK(level == info.level);
    FUZZ_CHECK(fuzz_terminated(info.code, sizeof info.code));
    FUZZ_CHECK(fuzz_terminated(info.hint, sizeof info.hint));
    FUZZ_CHECK(fuzz_terminated(info.problem, sizeof info.problem));
    char norm[DIV_BUF];
    int nlevel = div_normalize(text, norm);
    FUZZ_CHECK(nlevel == level);
    FUZZ_CHECK(strcmp(norm, info.code) == 0);
    if (level == DIV_MALFORMED) {
        FUZZ_CHECK(info.code[0] == '\0' && info.problem[0] != '\0');
    } else {
        FUZZ_CHECK(info.problem[0] == '\0');
        FUZZ_CHECK(div_looks_like_code(text));
        char again[DIV_BUF], pad[DIV_BUF], shrt[DIV_BUF], fromkey[DIV_BUF], parent[DIV_BUF];
        FUZZ_CHECK(div_normalize(info.code, again) == level && strcmp(again, info.code) == 0);
        FUZZ_CHECK(div_level(info.code) == level);
        FUZZ_CHECK(div_pad12(info.code, pad) == level && strlen(pad) == 12);
        FUZZ_CHECK(div_normalize(pad, again) == level && strcmp(again, info.code) == 0);
        FUZZ_CHECK(div_short(info.code, shrt) == level);
        FUZZ_CHECK(div_normalize(shrt, again) == level && strcmp(again, info.code) == 0);
        uint64_t key = div_key(info.code);
        FUZZ_CHECK(key != 0);
        FUZZ_CHECK(div_from_key(key, fromkey) == level && strcmp(fromkey, info.code) == 0);
        div_category(info.code);
        for (unsigned flags = 0; flags <= DIV_KEEP_SUMMARY; flags++) {
            int pl = div_parent(info.code, flags, parent);
            if (level == DIV_PROVINCE)
                FUZZ_CHECK(pl == 0 && parent[0] == '\0');
            if (pl > 0) {
                FUZZ_CHECK(pl < level);
                FUZZ_CHECK(div_is_ancestor(parent, info.code));
                FUZZ_CHECK(!div_is_ancestor(info.code, parent));
            }
            char anc[DIV_VILLAGE][DIV_BUF];
            size_t na = div_ancestors(info.code, flags, anc, DIV_VILLAGE);
            FUZZ_CHECK(na < DIV_VILLAGE);
            for (size_t i = 0; i < na; i++) {
                FUZZ_CHECK(div_is_ancestor(anc[i], info.code));
                if (i > 0)
                    FUZZ_CHECK(div_level(anc[i - 1]) < div_level(anc[i]));
            }
            if (na > 0)
                FUZZ_CHECK(strcmp(anc[na - 1], parent) == 0);
        }
    }
    div_prefix px;
    int pl = div_prefix_parse(text, &px);
    FUZZ_CHECK(pl == px.level);
    FUZZ_CHECK(fuzz_terminated(px.digits, sizeof px.digits));
    FUZZ_CHECK(fuzz_terminated(px.text_lo, sizeof px.text_lo));
    FUZZ_CHECK(fuzz_terminated(px.text_hi, sizeof px.text_hi));
    FUZZ_CHECK(fuzz_terminated(px.problem, sizeof px.problem));
    if (pl > 0) {
        FUZZ_CHECK(px.problem[0] == '\0');
        FUZZ_CHECK(px.lo < px.hi);
        FUZZ_CHECK(strcmp(px.text_lo, px.text_hi) < 0);
        if (level > 0) {
            /* a whole code is inside its own prefix range */
            uint64_t key = div_key(info.code);
            FUZZ_CHECK(key >= px.lo && key < px.hi);
            FUZZ_CHECK(strcmp(info.code, px.text_lo) >= 0 && strcmp(info.code, px.text_hi) < 0);
        }
    } else {
        FUZZ_CHECK(px.problem[0] != '\0');
    }
    free(text);
    return 0;
}
