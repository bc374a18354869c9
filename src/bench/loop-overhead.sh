#!/bin/sh
# What the training loop adds to a bare training step: `sinus bench --mode train` (one batch fed
# again and again, as the PyTorch peer measures) against `--mode loop` (the real loop: random crops
# of records, the time representation, batches prepared in the background, AdamW with a fed
# schedule, a checkpoint at the end of the epoch), alternating, ROUNDS times.
#   src/bench/loop-overhead.sh [ROUNDS]
set -eu
rounds=${1:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
sinus="$here/src/target/sinus/bin/sinus"
for round in $(seq 1 "$rounds"); do
  "$sinus" bench --mode train --steps 30 2>/dev/null | grep 'train_b128:' | sed "s/^/round $round /"
  "$sinus" bench --mode loop --steps 30 2>/dev/null | grep 'loop' | sed "s/^/round $round /"
done
