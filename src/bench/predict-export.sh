#!/bin/sh
# For each run directory given: sinus predict on a directory of PTB-XL records (records/s, the
# representation included, as predict reports it: reading, checks, windows, network, files) and
# sinus export --check on records 1 and 2 at 100 Hz and record 3 at 500 Hz (resampled); used for
# src/docs/using-a-model.md and src/docs/benchmarks.md.
#   src/bench/predict-export.sh <output-dir> <run-dir>...
# The records come from $SINUS_PTBXL (default ../shared/ptbxl); RECORDS overrides the directory scored.
set -eu
out=$1; shift
here=$(cd "$(dirname "$0")/../.." && pwd)
sinus="$here/src/target/sinus/bin/sinus"
ptbxl=${SINUS_PTBXL:-$here/../shared/ptbxl}
records=${RECORDS:-$ptbxl/records100/00000}
mkdir -p "$out"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
for run in "$@"; do
  name=$(basename "$run")
  started=$(date +%s.%N)
  "$sinus" predict "$run" "$records" -o "$out/$name-predict" -q > "$out/$name-predict.log" 2>&1 || true
  wall=$(echo "$(date +%s.%N) - $started" | bc)
  printf '%s: predict %s (whole command, JVM start and model loading included: %.1f s)\n' "$name" \
    "$(grep -o '[0-9]* recordings\{0,1\} scored.* s;' "$out/$name-predict.log")" "$wall"
  rm -rf "$out/$name-export"
  "$sinus" export "$run" -o "$out/$name-export" -q --check "$ptbxl/records100/00000/00001_lr.hea" \
    "$ptbxl/records100/00000/00002_lr.hea" "$ptbxl/records500/00000/00003_hr.hea" > "$out/$name-export.log" 2>&1 || true
  printf '%s: export %s\n' "$name" "$(grep -h 'checked\|error' "$out/$name-export.log")"
done
