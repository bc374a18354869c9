#!/bin/sh
# Sinus vs the PyTorch peer (../shared/peers/torch_resnet1d_bench.py), measured side by side:
# the two alternate, ROUNDS times, on the same machine in one run; medians are printed at the end.
#   src/bench/side-by-side.sh [ROUNDS] [MODEL: resnet1d|cnn1d]
# Build first: mvn -B -q package -DskipTests. Needs /usr/bin/python3 with torch (see ../shared/peers/README.md).
set -eu
rounds=${1:-3}
model=${2:-resnet1d}
here=$(cd "$(dirname "$0")/../.." && pwd)
peers=${SINUS_PEERS:-$here/../shared/peers}
sinus="$here/src/target/sinus/bin/sinus"
log=$(mktemp)
if [ "$model" = resnet1d ]; then torch_model=resnet1d; length=250; else torch_model=cnn4; length=1000; fi
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
for round in $(seq 1 "$rounds"); do
  "$sinus" bench --model "$model" --length "$length" --batch 128 --steps 30 --mode both 2>/dev/null | grep -v '^#' | sed "s/^/round $round /" | tee -a "$log"
  (cd "$peers" && /usr/bin/python3 torch_resnet1d_bench.py --model "$torch_model" --batch 128 --steps 30 --mode both) \
    | sed "s/^/round $round /" | tee -a "$log"
done
median() { grep " $1: " "$log" | awk '{print $(NF-1)}' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
st=$(median "sinus_${model}_train_b128"); tt=$(median "${torch_model}_train_b128")
si=$(median "sinus_${model}_infer_b128"); ti=$(median "${torch_model}_infer_b128")
echo "median training: sinus $st steps/s, pytorch $tt steps/s, ratio $(echo "$st $tt" | awk '{printf "%.2f", $1/$2}')"
echo "median inference: sinus $si samples/s, pytorch $ti samples/s, ratio $(echo "$si $ti" | awk '{printf "%.2f", $1/$2}')"
rm -f "$log"
