#!/bin/sh
# The same 8-point sweep with the three ways one machine can run it, one after the other:
# engine local with parallelism 1, engine local with parallelism 2, and engine spark on local[2]
# (submitted as the README's spark-submit command does: src/bench/spark-submit.sh). The sweep: ptbxl-fft-transformer.conf on
# PTB-XL, 2 max learning rates x 4 seeds, 3 epochs each. Prints each sweep's wall-clock time and the
# mean and sum of its runs' own durations (first to last line of each run.log, whole seconds) and writes
# <out>/timings.tsv; each sweep's runs stay in <out>/runs/<engine>/. Then the stage before the runs that
# builds the representation caches, for a 1-point sweep of ptbxl-cwt-cnn2d.conf (1 epoch) with an empty
# cache directory each: engine local (all cores) against engine spark on local[2] (a task per 256 records);
# prints the time each engine logs for the stage.
#
# Usage (after mvn -B package -DskipTests; PTB-XL at ../shared/ptbxl or $SINUS_PTBXL):
#   src/bench/sweep-engines.sh <out-dir> [epochs]
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 <out-dir> [epochs]" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
epochs=${2:-3}
sinus=$repo/src/target/sinus/bin/sinus
[ -x "$sinus" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
: "${SINUS_PTBXL:=$(cd "$repo/.." && pwd)/shared/ptbxl}"
export SINUS_PTBXL
export SINUS_CACHE="$out/cache"


sweep_file() { # <name> <engine block>
  mkdir -p "$out/sweeps"
  cat > "$out/sweeps/$1.conf" <<EOF
experiment = "$repo/experiments/ptbxl-fft-transformer.conf"
grid {
  "training.schedule.max-lr" = [0.001, 0.003]
  seed = [0, 1, 2, 3]
  "training.epochs" = [$epochs]
}
engine $2
retries = 0
output.dir = "$out/runs"
EOF
  echo "$out/sweeps/$1.conf"
}

now() { date +%s.%N; }
printf 'engine\twall_s\truns\trun_mean_s\trun_sum_s\n' > "$out/timings.tsv"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(date -u '+%F %T') UTC; commit $(git -C "$repo" rev-parse --short HEAD)"

# warm-up (not timed): PTB-XL's signal cache, so that no timed sweep pays for building it
"$sinus" train "$repo/experiments/ptbxl-fft-transformer.conf" -q --set training.epochs=1 \
  --set output.dir="\"$out/warm-up\"" > "$out/warm-up.log" 2>&1

for engine in local-1 local-2 spark-local-2; do
  case $engine in
    local-1) file=$(sweep_file $engine '{ type = "local", parallelism = 1 }') ;;
    local-2) file=$(sweep_file $engine '{ type = "local", parallelism = 2 }') ;;
    spark-local-2) file=$(sweep_file $engine '{ type = "spark", master = "local[2]" }') ;;
  esac
  began=$(now)
  rc=0
  if [ $engine = spark-local-2 ]; then
    JAVA_OPTS=-Xmx6g "$repo/src/bench/spark-submit.sh" 'local[2]' sweep "$file" > "$out/$engine.log" 2>&1 || rc=$?
  else
    JAVA_OPTS=-Xmx6g "$sinus" sweep "$file" > "$out/$engine.log" 2>&1 || rc=$?
  fi
  wall=$(awk -v a="$began" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  runs=$(for log in "$out/runs/$engine"/runs/*/run.log; do
    awk 'NR == 1 { split($1, a, ":"); s = a[1] * 3600 + a[2] * 60 + a[3] } { l = $1 }
         END { split(l, b, ":"); d = b[1] * 3600 + b[2] * 60 + b[3] - s; print (d < 0 ? d + 86400 : d) }' "$log"
  done | awk '{ t += $1; n++ } END { printf "%d\t%.1f\t%d", n, t / n, t }')
  printf '%s\t%s\t%s\n' $engine "$wall" "$runs" >> "$out/timings.tsv"
  echo "$engine: ${wall}s (exit $rc); runs, mean run, sum of runs: $(echo "$runs" | tr '\t' ' ')"
done

for engine in local spark; do
  export SINUS_CACHE="$out/cache-$engine"
  rm -rf "$SINUS_CACHE"
  case $engine in
    local) block='{ type = "local" }' ;;
    spark) block='{ type = "spark", master = "local[2]" }' ;;
  esac
  cat > "$out/sweeps/cwt-caches-$engine.conf" <<EOF
experiment = "$repo/experiments/ptbxl-cwt-cnn2d.conf"
grid { "training.epochs" = [1] }
engine $block
retries = 0
output.dir = "$out/runs"
EOF
  rc=0
  if [ $engine = spark ]; then
    JAVA_OPTS=-Xmx6g "$repo/src/bench/spark-submit.sh" 'local[2]' sweep "$out/sweeps/cwt-caches-$engine.conf" \
      > "$out/cwt-caches-$engine.log" 2>&1 || rc=$?
  else
    JAVA_OPTS=-Xmx6g "$sinus" sweep "$out/sweeps/cwt-caches-$engine.conf" > "$out/cwt-caches-$engine.log" 2>&1 || rc=$?
  fi
  echo "caches, $engine (exit $rc): $(grep -o 'cache files built [^:]*in [0-9.]* s' "$out/cwt-caches-$engine.log")"
done
