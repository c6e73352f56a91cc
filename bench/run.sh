#!/usr/bin/env bash
# The benchmark of SPEC 7, all in one run on the same machine:
#   (1) the floor: calamine's streaming cell reader alone decoding every cell of the workbook
#       (examples/floor.rs), (2) `bilan report` on that workbook, (3) `bilan report` on the same
#       rows as CSV; for Excel's shared strings and for inline strings; median of RUNS rounds
#       (the cases take turns),
#       peak memory (max RSS) from /usr/bin/time; then the ratios (2)/(1) and (2)/(3).
#   Also bilan's reading stage alone (examples/reader.rs), to show where the gap lies, and the
#   CSV report with the register (format `register`, with report.xlsx) beside the one without,
#   and the cost of 100,000 issues: the first 100,000 registrations as CSV, clean and with every
#   satisfaction out of range (one warning per row), the difference of the two medians, with
#   data-issues.csv alone (`--formats csv`: the messages formatted and written) and with every
#   default format (report.xlsx's problem sheet as well, each issue linked to its cell).
# Usage: bench/run.sh [N]   (N registrations, default 1000000; RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${RUNS:-3}
TARGET=${CARGO_TARGET_DIR:-target}
DATA=${BENCH_DATA:-target/bench-data/$N}

cargo build --release --quiet --features fuzzing --bin bilan --example floor --example reader --example generate_large
BILAN=$TARGET/release/bilan
FLOOR=$TARGET/release/examples/floor
READER=$TARGET/release/examples/reader
if [ ! -f "$DATA/inline/plan.xlsx" ]; then
    "$TARGET/release/examples/generate_large" "$N" "$DATA"
fi

# 100,000 rows, clean and broken (satisfaction 9 on every row: 100,000 `out-of-range` issues).
ISSUES=$DATA/issues
if [ ! -f "$ISSUES/broken/formations.csv" ]; then
    for kind in clean broken; do
        mkdir -p "$ISSUES/$kind"
        cp "$DATA/csv/activites.csv" "$DATA/csv/cibles.csv" "$ISSUES/$kind/"
    done
    head -n 100001 "$DATA/csv/formations.csv" > "$ISSUES/clean/formations.csv"
    awk 'BEGIN { FS = OFS = ";" } NR > 1 { $12 = "9" } { print }' \
        "$ISSUES/clean/formations.csv" > "$ISSUES/broken/formations.csv"
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# run NAME COMMAND...: runs the command once, appends "seconds max_rss_KiB" to $OUT/NAME.
run() {
    local name=$1; shift
    /usr/bin/time -f "%e %M" -a -o "$OUT/$name" "$@" >/dev/null 2>"$OUT/stderr" || { cat "$OUT/stderr"; exit 1; }
}

# The cases take turns, RUNS rounds: a slow moment of the shared machine then falls on every case
# of a round instead of on all the runs of one case, which would skew the ratios.
CASES="floor_shared reader_shared bilan_xlsx_shared floor_inline reader_inline bilan_xlsx_inline reader_csv bilan_csv bilan_csv_register bilan_100k_clean bilan_100k_issues bilan_100k_clean_csv bilan_100k_issues_csv"
for _ in $(seq "$RUNS"); do
    for layout in shared inline; do
        run "floor_$layout" "$FLOOR" "$DATA/$layout/plan.xlsx" Formations
        run "reader_$layout" "$READER" "$DATA/$layout/plan.xlsx"
        run "bilan_xlsx_$layout" "$BILAN" report "$DATA/$layout/plan.xlsx" --out "$OUT/r" --quiet
    done
    run reader_csv "$READER" "$DATA/csv/formations.csv"
    run bilan_csv "$BILAN" report "$DATA/csv" --out "$OUT/r" --quiet
    # The same with the consolidated register (format `register`, on demand).
    run bilan_csv_register "$BILAN" report "$DATA/csv" --out "$OUT/r" --quiet \
        --formats csv,svg,png,html,md,xlsx,register
    run bilan_100k_clean "$BILAN" report "$ISSUES/clean" --out "$OUT/r" --quiet
    run bilan_100k_issues "$BILAN" report "$ISSUES/broken" --out "$OUT/r" --quiet
    # The same with data-issues.csv alone: the messages formatted, no workbook to link them in.
    run bilan_100k_clean_csv "$BILAN" report "$ISSUES/clean" --out "$OUT/r" --quiet --formats csv
    run bilan_100k_issues_csv "$BILAN" report "$ISSUES/broken" --out "$OUT/r" --quiet --formats csv
done

# Per case: the median time and the largest peak memory, as "NAME median_seconds max_rss_MiB".
for name in $CASES; do
    sort -n "$OUT/$name" | awk -v n="$name" '{t[NR]=$1; if ($2 > m) m = $2} END {print n, t[int((NR+1)/2)], int(m / 1024)}'
done > "$OUT/results"

echo "N = $N registrations, median of $RUNS rounds (the cases take turns), $(nproc) cores"
printf '%-20s %10s %12s\n' case seconds "peak MiB"
while read -r name seconds mib; do printf '%-20s %10s %12s\n' "$name" "$seconds" "$mib"; done < "$OUT/results"
get() { awk -v n="$1" '$1 == n {print $2}' "$OUT/results"; }
for layout in shared inline; do
    awk -v b="$(get "bilan_xlsx_$layout")" -v f="$(get "floor_$layout")" -v c="$(get bilan_csv)" -v l="$layout" \
        'BEGIN { printf "%-7s bilan/floor = %.2f (goal <= 1.25)   xlsx/csv = %.1f (goal >= 5)\n", l, b / f, b / c }'
done
awk -v i="$(get bilan_100k_issues_csv)" -v c="$(get bilan_100k_clean_csv)" \
    'BEGIN { printf "100,000 issues cost %.2f s over the clean run with --formats csv (goal < 1)\n", i - c }'
awk -v i="$(get bilan_100k_issues)" -v c="$(get bilan_100k_clean)" \
    'BEGIN { printf "100,000 issues cost %.2f s over the clean run with every default format\n", i - c }'
