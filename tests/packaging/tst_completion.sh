#!/usr/bin/env bash
# tst_completion.sh RETORT DEMO_DIR: the bash completion completes verbs, a verb's options and
# the project's revision ids, all read from the retort it is given.
set -euo pipefail
retort=$1 demo=$2
source "$(dirname "$0")/../../packaging/linux/retort.bash-completion"
fail() { echo "FAIL: $*" >&2; exit 1; }
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _retort
    printf '%s\n' "${COMPREPLY[@]}"
}
has() { grep -qx -- "$2" <<<"$1" || fail "expected '$2' among: $(tr '\n' ' ' <<<"$1")"; }
lacks() { ! grep -qx -- "$2" <<<"$1" || fail "did not expect '$2' among: $(tr '\n' ' ' <<<"$1")"; }

out=$(complete_words "$retort" hi)
has "$out" history
out=$(complete_words "$retort" up)
has "$out" upgrade
out=$(complete_words "$retort" -d "$demo" upgrade --d)
has "$out" --dry-run
has "$out" --directory
lacks "$out" --demo
out=$(complete_words "$retort" --)
has "$out" --demo
lacks "$out" --dry-run
# Revision ids: every head `retort heads` names, and the keywords.
out=$(complete_words "$retort" -d "$demo" upgrade "")
for head in $("$retort" -d "$demo" heads | awk '{print $1}'); do
    has "$out" "$head"
done
has "$out" base
ids=$("$retort" -d "$demo" history --json | grep -c '"revision":')
[ "$(grep -cE '^[0-9a-f]{12}$' <<<"$out")" -eq "$ids" ] || fail "not every revision id completes"
out=$(complete_words "$retort" schema --dialect "")
has "$out" postgresql
echo "PASS: verbs, options and $ids revision ids complete"
