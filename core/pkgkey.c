/* Ed25519 key files for signed packages (see pkgkey.h). */
#include "pkgkey.h"

#include "xalloc.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#define ALG "Ed"
#define PUB_BYTES (2 + PKG_KEYID_BYTES + PKG_PK_BYTES)
#define SEC_BYTES (2 + PKG_KEYID_BYTES + PKG_SK_BYTES)

int pkg_crypto_init(void)
{
    return sodium_init() < 0 ? -1 : 0;
}

void pkg_keypair_new(pkg_pubkey *pub, pkg_seckey *sec)
{
    randombytes_buf(sec->id, sizeof sec->id);
    crypto_sign_keypair(pub->pk, sec->sk);
    memcpy(pub->id, sec->id, sizeof pub->id);
}

void pkg_seckey_public(const pkg_seckey *sec, pkg_pubkey *pub)
{
    memcpy(pub->id, sec->id, sizeof pub->id);
    crypto_sign_ed25519_sk_to_pk(pub->pk, sec->sk);
}

void pkg_keyid_hex(const unsigned char id[PKG_KEYID_BYTES], char out[PKG_KEYID_HEX])
{
    static const char hex[] = "0123456789ABCDEF";
    for (int i = 0; i < PKG_KEYID_BYTES; i++) {
        out[2 * i] = hex[id[i] >> 4];
        out[2 * i + 1] = hex[id[i] & 15];
    }
    out[2 * PKG_KEYID_BYTES] = '\0';
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int pkg_keyid_parse(const char *s, size_t len, unsigned char id[PKG_KEYID_BYTES])
{
    if (len != 2 * PKG_KEYID_BYTES)
        return -1;
    for (int i = 0; i < PKG_KEYID_BYTES; i++) {
        int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        id[i] = (unsigned char)(hi << 4 | lo);
    }
    return 0;
}

char *pkg_base64(const unsigned char *p, size_t n)
{
    size_t cap = sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL);
    char *s = xmalloc(cap);
    sodium_bin2base64(s, cap, p, n, sodium_base64_VARIANT_ORIGINAL);
    return s;
}

long pkg_unbase64(const char *s, size_t len, unsigned char *out, size_t cap)
{
    size_t n = 0;
    const char *end = NULL;
    if (sodium_base642bin(out, cap, s, len, NULL, &n, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != s + len)
        return -1;
    return (long)n;
}

/* The base64 line of a key file: skips one "untrusted comment:" line and blank lines;
 * refuses anything else. Decodes into out; returns the decoded length or -1. */
static long key_body(const char *text, size_t len, unsigned char *out, size_t cap,
                     const char *what, char **err)
{
    const char *p = text, *end = text + len;
    const char *body = NULL;
    size_t body_len = 0;
    int lineno = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t n = (size_t)(le - p);
        if (n && p[n - 1] == '\r')
            n--;
        lineno++;
        if (n == 0) {
            /* blank */
        } else if (lineno == 1 && n >= 18 && !memcmp(p, "untrusted comment:", 18)) {
            /* the comment line: free text, not covered by anything */
        } else if (!body) {
            body = p;
            body_len = n;
        } else {
            *err = xasprintf("line %d: unexpected text after the %s key", lineno, what);
            return -1;
        }
        p = nl ? nl + 1 : end;
    }
    if (!body) {
        *err = xasprintf("no %s key in the file", what);
        return -1;
    }
    long n = pkg_unbase64(body, body_len, out, cap);
    if (n < 0) {
        *err = xasprintf("the %s key is not valid base64 of the right length", what);
        return -1;
    }
    return n;
}

int pkg_pubkey_parse(const char *text, size_t len, pkg_pubkey *out, char **err)
{
    unsigned char raw[SEC_BYTES + 8]; /* room to recognise a secret key given by mistake */
    long n = key_body(text, len, raw, sizeof raw, "public", err);
    if (n < 0)
        return -1;
    if (n == SEC_BYTES || n != PUB_BYTES || memcmp(raw, ALG, 2)) {
        *err = xasprintf(n == SEC_BYTES ? "this is a secret key, not a public key"
                                        : "not an Ed25519 public key (%ld bytes)", n);
        return -1;
    }
    memcpy(out->id, raw + 2, PKG_KEYID_BYTES);
    memcpy(out->pk, raw + 2 + PKG_KEYID_BYTES, PKG_PK_BYTES);
    return 0;
}

int pkg_seckey_parse(const char *text, size_t len, pkg_seckey *out, char **err)
{
    unsigned char raw[SEC_BYTES + 8];
    long n = key_body(text, len, raw, sizeof raw, "secret", err);
    if (n < 0)
        return -1;
    if (n != SEC_BYTES || memcmp(raw, ALG, 2)) {
        sodium_memzero(raw, sizeof raw);
        *err = xasprintf(n == PUB_BYTES ? "this is a public key, not a secret key"
                                        : "not an Ed25519 secret key (%ld bytes)", n);
        return -1;
    }
    memcpy(out->id, raw + 2, PKG_KEYID_BYTES);
    memcpy(out->sk, raw + 2 + PKG_KEYID_BYTES, PKG_SK_BYTES);
    sodium_memzero(raw, sizeof raw);
    /* A damaged secret key would sign packages nobody can verify: its halves must agree. */
    unsigned char seed[crypto_sign_SEEDBYTES], pk[PKG_PK_BYTES], sk[PKG_SK_BYTES];
    crypto_sign_ed25519_sk_to_seed(seed, out->sk);
    crypto_sign_seed_keypair(pk, sk, seed);
    int same = !sodium_memcmp(sk, out->sk, sizeof sk);
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(sk, sizeof sk);
    if (!same) {
        sodium_memzero(out, sizeof *out);
        *err = xstrdup("the secret key is damaged (its two halves do not match)");
        return -1;
    }
    return 0;
}

char *pkg_pubkey_format(const pkg_pubkey *pub)
{
    unsigned char raw[PUB_BYTES];
    memcpy(raw, ALG, 2);
    memcpy(raw + 2, pub->id, PKG_KEYID_BYTES);
    memcpy(raw + 2 + PKG_KEYID_BYTES, pub->pk, PKG_PK_BYTES);
    char id[PKG_KEYID_HEX];
    pkg_keyid_hex(pub->id, id);
    char *b64 = pkg_base64(raw, sizeof raw);
    char *s = xasprintf("untrusted comment: gongkai public key %s\n%s\n", id, b64);
    free(b64);
    return s;
}

char *pkg_seckey_format(const pkg_seckey *sec)
{
    unsigned char raw[SEC_BYTES];
    memcpy(raw, ALG, 2);
    memcpy(raw + 2, sec->id, PKG_KEYID_BYTES);
    memcpy(raw + 2 + PKG_KEYID_BYTES, sec->sk, PKG_SK_BYTES);
    char id[PKG_KEYID_HEX];
    pkg_keyid_hex(sec->id, id);
    char *b64 = pkg_base64(raw, sizeof raw);
    sodium_memzero(raw, sizeof raw);
    char *s = xasprintf("untrusted comment: gongkai secret key %s; keep it offline, mode 0600\n"
                        "%s\n",
                        id, b64);
    sodium_memzero(b64, strlen(b64));
    free(b64);
    return s;
}
