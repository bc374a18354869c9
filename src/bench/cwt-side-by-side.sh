#!/bin/sh
# CWT of one 12 x 1000 record with 64 scales: PyWavelets (../shared/peers/cwt_bench.py) against
# Sinus (org.sinus.plugins.wavelet.CwtBenchmark, in the wavelet plugin's test sources), alternating,
# ROUNDS times, linear and log scales.
#   src/bench/cwt-side-by-side.sh [ROUNDS]      (build first: mvn -B -q install -DskipTests)
set -eu
rounds=${1:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
peers=${SINUS_PEERS:-$here/../shared/peers}
(cd "$here" && mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl plugins/wavelet)
wavelet="$here/plugins/wavelet/target"
cp="$wavelet/test-classes:$wavelet/classes:$(cat "$wavelet/classpath.txt")"
for round in $(seq 1 "$rounds"); do
  for scales in linear log; do
    (cd "$peers" && /usr/bin/python3 cwt_bench.py --scales "$scales") | grep "cwt_pywt_conv_$scales:" | sed "s/^/round $round /"
    java -cp "$cp" org.sinus.plugins.wavelet.CwtBenchmark --scales "$scales" | grep -v '^#' | sed "s/^/round $round /"
    java -cp "$cp" org.sinus.plugins.wavelet.CwtBenchmark --scales "$scales" --wavelet morlet | grep -v '^#' | sed "s/^/round $round /"
  done
done
