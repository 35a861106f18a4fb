#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) in their own
# build folder and runs each for a bounded time from its seed corpus
# (tests/fuzz/corpus/<target>). Exits non-zero on any crash, leak, timeout or
# sanitizer report; the reproducer is left in the build folder (crash-*, leak-*...).
#
#   scripts/fuzz.sh [--seconds N] [--build-dir DIR] [--jobs N] [target...]
#
# --seconds: run time per target (default 25; CTest's smoke run uses this).
# Longer hunts: scripts/fuzz.sh --seconds 3600 fuzz_envelope_ndh
# Found inputs are kept in DIR/corpus/<target>, never written into the source tree.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds=25
build="$here/build-fuzz-clang"
jobs=2
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --build-dir) build="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
all=(fuzz_envelope_ndh fuzz_envelope_drone fuzz_envelope_domain fuzz_log_file_reader fuzz_redis_reply)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [ -z "$cxx" ]; then
    echo "fuzz.sh: clang++ not found (scripts/install-deps.sh installs clang and libclang-rt-14-dev)" >&2
    exit 2
fi
cmake -S "$here/tests/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$build" -j"$jobs" --target "${targets[@]}"

# A failing run prints the sanitizer's report; this keeps the reason at the end.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_LOGGING_RULES="*.debug=false;*.info=false;*.warning=false"
failed=()
for t in "${targets[@]}"; do
    work="$build/corpus/$t"
    mkdir -p "$work" "$build/findings/$t"
    echo "fuzz.sh: $t for ${seconds}s"
    # Seeds are read, not written: libFuzzer adds new inputs to the first folder only.
    if ! (cd "$build/findings/$t" && "$build/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 \
            -max_len=262144 -print_final_stats=1 "$work" "$here/tests/fuzz/corpus/$t" \
            > "$build/findings/$t.log" 2>&1); then
        tail -n 60 "$build/findings/$t.log" >&2
        echo "fuzz.sh: $t FAILED; reproducer and log in $build/findings/$t" >&2
        failed+=("$t")
    else
        grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$build/findings/$t.log" | tr '\n' ' '
        echo
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: findings in ${failed[*]}" >&2
    exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets ran ${seconds}s each, no crash, no sanitizer report"
