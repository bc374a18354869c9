#!/bin/sh
# Two builds of Sinus and the PyTorch peer, side by side: `sinus bench --model resnet1d` of the
# distribution OLD, then of NEW, then ../shared/peers/torch_resnet1d_bench.py, alternating ROUNDS
# times (a regression check of a change against the code before it).
#   src/bench/compare-builds.sh OLD_DISTRIBUTION NEW_DISTRIBUTION [ROUNDS]
# e.g. git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -B -q package -DskipTests)
#      src/bench/compare-builds.sh /tmp/old/src/target/sinus src/target/sinus 3
set -eu
old=$1
new=$2
rounds=${3:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
peers=${SINUS_PEERS:-$here/../shared/peers}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
for round in $(seq 1 "$rounds"); do
  "$old/bin/sinus" bench --model resnet1d --length 250 --batch 128 --steps 30 --mode both 2>/dev/null \
    | grep -E "_b128:" | sed "s/^/round $round old /"
  "$new/bin/sinus" bench --model resnet1d --length 250 --batch 128 --steps 30 --mode both 2>/dev/null \
    | grep -E "_b128:" | sed "s/^/round $round new /"
  (cd "$peers" && /usr/bin/python3 torch_resnet1d_bench.py --model resnet1d --batch 128 --steps 30 --mode both) \
    2>/dev/null | grep -E "_b128:" | sed "s/^/round $round torch /"
done
