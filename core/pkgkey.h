/* Ed25519 keys for signed corpus packages, as text files.
 *
 * The layout is signify's and minisign's: an "untrusted comment:" line, then one line of
 * base64 holding the algorithm "Ed", an 8-byte key id and the key. A public key is 42
 * bytes decoded (so a public key string looks like a minisign one), a secret key 74
 * (libsodium's 64-byte secret key, whose second half is the public key). The key id
 * names the key in packages and messages, written as 16 hexadecimal digits. Secret keys
 * are not encrypted: they belong on the offline machine that signs (docs/packages.md).
 * Pure functions over libsodium; reading files is the caller's business. */
#ifndef GONGKAI_PKGKEY_H
#define GONGKAI_PKGKEY_H

#include <stddef.h>

#define PKG_KEYID_BYTES 8
#define PKG_PK_BYTES 32
#define PKG_SK_BYTES 64
#define PKG_SIG_BYTES 64
#define PKG_KEYID_HEX (PKG_KEYID_BYTES * 2 + 1)

typedef struct {
    unsigned char id[PKG_KEYID_BYTES];
    unsigned char pk[PKG_PK_BYTES];
} pkg_pubkey;

typedef struct {
    unsigned char id[PKG_KEYID_BYTES];
    unsigned char sk[PKG_SK_BYTES];
} pkg_seckey;

/* sodium_init once; returns 0, or -1 when libsodium cannot start. */
int pkg_crypto_init(void);

/* A new key pair with a random key id. */
void pkg_keypair_new(pkg_pubkey *pub, pkg_seckey *sec);

/* The public half of a secret key. */
void pkg_seckey_public(const pkg_seckey *sec, pkg_pubkey *pub);

/* "1A2B3C4D5E6F7081" into out. */
void pkg_keyid_hex(const unsigned char id[PKG_KEYID_BYTES], char out[PKG_KEYID_HEX]);

/* Reads 16 hexadecimal digits (either case); 0, or -1 when s is not exactly that. */
int pkg_keyid_parse(const char *s, size_t len, unsigned char id[PKG_KEYID_BYTES]);

/* Parses a key file's text. An optional "untrusted comment:" first line, then the base64
 * line; blank lines and a trailing newline are fine, anything else is an error. Returns
 * 0, or -1 with *err (malloc'd) saying what is wrong. */
int pkg_pubkey_parse(const char *text, size_t len, pkg_pubkey *out, char **err);
int pkg_seckey_parse(const char *text, size_t len, pkg_seckey *out, char **err);

/* The key files' text (malloc'd), with comment lines naming the key id. */
char *pkg_pubkey_format(const pkg_pubkey *pub);
char *pkg_seckey_format(const pkg_seckey *sec);

/* Base64 (standard alphabet, padded) of n bytes, malloc'd; and back: returns the
 * decoded length, or -1 when s is not base64 of at most cap bytes. */
char *pkg_base64(const unsigned char *p, size_t n);
long pkg_unbase64(const char *s, size_t len, unsigned char *out, size_t cap);

#endif
