#!/bin/sh
# Signed corpus packages (docs/packages.md): gongkai pack --keygen, pack of a database and
# of a corpus, load --package with --check, and every refusal: unsigned, unknown key, no
# trusted keys, bad signature (a header byte changed), a payload byte changed, truncated
# (in the payload and in the header), bytes appended, not a package, an older or the same
# version, a secret key others can read. After each refusal the installed database is
# byte-identical. Then installs killed with SIGKILL at random moments (seeded:
# GONGKAI_PKG_SEED=N repeats a run) leave the old database or the new one, whole.
# Run by tests/run.sh; prints "ok NAME" / "not ok NAME - reason".

BIN=${GONGKAI_BIN:?GONGKAI_BIN is not set (run through tests/run.sh)}
ROOT=${GONGKAI_ROOT:?}
T=${GONGKAI_TMP:?}/package
rm -rf "$T"
mkdir -p "$T/keys" "$T/other"
unset GONGKAI_CONFIG NO_COLOR GONGKAI_TEST_FAULT
export XDG_CONFIG_HOME="$T/config"
export GONGKAI_TODAY=2026-11-01
TO="timeout -k 2 60"
cd "$T" || exit 1

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1 - $2"; }

# check NAME EXPECTED_RC GREP_TEXT COMMAND...: runs it, checks the status and that the
# output holds the text.
check() {
    name=$1 want=$2 text=$3
    shift 3
    out=$($TO "$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        not_ok "$name" "exit $rc, wanted $want: $(printf '%s' "$out" | tail -n 3)"
    elif ! printf '%s\n' "$out" | grep -qF -- "$text"; then
        not_ok "$name" "no \"$text\" in: $(printf '%s' "$out" | tail -n 3)"
    else
        ok "$name"
    fi
}

same_db() { # NAME: the installed database is byte-identical to the saved copy
    if cmp -s db/gongkai.db saved.db; then ok "$1: database unchanged"; else not_ok "$1: database unchanged" "it changed"; fi
}

mkdir -p db
DB=$T/db/gongkai.db

# ---- keys ---------------------------------------------------------------------------
check "keygen" 0 "secret: keys/pub.key" "$BIN" pack --keygen keys/pub
check "keygen other" 0 "key " "$BIN" pack --keygen other/stranger
mode=$(stat -c %a keys/pub.key)
[ "$mode" = 600 ] && ok "secret key mode 600" || not_ok "secret key mode 600" "mode $mode"
check "keygen never overwrites" 2 "not overwritten" "$BIN" pack --keygen keys/pub
check "pack refuses a public key as secret" 2 "public key, not a secret key" \
    "$BIN" --db "$DB" pack --key keys/pub.pub --version 1 -o x.gkpkg
cp keys/pub.key keys/open.key && chmod 644 keys/open.key
check "pack refuses a secret key others can read" 2 "can be read by other users" \
    "$BIN" --db "$DB" pack --key keys/open.key --version 1 -o x.gkpkg
check "pack needs a version" 2 "--version is required" "$BIN" pack --key keys/pub.key -o x.gkpkg
check "pack refuses a bad version" 2 "numbers separated by dots" \
    "$BIN" pack --key keys/pub.key --version v1 -o x.gkpkg -- 

# ---- packages ------------------------------------------------------------------------
"$BIN" load --quiet --db build.db "$ROOT/data/demo" >/dev/null 2>&1
check "pack a database" 0 "(database, 1 file" "$BIN" --db build.db pack --key keys/pub.key \
    --version 2026.12.2 --note "第四季度（示例）" -o v2.gkpkg
"$BIN" --db build.db pack --key keys/pub.key --version 2026.12.1 -o v1.gkpkg >/dev/null
"$BIN" --db build.db pack --key keys/pub.key --version 2026.12.3 -o v3.gkpkg >/dev/null
"$BIN" --db build.db pack --key other/stranger.key --version 2026.12.9 -o stranger.gkpkg >/dev/null
check "pack a corpus" 0 "(corpus, 33 files" "$BIN" pack --key keys/pub.key --version 2026.12.4 \
    --corpus "$ROOT/data/demo" -o corpus.gkpkg
check "pack refuses a missing database" 2 "gongkai load" \
    "$BIN" --db nothing.db pack --key keys/pub.key --version 1 -o x.gkpkg
[ ! -e x.gkpkg ] && ok "a refused pack writes nothing" || not_ok "a refused pack writes nothing" "x.gkpkg exists"
SOURCE_DATE_EPOCH=1764000000 "$BIN" --db build.db pack --key keys/pub.key --version 7 -o r1.gkpkg >/dev/null
SOURCE_DATE_EPOCH=1764000000 "$BIN" --db build.db pack --key keys/pub.key --version 7 -o r2.gkpkg >/dev/null
cmp -s r1.gkpkg r2.gkpkg && ok "packages are reproducible (SOURCE_DATE_EPOCH)" ||
    not_ok "packages are reproducible (SOURCE_DATE_EPOCH)" "two packs differ"

# ---- trust ---------------------------------------------------------------------------
check "no trusted keys: says where to put one" 2 "$T/config/gongkai/trusted-keys" \
    "$BIN" load --db "$DB" --package v2.gkpkg
mkdir -p config/gongkai/trusted-keys
cp keys/pub.pub config/gongkai/trusted-keys/publisher.pub
printf 'not a key\n' >config/gongkai/trusted-keys/broken.pub
check "check a genuine package" 0 "is genuine" "$BIN" load --db "$DB" --package v2.gkpkg --check
check "a broken trusted key file is named" 0 "broken.pub" "$BIN" load --db "$DB" --package v2.gkpkg --check
rm config/gongkai/trusted-keys/broken.pub
[ ! -e "$DB" ] && ok "--check installs nothing" || not_ok "--check installs nothing" "database created"
check "install" 0 "installed" "$BIN" load --db "$DB" --package v2.gkpkg
check "installed database answers" 0 "最低生活保障" "$BIN" --db "$DB" search 低保
check "the note is shown" 0 "第四季度（示例）" "$BIN" load --db "$DB" --package v2.gkpkg --check
cp "$DB" saved.db
check "same version: nothing to do" 1 "already installed" "$BIN" load --db "$DB" --package v2.gkpkg
same_db "same version"
check "--check says an older version would be refused" 0 "older (an install would be refused)" \
    "$BIN" load --db "$DB" --package v1.gkpkg --check
check "--check says a newer version is newer" 0 "this package is newer" \
    "$BIN" load --db "$DB" --package v3.gkpkg --check
check "older version refused" 2 "older than the installed 2026.12.2" \
    "$BIN" load --db "$DB" --package v1.gkpkg
same_db "older version"
check "unknown signer refused" 2 "which is not trusted" "$BIN" load --db "$DB" --package stranger.gkpkg
same_db "unknown signer"
printf '[packages]\ntrusted_keys = %s\n' "$T/keys/pub.pub" >conf.ini
check "trusted_keys may name one file" 0 "is genuine" \
    "$BIN" --config conf.ini load --db "$DB" --package v2.gkpkg --check

# ---- damage and tampering --------------------------------------------------------------
hlen=$(grep -a -b -m1 '^end$' v3.gkpkg | cut -d: -f1)
hlen=$((hlen + 4))
size=$(stat -c %s v3.gkpkg)

cp v3.gkpkg t.gkpkg
printf 'X' | dd of=t.gkpkg bs=1 seek=$((hlen + (size - hlen) / 2)) conv=notrunc 2>/dev/null
check "a changed payload byte is refused" 2 "does not match its checksum" \
    "$BIN" load --db "$DB" --package t.gkpkg
same_db "changed payload"
check "--check finds it too" 2 "does not match its checksum" "$BIN" load --db "$DB" --package t.gkpkg --check

sed 's/^version = 2026\.12\.3$/version = 2026.12.8/' v3.gkpkg >t.gkpkg
check "a changed header is refused" 2 "signature does not match" "$BIN" load --db "$DB" --package t.gkpkg
same_db "changed header"

head -c $((size - 1000)) v3.gkpkg >t.gkpkg
check "a truncated package is refused" 2 "truncated: " "$BIN" load --db "$DB" --package t.gkpkg
same_db "truncated"
head -c $((hlen / 2)) v3.gkpkg >t.gkpkg
check "a package cut in its header is refused" 2 "ends inside the package header" \
    "$BIN" load --db "$DB" --package t.gkpkg
cat v3.gkpkg >t.gkpkg && printf 'extra' >>t.gkpkg
check "bytes after the last file are refused" 2 "unexpected bytes" "$BIN" load --db "$DB" --package t.gkpkg
same_db "appended"

# Unsigned: the same header without its signer and signature lines.
{
    head -c "$hlen" v3.gkpkg | grep -a -v -e '^signer = ' -e '^signature = '
    tail -c +$((hlen + 1)) v3.gkpkg
} >t.gkpkg
check "an unsigned package is refused" 2 "not signed" "$BIN" load --db "$DB" --package t.gkpkg
same_db "unsigned"
check "a database is not a package" 2 "not a gongkai package" "$BIN" load --db "$DB" --package saved.db
: >t.gkpkg
check "an empty file is not a package" 2 "not a gongkai package" "$BIN" load --db "$DB" --package t.gkpkg
check "a missing file" 2 "cannot open" "$BIN" load --db "$DB" --package missing.gkpkg
check "--check needs --package" 2 "goes with --package" "$BIN" load --db "$DB" --check
same_db "after every refusal"

# ---- newer, older on request, corpus ------------------------------------------------------
check "newer version installs" 0 "installed" "$BIN" load --db "$DB" --package v3.gkpkg
check "--allow-older installs an older one" 0 "as asked" \
    "$BIN" load --db "$DB" --package v1.gkpkg --allow-older
check "corpus package installs" 0 "installed" "$BIN" load --db corpus.db --package corpus.gkpkg
check "corpus package answers" 0 "最低生活保障" "$BIN" --db corpus.db search 低保
leftover=$(ls -a db | grep -c -e '\.pkg-' -e '\.load-')
[ "$leftover" = 0 ] && ok "no temp files left" || not_ok "no temp files left" "$(ls -a db)"

# A corpus whose manifest sets root: the files are packed under the manifest.
mkdir -p rooted/meta rooted/data
cp -R "$ROOT/data/demo/." rooted/data/
sed 's/^\[corpus\]$/[corpus]\nroot = ..\/data/' rooted/data/corpus.ini >rooted/meta/corpus.ini
rm rooted/data/corpus.ini
check "pack a corpus with a root" 0 "(corpus, 33 files" "$BIN" pack --key keys/pub.key --version 1 \
    --corpus rooted/meta -o rooted.gkpkg
check "its root line is a comment in the package" 0 "; (gongkai pack) root = ../data" \
    grep -a -m1 'root = ' rooted.gkpkg
check "and it installs" 0 "installed" "$BIN" load --db rooted.db --package rooted.gkpkg

# ---- killed installs -------------------------------------------------------------------
# A 30 MB database (the demo plus a padding table) so that an install takes a while.
cp build.db big.db
sqlite3 big.db "CREATE TABLE pad(b); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<30) INSERT INTO pad SELECT randomblob(1000000) FROM n;" ||
    not_ok "padding" "sqlite3 failed"
"$BIN" --db big.db pack --key keys/pub.key --version 2026.12.10 -o big.gkpkg >/dev/null
"$BIN" --db big.db pack --key keys/pub.key --version 2026.12.11 -o big2.gkpkg >/dev/null
rm -f "$DB"
"$BIN" load --db "$DB" --package big.gkpkg >/dev/null 2>&1
cp "$DB" big-installed.db
start=$(date +%s%N)
"$BIN" load --db copy.db --package big.gkpkg >/dev/null 2>&1
took=$((($(date +%s%N) - start) / 1000000))
[ "$took" -lt 20 ] && took=20
seed=${GONGKAI_PKG_SEED:-$(date +%s)}
echo "# killed installs: seed $seed (GONGKAI_PKG_SEED=$seed repeats), an install takes ${took} ms"
kills=${GONGKAI_PKG_KILLS:-10}
i=0 old=0 new=0 bad=0 mid=0
while [ "$i" -lt "$kills" ]; do
    i=$((i + 1))
    delay=$(awk -v s="$seed" -v i="$i" -v t="$took" 'BEGIN { srand((s % 100000) * 100 + i); printf "%.3f", rand() * t * 1.5 / 1000 }')
    "$BIN" load --db "$DB" --package big2.gkpkg >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if ls -a db | grep -q '\.load-'; then
        mid=$((mid + 1))
        [ "$i" -lt "$kills" ] && rm -f db/.gongkai.db.load-* # the last one is left for the next install
    fi
    if cmp -s "$DB" big-installed.db; then
        old=$((old + 1))
    elif [ "$(sqlite3 "$DB" "PRAGMA integrity_check; SELECT value FROM meta WHERE key='package_version'" 2>&1 | tr '\n' ' ')" = "ok 2026.12.11 " ]; then
        new=$((new + 1))
        cp big-installed.db "$DB" # back to the old one for the next trial
    else
        bad=$((bad + 1))
        echo "# trial $i (delay $delay s): the database is neither the old nor the new one"
    fi
done
echo "# killed installs: $kills trials: $old left the old database ($mid of them killed while the new file was being written), $new the new one, $bad damaged"
[ "$bad" = 0 ] && ok "$kills killed installs leave a whole database" || not_ok "$kills killed installs leave a whole database" "$bad damaged"
check "after the kills the next install cleans up and works" 0 "installed" \
    "$BIN" load --db "$DB" --package big2.gkpkg
leftover=$(ls -a db | grep -c -e '\.pkg-' -e '\.load-')
[ "$leftover" = 0 ] && ok "stale temp files removed" || not_ok "stale temp files removed" "$(ls -a db)"

# ---- read-only target ------------------------------------------------------------------
if [ "$(id -u)" != 0 ]; then
    mkdir -p ro && cp "$DB" ro/gongkai.db && chmod 555 ro
    check "a read-only directory is refused clearly" 2 "was not changed" \
        "$BIN" load --db ro/gongkai.db --package v3.gkpkg --allow-older
    chmod 755 ro
fi
exit 0
