#!/usr/bin/env bash
# One entry point for the performance figures of docs/PERFORMANCE.md (issue 11).
#
#   scripts/bench.sh [BUILD_DIR] [ingest|plant|latency|ui|memory|startup|decoder|history|scrub|logload|all]...
#
# Runs the chosen benchmarks (default: all) from BUILD_DIR (default: build), each
# printing its figures and a ratio against a peer measured in the same run, then a
# summary table. Benchmarks are built with everything but are not part of ctest.
# MEMORY_SECONDS (default 60) sets the length of the memory run; RECORDS (default
# 1000000) the size of the ingest and UI runs.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=build
if [[ $# -gt 0 && -d "$1" ]]; then
    build=$1
    shift
fi
[[ -d "$build" ]] || build="$here/$build"
bench="$build/tests/bench"
modes=("$@")
[[ ${#modes[@]} -eq 0 || " ${modes[*]} " == *" all "* ]] &&
    modes=(ingest plant decoder latency ui memory startup history scrub logload)

records=${RECORDS:-1000000}
memory_seconds=${MEMORY_SECONDS:-60}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

echo "== machine"
echo "cores: $(nproc)"
lscpu | head -n 15
echo

log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() {
    echo "== $*"
    if [[ ! -x "$1" ]]; then
        echo "bench.sh: $1 is not built (cmake --build $build --target $(basename "$1"))" | tee -a "$log" >&2
        return
    fi
    "$@" 2>&1 | grep -v '^ndh.kafka: ' | tee -a "$log"
    echo
}

for mode in "${modes[@]}"; do
    case $mode in
    ingest)
        run "$bench/bench_ingest" ingest "$records" 80 2
        run "$bench/bench_ingest" apply 300000 10000 ;;
    plant) run "$bench/bench_ingest" plant 3000000 4 2 ;;
    decoder) run "$bench/bench_decoder" 200000 ;;
    latency)
        run "$bench/bench_ingest" latency 1000 10
        run "$bench/bench_ingest" latency 100000 10 ;;
    ui) run "$bench/bench_ui" "$records" 80 ;;
    memory)
        run "$bench/bench_ingest" history 5000000
        run "$bench/bench_ingest" memory "$memory_seconds" 100000 ;;
    startup) run "$bench/bench_startup" "$build/app/ndh-console" 5 ;;
    history)
        run "$bench/bench_history" 2000000 10000 1000
        run "$bench/bench_history" late ;;
    scrub) run "$bench/bench_scrub" 2000000 10000 1000 ;; # the time slider (measurement 7)
    logload) # loading an exported log, plain and zstd (measurement 7)
        run "$bench/bench_log_load" 1024
        run "$bench/bench_log_load" 1024 --zstd ;;
    *) echo "bench.sh: unknown benchmark '$mode'" >&2; exit 2 ;;
    esac
done

echo "== summary"
grep -E '^(bench.sh:|ingest, best|plant backlog|in time order|ratio of each round|ingest CPU|GUI thread busy|bound on [0-9]+ cores|phases|latency at|full ingest|idle window|ingested|history engine alone|after [0-9]+ s|start-up, median|envelope +bytes|ndh +[0-9]|ndh-x16|drone|domain|memory:|ingest:|state at t|stateAt alone|scrub |return to live|wc -l|zstd -dc|read \+ parse|whole load|time to first state|  [A-Za-z])' "$log" || true
