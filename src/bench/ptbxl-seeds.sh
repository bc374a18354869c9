#!/bin/sh
# Trains an experiment once per seed and prints each run's test macro AUC with its CI; used for
# src/docs/results.md. Extra arguments are passed to sinus train (e.g. --set training.precision=bf16).
#   src/bench/ptbxl-seeds.sh <experiment.conf> <output-dir> "<seeds>" [sinus train options...]
set -eu
experiment=$1; out=$2; seeds=$3; shift 3
here=$(cd "$(dirname "$0")/../.." && pwd)
for seed in $seeds; do
  "$here/src/target/sinus/bin/sinus" train "$experiment" -q --set seed="$seed" --set output.dir="\"$out\"" "$@"
done
for run in "$out"/*/; do
  printf '%s ' "$run"; grep -m1 "macro AUC" "$run/evaluation/test.md" || echo "(no test result)"
done
