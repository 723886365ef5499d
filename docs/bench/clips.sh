#!/usr/bin/env bash
# Measures POST /api/v1/clip-prompts on the packaged JVM application, all on loopback:
#   - the template path (options.use_llm=false) for plans of 20 and 200 clips
#   - the LLM path for 20 clips (one call) and 60 clips (three concurrent calls) against a WireMock standalone stub
#     of the model that answers at once; every request changes one clip so the cache never answers
#   docs/bench/clips.sh [requests] [warm-up]     (default 200 per scenario, after 300 warm-up requests)
#   STUB_DELAY_MS=500 docs/bench/clips.sh 20 20  the stub answers after 500 ms: how far concurrent batches overlap
# Plans are the design's sample plan (src/test/resources/clips/sample_scene_plan.json) cycled to the clip count,
# with its reference images. Reported: the server's own generation_time (from the response) and curl's
# time_total per request (connection and a 10-100 KB response included); medians and p90, in milliseconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
. docs/bench/stub-env.sh
n="${1:-200}"
warm="${2:-300}"
python3 - "$work" "${STUB_DELAY_MS:-0}" <<'PY'
import json, sys
work, delay = sys.argv[1], int(sys.argv[2])
prompts = [{"clip_index": i, "prompt": f"Clip {i}: a young woman in a silver jacket crosses a cyberpunk neo-noir city at night, "
            "slow tracking shot, neon cyan and magenta light, melancholic mood."} for i in range(200)]
content = json.dumps({"prompts": prompts})
mapping = {"request": {"method": "POST", "url": "/v1/chat/completions"},
           "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                        "jsonBody": {"id": "chatcmpl-bench", "object": "chat.completion", "created": 1763840000,
                                     "model": "gpt-4o-2024-08-06",
                                     "choices": [{"index": 0, "finish_reason": "stop",
                                                  "message": {"role": "assistant", "content": content}}],
                                     "usage": {"prompt_tokens": 3000, "completion_tokens": 2000, "total_tokens": 5000}}}}
if delay:
    mapping["response"]["fixedDelayMilliseconds"] = delay
json.dump(mapping, open(f"{work}/mappings/chat.json", "w"))
plan = json.load(open("src/test/resources/clips/sample_scene_plan.json"))
refs = json.load(open("src/test/resources/clips/sample_reference_images.json"))
samples = plan["clip_scripts"]
for count in (20, 60, 200):
    scripts = []
    for i in range(count):
        s = dict(samples[i % len(samples)])
        s.update(clip_index=i, start=i * 4.0, end=i * 4.0 + 4.0, visual_description=(s["visual_description"] or "") + f" take {i}")
        scripts.append(s)
    for llm in (False, True):
        body = {"plan": dict(plan, clip_scripts=scripts), "references": refs, "options": {"use_llm": llm}}
        json.dump(body, open(f"{work}/plan-{count}-{'llm' if llm else 'templates'}.json", "w"))
PY
start_app_with_stub

api="http://127.0.0.1:$app_port/api/v1/clip-prompts"
post() { # body file -> "server_ms total_ms engine cached", read from the response with sed (no process per field)
  curl -s -w ' %{time_total}' -H 'Content-Type: application/json' --data-binary @"$1" "$api" | sed -E \
    's/.*"generation_time":([0-9.E-]+).*"engine":"([a-z]+)".*"cached":(true|false).* ([0-9.]+)$/\1 \4 \2 \3/' \
    | awk '{printf "%.3f %.3f %s %s\n", $1 * 1000, $2 * 1000, $3, $4}'
}
stats() { # label, "server total engine cached" lines on stdin
  python3 -c '
import sys
label = sys.argv[1]
rows = [line.split() for line in sys.stdin if line.strip()]
def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]
server = [float(r[0]) for r in rows]
client = [float(r[1]) for r in rows]
print(f"{label:<32} server median {pct(server, .5):8.2f} ms  p90 {pct(server, .9):8.2f} ms | "
      f"client median {pct(client, .5):8.2f} ms  p90 {pct(client, .9):8.2f} ms  (n={len(rows)}, engine={rows[0][2]}, cached={rows[0][3]})")
' "$1"
}
run() { # label, body file, fresh? (a new token in clip 0 each time, so the model cache never answers)
  local label=$1 file=$2 fresh=${3:-no}
  for i in $(seq 1 $((warm + n))); do
    if [ "$fresh" = yes ]; then
      sed "s/take 0\"/take 0 r$i-$RANDOM\"/" "$file" >"$work/body.json"
    else
      cp "$file" "$work/body.json"
    fi
    if [ "$i" -gt "$warm" ]; then post "$work/body.json"; else post "$work/body.json" >/dev/null; fi
  done | stats "$label"
}
run "templates, 20 clips" "$work/plan-20-templates.json"
run "templates, 200 clips" "$work/plan-200-templates.json"
run "LLM (stub), 20 clips, 1 call" "$work/plan-20-llm.json" yes
run "LLM (stub), 60 clips, 3 calls" "$work/plan-60-llm.json" yes
