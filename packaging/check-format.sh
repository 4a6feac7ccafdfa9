#!/usr/bin/env bash
# Checks that every tracked C++ file follows .clang-format (Debian 12's clang-format 14).
# packaging/check-format.sh        list the files that differ, exit 1 if any
# packaging/check-format.sh --fix  rewrite them in place
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format is not installed (apt-get install clang-format)" >&2; exit 2; }
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = "--fix" ]; then
    clang-format -i "${files[@]}"
    exit 0
fi
bad=0
for file in "${files[@]}"; do
    if ! clang-format --dry-run -Werror "$file" >/dev/null 2>&1; then
        echo "check-format: $file does not follow .clang-format (packaging/check-format.sh --fix)"
        bad=1
    fi
done
[ "$bad" = 0 ] && echo "check-format: ${#files[@]} files follow .clang-format"
exit "$bad"
