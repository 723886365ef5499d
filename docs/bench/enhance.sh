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
. docs/bench/stub-env.sh
n="${1:-300}"
cat >"$work/mappings/chat.json" <<'JSON'
{ "request": { "method": "POST", "url": "/v1/chat/completions" },
  "response": { "status": 200, "headers": { "Content-Type": "application/json" },
    "jsonBody": { "id": "chatcmpl-bench", "object": "chat.completion", "created": 1763840000, "model": "gpt-4.1-mini-2025-04-14",
      "choices": [ { "index": 0, "finish_reason": "stop", "message": { "role": "assistant",
        "content": "{\"enhanced\":\"A red fox trots across a snowy road at night, low tracking shot, cold moonlight and drifting snow.\"}" } } ],
      "usage": { "prompt_tokens": 300, "completion_tokens": 40, "total_tokens": 340 } } } }
JSON
start_app_with_stub

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

run "offline enhancement" offline_body
run "cached LLM enhancement" cached_body
run "uncached LLM enhancement (stub)" fresh_body
for i in $(seq 1 200); do post "http://127.0.0.1:$stub_port/v1/chat/completions" "$(stub_body)" >/dev/null; done
for i in $(seq 1 "$n"); do post "http://127.0.0.1:$stub_port/v1/chat/completions" "$(stub_body)"; done | stats "stub alone (direct)"
