/* Encodings at the edges: detection, conversion to UTF-8, errors with line numbers, and
 * the export writer. Samples in other encodings are produced here with iconv. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textenc.h"

/* Simplified, for GB18030. */
static const char zh_simp[] =
    "为进一步做好最低生活保障工作，民政部会同有关部门制定了本办法。\n"
    "各地民政部门要加强对困难群众的救助，依法保障其基本生活，并及时向社会公开相关信息。\n"
    "社会组织登记管理条例规定，成立社会团体应当经业务主管单位审查同意。\n";

/* Traditional, for Big5. */
static const char zh_trad[] =
    "為進一步做好最低生活保障工作，民政部會同有關部門制定了本辦法。\n"
    "各地民政部門要加強對困難群眾的救助，依法保障其基本生活，並及時向社會公開相關資訊。\n"
    "社會組織登記管理條例規定，成立社會團體應當經業務主管單位審查同意。\n";

/* A CSV-like file: enough ASCII for UTF-16 to be recognised by its zero bytes. */
static const char zh_csv[] =
    "id,title,date,office\n"
    "1,民政部关于进一步加强养老服务的通知,2023-05-12,养老服务司\n"
    "2,社会救助暂行办法（修订征求意见稿）,2023-09-01,社会救助司\n";

/* Converts with iconv; the caller frees. */
static char *conv(const char *to, const char *from, const char *s, size_t len, size_t *outlen)
{
    iconv_t cd = iconv_open(to, from);
    assert_true(cd != (iconv_t)-1);
    size_t cap = len * 4 + 16;
    char *buf = malloc(cap);
    assert_non_null(buf);
    char *in = (char *)s, *o = buf;
    size_t inleft = len, oleft = cap;
    size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
    assert_true(rc != (size_t)-1);
    iconv_close(cd);
    *outlen = (size_t)(o - buf);
    return buf;
}

/* Prepends bytes to a buffer (a BOM); the caller frees. */
static char *prepend(const char *head, size_t hlen, const char *s, size_t len, size_t *outlen)
{
    char *b = malloc(hlen + len + 1);
    assert_non_null(b);
    memcpy(b, head, hlen);
    memcpy(b + hlen, s, len);
    *outlen = hlen + len;
    return b;
}

/* Decodes and expects success with `expect` as the text. */
static void expect_text(const char *data, size_t len, enum textenc declared, const char *expect,
                        enum textenc used, int bom)
{
    textenc_result r;
    char err[256] = "";
    int rc = textenc_decode(data, len, declared, &r, err, sizeof err);
    if (rc != 0)
        fail_msg("decode as %s failed: %s", textenc_name(declared), err);
    assert_string_equal(r.text, expect);
    assert_int_equal(r.len, strlen(expect));
    assert_string_equal(textenc_name(r.enc), textenc_name(used));
    assert_int_equal(r.bom, bom);
    assert_int_equal(r.warnings, 0);
    textenc_result_free(&r);
    assert_null(r.text);
}

/* Decodes and expects failure with exactly `msg`. */
static void expect_err(const char *data, size_t len, enum textenc declared, const char *msg)
{
    textenc_result r;
    char err[256] = "";
    int rc = textenc_decode(data, len, declared, &r, err, sizeof err);
    if (rc == 0) {
        textenc_result_free(&r);
        fail_msg("decode as %s succeeded, expected \"%s\"", textenc_name(declared), msg);
    }
    assert_int_equal(rc, -1);
    assert_null(r.text);
    assert_string_equal(err, msg);
}

static void test_names(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        enum textenc enc;
    } cases[] = {
        {"auto", TEXTENC_AUTO},       {"UTF-8", TEXTENC_UTF8},       {"utf8", TEXTENC_UTF8},
        {"GB18030", TEXTENC_GB18030}, {"gbk", TEXTENC_GB18030},      {"GB2312", TEXTENC_GB18030},
        {"Big5", TEXTENC_BIG5},       {"utf-16", TEXTENC_UTF16},     {"UTF-16LE", TEXTENC_UTF16LE},
        {"utf-16be", TEXTENC_UTF16BE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum textenc e = TEXTENC_AUTO;
        assert_int_equal(textenc_parse_name(cases[i].name, &e), 0);
        assert_int_equal(e, cases[i].enc);
    }
    enum textenc e = TEXTENC_BIG5;
    assert_int_equal(textenc_parse_name("latin1", &e), -1);
    assert_int_equal(textenc_parse_name("", &e), -1);
    assert_int_equal(e, TEXTENC_BIG5);
    assert_string_equal(textenc_name(TEXTENC_UTF8), "utf-8");
    assert_string_equal(textenc_name(TEXTENC_GB18030), "gb18030");
    assert_string_equal(textenc_name(TEXTENC_UTF16BE), "utf-16be");
    /* every canonical name parses back to itself */
    for (int k = TEXTENC_AUTO; k <= TEXTENC_UTF16BE; k++) {
        assert_int_equal(textenc_parse_name(textenc_name((enum textenc)k), &e), 0);
        assert_int_equal(e, k);
    }
}

static void test_utf8_plain_and_bom(void **state)
{
    (void)state;
    expect_text(zh_simp, strlen(zh_simp), TEXTENC_AUTO, zh_simp, TEXTENC_UTF8, 0);
    expect_text(zh_simp, strlen(zh_simp), TEXTENC_UTF8, zh_simp, TEXTENC_UTF8, 0);
    expect_text("", 0, TEXTENC_AUTO, "", TEXTENC_UTF8, 0);
    expect_text("plain ascii\n", 12, TEXTENC_AUTO, "plain ascii\n", TEXTENC_UTF8, 0);
    size_t n;
    char *b = prepend("\xEF\xBB\xBF", 3, zh_simp, strlen(zh_simp), &n);
    expect_text(b, n, TEXTENC_AUTO, zh_simp, TEXTENC_UTF8, 1);
    expect_text(b, n, TEXTENC_UTF8, zh_simp, TEXTENC_UTF8, 1);
    expect_err(b, n, TEXTENC_GB18030,
               "the file starts with a UTF-8 byte-order mark but encoding=gb18030 is declared");
    free(b);
    expect_text("\xEF\xBB\xBF", 3, TEXTENC_AUTO, "", TEXTENC_UTF8, 1);
}

static void test_gb18030(void **state)
{
    (void)state;
    size_t n;
    char *gb = conv("GB18030", "UTF-8", zh_simp, strlen(zh_simp), &n);
    expect_text(gb, n, TEXTENC_AUTO, zh_simp, TEXTENC_GB18030, 0);
    expect_text(gb, n, TEXTENC_GB18030, zh_simp, TEXTENC_GB18030, 0);
    /* GB18030's own BOM is U+FEFF encoded as 84 31 95 33 */
    size_t m;
    char *withbom = prepend("\x84\x31\x95\x33", 4, gb, n, &m);
    expect_text(withbom, m, TEXTENC_AUTO, zh_simp, TEXTENC_GB18030, 1);
    expect_text(withbom, m, TEXTENC_GB18030, zh_simp, TEXTENC_GB18030, 1);
    free(withbom);
    free(gb);

    /* beyond GBK: a four-byte sequence (U+20000) and a rare BMP character */
    const char *ext = "民政部公告𠀀（第一号）䶮\n";
    gb = conv("GB18030", "UTF-8", ext, strlen(ext), &n);
    expect_text(gb, n, TEXTENC_GB18030, ext, TEXTENC_GB18030, 0);
    free(gb);
}

static void test_big5(void **state)
{
    (void)state;
    size_t n;
    char *b5 = conv("BIG5", "UTF-8", zh_trad, strlen(zh_trad), &n);
    expect_text(b5, n, TEXTENC_AUTO, zh_trad, TEXTENC_BIG5, 0);
    expect_text(b5, n, TEXTENC_BIG5, zh_trad, TEXTENC_BIG5, 0);
    /* Big5 bytes read as GB18030 convert without error: the score must reject that */
    expect_err(b5, n, TEXTENC_GB18030,
               "the text does not read as GB18030 but as Big5; set encoding=big5 in corpus.ini");
    free(b5);
}

static void test_utf16(void **state)
{
    (void)state;
    size_t n, m;
    char *le = conv("UTF-16LE", "UTF-8", zh_simp, strlen(zh_simp), &n);
    char *be = conv("UTF-16BE", "UTF-8", zh_simp, strlen(zh_simp), &n);
    /* with a BOM: auto and every UTF-16 declaration that fits it */
    char *b = prepend("\xFF\xFE", 2, le, n, &m);
    expect_text(b, m, TEXTENC_AUTO, zh_simp, TEXTENC_UTF16LE, 1);
    expect_text(b, m, TEXTENC_UTF16, zh_simp, TEXTENC_UTF16LE, 1);
    expect_text(b, m, TEXTENC_UTF16LE, zh_simp, TEXTENC_UTF16LE, 1);
    expect_err(b, m, TEXTENC_UTF16BE,
               "the file starts with a UTF-16LE byte-order mark but encoding=utf-16be is "
               "declared");
    expect_err(b, m, TEXTENC_UTF8,
               "the file starts with a UTF-16LE byte-order mark but encoding=utf-8 is declared");
    free(b);
    b = prepend("\xFE\xFF", 2, be, n, &m);
    expect_text(b, m, TEXTENC_AUTO, zh_simp, TEXTENC_UTF16BE, 1);
    expect_text(b, m, TEXTENC_UTF16, zh_simp, TEXTENC_UTF16BE, 1);
    expect_text(b, m, TEXTENC_UTF16BE, zh_simp, TEXTENC_UTF16BE, 1);
    free(b);
    /* declared without a BOM */
    expect_text(le, n, TEXTENC_UTF16LE, zh_simp, TEXTENC_UTF16LE, 0);
    expect_text(be, n, TEXTENC_UTF16BE, zh_simp, TEXTENC_UTF16BE, 0);
    /* "utf-16" without a BOM and without zero bytes: the byte order that reads as Chinese */
    expect_text(le, n, TEXTENC_UTF16, zh_simp, TEXTENC_UTF16LE, 0);
    expect_text(be, n, TEXTENC_UTF16, zh_simp, TEXTENC_UTF16BE, 0);
    free(le);
    free(be);

    /* auto without a BOM: recognised by the zero bytes of the ASCII */
    le = conv("UTF-16LE", "UTF-8", zh_csv, strlen(zh_csv), &n);
    be = conv("UTF-16BE", "UTF-8", zh_csv, strlen(zh_csv), &n);
    expect_text(le, n, TEXTENC_AUTO, zh_csv, TEXTENC_UTF16LE, 0);
    expect_text(be, n, TEXTENC_AUTO, zh_csv, TEXTENC_UTF16BE, 0);
    expect_text(le, n, TEXTENC_UTF16, zh_csv, TEXTENC_UTF16LE, 0);
    free(le);
    free(be);

    /* supplementary characters use surrogate pairs */
    const char *supp = "𠀀𪚥\n";
    le = conv("UTF-16LE", "UTF-8", supp, strlen(supp), &n);
    expect_text(le, n, TEXTENC_UTF16LE, supp, TEXTENC_UTF16LE, 0);
    free(le);
}

static void test_utf16_errors(void **state)
{
    (void)state;
    /* "a\nb\n" then a lone high surrogate on line 3 */
    static const char bad[] = "a\0\n\0b\0\n\0\x00\xD8x\0";
    expect_err(bad, sizeof bad - 1, TEXTENC_UTF16LE,
               "line 3: invalid UTF-16 (unpaired surrogate 0xD800)");
    static const char lowfirst[] = "a\0\x00\xDCx\0";
    expect_err(lowfirst, sizeof lowfirst - 1, TEXTENC_UTF16LE,
               "line 1: invalid UTF-16 (unpaired surrogate 0xDC00)");
    static const char odd[] = "\0a\0\n\0b\0\n\0";
    expect_err(odd, sizeof odd - 1, TEXTENC_UTF16BE,
               "line 3: UTF-16 cut off at end of file (odd number of bytes)");
    static const char nul[] = "a\0\n\0\0\0";
    expect_err(nul, sizeof nul - 1, TEXTENC_UTF16LE, "line 2: NUL byte (binary file?)");
}

static void test_invalid_utf8_lines(void **state)
{
    (void)state;
    static const char overlong[] = "line one\nline two\nbad \xC0\xAF here\n";
    expect_err(overlong, sizeof overlong - 1, TEXTENC_UTF8, "line 3: overlong UTF-8 encoding");
    static const char overlong3[] = "x\n\xE0\x80\xAF\n";
    expect_err(overlong3, sizeof overlong3 - 1, TEXTENC_UTF8, "line 2: overlong UTF-8 encoding");
    static const char surrogate[] = "1\n2\n3\n4\n5\n6\n\xED\xA0\x80\n";
    expect_err(surrogate, sizeof surrogate - 1, TEXTENC_UTF8,
               "line 7: UTF-16 surrogate in UTF-8");
    static const char truncated[] = "民政\n部\xE9\x83";
    expect_err(truncated, sizeof truncated - 1, TEXTENC_UTF8,
               "line 2: invalid UTF-8 (sequence cut off at end of file)");
    static const char stray[] = "a\nb\nc\x80\n";
    expect_err(stray, sizeof stray - 1, TEXTENC_UTF8,
               "line 3: invalid UTF-8 (unexpected continuation byte 0x80)");
    static const char nocont[] = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ncaf\xC3(\n";
    expect_err(nocont, sizeof nocont - 1, TEXTENC_UTF8,
               "line 12: invalid UTF-8 (byte 0xC3 not followed by a continuation byte)");
    static const char three[] = "\xE6\xB0\n";
    expect_err(three, sizeof three - 1, TEXTENC_UTF8,
               "line 1: invalid UTF-8 (byte 0xE6 not followed by 2 continuation bytes)");
    static const char big[] = "\xF4\x90\x80\x80";
    expect_err(big, sizeof big - 1, TEXTENC_UTF8,
               "line 1: invalid UTF-8 (code point above U+10FFFF)");
    static const char ff[] = "ok\n\xFF";
    expect_err(ff, sizeof ff - 1, TEXTENC_UTF8,
               "line 2: invalid UTF-8 (byte 0xFF never occurs in UTF-8)");
}

/* In auto mode a file that is plainly UTF-8 gets the UTF-8 error, not a GB18030 guess. */
static void test_invalid_utf8_auto(void **state)
{
    (void)state;
    char buf[2048];
    int n = snprintf(buf, sizeof buf, "%s%s坏字节\xC0\xAF在这里\n", zh_simp, zh_simp);
    expect_err(buf, (size_t)n, TEXTENC_AUTO, "line 7: overlong UTF-8 encoding");
    n = snprintf(buf, sizeof buf, "%s末尾\xE6\xB0", zh_simp);
    expect_err(buf, (size_t)n, TEXTENC_AUTO,
               "line 4: invalid UTF-8 (sequence cut off at end of file)");
    n = snprintf(buf, sizeof buf, "%s\xED\xA0\x80\n", zh_simp);
    expect_err(buf, (size_t)n, TEXTENC_AUTO, "line 4: UTF-16 surrogate in UTF-8");
    n = snprintf(buf, sizeof buf, "%s\x80\n", zh_simp);
    expect_err(buf, (size_t)n, TEXTENC_AUTO,
               "line 4: invalid UTF-8 (unexpected continuation byte 0x80)");
    /* bytes that are no known encoding at all */
    static const char junk[] = "abc\n\xFF\xFF\xFF\n";
    expect_err(junk, sizeof junk - 1, TEXTENC_AUTO,
               "line 2: invalid UTF-8 (byte 0xFF never occurs in UTF-8); not GB18030 or Big5 "
               "either (set encoding= in corpus.ini)");
}

static void test_nul_byte(void **state)
{
    (void)state;
    static const char data[] = "a\nb\nc\x00\n";
    expect_err(data, sizeof data - 1, TEXTENC_UTF8, "line 3: NUL byte (binary file?)");
    expect_err(data, sizeof data - 1, TEXTENC_AUTO, "line 3: NUL byte (binary file?)");
    expect_err(data, sizeof data - 1, TEXTENC_GB18030, "line 3: NUL byte (binary file?)");
    /* in a GB18030 file the line is still right after multibyte characters */
    char src[512];
    int k = snprintf(src, sizeof src, "%s", zh_simp);
    size_t n;
    char *gb = conv("GB18030", "UTF-8", src, (size_t)k, &n);
    char *withnul = prepend(gb, n, "x\0y", 3, &n);
    expect_err(withnul, n, TEXTENC_GB18030, "line 4: NUL byte (binary file?)");
    expect_err(withnul, n, TEXTENC_AUTO, "line 4: NUL byte (binary file?)");
    free(withnul);
    free(gb);
}

static void test_mid_file_bom(void **state)
{
    (void)state;
    static const char data[] = "\xEF\xBB\xBF"
                               "first\nsecond\n\xEF\xBB\xBFthird\nfourth\xEF\xBB\xBF\n";
    textenc_result r;
    char err[256];
    assert_int_equal(textenc_decode(data, sizeof data - 1, TEXTENC_AUTO, &r, err, sizeof err), 0);
    assert_string_equal(r.text, "first\nsecond\nthird\nfourth\n");
    assert_int_equal(r.bom, 1);
    assert_int_equal(r.warnings, 2);
    assert_int_equal(r.warn_line, 3);
    assert_string_equal(r.warn_msg, "line 3: byte-order mark (U+FEFF) inside the text, removed");
    textenc_result_free(&r);

    /* the same in GB18030: the warning line is counted in the decoded text */
    char src[512];
    int k = snprintf(src, sizeof src, "%s\xEF\xBB\xBF续\n", zh_simp);
    size_t n;
    char *gb = conv("GB18030", "UTF-8", src, (size_t)k, &n);
    assert_int_equal(textenc_decode(gb, n, TEXTENC_GB18030, &r, err, sizeof err), 0);
    assert_int_equal(r.warnings, 1);
    assert_int_equal(r.warn_line, 4);
    assert_int_equal(r.bom, 0);
    assert_int_equal(r.len, strlen(zh_simp) + strlen("续\n"));
    textenc_result_free(&r);
    free(gb);
}

static void test_ambiguous_short(void **state)
{
    (void)state;
    /* "民政局" in GB18030 is also valid Big5, and three characters prove nothing */
    size_t n;
    char *gb = conv("GB18030", "UTF-8", "民政局\n", strlen("民政局\n"), &n);
    expect_err(gb, n, TEXTENC_AUTO,
               "cannot tell whether this is GB18030 or Big5; set encoding= in corpus.ini");
    /* declared, the same bytes are fine */
    expect_text(gb, n, TEXTENC_GB18030, "民政局\n", TEXTENC_GB18030, 0);
    free(gb);
}

static void test_declared_mismatch(void **state)
{
    (void)state;
    size_t n;
    /* GB2312 text that happens to be valid Big5 bytes: rejected by the score */
    char *gb = conv("GB18030", "UTF-8", zh_simp, strlen(zh_simp), &n);
    expect_err(gb, n, TEXTENC_BIG5,
               "the text does not read as Big5 but as GB18030; set encoding=gb18030 in corpus.ini");
    free(gb);
    /* GBK characters outside Big5's byte ranges: an invalid sequence on its line */
    const char *gbk = "第一行\n第二行\n丂亐乣\n";
    gb = conv("GB18030", "UTF-8", gbk, strlen(gbk), &n);
    expect_err(gb, n, TEXTENC_BIG5, "line 3: invalid Big5 sequence (bytes 0x81 0x40)");
    free(gb);
    /* UTF-8 declared as Big5 */
    expect_err(zh_trad, strlen(zh_trad), TEXTENC_BIG5,
               "the file is UTF-8, not Big5; set encoding=utf-8 (or auto) in corpus.ini");
    /* an invalid GB18030 sequence */
    static const char badgb[] = "1\n2\n3\n4\n\xD6\xD0\x81\x20\n";
    expect_err(badgb, sizeof badgb - 1, TEXTENC_GB18030,
               "line 5: invalid GB18030 sequence (bytes 0x81 0x20)");
    static const char cutgb[] = "1\n\xD6";
    expect_err(cutgb, sizeof cutgb - 1, TEXTENC_GB18030,
               "line 2: GB18030 sequence cut off at end of file");
}

/* ---- export writer ---- */

static char *write_all(const char *enc, const char *const *chunks, size_t nchunks,
                       size_t *outlen, size_t *replaced)
{
    char *mem = NULL;
    size_t memlen = 0;
    FILE *f = open_memstream(&mem, &memlen);
    assert_non_null(f);
    char err[128];
    textenc_out *o = textenc_out_open(f, enc, err, sizeof err);
    if (!o)
        fail_msg("open %s: %s", enc, err);
    for (size_t i = 0; i < nchunks; i++)
        assert_int_equal(textenc_out_write(o, chunks[i], strlen(chunks[i])), 0);
    *replaced = textenc_out_replaced(o);
    assert_int_equal(textenc_out_close(o), 0);
    fclose(f);
    *outlen = memlen;
    return mem;
}

static void test_export_split(void **state)
{
    (void)state;
    size_t want_len;
    char *want = conv("GB18030", "UTF-8", zh_simp, strlen(zh_simp), &want_len);
    /* split the UTF-8 at every byte: characters are cut in all possible places */
    size_t total = strlen(zh_simp);
    for (size_t cut = 0; cut <= total; cut += 1) {
        char a[1024], b[1024];
        memcpy(a, zh_simp, cut);
        a[cut] = '\0';
        memcpy(b, zh_simp + cut, total - cut);
        b[total - cut] = '\0';
        const char *chunks[] = {a, b};
        size_t len, rep;
        char *out = write_all("gb18030", chunks, 2, &len, &rep);
        assert_int_equal(len, want_len);
        assert_memory_equal(out, want, len);
        assert_int_equal(rep, 0);
        free(out);
    }
    free(want);

    /* a four-byte character fed one byte per write */
    const char *one[] = {"\xF0", "\xA0", "\x80", "\x80", "!"};
    size_t len, rep;
    char *out = write_all("GB18030", one, 5, &len, &rep);
    assert_int_equal(len, 5);
    assert_memory_equal(out, "\x95\x32\x82\x36!", 5);
    assert_int_equal(rep, 0);
    free(out);
}

static void test_export_encodings(void **state)
{
    (void)state;
    size_t len, rep;
    /* Big5 has no 们 and no 𠀀: each becomes one '?' */
    const char *chunks[] = {"我们的民政", "\xF0\xA0", "\x80\x80", "。\n"};
    char *out = write_all("big5", chunks, 4, &len, &rep);
    assert_int_equal(rep, 2);
    size_t back_len;
    char *back = conv("UTF-8", "BIG5", out, len, &back_len);
    assert_int_equal(back_len, strlen("我?的民政?。\n"));
    assert_memory_equal(back, "我?的民政?。\n", back_len);
    free(back);
    free(out);

    /* UTF-8 passes through; UTF-16 gets a little-endian BOM; utf-16be none */
    const char *t[] = {"民政"};
    out = write_all("utf-8", t, 1, &len, &rep);
    assert_int_equal(len, strlen("民政"));
    assert_memory_equal(out, "民政", len);
    free(out);
    out = write_all("utf-16", t, 1, &len, &rep);
    assert_int_equal(len, 6);
    assert_memory_equal(out, "\xFF\xFE\x11\x6C\x3F\x65", 6);
    free(out);
    out = write_all("UTF-16BE", t, 1, &len, &rep);
    assert_int_equal(len, 4);
    assert_memory_equal(out, "\x6C\x11\x65\x3F", 4);
    free(out);

    /* a character cut off at the very end becomes '?' at close */
    char *mem = NULL;
    size_t memlen = 0;
    FILE *f = open_memstream(&mem, &memlen);
    char err[128];
    textenc_out *o = textenc_out_open(f, "gb18030", err, sizeof err);
    assert_non_null(o);
    assert_int_equal(textenc_out_write(o, "a\xE6\xB0", 3), 0);
    assert_int_equal(textenc_out_close(o), 0);
    fclose(f);
    assert_int_equal(memlen, 2);
    assert_memory_equal(mem, "a?", 2);
    free(mem);

    /* names the writer refuses */
    assert_null(textenc_out_open(stdout, "auto", err, sizeof err));
    assert_string_equal(err, "\"auto\" is not an output encoding");
    assert_null(textenc_out_open(stdout, "ebcdic", err, sizeof err));
    assert_string_equal(err, "unknown encoding \"ebcdic\"");
}

/* Round trip through every encoding the loader reads: export, then decode back. */
static void test_round_trip(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        const char *text;
        enum textenc used;
    } cases[] = {
        {"gb18030", zh_simp, TEXTENC_GB18030},  {"big5", zh_trad, TEXTENC_BIG5},
        {"utf-16", zh_simp, TEXTENC_UTF16LE},   {"utf-16le", zh_csv, TEXTENC_UTF16LE},
        {"utf-16be", zh_csv, TEXTENC_UTF16BE}, {"utf-8", zh_trad, TEXTENC_UTF8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *chunks[] = {cases[i].text};
        size_t len, rep;
        char *out = write_all(cases[i].name, chunks, 1, &len, &rep);
        assert_int_equal(rep, 0);
        expect_text(out, len, TEXTENC_AUTO, cases[i].text, cases[i].used,
                    strcmp(cases[i].name, "utf-16") == 0);
        free(out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_utf8_plain_and_bom),
        cmocka_unit_test(test_gb18030),
        cmocka_unit_test(test_big5),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_utf16_errors),
        cmocka_unit_test(test_invalid_utf8_lines),
        cmocka_unit_test(test_invalid_utf8_auto),
        cmocka_unit_test(test_nul_byte),
        cmocka_unit_test(test_mid_file_bom),
        cmocka_unit_test(test_ambiguous_short),
        cmocka_unit_test(test_declared_mismatch),
        cmocka_unit_test(test_export_split),
        cmocka_unit_test(test_export_encodings),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
