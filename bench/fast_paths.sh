#!/usr/bin/env bash
# What each fast path of the workbook reader buys (docs/architecture.md): `bilan report` on the
# million-row workbooks of bench/run.sh with every fast path on, then with one turned off
# (examples/fast_paths.rs), the cases taking turns, RUNS rounds; median wall time of each and its
# ratio to all-on. A fast path that buys less than 5 % on every case is not worth its code.
# Usage: bench/fast_paths.sh [N]   (N registrations, default 1000000; RUNS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${RUNS:-5}
TARGET=${CARGO_TARGET_DIR:-target}
DATA=${BENCH_DATA:-target/bench-data/$N}

cargo build --release --quiet --features fuzzing --example fast_paths --example generate_large
RUN=$TARGET/release/examples/fast_paths
if [ ! -f "$DATA/inline/plan.xlsx" ]; then
    "$TARGET/release/examples/generate_large" "$N" "$DATA"
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

for _ in $(seq "$RUNS"); do
    for layout in shared inline; do
        for off in none split inflate address; do
            /usr/bin/time -f "%e" -a -o "$OUT/${layout}_$off" \
                "$RUN" "$off" "$OUT/r" "$DATA/$layout/plan.xlsx" 2>"$OUT/stderr" ||
                { cat "$OUT/stderr"; exit 1; }
        done
    done
done

median() { sort -n "$1" | awk '{t[NR]=$1} END {print t[int((NR+1)/2)]}'; }
echo "N = $N registrations, median of $RUNS rounds (the cases take turns), $(nproc) cores"
printf '%-8s %-22s %10s %18s\n' layout "fast path turned off" seconds "time / all on"
for layout in shared inline; do
    base=$(median "$OUT/${layout}_none")
    for off in none split inflate address; do
        m=$(median "$OUT/${layout}_$off")
        awk -v l="$layout" -v o="$off" -v m="$m" -v b="$base" \
            'BEGIN { printf "%-8s %-22s %10.2f %18.2f\n", l, (o == "none" ? "(none: all on)" : o), m, m / b }'
    done
done
