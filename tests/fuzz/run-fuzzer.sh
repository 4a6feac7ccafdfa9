#!/usr/bin/env bash
# run-fuzzer.sh FUZZER SECONDS SEED_DIR...: every seed first (the test data the seed directories
# hold, and the inputs that once failed), then SECONDS of fuzzing (RETORT_FUZZ_SECONDS in the
# environment overrides it) from them into a scratch corpus. Seed directories are read
# recursively. Fails on a crash, a leak, a timeout or running out of memory, printing libFuzzer's
# whole report; on success only its closing statistics.
set -uo pipefail
fuzzer=$1
seconds=${RETORT_FUZZ_SECONDS:-$2}
shift 2
seeds=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
name=$(basename "$fuzzer")
echo "fuzz: $name: $(find "${seeds[@]}" -type f | wc -l) seeds, ${seconds}s"
run() {
    if ! "$fuzzer" "$@" >"$work/log" 2>&1; then
        cat "$work/log"
        echo "fuzz: $name failed; the input is kept as $PWD/$name-*" >&2
        exit 1
    fi
}
run -runs=0 -artifact_prefix="$PWD/$name-" "${seeds[@]}"
run -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$PWD/$name-" "$work/corpus" "${seeds[@]}"
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+.*DONE)' "$work/log"
echo "fuzz: $name: $(ls "$work/corpus" | wc -l) new inputs, no failure"
