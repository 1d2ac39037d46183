#!/usr/bin/env bash
# Builds the standalone fuzz project (tests/fuzz, clang + libFuzzer + ASan/UBSan) into build/fuzz
# and runs every fuzzer it lists for N seconds (argument, else $OKLA_FUZZ_SECONDS, else 30),
# starting from the committed seed corpus tests/fuzz/corpus/<name>/. Exits non-zero on any
# crash, sanitizer report or violated invariant (the input is kept in build/fuzz/artifacts/).
# Exit 77 (ctest: skipped) when clang++ is missing.
#   usage: tests/fuzz/run-fuzzers.sh [seconds]        (from anywhere; paths follow the script)
#   env:   OKLA_FUZZ_BUILD_DIR (default <repo>/build/fuzz), OKLA_FUZZ_ONLY=<name> to run one
set -euo pipefail

seconds="${1:-${OKLA_FUZZ_SECONDS:-30}}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "run-fuzzers: seconds must be a positive integer, got '$seconds'" >&2
    exit 2
fi
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${OKLA_FUZZ_BUILD_DIR:-$repo/build/fuzz}"

if ! command -v clang++ >/dev/null 2>&1; then
    echo "run-fuzzers: clang++ not found (apt-get install clang libclang-rt-14-dev); skipping" >&2
    exit 77
fi

# A build/fuzz left by the old "fuzz" preset was configured from the top-level project.
if [ -f "$build/CMakeCache.txt" ] && ! grep -q "^CMAKE_HOME_DIRECTORY:INTERNAL=$repo/tests/fuzz$" "$build/CMakeCache.txt"; then
    echo "run-fuzzers: $build was configured from another source tree; remove it or set OKLA_FUZZ_BUILD_DIR" >&2
    exit 2
fi

generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then
    generator=(-G Ninja)
fi
cmake -S "$repo/tests/fuzz" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build.configure.log" 2>&1 || { cat "$build.configure.log" >&2; exit 1; }
cmake --build "$build" -j2

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

status=0
while read -r name corpus; do
    [ -n "$name" ] || continue
    if [ -n "${OKLA_FUZZ_ONLY:-}" ] && [ "$name" != "$OKLA_FUZZ_ONLY" ]; then
        continue
    fi
    work="$build/corpus/$name"       # libFuzzer writes new inputs to the FIRST corpus folder
    artifacts="$build/artifacts/$name"
    log="$build/$name.log"
    mkdir -p "$work" "$artifacts"
    echo "== $name: ${seconds}s from $(find "$corpus" -type f | wc -l) seeds (log: $log)"
    if "$build/$name" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=1024 \
            -artifact_prefix="$artifacts/" "$work" "$corpus" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        echo "   ok: ${runs:-?} executions, ${rate:-?} exec/s, ${cov:-cov: ?}, corpus $(find "$work" -type f | wc -l) files"
    else
        status=1
        echo "   FAILED: $name (crashing input in $artifacts/)" >&2
        tail -n 60 "$log" >&2
    fi
done <"$build/fuzzers.txt"
exit $status
