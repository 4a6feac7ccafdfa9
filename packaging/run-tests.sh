#!/usr/bin/env bash
# Runs the whole test suite of an already configured and built preset through ctest.
# Widget tests use Qt's offscreen platform, so no display is needed. Services the tests need
# (a private PostgreSQL server) are started and stopped by ctest fixtures.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
preset="${1:-dev}"
cd "$repo"
jobs=$(nproc 2>/dev/null || echo 2)
exec ctest --preset "$preset" --parallel "$jobs"
