#!/bin/sh
# Two models x 2 seeds on PTB-XL as one sweep on an embedded Spark master (local[2]): resnet1d on the raw
# signal and the 2D CNN on CWT scalograms (ptbxl-time-resnet1d.conf and ptbxl-cwt-cnn2d.conf, the full
# protocol unless an epoch count is given), submitted as the README's spark-submit command does
# (src/bench/spark-submit.sh). The scalogram caches are built first, as a Spark job over ranges of records.
# Then the same sweep again, which must skip all four runs, and sinus compare on the sweep directory.
#
# Usage (after mvn -B package -DskipTests; PTB-XL at ../shared/ptbxl or $SINUS_PTBXL):
#   src/bench/ptbxl-spark-sweep.sh <out-dir> [epochs]
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 <out-dir> [epochs]" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
: "${SINUS_PTBXL:=$(cd "$repo/.." && pwd)/shared/ptbxl}"
export SINUS_PTBXL
: "${SINUS_CACHE:=$out/cache}"
export SINUS_CACHE
epochs=""
[ $# -ge 2 ] && epochs="\"training.epochs\" = [$2]"
experiments=$(realpath --relative-to="$out" "$repo/experiments")   # short point labels in the comparison
cat > "$out/ptbxl-two-models.conf" <<CONF
experiment = "$experiments/ptbxl-time-resnet1d.conf"
grid {
  experiment = ["$experiments/ptbxl-time-resnet1d.conf", "$experiments/ptbxl-cwt-cnn2d.conf"]
  seed = [0, 1]
  $epochs
}
engine { type = "spark", master = "local[2]" }
retries = 0
output.dir = "$out/runs"
CONF
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; commit $(git -C "$repo" rev-parse --short HEAD)"
for attempt in first again; do
  began=$(date +%s)
  echo "$(date -u '+%F %T') UTC: sweep ($attempt)"
  "$repo/src/bench/spark-submit.sh" 'local[2]' sweep "$out/ptbxl-two-models.conf" > "$out/sweep-$attempt.log" 2>&1 ||
    { echo "  the sweep failed: $out/sweep-$attempt.log" >&2; exit 1; }
  echo "  exit 0 after $(( $(date +%s) - began )) s; $(grep -o '[0-9]* runs, [0-9]* completed before, [0-9]* to run' "$out/sweep-$attempt.log")"
done
"$repo/src/target/sinus/bin/sinus" compare "$out/runs/ptbxl-two-models" --out "$out/comparison" > "$out/compare.log" 2>&1
cat "$out/comparison/comparison.md"
