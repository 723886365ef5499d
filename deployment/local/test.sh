#!/usr/bin/env bash
# Runs every test: brings up local PostgreSQL and Redis and Chromium (installing them when absent), then
# `./mvnw verify`. Extra arguments go to Maven, e.g. deployment/local/test.sh -Dtest=JobEventsTest
set -euo pipefail
cd "$(dirname "$0")/../.."
. deployment/local/jdk.sh
deployment/local/services.sh up
deployment/local/browser.sh
exec ./mvnw -B verify "$@"
