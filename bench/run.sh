#!/usr/bin/env bash
# The benchmark of SPEC 7, all in one run on the same machine:
#   (1) the floor: calamine's streaming cell reader alone decoding every cell of the workbook
#       (examples/floor.rs), (2) `bilan report` on that workbook, (3) `bilan report` on the same
#       rows as CSV; for Excel's shared strings and for inline strings; median of RUNS runs,
#       peak memory (max RSS) from /usr/bin/time; then the ratios (2)/(1) and (2)/(3).
#   Also bilan's reading stage alone (examples/reader.rs), to show where the gap lies.
# Usage: bench/run.sh [N]   (N registrations, default 1000000; RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${RUNS:-3}
TARGET=${CARGO_TARGET_DIR:-target}
DATA=${BENCH_DATA:-target/bench-data/$N}

cargo build --release --quiet --bin bilan --example floor --example reader --example generate_large
BILAN=$TARGET/release/bilan
FLOOR=$TARGET/release/examples/floor
READER=$TARGET/release/examples/reader
if [ ! -f "$DATA/inline/plan.xlsx" ]; then
    "$TARGET/release/examples/generate_large" "$N" "$DATA"
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# measure NAME COMMAND...: prints "NAME median_seconds max_rss_MiB"
measure() {
    local name=$1; shift
    local times=() rss=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$OUT/time" "$@" >/dev/null 2>"$OUT/stderr" || { cat "$OUT/stderr"; exit 1; }
        read -r seconds kib < "$OUT/time"
        times+=("$seconds")
        if [ "$kib" -gt "$rss" ]; then rss=$kib; fi
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$name $median $((rss / 1024))"
}

{
    for layout in shared inline; do
        measure "floor_$layout" "$FLOOR" "$DATA/$layout/plan.xlsx" Formations
        measure "reader_$layout" "$READER" "$DATA/$layout/plan.xlsx"
        measure "bilan_xlsx_$layout" "$BILAN" report "$DATA/$layout/plan.xlsx" --out "$OUT/r" --quiet
    done
    measure "reader_csv" "$READER" "$DATA/csv/formations.csv"
    measure "bilan_csv" "$BILAN" report "$DATA/csv" --out "$OUT/r" --quiet
} > "$OUT/results"

echo "N = $N registrations, median of $RUNS runs, $(nproc) cores"
printf '%-20s %10s %12s\n' case seconds "peak MiB"
while read -r name seconds mib; do printf '%-20s %10s %12s\n' "$name" "$seconds" "$mib"; done < "$OUT/results"
get() { awk -v n="$1" '$1 == n {print $2}' "$OUT/results"; }
for layout in shared inline; do
    awk -v b="$(get "bilan_xlsx_$layout")" -v f="$(get "floor_$layout")" -v c="$(get bilan_csv)" -v l="$layout" \
        'BEGIN { printf "%-7s bilan/floor = %.2f (goal <= 1.25)   xlsx/csv = %.1f (goal >= 5)\n", l, b / f, b / c }'
done
