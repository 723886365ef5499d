#!/usr/bin/env bash
# Measures the packaged JVM application: startup time (as Quarkus logs it) and resident memory once ready.
#   docs/bench/startup.sh [runs]     (default 3; builds target/quarkus-app first when missing)
# Runs the jar in the prod profile against the local services (deployment/local/services.sh up).
set -euo pipefail
cd "$(dirname "$0")/../.."
. docs/bench/stub-env.sh
runs="${1:-3}"
port=$app_port
bench_env
echo "java: $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$runs"); do
  log=$(mktemp)
  java -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
    sleep 0.1
  done
  started=$(grep -o 'started in [0-9.]*s' "$log" || echo 'did not start')
  rss=$(ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}')
  echo "run $i: $started, RSS when ready $rss"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
done
