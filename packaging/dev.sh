#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (as root, or a user with sudo):
#   packaging/dev.sh demo   set everything up, build, and open the GUI on the bundled demo project
#   packaging/dev.sh test   set everything up, build, and run the whole test suite through ctest
#   packaging/dev.sh build  set everything up and build only
# The build preset is dev (Debug, warnings as errors); RETORT_PRESET overrides it (release, asan, fuzz).
# RETORT_TARGETS (space-separated) builds only those targets instead of the preset's.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
preset="${RETORT_PRESET:-dev}"
action="${1:-}"

usage() {
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "$action" in
    demo|test|build) ;;
    -h|--help|help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac

"$here/setup-deps.sh"

cd "$repo"
echo "dev: configuring and building (preset $preset)"
cmake --preset "$preset" >/dev/null
if [ -n "${RETORT_TARGETS:-}" ]; then
    read -r -a targets <<<"$RETORT_TARGETS"
    cmake --build --preset "$preset" --target "${targets[@]}"
else
    cmake --build --preset "$preset"
fi

case "$action" in
    build)
        ;;
    demo)
        bin="$repo/build/$preset/app/retort"
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            echo "dev: no display found; starting the demo under Xvfb (export DISPLAY to use yours)"
            exec xvfb-run -a "$bin" --demo
        fi
        exec "$bin" --demo
        ;;
    test)
        exec "$here/run-tests.sh" "$preset"
        ;;
esac
