#!/usr/bin/env bash
# Installs what Retort needs to build, test and run on Debian 12 (and newer Debian/Ubuntu).
# Idempotent: installs only missing packages and reuses a private KSyntaxHighlighting build.
# Usage: packaging/setup-deps.sh            (as root, or a user with sudo)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
deps_prefix="${RETORT_DEPS_PREFIX:-$repo/.deps}"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    as_root=()
fi

# clang and its sanitizer and libFuzzer runtimes are for the fuzz preset; lld links every preset
# faster than GNU ld (without it the build falls back to gold or ld); librsvg2-bin renders the
# icons, desktop-file-utils, appstream and dpkg-dev check and build the packages; libssl-dev's
# libcrypto hashes backups (its SHA-256 uses the CPU's SHA instructions, Qt's does not).
packages=(
    build-essential cmake ninja-build pkg-config perl xz-utils ca-certificates git clang-format
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libgl-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqscintilla2-qt6-dev extra-cmake-modules libsqlite3-dev sqlite3 libssl-dev
    qtkeychain-qt6-dev
    xvfb xauth fonts-dejavu-core
    postgresql postgresql-client
    python3-alembic python3-flask-migrate python3-sqlalchemy python3-psycopg2
    clang libclang-rt-14-dev lld
    librsvg2-bin desktop-file-utils appstream dpkg-dev
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] && [ ${#as_root[@]} -eq 0 ]; then
        die "missing Debian packages: ${missing[*]}. Run this script as root or install sudo."
    fi
    say "installing ${#missing[@]} Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq \
        || die "apt-get update failed; check /etc/apt/sources.list and the network."
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "apt-get install failed for: ${missing[*]}"
else
    say "Debian packages: all ${#packages[@]} present"
fi

# KSyntaxHighlighting for Qt 6: a system KF6 build wins; otherwise build KF 5.116 for Qt 6 privately.
if compgen -G "/usr/lib/*/cmake/KF6SyntaxHighlighting/KF6SyntaxHighlightingConfig.cmake" >/dev/null \
   || [ -f /usr/lib/cmake/KF6SyntaxHighlighting/KF6SyntaxHighlightingConfig.cmake ]; then
    say "KSyntaxHighlighting: using the system KF6SyntaxHighlighting"
    exit 0
fi

ksh_version=5.116.0
ksh_sha256=6f8ccacebd0dc9ce050b2b23b715750c97938b3336fbbb80967920cb8c1dfaa7
ksh_stamp="$deps_prefix/ksyntaxhighlighting-$ksh_version.stamp"
if [ -f "$ksh_stamp" ]; then
    say "KSyntaxHighlighting: reusing $ksh_version for Qt 6 in $deps_prefix"
    exit 0
fi

say "KSyntaxHighlighting: building $ksh_version for Qt 6 into $deps_prefix (about a minute)"
work="$deps_prefix/src"
mkdir -p "$work"
tarball="$work/ksyntax-highlighting_$ksh_version.orig.tar.xz"
if [ ! -f "$tarball" ] || ! echo "$ksh_sha256  $tarball" | sha256sum -c --status; then
    # The source lives in the same pool directory of the archive as the binary package.
    deb_uri=$(apt-get download --print-uris libkf5syntaxhighlighting5 2>/dev/null | head -n1 | cut -d"'" -f2)
    [ -n "$deb_uri" ] || die "cannot locate libkf5syntaxhighlighting5 in apt's sources; run 'apt-get update' and retry."
    src_uri="${deb_uri%/*}/ksyntax-highlighting_$ksh_version.orig.tar.xz"
    /usr/lib/apt/apt-helper download-file "$src_uri" "$tarball" "SHA256:$ksh_sha256" \
        || die "download of $src_uri failed; place the file at $tarball (sha256 $ksh_sha256) and retry."
fi

srcdir="$work/syntax-highlighting-$ksh_version"
rm -rf "$srcdir" "$work/build"
tar -C "$work" -xf "$tarball"
# Debian 12 ships ECM 5.103; nothing newer is used by this module.
sed -i 's/find_package(ECM 5.116.0/find_package(ECM 5.103.0/' "$srcdir/CMakeLists.txt"
sed -i 's/^add_subdirectory(examples)/# examples not built/' "$srcdir/CMakeLists.txt"
cmake -S "$srcdir" -B "$work/build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$deps_prefix" \
    -DQT_MAJOR_VERSION=6 -DBUILD_TESTING=OFF -DBUILD_QCH=OFF \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Quick=ON -DKDE_INSTALL_LIBDIR=lib >"$work/configure.log" 2>&1 \
    || die "configuring KSyntaxHighlighting failed; see $work/configure.log"
cmake --build "$work/build" >"$work/build.log" 2>&1 \
    || die "building KSyntaxHighlighting failed; see $work/build.log"
cmake --install "$work/build" >"$work/install.log" 2>&1 \
    || die "installing KSyntaxHighlighting failed; see $work/install.log"
rm -rf "$work/build" "$srcdir"
touch "$ksh_stamp"
say "KSyntaxHighlighting: installed into $deps_prefix"
