#!/usr/bin/env bash
# tst_package.sh BUILD_DIR: what `cmake --install` and CPack make of a built tree.
#  - the install tree: desktop entry (desktop-file-validate), AppStream (appstreamcli validate),
#    icons, man page naming every verb and option that --help names, bash completion, a bin/retort
#    without the window's libraries that execs libexec/retort/retort-gui, and a retort-gui that
#    finds the private KSyntaxHighlighting through its RPATH when unpacked anywhere;
#  - the .deb: Depends computed by dpkg-shlibdeps, the private library inside, installed with apt
#    (as root; elsewhere unpacked into a scratch root), `retort --version` and `retort heads` on
#    the demo, then removed leaving no file behind;
#  - the tarball: unpacked, it runs from where it lands.
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "PASS: $*"; }

version=$("$build/app/retort" --version | awk '{print $2}')
[ -n "$version" ] || fail "retort --version printed no version"

# The install tree.
cmake --install "$build" --prefix "$work/root" >/dev/null
root=$work/root
id=org.retort.Retort
desktop-file-validate "$root/share/applications/$id.desktop" || fail "desktop-file-validate"
! grep -q '^MimeType=' "$root/share/applications/$id.desktop" || fail "the desktop entry claims MIME types"
appstreamcli validate --no-net "$root/share/metainfo/$id.metainfo.xml" >/dev/null \
    || { appstreamcli validate --no-net "$root/share/metainfo/$id.metainfo.xml"; fail "appstreamcli validate"; }
grep -q "<release version=\"$version\"" "$root/share/metainfo/$id.metainfo.xml" \
    || fail "the AppStream release is not version $version"
grep -q '<screenshot' "$root/share/metainfo/$id.metainfo.xml" || fail "no screenshot entry"
pass "desktop entry and AppStream metadata validate (version $version)"

[ -s "$root/share/icons/hicolor/scalable/apps/$id.svg" ] || fail "no scalable icon"
for size in 16 22 24 32 48 64 128 256; do
    png="$root/share/icons/hicolor/${size}x${size}/apps/$id.png"
    [ -s "$png" ] || fail "no ${size}px icon"
    # A PNG's IHDR holds its width and height as big-endian integers at bytes 16-23.
    dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
    [ "$dims" = "${size}x${size}" ] || fail "${size}px icon is $dims"
done
pass "icons: scalable and 8 PNG sizes"

man=$root/share/man/man1/retort.1
[ -s "$man" ] || fail "no man page"
grep -q "^.TH RETORT 1 .*Retort $version" "$man" || fail "the man page does not carry version $version"
verbs=$("$build/app/retort" --help | sed -n '/^Verbs:/,/^$/{/^  [a-z]/{s/^  \([a-z-]*\).*/\1/p}}')
[ "$(wc -w <<<"$verbs")" -gt 10 ] || fail "could not read the verbs from --help"
for verb in $verbs; do
    grep -q "^\.SS $verb\b" "$man" || fail "the man page lacks verb $verb"
    for option in $("$build/app/retort" "$verb" --help | grep -oE -- '^ +(-[a-zA-Z], +)?--[a-z][a-z-]*' \
                    | grep -oE -- '--[a-z][a-z-]*'); do
        grep -qF -- "${option//-/\\-}" "$man" || fail "the man page lacks $option of $verb"
    done
done
pass "man page: every verb and option of --help ($(wc -w <<<"$verbs") verbs)"

[ -s "$root/share/bash-completion/completions/retort" ] || fail "no bash completion"
[ "$(env -i PATH=/usr/bin:/bin "$root/bin/retort" --version)" = "retort $version" ] || fail "installed retort --version"
mv "$root" "$work/moved" # relocated: the RPATH is relative to the executable
env -i PATH=/usr/bin:/bin "$work/moved/bin/retort" -d "$work/moved/share/retort/demo" heads >"$work/heads" \
    || fail "relocated retort heads"
[ -s "$work/heads" ] || fail "relocated retort heads printed nothing"
# The command line starts without the window's libraries; without a verb it execs retort-gui,
# which (no display here) says so and exits 2.
cli_libs=$(ldd "$work/moved/bin/retort")
! grep -qE "libQt6Widgets|libKF5SyntaxHighlighting|libqscintilla" <<<"$cli_libs" \
    || fail "bin/retort loads the desktop application's libraries"
set +e
no_display=$(env -i PATH=/usr/bin:/bin "$work/moved/bin/retort" 2>&1)
status=$?
set -e
[ "$status" = 2 ] && grep -q "no display" <<<"$no_display" \
    || fail "relocated retort without a verb did not reach retort-gui (exit $status): $no_display"
# (Output captured first: with pipefail, grep -q closing the pipe early would fail the producer.)
built_libs=$(ldd "$build/app/retort-gui")
if grep -q "/.deps/lib/libKF5SyntaxHighlighting" <<<"$built_libs"; then
    moved_libs=$(ldd "$work/moved/libexec/retort/retort-gui")
    grep -q "$work/moved/libexec/retort/../../lib.*/retort/libKF5SyntaxHighlighting" <<<"$moved_libs" \
        || fail "the installed retort-gui does not load its own KSyntaxHighlighting"
    private_ksh=1
else
    private_ksh=0
fi
pass "install tree runs relocated; retort execs retort-gui (private KSyntaxHighlighting: $private_ksh)"

# The packages.
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$work/packages" >"$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/packages/*.deb)
tgz=$(ls "$work"/packages/*.tar.gz)
depends=$(dpkg-deb -f "$deb" Depends)
grep -q 'libqt6core6 (>=' <<<"$depends" || fail "Depends is not computed from the binary: $depends"
grep -q 'libc6 (>=' <<<"$depends" || fail "Depends lacks libc6: $depends"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the .deb is not version $version"
if [ "$private_ksh" = 1 ]; then
    contents=$(dpkg-deb -c "$deb")
    grep -q 'lib/retort/libKF5SyntaxHighlighting.so' <<<"$contents" || fail "the .deb lacks the private library"
fi
pass "the .deb: version $version, computed Depends ($(tr ',' '\n' <<<"$depends" | wc -l) entries)"

if [ "$(id -u)" -eq 0 ] && [ "${RETORT_TEST_APT_INSTALL:-1}" = 1 ] && ! dpkg -s retort >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt install"; }
    files=$(dpkg -L retort)
    status=0
    [ "$(/usr/bin/retort --version)" = "retort $version" ] || status=1
    /usr/bin/retort -d /usr/share/retort/demo heads >"$work/heads" 2>&1 || status=1
    apt-get purge -y -qq retort >>"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt purge"; }
    [ "$status" = 0 ] || { cat "$work/heads"; fail "the installed package does not run"; }
    for file in $files; do
        [ -d "$file" ] || [ ! -e "$file" ] || fail "apt purge left $file"
    done
    pass "installed with apt, ran --version and heads on the demo, purged without leftovers"
else
    # Not root (or retort already installed): unpack into a scratch root instead.
    apt-get install -s "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt cannot satisfy the Depends"; }
    dpkg-deb -x "$deb" "$work/scratch"
    [ "$("$work/scratch/usr/bin/retort" --version)" = "retort $version" ] || fail "unpacked .deb --version"
    "$work/scratch/usr/bin/retort" -d "$work/scratch/usr/share/retort/demo" heads >/dev/null \
        || fail "unpacked .deb heads"
    pass "the .deb's Depends resolve with apt; unpacked into a scratch root it runs"
fi

mkdir "$work/tar"
tar -xzf "$tgz" -C "$work/tar"
top=$(ls "$work/tar")
[ "$("$work/tar/$top/bin/retort" --version)" = "retort $version" ] || fail "tarball retort --version"
"$work/tar/$top/bin/retort" -d "$work/tar/$top/share/retort/demo" heads >/dev/null || fail "tarball retort heads"
pass "the tarball unpacks into $top and runs"
