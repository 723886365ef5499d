#!/usr/bin/env bash
# Starts Shotcraft at http://localhost:8080 against local PostgreSQL and Redis (installed and started when
# absent). Builds the application, then runs the packaged jar with the dev profile.
#   deployment/local/run.sh          build and run the packaged service
#   deployment/local/run.sh --live   Quarkus dev mode instead (live reload, Dev UI at /q/dev-ui)
set -euo pipefail
cd "$(dirname "$0")/../.."
. deployment/local/jdk.sh
deployment/local/services.sh up

if [ "${1:-}" = "--live" ]; then
  exec ./mvnw -B quarkus:dev
fi
./mvnw -B -q package -DskipTests
echo "[run] Shotcraft on http://localhost:8080 (API docs: http://localhost:8080/q/swagger-ui)"
# shellcheck disable=SC2086 # options, split on purpose
exec java $SHOTCRAFT_JAVA_OPTS -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar
