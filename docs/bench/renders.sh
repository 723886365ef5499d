#!/usr/bin/env bash
# Renders: the render job's overhead over a backend that answers at once.
#
#   docs/bench/renders.sh [renders per backend (300)] [warm-up renders per backend (100)]
#
# Starts the packaged jar (stub-env.sh: local PostgreSQL and Redis) with a WireMock stub that answers at once as
#  - openai-images: POST /v1/images/generations with a base64 PNG (a 64x64 image, 2 KB);
#  - predictions: POST /v1/predictions with a prediction already succeeded, its output a PNG on the stub's own host
#    (so the job also downloads it; no poll);
# and runs, one client, one render after another (after the warm-up ones): POST /api/v1/renders, follow the job's
# events until completed, then read the job. "Server time" is the job's finished_at - created_at (from accept to
# the completed event's record): submit, job start, the backend call(s), checks, storing the output in PostgreSQL,
# the record, five events. The offline backend (drawing a 256x256 and a 1024x1024 preview) is measured the same way.
# Prints p50/p90/p99 and the service's CPU per render (utime + stime of its process, /proc/<pid>/stat, the client's
# event stream and reads included), also less what the idle service spends in as long (measured for 10 s first).
#   BENCH_DB=<database> BENCH_REDIS=redis://127.0.0.1:6379/<n> BENCH_APP_PORT=… BENCH_STUB_PORT=… run it away from the
#   local development database, Redis database and ports.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-300}
warm=${2:-100}
[[ $requests =~ ^[0-9]+$ ]] && [ "$requests" -ge 10 ] || { echo "renders must be an integer >= 10" >&2; exit 2; }

. deployment/local/jdk.sh
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src prompts pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
. docs/bench/stub-env.sh
app_port=${BENCH_APP_PORT:-$app_port}
stub_port=${BENCH_STUB_PORT:-$stub_port}
eval "stub_$(declare -f bench_env)"
bench_env() {
  stub_bench_env
  if [ -n "${BENCH_DB:-}" ]; then
    export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$BENCH_DB
    export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$BENCH_DB
  fi
  [ -z "${BENCH_REDIS:-}" ] || export QUARKUS_REDIS_HOSTS=$BENCH_REDIS
  export OPENAI_IMAGES_BASE_URL=http://127.0.0.1:$stub_port OPENAI_IMAGES_API_KEY=bench
  export PREDICTIONS_BASE_URL=http://127.0.0.1:$stub_port REPLICATE_API_TOKEN=bench
}

python3 - "$work" "$stub_port" <<'PY'
import base64, json, os, struct, sys, zlib
work, port = sys.argv[1], sys.argv[2]
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
rows = b"".join(b"\x00" + b"".join(bytes((x * 4, y * 4, 128)) for x in range(64)) for y in range(64))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
os.makedirs(f"{work}/__files", exist_ok=True)
open(f"{work}/__files/out.png", "wb").write(png)
mappings = [
    {"request": {"method": "POST", "url": "/v1/images/generations"},
     "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                  "jsonBody": {"created": 1763840000, "data": [{"b64_json": base64.b64encode(png).decode()}]}}},
    {"request": {"method": "POST", "url": "/v1/predictions"},
     "response": {"status": 201, "headers": {"Content-Type": "application/json"},
                  "jsonBody": {"id": "bench", "status": "succeeded", "logs": "",
                               "output": [f"http://127.0.0.1:{port}/files/out.png"]}}},
    {"request": {"method": "GET", "url": "/files/out.png"},
     "response": {"status": 200, "headers": {"Content-Type": "image/png"}, "bodyFileName": "out.png"}},
]
for i, m in enumerate(mappings):
    json.dump(m, open(f"{work}/mappings/{i}.json", "w"))
PY

start_app_with_stub
url=http://127.0.0.1:$app_port
curl -sf -o /dev/null "$url/q/health/ready" || { echo "the service did not start:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
echo "renders of $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src prompts pom.xml || echo ', modified'), $(date -u '+%Y-%m-%d %H:%M UTC')"

APP_PID=$app URL=$url REQUESTS=$requests WARM=$warm python3 - <<'PY'
import http.client, json, os, time
from datetime import datetime

host, port = os.environ["URL"].replace("http://", "").split(":")
conn = http.client.HTTPConnection(host, int(port), timeout=60)
clk = os.sysconf("SC_CLK_TCK")
pid = os.environ["APP_PID"]

def call(method, path, body=None):
    conn.request(method, path, None if body is None else json.dumps(body), {"Content-Type": "application/json"})
    response = conn.getresponse()
    return response.status, response.read()

def follow(job_id):
    """Reads the job's event stream until it closes; the last event's name."""
    stream = http.client.HTTPConnection(host, int(port), timeout=60)
    stream.request("GET", f"/api/v1/jobs/{job_id}/events", headers={"Accept": "text/event-stream"})
    response = stream.getresponse()
    last = None
    for line in response:
        if line.startswith(b"event:"):
            last = line[6:].strip().decode()
    stream.close()
    return last

def at(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))

def render(body):
    status, data = call("POST", "/api/v1/renders", body)
    if status != 202:
        raise SystemExit(f"HTTP {status}: {data[:300]!r}")
    job_id = json.loads(data)["id"]
    last = follow(job_id)
    status, data = call("GET", f"/api/v1/jobs/{job_id}")
    job = json.loads(data)
    if last != "completed" or job["status"] != "succeeded":
        raise SystemExit(f"render {job_id} ended {last} / {job['status']}: {job.get('error')}")
    return (at(job["finished_at"]) - at(job["created_at"])).total_seconds() * 1000

def cpu():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])

n, warm = int(os.environ["REQUESTS"]), int(os.environ["WARM"])
# What the service spends doing nothing asked (job queue and sweeper polls, timers), to read the CPU column against.
before, start = cpu(), time.perf_counter()
time.sleep(10)
idle = (cpu() - before) / clk / (time.perf_counter() - start)
print(f"\nServer time of a render (job created -> completed), one client, {n} renders after {warm} warm-up ones:")
print(f"The idle service used {idle * 1000:.1f} ms of CPU per second.")
print("| backend | renders | p50 ms | p90 ms | p99 ms | service CPU µs/render | less idle |")
print("| --- | --- | --- | --- | --- | --- | --- |")
cases = [
    ("openai-images, instant stub (base64 PNG)", {"backend": "openai-images", "model": "dall-e-3", "parameters": {"width": 64, "height": 64}}),
    ("predictions, instant stub (download)", {"backend": "predictions", "model": "bench/model", "parameters": {"width": 64, "height": 64}}),
    ("offline, 256x256 preview", {"backend": "offline", "parameters": {"width": 256, "height": 256}}),
    ("offline, 1024x1024 preview", {"backend": "offline", "parameters": {"width": 1024, "height": 1024}}),
]
for label, base in cases:
    for i in range(warm):
        render(dict(base, prompt=f"a teal robot cooking at dawn, warm-up {i}"))
    times = []
    before, began = cpu(), time.perf_counter()
    for i in range(n):
        times.append(render(dict(base, prompt=f"a teal robot cooking at dawn, take {i}")))
    used = (cpu() - before) / clk
    elapsed = time.perf_counter() - began
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
    print(f"| {label} | {n} | {q(0.5):.1f} | {q(0.9):.1f} | {q(0.99):.1f} | {used * 1e6 / n:,.0f} | {(used - idle * elapsed) * 1e6 / n:,.0f} |")
PY
