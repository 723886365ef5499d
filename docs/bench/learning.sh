#!/usr/bin/env bash
# Learning: what a trial, a rating and a status read cost the service, PostgreSQL and Redis.
#
#   docs/bench/learning.sh [trials (40)]
#
# Starts the packaged jar (stub-env.sh: local PostgreSQL and Redis; the offline render backend, no key), creates a
# study with the design's defaults and runs, one client, one trial after another: POST a trial, follow its job's
# events to the end (two offline 1024x1024 renders and their image features), rate it (random 1-3 stars, so Phase 1
# keeps going and evolutions and A/B tests happen on their own), then read the status (the GP refit and the reward
# model's cross-validation, computed once per rating count) and the history. Prints p50/p90/max of each, the server
# time of a trial (job created -> finished), and the CPU per trial of the service, PostgreSQL (all its processes)
# and Redis (utime + stime, /proc/<pid>/stat), less what the idle service spends in as long.
#   BENCH_DB=<database> BENCH_REDIS=redis://127.0.0.1:6379/<n> BENCH_APP_PORT=… run it away from the local
#   development database, Redis database and port.
set -euo pipefail
cd "$(dirname "$0")/../.."
trials=${1:-40}
[[ $trials =~ ^[0-9]+$ ]] && [ "$trials" -ge 5 ] || { echo "trials must be an integer >= 5" >&2; exit 2; }

. deployment/local/jdk.sh
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src prompts pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
. docs/bench/stub-env.sh
app_port=${BENCH_APP_PORT:-$app_port}
eval "stub_$(declare -f bench_env)"
bench_env() {
  stub_bench_env
  if [ -n "${BENCH_DB:-}" ]; then
    export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$BENCH_DB
    export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$BENCH_DB
  fi
  [ -z "${BENCH_REDIS:-}" ] || export QUARKUS_REDIS_HOSTS=$BENCH_REDIS
}
start_app_with_stub
url=http://127.0.0.1:$app_port
curl -sf -o /dev/null "$url/q/health/ready" || { echo "the service did not start:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
echo "learning of $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src prompts pom.xml || echo ', modified'), $(date -u '+%Y-%m-%d %H:%M UTC')"

APP_PID=$app URL=$url TRIALS=$trials python3 - <<'PY'
import http.client, json, os, random, subprocess, time
from datetime import datetime

host, port = os.environ["URL"].replace("http://", "").split(":")
conn = http.client.HTTPConnection(host, int(port), timeout=120)
clk = os.sysconf("SC_CLK_TCK")
app = os.environ["APP_PID"]

def pids(name):
    out = subprocess.run(["pgrep", "-x", name], capture_output=True, text=True).stdout.split()
    return out

def ticks(pid):
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except FileNotFoundError:
        return 0

def cpu():
    return {"service": ticks(app), "postgres": sum(ticks(p) for p in pids("postgres")),
            "redis": sum(ticks(p) for p in pids("redis-server"))}

def call(method, path, body=None):
    began = time.perf_counter()
    conn.request(method, path, None if body is None else json.dumps(body), {"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    return response.status, data, (time.perf_counter() - began) * 1000

def follow(job_id):
    stream = http.client.HTTPConnection(host, int(port), timeout=120)
    stream.request("GET", f"/api/v1/jobs/{job_id}/events", headers={"Accept": "text/event-stream"})
    last = None
    for line in stream.getresponse():
        if line.startswith(b"event:"):
            last = line[6:].strip().decode()
    stream.close()
    return last

def at(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))

status, data, _ = call("POST", "/api/v1/learning/studies", {"name": "bench", "seed": 42})
assert status == 201, data
study = json.loads(data)["id"]
base = f"/api/v1/learning/studies/{study}"
rng = random.Random(7)
n = int(os.environ["TRIALS"])

before, start = cpu(), time.perf_counter()
time.sleep(5)
idle = {k: (v - before[k]) / clk / (time.perf_counter() - start) for k, v in cpu().items()}

server, client, rate, stat, hist = [], [], [], [], []
before, began = cpu(), time.perf_counter()
for i in range(n):
    t0 = time.perf_counter()
    status, data, _ = call("POST", base + "/trials", {"prompt": f"a sunlit living room, take {i}"})
    assert status == 202, data
    job = json.loads(data)["id"]
    last = follow(job)
    status, data, _ = call("GET", f"/api/v1/jobs/{job}")
    record = json.loads(data)
    assert last == "completed" and record["status"] == "succeeded", record
    client.append((time.perf_counter() - t0) * 1000)
    server.append((at(record["finished_at"]) - at(record["created_at"])).total_seconds() * 1000)
    status, data, _ = call("GET", f"{base}/trials/{job}")
    trial = json.loads(data)
    body = {"experiment_id": job, "ratings": [{"option": o["option"], "rating": rng.randint(1, 3)} for o in trial["options"]]}
    status, data, ms = call("POST", base + "/ratings", body)
    assert status == 200, data
    rate.append(ms)
    status, data, ms = call("GET", base + "/status")
    assert status == 200, data
    stat.append(ms)
    status, data, ms = call("GET", base + "/history")
    assert status == 200, data
    hist.append(ms)
elapsed = time.perf_counter() - began
used = {k: (v - before[k]) / clk for k, v in cpu().items()}

def q(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]

print(f"\n{n} trials, one client (each: draw + 2 renders, rate, status, history); samples at the end: {2 * n}")
print("| step | p50 ms | p90 ms | max ms |")
print("| --- | --- | --- | --- |")
for label, values in [("trial, server (job created -> finished)", server), ("trial, client (POST -> job read)", client),
                      ("rate", rate), ("status (refit once per rating)", stat), ("history", hist)]:
    print(f"| {label} | {q(values, 0.5):.1f} | {q(values, 0.9):.1f} | {max(values):.1f} |")
print(f"\nCPU per trial (draw, renders, rate, status, history), ms; idle service {idle['service'] * 1000:.1f} ms/s:")
print("| process | ms per trial | less idle |")
print("| --- | --- | --- |")
for k in ("service", "postgres", "redis"):
    print(f"| {k} | {used[k] * 1000 / n:.1f} | {(used[k] - idle[k] * elapsed) * 1000 / n:.1f} |")
status, data, _ = call("GET", base + "/status")
s = json.loads(data)
print(f"\nstatus at the end: samples {s['phase_1']['samples_collected']}, current {s['prompt_evolution']['current_version']},"
      f" candidate {s['prompt_evolution']['candidate_version']}, phase 2 accuracy {s['phase_2']['model_accuracy']}")
PY
