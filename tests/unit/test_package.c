/* Signed packages, the pure parts: key files (round trip, wrong kind, damage), the header
 * (round trip, signature over exactly the signed bytes, every refusal the parser makes),
 * versions and safe paths. The files and the commands are tests/loader/package.t.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "pkgfmt.h"
#include "pkgkey.h"
#include "xalloc.h"

static int setup(void **state)
{
    (void)state;
    return pkg_crypto_init();
}

static void test_key_round_trip(void **state)
{
    (void)state;
    pkg_pubkey pub, pub2, derived;
    pkg_seckey sec, sec2;
    char *err = NULL;
    pkg_keypair_new(&pub, &sec);
    char *ptext = pkg_pubkey_format(&pub), *stext = pkg_seckey_format(&sec);
    assert_non_null(strstr(ptext, "untrusted comment: gongkai public key "));
    assert_int_equal(pkg_pubkey_parse(ptext, strlen(ptext), &pub2, &err), 0);
    assert_memory_equal(&pub, &pub2, sizeof pub);
    assert_int_equal(pkg_seckey_parse(stext, strlen(stext), &sec2, &err), 0);
    assert_memory_equal(&sec, &sec2, sizeof sec);
    pkg_seckey_public(&sec2, &derived);
    assert_memory_equal(&pub, &derived, sizeof pub);
    /* The key alone, without comment, with CRLF, is fine too. */
    const char *b64 = strchr(ptext, '\n') + 1;
    char *crlf = xasprintf("%.*s\r\n", (int)(strlen(b64) - 1), b64);
    assert_int_equal(pkg_pubkey_parse(crlf, strlen(crlf), &pub2, &err), 0);
    assert_memory_equal(&pub, &pub2, sizeof pub);
    free(crlf);
    /* Swapped kinds are named. */
    assert_int_equal(pkg_pubkey_parse(stext, strlen(stext), &pub2, &err), -1);
    assert_non_null(strstr(err, "secret key"));
    free(err);
    assert_int_equal(pkg_seckey_parse(ptext, strlen(ptext), &sec2, &err), -1);
    assert_non_null(strstr(err, "public key"));
    free(err);
    free(ptext);
    free(stext);
}

static void test_key_damage(void **state)
{
    (void)state;
    pkg_pubkey pub;
    pkg_seckey sec, back;
    char *err = NULL;
    const char *junk[] = {"", "untrusted comment: x\n", "not base64!\n",
                          "untrusted comment: x\nRWQ=\n", "untrusted comment: x\nQUJD\nQUJD\n"};
    for (size_t i = 0; i < sizeof junk / sizeof *junk; i++) {
        assert_int_equal(pkg_pubkey_parse(junk[i], strlen(junk[i]), &pub, &err), -1);
        assert_non_null(err);
        free(err);
        err = NULL;
    }
    /* A secret key whose halves disagree would sign packages nobody can verify. */
    pkg_keypair_new(&pub, &sec);
    sec.sk[40] ^= 1;
    char *stext = pkg_seckey_format(&sec);
    assert_int_equal(pkg_seckey_parse(stext, strlen(stext), &back, &err), -1);
    assert_non_null(strstr(err, "damaged"));
    free(err);
    free(stext);
}

static void test_keyid(void **state)
{
    (void)state;
    unsigned char id[PKG_KEYID_BYTES] = {0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81}, back[8];
    char hex[PKG_KEYID_HEX];
    pkg_keyid_hex(id, hex);
    assert_string_equal(hex, "1A2B3C4D5E6F7081");
    assert_int_equal(pkg_keyid_parse("1a2b3c4d5e6f7081", 16, back), 0);
    assert_memory_equal(id, back, 8);
    assert_int_equal(pkg_keyid_parse("1A2B3C4D5E6F708", 15, back), -1);
    assert_int_equal(pkg_keyid_parse("1A2B3C4D5E6F708G", 16, back), -1);
}

/* A signed header with one or two files, as gongkai pack writes it. */
static char *make_header(const pkg_seckey *sec, const char *content, int nfiles, size_t *len)
{
    pkg_header h;
    memset(&h, 0, sizeof h);
    h.name = xstrdup("示例语料");
    h.version = xstrdup("2026.12.1");
    h.content = xstrdup(content);
    h.created = xstrdup("2026-12-07T17:42:03Z");
    h.schema = !strcmp(content, "database") ? 9 : 0;
    h.as_of = xstrdup("2024-01-01");
    h.note = xstrdup("第三季度更新（示例）");
    h.nfiles = (size_t)nfiles;
    h.files = xcalloc((size_t)nfiles, sizeof *h.files);
    for (int i = 0; i < nfiles; i++) {
        h.files[i].path = xstrdup(i == 0 ? (h.schema ? "gongkai.db" : "corpus.ini") : "法规/示例.md");
        h.files[i].size = 1000u + (unsigned)i;
        memset(h.files[i].sha256, 0xa0 + i, PKG_SHA256_BYTES);
    }
    memcpy(h.signer, sec->id, PKG_KEYID_BYTES);
    buf_t b;
    buf_init(&b);
    pkg_header_write_signed(&b, &h);
    crypto_sign_detached(h.sig, NULL, (unsigned char *)b.s, b.len, sec->sk);
    pkg_header_write_end(&b, &h);
    buf_add(&b, "PAYLOAD\xff\x00", 9); /* the payload follows; the parser must stop at end */
    pkg_header_free(&h);
    *len = b.len;
    return buf_take(&b);
}

static void test_header_round_trip(void **state)
{
    (void)state;
    pkg_pubkey pub;
    pkg_seckey sec;
    pkg_keypair_new(&pub, &sec);
    size_t len;
    char *text = make_header(&sec, "corpus", 2, &len);
    pkg_header h;
    char *err = NULL;
    assert_int_equal(pkg_header_parse(text, len, &h, &err), PKG_OK);
    assert_null(err);
    assert_string_equal(h.name, "示例语料");
    assert_string_equal(h.version, "2026.12.1");
    assert_string_equal(h.content, "corpus");
    assert_string_equal(h.as_of, "2024-01-01");
    assert_int_equal(h.nfiles, 2);
    assert_string_equal(h.files[1].path, "法规/示例.md");
    assert_int_equal(h.files[1].size, 1001);
    assert_int_equal(h.payload_bytes, 2001);
    assert_int_equal(h.is_signed, 1);
    assert_int_equal(h.header_len, len - 9);
    assert_memory_equal(h.signer, sec.id, PKG_KEYID_BYTES);
    assert_int_equal(crypto_sign_verify_detached(h.sig, (unsigned char *)text, h.signed_len, pub.pk),
                     0);
    /* The signed part ends with the signer line: the signer id is signed too. */
    assert_memory_equal(text + h.signed_len - 26, "signer = ", 9);
    assert_memory_equal(text + h.signed_len, "signature = ", 12);
    pkg_header_free(&h);
    /* Every byte of the signed part matters. */
    for (size_t i = 0; i < len - 9; i += 7) {
        char *copy = xmalloc(len);
        memcpy(copy, text, len);
        copy[i] ^= 0x01;
        pkg_header t;
        char *e = NULL;
        enum pkg_status st = pkg_header_parse(copy, len, &t, &e);
        if (st == PKG_OK && t.is_signed && i < t.signed_len)
            assert_int_not_equal(crypto_sign_verify_detached(t.sig, (unsigned char *)copy,
                                                             t.signed_len, pub.pk),
                                 0);
        free(e);
        pkg_header_free(&t);
        free(copy);
    }
    free(text);
}

static void test_header_incomplete(void **state)
{
    (void)state;
    pkg_pubkey pub;
    pkg_seckey sec;
    pkg_keypair_new(&pub, &sec);
    size_t len;
    char *text = make_header(&sec, "database", 1, &len);
    pkg_header h;
    char *err = NULL;
    /* Cut anywhere inside the header: never OK, never a crash. */
    for (size_t cut = 0; cut < len - 9; cut++) {
        enum pkg_status st = pkg_header_parse(text, cut, &h, &err);
        assert_int_not_equal(st, PKG_OK);
        free(err);
        pkg_header_free(&h);
    }
    assert_int_equal(pkg_header_parse(text, len - 9, &h, &err), PKG_OK);
    pkg_header_free(&h);
    free(text);
}

/* Parses text, expecting status st and, for PKG_BAD, err containing want. */
static void expect(const char *text, enum pkg_status st, const char *want)
{
    pkg_header h;
    char *err = NULL;
    enum pkg_status got = pkg_header_parse(text, strlen(text), &h, &err);
    if (got != st || (want && (!err || !strstr(err, want))))
        fail_msg("for:\n%s\ngot status %d, err %s; wanted %d, %s", text, got, err ? err : "(none)",
                 st, want ? want : "");
    free(err);
    pkg_header_free(&h);
}

#define HEAD "gongkai-package 1\nname = x\nversion = 1\ncontent = database\n" \
             "created = 2026-12-07T17:42:03Z\nschema = 9\n"
#define FILE1 "file = 10 " \
              "0000000000000000000000000000000000000000000000000000000000000000 gongkai.db\n"

static void test_header_refusals(void **state)
{
    (void)state;
    expect("PK\x03\x04 zip", PKG_NOT_PACKAGE, NULL);
    expect("SQLite format 3", PKG_NOT_PACKAGE, NULL);
    expect("gongkai-package x\n", PKG_NOT_PACKAGE, NULL);
    expect("gongkai-package 2\nname = x\nend\n", PKG_UNSUPPORTED, "format 2");
    expect(HEAD FILE1, PKG_INCOMPLETE, NULL);
    /* Unsigned parses, marked so. */
    {
        pkg_header h;
        char *err = NULL;
        const char *t = HEAD FILE1 "end\n";
        assert_int_equal(pkg_header_parse(t, strlen(t), &h, &err), PKG_OK);
        assert_int_equal(h.is_signed, 0);
        pkg_header_free(&h);
    }
    expect(HEAD FILE1 "colour = red\nend\n", PKG_BAD, "unknown field colour");
    expect(HEAD "name = y\n" FILE1 "end\n", PKG_BAD, "name appears twice");
    expect(HEAD FILE1 "signer = 1A2B3C4D5E6F7081\nend\n", PKG_BAD, "no signature");
    expect(HEAD FILE1 "signer = 1A2B3C4D5E6F7081\nnote = x\nend\n", PKG_BAD, "followed by the signature");
    expect(HEAD FILE1 "signature = AAAA\nend\n", PKG_BAD, "must follow the signer");
    expect(HEAD FILE1 "signer = 1A2B\nend\n", PKG_BAD, "16 hexadecimal");
    expect(HEAD FILE1 "signer = 1A2B3C4D5E6F7081\nsignature = AAAA\nend\n", PKG_BAD, "64 bytes");
    expect(HEAD FILE1 "note\n", PKG_BAD, "field = value");
    expect(HEAD FILE1 "note = \n", PKG_BAD, "empty");
    expect(HEAD FILE1 "note = a\x1b[2Jb\nend\n", PKG_BAD, "control character");
    expect(HEAD FILE1 "note = a\xe2\x80\xae b\nend\n", PKG_BAD, "control character");
    expect(HEAD FILE1 "note = \xc0\xaf\nend\n", PKG_BAD, "invalid UTF-8");
    expect(HEAD FILE1 "note = a\r\nend\n", PKG_BAD, "control character");
    expect("gongkai-package 1\nname = x\nversion = 1.x\n", PKG_BAD, "numbers separated by dots");
    expect("gongkai-package 1\ncontent = zip\n", PKG_BAD, "database or corpus");
    expect("gongkai-package 1\ncreated = yesterday\n", PKG_BAD, "2026-12-07T17:42:03Z");
    expect("gongkai-package 1\nas_of = 2024\n", PKG_BAD, "date");
    expect("gongkai-package 1\nschema = 09\n", PKG_BAD, "number");
    expect(HEAD "end\n", PKG_BAD, "no files");
    expect("gongkai-package 1\nname = x\nversion = 1\n" FILE1 "end\n", PKG_BAD, "lacks content");
    expect(HEAD FILE1 FILE1 "end\n", PKG_BAD, "exactly one file");
    expect("gongkai-package 1\nname = x\nversion = 1\ncontent = database\n"
           "created = 2026-12-07T17:42:03Z\n" FILE1 "end\n",
           PKG_BAD, "schema");
    const char *zeros = "0000000000000000000000000000000000000000000000000000000000000000";
    char line[512];
    /* Each file line: what follows "file = " (%s marks the 64 zeros), and the reason. */
    const struct {
        const char *pre, *post, *why;
    } bad_files[] = {
        {"x ", " a", "not a number"},
        {"012 ", " a", "not a number"},
        {"99999999999999 ", " a", "too large"},
        {"10 ", "", "SIZE SHA256 PATH"},
        {"10 ", "A x", "hexadecimal"}, /* 65 digits, the last upper case */
        {"10 ", " ../etc/passwd", "safe relative"},
        {"10 ", " /etc/passwd", "safe relative"},
        {"10 ", " a//b", "safe relative"},
        {"10 ", " a/./b", "safe relative"},
        {"10 ", " a\\b", "safe relative"},
    };
    for (size_t i = 0; i < sizeof bad_files / sizeof *bad_files; i++) {
        snprintf(line, sizeof line, "gongkai-package 1\nfile = %s%s%s\nend\n", bad_files[i].pre,
                 zeros, bad_files[i].post);
        expect(line, PKG_BAD, bad_files[i].why);
    }
    /* Corpus packages: corpus.ini at the top, no path twice. */
    snprintf(line, sizeof line,
             "gongkai-package 1\nname = x\nversion = 1\ncontent = corpus\n"
             "created = 2026-12-07T17:42:03Z\nfile = 1 %s a.csv\nend\n", zeros);
    expect(line, PKG_BAD, "corpus.ini");
    snprintf(line, sizeof line,
             "gongkai-package 1\nname = x\nversion = 1\ncontent = corpus\n"
             "created = 2026-12-07T17:42:03Z\nfile = 1 %s corpus.ini\nfile = 1 %s a.csv\n"
             "file = 2 %s a.csv\nend\n", zeros, zeros, zeros);
    expect(line, PKG_BAD, "listed twice");
}

static void test_header_too_large(void **state)
{
    (void)state;
    size_t n = PKG_HEADER_MAX + 100;
    char *big = xmalloc(n);
    memset(big, 'a', n);
    memcpy(big, "gongkai-package 1\nnote = ", 25);
    pkg_header h;
    char *err = NULL;
    assert_int_equal(pkg_header_parse(big, n, &h, &err), PKG_BAD);
    assert_non_null(strstr(err, "larger than"));
    free(err);
    pkg_header_free(&h);
    free(big);
}

static void test_versions(void **state)
{
    (void)state;
    assert_true(pkg_version_valid("3"));
    assert_true(pkg_version_valid("2026.12.1"));
    assert_true(pkg_version_valid("1.2.3.4.5.6.7.8"));
    assert_false(pkg_version_valid("1.2.3.4.5.6.7.8.9"));
    assert_false(pkg_version_valid(""));
    assert_false(pkg_version_valid("1."));
    assert_false(pkg_version_valid(".1"));
    assert_false(pkg_version_valid("1..2"));
    assert_false(pkg_version_valid("v1"));
    assert_false(pkg_version_valid("1234567890"));
    assert_true(pkg_version_cmp("2026.12.10", "2026.12.9") > 0);
    assert_true(pkg_version_cmp("2026.12.9", "2026.12.10") < 0);
    assert_int_equal(pkg_version_cmp("3", "3.0"), 0);
    assert_int_equal(pkg_version_cmp("2026.12.01", "2026.12.1"), 0);
    assert_true(pkg_version_cmp("1", "1.0.1") < 0);
    assert_true(pkg_version_cmp("2", "1.99") > 0);
}

static void test_paths(void **state)
{
    (void)state;
    const char *good[] = {"corpus.ini", "法规/社会救助暂行办法(2014-02-21).md", "a/b/c.csv", ".hidden/x",
                          "a..b"};
    const char *bad[] = {"", "/abs", "../x", "a/../b", "a/..", "./a", "a/.", "a//b", "a/",
                         "a\\b", "a\nb", "a\x1b" "b", "\xff"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        assert_true(pkg_path_safe(good[i]));
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (pkg_path_safe(bad[i]))
            fail_msg("%s was taken as safe", bad[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_round_trip),    cmocka_unit_test(test_key_damage),
        cmocka_unit_test(test_keyid),             cmocka_unit_test(test_header_round_trip),
        cmocka_unit_test(test_header_incomplete), cmocka_unit_test(test_header_refusals),
        cmocka_unit_test(test_header_too_large),  cmocka_unit_test(test_versions),
        cmocka_unit_test(test_paths),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
