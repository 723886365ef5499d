#!/usr/bin/env bash
# Measures POST /api/v1/enhance on the packaged JVM application against a stubbed OpenAI-compatible
# endpoint (WireMock standalone, answering at once), all on loopback:
#   - offline enhancement (options.engine=offline)
#   - a cached LLM enhancement (the same request again)
#   - an uncached LLM enhancement (a new prompt each time), and the stub called directly, whose
#     difference is what the service adds on top of the model call
#   docs/bench/enhance.sh [requests]     (default 300 per kind, after 200 warm-up requests)
# Times are curl's time_total per request (connection included), in milliseconds; medians and p90.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deployment/local/jdk.sh
n="${1:-300}"
app_port=18181
stub_port=18282
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
wiremock=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar 2>/dev/null | grep -v sources | tail -1)
[ -n "$wiremock" ] || { ./mvnw -B -q test-compile >/dev/null; wiremock=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar | tail -1); }

work=$(mktemp -d)
mkdir -p "$work/mappings"
cat >"$work/mappings/chat.json" <<'JSON'
{ "request": { "method": "POST", "url": "/v1/chat/completions" },
  "response": { "status": 200, "headers": { "Content-Type": "application/json" },
    "jsonBody": { "id": "chatcmpl-bench", "object": "chat.completion", "created": 1763840000, "model": "gpt-4.1-mini-2025-04-14",
      "choices": [ { "index": 0, "finish_reason": "stop", "message": { "role": "assistant",
        "content": "{\"enhanced\":\"A red fox trots across a snowy road at night, low tracking shot, cold moonlight and drifting snow.\"}" } } ],
      "usage": { "prompt_tokens": 300, "completion_tokens": 40, "total_tokens": 340 } } } }
JSON
java -jar "$wiremock" --port "$stub_port" --root-dir "$work" --disable-banner --no-request-journal >"$work/wiremock.log" 2>&1 &
stub=$!
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/shotcraft
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/shotcraft
export QUARKUS_DATASOURCE_USERNAME=shotcraft QUARKUS_DATASOURCE_PASSWORD=shotcraft
export QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379 QUARKUS_HTTP_PORT=$app_port
export OPENAI_BASE_URL=http://127.0.0.1:$stub_port/v1 OPENAI_API_KEY=bench
export QUARKUS_LOG_CATEGORY__IO_SHOTCRAFT__LEVEL=WARN
java -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app $stub 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "http://127.0.0.1:$app_port/q/health/ready" && curl -s -o /dev/null "http://127.0.0.1:$stub_port/__admin/health" && break
  sleep 0.1
done

post() { # url body -> prints time_total in ms
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$2" "$1" | awk '{printf "%.3f\n", $1*1000}'
}
stats() { # label, times on stdin
  sort -n | awk -v label="$1" '{a[NR]=$1} END {printf "%-34s median %7.2f ms   p90 %7.2f ms   (n=%d)\n", label, a[int((NR+1)/2)], a[int(NR*0.9)], NR}'
}
api="http://127.0.0.1:$app_port/api/v1/enhance"
run() { # label, body-generator
  local label=$1 gen=$2
  for i in $(seq 1 200); do post "$api" "$($gen "w$i")" >/dev/null; done
  for i in $(seq 1 "$n"); do post "$api" "$($gen "m$i")"; done | stats "$label"
}
offline_body() { echo '{"prompt":"a fox crossing a snowy road at night","seed":7,"options":{"engine":"offline"}}'; }
cached_body() { echo '{"prompt":"a fox crossing a snowy road at night","seed":7}'; }
fresh_body() { echo "{\"prompt\":\"a fox crossing a snowy road at night $1 $RANDOM\",\"seed\":7}"; }
stub_body() { echo '{"model":"gpt-4.1-mini","messages":[{"role":"user","content":"hi"}]}'; }

echo "java: $(java -version 2>&1 | head -1); $(nproc) cores"
run "offline enhancement" offline_body
run "cached LLM enhancement" cached_body
run "uncached LLM enhancement (stub)" fresh_body
for i in $(seq 1 200); do post "http://127.0.0.1:$stub_port/v1/chat/completions" "$(stub_body)" >/dev/null; done
for i in $(seq 1 "$n"); do post "http://127.0.0.1:$stub_port/v1/chat/completions" "$(stub_body)"; done | stats "stub alone (direct)"
