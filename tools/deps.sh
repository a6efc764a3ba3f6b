#!/bin/sh
# Installs the Debian packages gongkai needs to build, test and benchmark.
# As root it runs apt-get; otherwise it prints the exact command and fails.
# Keep this list in step with .ci/run and docs/dependencies.md.
PKGS="gcc make pkg-config libncurses-dev libsqlite3-dev sqlite3 libedit-dev libinih-dev \
libopencc-dev opencc unicode-data bzip2 libsodium-dev libjansson-dev libcmocka-dev libvterm-dev"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "gongkai: missing Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update && apt-get install -y $missing && exit 0
    echo "gongkai: apt-get failed" >&2
    exit 1
fi
echo "gongkai: install them with:" >&2
echo "  sudo apt-get install -y$missing" >&2
exit 1
