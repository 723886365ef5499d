#!/usr/bin/env bash
# Targets: the prompt tokens a selection saves, and the server time of the offline and stubbed-model paths.
#
#   docs/bench/targets.sh [requests per path (300)]
#
# Starts the packaged jar (stub-env.sh: local PostgreSQL and Redis, a WireMock model that answers every chat
# completion at once with a valid answer for Sora + Leonardo), then
#  1. tokens: POST /api/v1/targets/prompts (offline engine) for one, two, three and every group of each category and
#     prints the answer's tokens: sent (this selection's instructions + schema, counted with the model's tokenizer),
#     all_groups (the same request with every group) and saved_pct;
#  2. server time: one client, sequential requests (a new prompt each, so no cache hit), after as many warm-up ones,
#     for the offline engine and for the stubbed model (selection 1,3: Sora + Leonardo, one model call each); prints
#     p50/p90/p99 in ms and the service's CPU per request (utime + stime from /proc/<pid>/stat).
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-300}
[[ $requests =~ ^[0-9]+$ ]] && [ "$requests" -ge 10 ] || { echo "requests must be an integer >= 10" >&2; exit 2; }

. deployment/local/jdk.sh
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src prompts pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
. docs/bench/stub-env.sh

# A valid answer for SORA_2_A, SORA_1_A (strings) and LEONARDO_ANIME_XL_A (prompt + negative prompt).
python3 - "$work/mappings/chat.json" <<'PY'
import json, sys
sora = ("A lone samurai walks slowly through a misty bamboo forest at dawn, his worn armour catching the first light. "
        "Low tracking shot on a 35mm lens, soft golden backlight through the stalks, quiet and melancholic. "
        "He stops, listens, then walks on as the mist parts.")
answer = {"prompts": {"SORA_2_A": sora, "SORA_1_A": sora,
                      "LEONARDO_ANIME_XL_A": {"prompt": "lone samurai in a misty bamboo forest at dawn, worn armour, soft golden backlight, anime illustration, vivid colours",
                                              "negative_prompt": "blurry, extra limbs, text, watermark"}}}
body = {"id": "chatcmpl-bench", "object": "chat.completion", "created": 1763840000, "model": "gpt-4.1-mini-2025-04-14",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": json.dumps(answer)}}],
        "usage": {"prompt_tokens": 900, "completion_tokens": 250, "total_tokens": 1150}}
json.dump({"request": {"method": "POST", "url": "/v1/chat/completions"},
           "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "jsonBody": body}},
          open(sys.argv[1], "w"))
PY

start_app_with_stub
url=http://127.0.0.1:$app_port
curl -sf -o /dev/null "$url/q/health/ready" || { echo "the service did not start:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
echo "targets of $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src prompts pom.xml || echo ', modified'), $(date -u '+%Y-%m-%d %H:%M UTC')"

APP_PID=$app URL=$url REQUESTS=$requests NONCE="$(date +%s)" python3 - <<'PY'
import http.client, json, os, time

url = os.environ["URL"].replace("http://", "")
host, port = url.split(":")
conn = http.client.HTTPConnection(host, int(port), timeout=30)
clk = os.sysconf("SC_CLK_TCK")
pid = os.environ["APP_PID"]
nonce = os.environ["NONCE"]

def post(body):
    conn.request("POST", "/api/v1/targets/prompts", json.dumps(body), {"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        raise SystemExit(f"HTTP {response.status}: {data[:300]!r}")
    return json.loads(data)

def cpu():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])

print("\n| category | selection | groups | models | tokens sent | all groups | saved |")
print("| --- | --- | --- | --- | --- | --- | --- |")
selections = [("image_generation", s) for s in ("1", "3", "1,3", "1,3,4", "1,2,3,4,5")] + \
             [("video_generation", s) for s in ("1", "2", "1,2")]
for category, selection in selections:
    answer = post({"category": category, "selection": selection, "prompt": "a lone samurai in a bamboo forest at dawn",
                   "options": {"engine": "offline"}})
    t = answer["tokens"]
    print(f"| {category} | {selection} | {', '.join(answer['selected_groups'])} | {answer['model_count']} | "
          f"{t['sent']} | {t['all_groups']} | {t['saved_pct']} % |")

def timed(label, engine, expect):
    n = int(os.environ["REQUESTS"])
    for i in range(n):
        post({"category": "image_generation", "selection": "1,3", "prompt": f"a lone samurai at dawn (warm {nonce} {label} {i})",
              "options": {"engine": engine}})
    latencies = []
    before = cpu()
    for i in range(n):
        start = time.perf_counter()
        answer = post({"category": "image_generation", "selection": "1,3",
                       "prompt": f"a lone samurai at dawn (take {nonce} {label} {i})", "options": {"engine": engine}})
        latencies.append((time.perf_counter() - start) * 1000)
        if answer["engine"] != expect or answer["cached"] or answer["model_count"] != 3:
            raise SystemExit(f"{label}: not as named: engine {answer['engine']}, cached {answer['cached']}")
        if expect == "llm" and any(p["engine"] != "llm" for p in answer["prompts"].values()):
            raise SystemExit(f"{label}: a prompt was replaced offline: {answer['prompts']}")
    used = (cpu() - before) / clk
    latencies.sort()
    q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
    print(f"| {label} | {n} | {q(0.5):.2f} | {q(0.9):.2f} | {q(0.99):.2f} | {used * 1e6 / n:.0f} |")

print("\nServer time, one client, sequential, Sora + Leonardo (3 models), a new prompt each request:")
print("| path | requests | p50 ms | p90 ms | p99 ms | service CPU µs/request |")
print("| --- | --- | --- | --- | --- | --- |")
timed("offline", "offline", "offline")
timed("stubbed model", "llm", "llm")
PY
