#!/bin/sh
# rfft of one 12 x 1000 record: numpy (../shared/peers/cwt_bench.py --method rfft) against the
# Sinus fft representation set to a plain magnitude spectrum of the whole record (no frames, no
# taper, no standardization), alternating, ROUNDS times.
#   src/bench/fft-side-by-side.sh [ROUNDS]      (build first: mvn -B -q package -DskipTests)
set -eu
rounds=${1:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
peers=${SINUS_PEERS:-$here/../shared/peers}
plain="-Dsinus.representation.fft.frame-length=0 -Dsinus.representation.fft.taper=none"
plain="$plain -Dsinus.representation.fft.magnitude=linear -Dsinus.representation.fft.normalize=none"
plain="$plain -Dsinus.representation.fft.signal-standardize=none"
for round in $(seq 1 "$rounds"); do
  (cd "$peers" && /usr/bin/python3 cwt_bench.py --method rfft) | grep 'rfft_numpy_float64' | sed "s/^/round $round /"
  JAVA_OPTS="-Xmx4g $plain" "$here/src/target/sinus/bin/sinus" bench --mode representation --representation fft \
    --length 1000 2>/dev/null | grep encode | sed "s/^/round $round /"
done
