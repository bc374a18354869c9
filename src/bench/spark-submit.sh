#!/bin/sh
# Runs a sinus command under Apache Spark's own launcher, as the README's spark-submit command does, on a
# machine without a Spark distribution: org.apache.spark.deploy.SparkSubmit from the Maven jars of Spark
# (a provided dependency of framework/spark) stands in for the spark-submit script, with the JVM options the
# script would add (the parent pom's spark.jvm.options). The application is the sinus-spark jar, the
# distribution's jars go to the executors with --jars.
#
# Usage (after mvn -B package -DskipTests):  src/bench/spark-submit.sh <master> <sinus command and arguments>
#   e.g. src/bench/spark-submit.sh 'local[2]' sweep my-sweep.conf
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 <master> <sinus command> [arguments]" >&2; exit 2; }
master=$1
shift
spark_jar=$(ls "$repo"/framework/spark/target/sinus-spark-*.jar 2>/dev/null | grep -v -e sources -e tests | head -1)
[ -n "$spark_jar" ] && [ -d "$repo/src/target/sinus/lib" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
classpath_file="$repo/framework/spark/target/spark-classpath.txt"
if [ ! -s "$classpath_file" ]; then
  mvn -B -q -f "$repo/pom.xml" -pl framework/spark dependency:build-classpath -Dmdep.includeScope=provided \
    -Dmdep.outputFile="$classpath_file" >/dev/null
fi
spark_opts=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$repo/pom.xml")
jars=$(ls "$repo"/src/target/sinus/lib/*.jar | paste -sd, -)
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx6g} $spark_opts --add-modules jdk.incubator.vector -Djava.awt.headless=true \
  -cp "$spark_jar:$(cat "$classpath_file")" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --class org.sinus.cli.Main --jars "$jars" "$spark_jar" "$@"
