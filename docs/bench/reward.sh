#!/usr/bin/env bash
# Learning's Phase 2 reward model (io.shotcraft.learning.reward): the cost of the image features of a 1024×1024 PNG,
# and of fitting, cross-validating and querying the model at 250 ratings with all image features.
#
#   docs/bench/reward.sh [runs (30)]
#
# Plain Java, no Quarkus: RewardBenchmark and what it uses are compiled with javac from the source tree (only when a
# source changed) against commons-math3, and run on one core at low priority.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deployment/local/jdk.sh

jar="${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
if [ ! -f "$jar" ]; then
  ./mvnw -B -q -DskipTests compile   # resolves the dependency
fi
out=target/reward-bench
sources=(src/main/java/io/shotcraft/learning src/main/java/io/shotcraft/parameters/Mentions.java src/test/java/io/shotcraft/learning/reward)
if [ ! -f "$out/.built" ] || [ -n "$(find "${sources[@]}" -newer "$out/.built" -print -quit)" ]; then
  rm -rf "$out" && mkdir -p "$out"
  javac --release 21 -d "$out" -cp "$jar" -sourcepath src/main/java:src/test/java -implicit:class \
    src/test/java/io/shotcraft/learning/reward/RewardBenchmark.java
  touch "$out/.built"
fi
exec nice java -XX:ActiveProcessorCount=1 -Xmx256m -cp "$out:$jar" io.shotcraft.learning.reward.RewardBenchmark "$@"
