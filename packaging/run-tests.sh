#!/usr/bin/env bash
# Runs the whole test suite of an already configured and built preset through ctest.
# Widget tests use Qt's offscreen platform, so no display is needed. Services the tests need
# (a private PostgreSQL server) are started and stopped by ctest fixtures.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
preset="${1:-dev}"
# packaging/run-tests.sh [PRESET] [CTEST ARGS...], e.g. packaging/run-tests.sh dev -L unit
cd "$repo"
# Tests must not read or write the user's settings, data or default backup folder.
test_home="$repo/build/$preset/test-home"
rm -rf "$test_home"
mkdir -p "$test_home/data" "$test_home/config" "$test_home/cache"
export XDG_DATA_HOME="$test_home/data" XDG_CONFIG_HOME="$test_home/config" XDG_CACHE_HOME="$test_home/cache"
jobs=$(nproc 2>/dev/null || echo 2)
# Anything after the preset goes to ctest as it is (for example -L unit).
exec ctest --preset "$preset" --parallel "$jobs" "${@:2}"
