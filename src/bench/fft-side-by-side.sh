#!/bin/sh
# rfft of one 12 x 1000 record: numpy (../shared/peers/cwt_bench.py --method rfft, the mean over a
# 0.5 s loop) against the Sinus fft representation set to a plain magnitude spectrum of the whole
# record (no frames, no taper, no standardization; the mean over 30 rounds of 200 records after 40
# warm-up rounds, about a second, so that HotSpot has compiled the hot loops: numpy needs no JIT),
# alternating, ROUNDS times; then the medians and numpy's time / Sinus's time (> 1: Sinus is faster).
#   src/bench/fft-side-by-side.sh [ROUNDS]      (build first: mvn -B -q package -DskipTests)
# SINUS_VECTOR_API=off measures the JTransforms fallback instead of the SIMD transform.
set -eu
rounds=${1:-5}
here=$(cd "$(dirname "$0")/../.." && pwd)
peers=${SINUS_PEERS:-$here/../shared/peers}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for round in $(seq 1 "$rounds"); do
  (cd "$peers" && /usr/bin/python3 cwt_bench.py --method rfft) | grep 'rfft_numpy_float64' | sed "s/^/round $round /" \
    | tee -a "$log"
  "$here/src/target/sinus/bin/sinus" bench --mode representation --representation fft --length 1000 --warmup 40 \
    --set representation.frame-length=0 --set representation.taper=none --set representation.magnitude=linear \
    --set representation.normalize=none --set representation.signal-standardize=none \
    2>/dev/null | grep '_encode' | sed "s/^/round $round /" | tee -a "$log"
done
median() {
  grep " $1: " "$log" | awk '{print $(NF-1)}' | sort -g | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}
numpy=$(median rfft_numpy_float64)
sinus=$(median sinus_fft_encode)
echo "median numpy rfft: $numpy us/record; median sinus fft encode: $sinus us/record; numpy / sinus: $(awk "BEGIN {printf \"%.2f\", $numpy / $sinus}")"
