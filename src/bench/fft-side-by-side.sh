#!/bin/sh
# rfft of one 12 x 1000 record: numpy (../shared/peers/cwt_bench.py --method rfft) against the
# Sinus fft representation set to a plain magnitude spectrum of the whole record (no frames, no
# taper, no standardization), alternating, ROUNDS times.
#   src/bench/fft-side-by-side.sh [ROUNDS]      (build first: mvn -B -q package -DskipTests)
set -eu
rounds=${1:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
peers=${SINUS_PEERS:-$here/../shared/peers}
for round in $(seq 1 "$rounds"); do
  (cd "$peers" && /usr/bin/python3 cwt_bench.py --method rfft) | grep 'rfft_numpy_float64' | sed "s/^/round $round /"
  "$here/src/target/sinus/bin/sinus" bench --mode representation --representation fft --length 1000 \
    --set representation.frame-length=0 --set representation.taper=none --set representation.magnitude=linear \
    --set representation.normalize=none --set representation.signal-standardize=none \
    2>/dev/null | grep encode | sed "s/^/round $round /"
done
