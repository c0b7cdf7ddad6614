#!/usr/bin/env bash
# Fuzzes Syndic's parsers with libFuzzer (+ AddressSanitizer) on the seed corpora in Tests/Fixtures/Fuzz.
#   scripts/fuzz.sh                 # every target, 60 s each
#   scripts/fuzz.sh 600 feed html   # ten minutes each for two targets
# Targets: feed html opml date url digest (see Sources/SyndicFuzz/FuzzTargets.swift).
# Limits per input: 1 s (-timeout), 512 MB (-rss_limit_mb); leaks are reported by ASan. ASan keeps freed
# memory in a quarantine (256 MB by default) that counts against the RSS limit; 32 MB keeps the limit
# about Syndic's own memory (a 10-minute feed run hit 512 MB with 32 MB of live heap).
# Crashes land in .fuzz/<target>/crashes/; replay one with a normal build:
#   swift build --product SyndicFuzz && .build/debug/SyndicFuzz feed .fuzz/feed/crashes/crash-…
# The generated corpus is kept in .fuzz/<target>/corpus (seeds stay untouched). Exit status 1 if any target crashed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

seconds="${1:-60}"
[[ $# -gt 0 ]] && shift
targets=("$@")
((${#targets[@]})) || targets=(feed html opml date url digest)
# FUZZ_DETECT_LEAKS=0 keeps fuzzing past a known leak (LeakSanitizer stops at the first one).
leaks="${FUZZ_DETECT_LEAKS:-1}"

mkdir -p .fuzz
echo "building SyndicFuzz with -sanitize=fuzzer,address (scratch path .build-fuzz)…"
if ! swift build -c release --product SyndicFuzz --scratch-path .build-fuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library > .fuzz/build.log 2>&1; then
    tail -30 .fuzz/build.log
    echo "build failed (full log: .fuzz/build.log)" >&2
    exit 2
fi
binary=".build-fuzz/release/SyndicFuzz"

failed=0
printf '%-6s %8s %12s %10s %8s  %s\n' target seconds executions exec/s crashes result
for target in "${targets[@]}"; do
    seeds="Tests/Fixtures/Fuzz/$target"
    work=".fuzz/$target"
    mkdir -p "$work/corpus" "$work/crashes"
    rm -f "$work"/crashes/*
    [[ -d "$seeds" ]] || { echo "no seed folder $seeds" >&2; failed=1; continue; }
    log="$work/fuzz.log"
    SYNDIC_FUZZ_TARGET="$target" ASAN_OPTIONS="detect_leaks=$leaks:allocator_may_return_null=1:quarantine_size_mb=32" \
        "$binary" "$work/corpus" "$seeds" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=512 \
        -max_len=262144 -detect_leaks="$leaks" -print_final_stats=1 \
        -artifact_prefix="$work/crashes/" > "$log" 2>&1
    status=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
    crashes=$(find "$work/crashes" -type f | wc -l)
    result=ok
    if ((status != 0 || crashes > 0)); then result="FAILED (exit $status; see $log)"; failed=1; fi
    line=$(printf '%-6s %8s %12s %10s %8s  %s' "$target" "$seconds" "$execs" "$rate" "$crashes" "$result")
    echo "$line"
done
exit $failed
