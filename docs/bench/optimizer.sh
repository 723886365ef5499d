#!/usr/bin/env bash
# Learning's Phase 1 optimiser (io.shotcraft.learning.optimize) against random search, as issue 14 asks:
#
#   docs/bench/optimizer.sh [seeds (20)] [evaluations (50)] [sections (branin,hartmann6,rater)]
#
# Branin and Hartmann-6: each seed minimises the function with one suggestion at a time, and random search gets the
# same budget; prints the median [quartiles] best-so-far regret at 10/20/30/40/50 evaluations and how many evaluations
# reaching a regret of 0.01 and 0.1 took. Simulated rater: a hidden utility on the preset space turned into noisy 1–5
# stars, 30 ratings asked 2 per trial as in production; prints the chosen point's true utility as % of the optimum.
# Last, the time of each suggest. Plain Java, no Quarkus: the package and the benchmark classes are compiled with javac
# (only when a source changed) against commons-math3, and run on one core at low priority.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deployment/local/jdk.sh

jar="${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
if [ ! -f "$jar" ]; then
  ./mvnw -B -q -DskipTests compile   # resolves the dependency
fi
out=target/optimizer-bench
sources=(src/main/java/io/shotcraft/learning/optimize/*.java src/test/java/io/shotcraft/learning/optimize/bench/*.java)
if [ ! -f "$out/.built" ] || [ -n "$(find "${sources[@]}" -newer "$out/.built" -print -quit)" ]; then
  rm -rf "$out" && mkdir -p "$out"
  javac --release 21 -d "$out" -cp "$jar" "${sources[@]}"
  touch "$out/.built"
fi
exec nice java -XX:ActiveProcessorCount=1 -Xmx256m -cp "$out:$jar" io.shotcraft.learning.optimize.bench.OptimizerBenchmark "$@"
