#!/usr/bin/env bash
# Is change B faster than A? Paired runs of bench_ingest, for docs/PERFORMANCE.md.
#
#   scripts/bench-ab.sh A B PAIRS [bench_ingest arguments...]
#   scripts/bench-ab.sh build-before/tests/bench/bench_ingest build/tests/bench/bench_ingest 12 ingest 1000000 80 1
#   scripts/bench-ab.sh "env NDH_BENCH_JOURNAL=0 build/tests/bench/bench_ingest" build/tests/bench/bench_ingest 12 ingest 1000000 80 1
#
# A and B are commands (a binary, or `env VAR=value binary`). On a shared
# virtual machine the rate moves by a third between hours and by a tenth between
# two runs a minute apart, so one run of each says nothing about a change of 5%.
# This runs PAIRS pairs back to back, A first in odd pairs and B first in even
# ones (the second run of a pair is not favoured), and prints for each figure the
# mean of the paired differences B - A, its standard error, and in how many pairs
# B was the larger. A difference smaller than two standard errors is noise.
set -euo pipefail

if [[ $# -lt 3 ]]; then
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
a=$1
b=$2
pairs=$3
shift 3

# rate backend-us gui-us reader-us total-us kcat-rate ratio of one run, from bench_ingest's summary lines.
figures() {
    local out
    # shellcheck disable=SC2086 # the command is words on purpose (env VAR=value binary)
    out=$($1 "${@:2}" 2>&1) || { echo "bench-ab.sh: '$1' failed:" >&2; echo "$out" | tail -5 >&2; exit 1; }
    local rate backend gui reader total kcat
    rate=$(grep -oP 'ingest, best of \d+: console \K[0-9]+' <<<"$out")
    backend=$(grep -oP 'backend \(ndh-backend\) \K[0-9.]+' <<<"$out")
    gui=$(grep -oP ', GUI \K[0-9.]+(?= us \(of)' <<<"$out")
    reader=$(grep -oP 'record reader and journal \(ndh-journal\) \K[0-9.]+' <<<"$out")
    total=$(grep -oP 'ingest CPU per record: console \K[0-9.]+' <<<"$out")
    kcat=$(grep -oP 'ingest, best of \d+: console [0-9]+ records/s \([^)]*\), kcat \K[0-9]+' <<<"$out")
    if [[ "$kcat" == 0 ]]; then
        echo "bench-ab.sh: kcat read nothing in '$1' (is kcat installed?), so there is no ratio:" >&2
        echo "$out" | grep -i kcat | tail -3 >&2
        exit 1
    fi
    if [[ -z "$rate" || -z "$backend" || -z "$gui" || -z "$reader" || -z "$total" || -z "$kcat" ]]; then
        echo "bench-ab.sh: no figures in the output of '$1' (is it bench_ingest ingest?):" >&2
        echo "$out" | tail -5 >&2
        exit 1
    fi
    echo "$rate $backend $gui $reader $total $kcat $(awk -v r="$rate" -v k="$kcat" 'BEGIN { printf "%.3f", r / k }')"
}

echo "A: $a"
echo "B: $b"
echo "pairs: $pairs, bench_ingest $*"
pairsFile=$(mktemp)
trap 'rm -f "$pairsFile"' EXIT
printf '%-5s %-53s %-53s\n' pair "A: rate backend gui reader total kcat ratio" "B: rate backend gui reader total kcat ratio"
for ((i = 1; i <= pairs; i++)); do
    if ((i % 2)); then
        fa=$(figures "$a" "$@")
        fb=$(figures "$b" "$@")
    else
        fb=$(figures "$b" "$@")
        fa=$(figures "$a" "$@")
    fi
    printf '%-5s %-53s %-53s\n' "$i" "$fa" "$fb" | tee -a "$pairsFile"
done
awk '{
    n++
    for (k = 1; k <= 7; k++) {
        x = $(k + 1); y = $(k + 8); d = y - x
        sa[k] += x; sb[k] += y; s[k] += d; q[k] += d * d
        if (d > 0) more[k]++
    }
}
END {
    split("records/s,backend us/record,GUI us/record,reader us/record,console us/record,kcat records/s,ratio to kcat", name, ",")
    printf "\n%-20s %12s %12s %14s %10s %8s\n", "figure", "mean A", "mean B", "mean(B-A)", "std err", "B > A"
    for (k = 1; k <= 7; k++) {
        m = s[k] / n
        se = n > 1 ? sqrt((q[k] - n * m * m) / (n - 1) / n) : 0
        printf "%-20s %12.2f %12.2f %+14.2f %10.2f %5d/%d\n", name[k], sa[k] / n, sb[k] / n, m, se, more[k], n
    }
}' "$pairsFile"
