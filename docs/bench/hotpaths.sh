#!/usr/bin/env bash
# The service's hot paths under load, on loopback: per path req/s, p50/p99 and CPU microseconds per request (the
# service JVM, every PostgreSQL process and redis-server, from /proc), a check that the path ran as named, then an
# open-loop run at a fixed rate against the instant-model enhance path and against the model stub directly.
#
#   docs/bench/hotpaths.sh [seconds per path (20)] [connections (32)] [paths (all)]
#
# paths, comma-separated: enhance-model enhance-cached enhance-offline sessions edits clips health open
#   enhance-model    POST /api/v1/enhance, a new prompt every request, the stub model answering at once
#   enhance-cached   the same request again (a Redis cache hit)
#   enhance-offline  options.engine=offline
#   sessions         POST /api/v1/sessions, offline engine
#   edits            POST /api/v1/sessions/{id}/edits, offline engine, round robin over EDIT_SESSIONS sessions
#   clips            POST /api/v1/clip-prompts, 20 clips, templates (options.use_llm=false)
#   health           GET /q/health/live
#   open             open loop at OPEN_RATE req/s: enhance-model, then the stub alone with the same rate
# Environment: WARMUP seconds before each path (15); WRK_THREADS (1); OPEN_RATE (default half the enhance-model
# req/s just measured; enhance-model is then run first); OPEN_SECONDS (30); EDIT_SESSIONS (1000 per edits run);
# LOAD_MAX (0.7) and LOAD_WAIT (600): before starting, wait up to LOAD_WAIT seconds for the 1-minute load average to
# fall below LOAD_MAX; JFR=1: a JFR recording of each path's measured run (in JFR_DIR) and its hot methods printed.
#
# Closed loop: wrk (Debian's, installed when missing) with docs/bench/hotpaths.lua, one connection per client, each
# sending its next request when the last is answered; warm-up run first, then the measured one. CPU: utime + stime (+
# reaped children) from /proc/<pid>/stat before and after the measured run, in clock ticks (getconf CLK_TCK); the load
# generator's own CPU and the stub's are reported beside (not in the total), and "others" is what the rest of the
# machine used meanwhile (/proc/stat busy time minus all of the above), in cores, and "steal" the time the hypervisor
# ran someone else on our cores (/proc/stat). Open loop: docs/bench/OpenLoop.java,
# latency counted from each request's intended send time.
# Everything runs on 127.0.0.1; stub-env.sh starts the jar of the directory this is run from and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$PWD

seconds=${1:-20}
conns=${2:-32}
paths=${3:-all}
warmup=${WARMUP:-15}
threads=${WRK_THREADS:-1}
open_seconds=${OPEN_SECONDS:-30}
edit_sessions=${EDIT_SESSIONS:-1000}
load_max=${LOAD_MAX:-0.7}
load_wait=${LOAD_WAIT:-600}
int_in() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ] || { echo "$4 must be an integer in $2..$3, not '$1'" >&2; exit 2; }; }
int_in "$seconds" 1 600 "seconds per path"
int_in "$conns" 1 1024 connections
int_in "$warmup" 0 300 WARMUP
int_in "$threads" 1 2 WRK_THREADS
int_in "$open_seconds" 1 600 OPEN_SECONDS
int_in "$edit_sessions" 10 100000 EDIT_SESSIONS
int_in "$load_wait" 0 600 LOAD_WAIT
[ -z "${OPEN_RATE:-}" ] || int_in "$OPEN_RATE" 1 20000 OPEN_RATE
all_paths="enhance-model enhance-cached enhance-offline sessions edits clips health open"
[ "$paths" = all ] && paths=$all_paths
paths=${paths//,/ }
for p in $paths; do [[ " $all_paths " == *" $p "* ]] || { echo "unknown path '$p' (known: $all_paths)" >&2; exit 2; }; done
# the open loop's default rate is half the instant-model capacity: measure it first
if [[ " $paths " == *" open "* ]] && [ -z "${OPEN_RATE:-}" ] && [[ " $paths " != *" enhance-model "* ]]; then
  paths="enhance-model $paths"
fi

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y wrk >/dev/null || { apt-get update -qq && apt-get install -y wrk >/dev/null; }; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

# Wait for a quiet machine (2 cores, shared), then say how quiet it was.
waited=0
while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v m="$load_max" 'BEGIN { exit !(l >= m) }' && [ "$waited" -lt "$load_wait" ]; do
  [ "$waited" -gt 0 ] || echo "load average $(cut -d' ' -f1-3 /proc/loadavg) is not below $load_max: waiting up to ${load_wait}s"
  sleep 10
  waited=$((waited + 10))
done
start_load=$(cut -d' ' -f1-3 /proc/loadavg)

# Package the jar when missing or older than the sources (stub-env.sh only checks that it exists).
. deployment/local/jdk.sh
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "packaging $(git rev-parse --short HEAD 2>/dev/null || echo this tree)"
  ./mvnw -B -q package -DskipTests
fi

. docs/bench/stub-env.sh

# The model stub: every chat completion answers at once with a valid enhancement (the enhanced_prompt schema's
# {"enhanced": ...}), one that keeps every detail of the prompts sent below (faithfulness 1.0, so no repair call).
cat >"$work/mappings/chat.json" <<'JSON'
{ "request": { "method": "POST", "url": "/v1/chat/completions" },
  "response": { "status": 200, "headers": { "Content-Type": "application/json" },
    "jsonBody": { "id": "chatcmpl-bench", "object": "chat.completion", "created": 1763840000, "model": "gpt-4.1-mini-2025-04-14",
      "choices": [ { "index": 0, "finish_reason": "stop", "message": { "role": "assistant",
        "content": "{\"enhanced\":\"A fox crossing a snowy road at night, low tracking shot, cold moonlight and drifting snow.\"}" } } ],
      "usage": { "prompt_tokens": 300, "completion_tokens": 40, "total_tokens": 340 } } } }
JSON
# What the service sends the model, roughly (for the stub-alone open loop).
cat >"$work/stub-request.json" <<'JSON'
{"model":"gpt-4.1-mini","temperature":0.7,"max_tokens":400,"messages":[{"role":"system","content":"You rewrite a short idea for a video into one detailed cinematic prompt for a text-to-video model: subject, action, setting, camera, lighting, mood. Keep every detail of the idea. Answer with JSON only."},{"role":"user","content":"a fox crossing a snowy road at night (take {n})"}],"response_format":{"type":"json_schema","json_schema":{"name":"enhanced_prompt","strict":true,"schema":{"type":"object","properties":{"enhanced":{"type":"string"}},"required":["enhanced"],"additionalProperties":false}}}}
JSON
echo '{"prompt":"a fox crossing a snowy road at night (cached)"}' >"$work/enhance-cached.json"
echo '{"prompt":"a fox crossing a snowy road at night (offline)","options":{"engine":"offline"}}' >"$work/enhance-offline.json"
echo '{"prompt": "The teal robot is cooking food in a kitchen at dawn.", "options": {"engine":"offline"}}' >"$work/session.json"
python3 - "$work/clips-20.json" <<'PY'
import json, sys
plan = json.load(open("src/test/resources/clips/sample_scene_plan.json"))
refs = json.load(open("src/test/resources/clips/sample_reference_images.json"))
samples = plan["clip_scripts"]
scripts = []
for i in range(20):
    s = dict(samples[i % len(samples)])
    s.update(clip_index=i, start=i * 4.0, end=i * 4.0 + 4.0, visual_description=(s["visual_description"] or "") + f" take {i}")
    scripts.append(s)
json.dump({"plan": dict(plan, clip_scripts=scripts), "references": refs, "options": {"use_llm": False}}, open(sys.argv[1], "w"))
PY
javac -d "$work/openloop" docs/bench/OpenLoop.java

start_app_with_stub
app_url=http://127.0.0.1:$app_port
stub_url=http://127.0.0.1:$stub_port
curl -sf -o /dev/null "$app_url/q/health/ready" || { echo "the service did not get ready; its log:" >&2; tail -40 "$work/app.log" >&2; exit 1; }

# Stop what this script started (the generator in flight, the service, the stub), whatever the exit.
gen=""
cleanup() {
  local p
  # a load generator runs as a background function (a subshell): its children first
  for p in $gen; do pkill -TERM -P "$p" 2>/dev/null || true; done
  for p in $gen ${app:-} ${stub:-}; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

clk=$(getconf CLK_TCK)
nonce="$(date +%s)$(printf '%07d' $$)"   # digits only: a number in a prompt is no parameter, so no detail to lose
jfr_dir=${JFR_DIR:-/tmp/hotpaths-jfr-$nonce}

# Clock ticks used so far (utime + stime + cutime + cstime) by the service, PostgreSQL, Redis and the stub, by this
# shell's reaped children (the load generator), and by the whole machine (/proc/stat). Builtins only: no process is
# started, so nothing lands in this shell's children's time.
sample() {
  local f line comm rest ticks
  s_svc=0 s_pg=0 s_redis=0 s_stub=0
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    comm=${line#*(}
    comm=${comm%)*}
    rest=${line##*) }
    read -r -a fields <<<"$rest"
    ticks=$((fields[11] + fields[12] + fields[13] + fields[14]))
    case "$comm" in
      postgres) s_pg=$((s_pg + ticks)) ;;
      redis-server) s_redis=$((s_redis + ticks)) ;;
      *)
        f=${f#/proc/}
        f=${f%/stat}
        if [ "$f" = "$app" ]; then s_svc=$ticks; elif [ "$f" = "$stub" ]; then s_stub=$ticks; fi ;;
    esac
  done
  read -r line </proc/$BASHPID/stat
  read -r -a fields <<<"${line##*) }"
  s_gen=$((fields[13] + fields[14]))
  read -r -a fields </proc/stat
  s_busy=$((fields[1] + fields[2] + fields[3] + fields[6] + fields[7]))
  s_steal=${fields[8]}
  s_time=${EPOCHREALTIME/./}
}

# in_background out-file command...: runs it in the background and waits, so that a signal stops the script at once
in_background() {
  local out=$1 rc=0
  shift
  runs=$((runs + 1))   # a new nonce for each run (wrk_run reads it in the subshell)
  "$@" >"$out" 2>&1 &
  gen=$!
  wait "$gen" || rc=$?
  gen=""
  return "$rc"
}

# measure out-file command...: runs the load generator in the background while sampling around it; sets d_* (ticks)
# and d_wall (seconds).
measure() {
  local out=$1 rc=0
  shift
  sample
  local b_svc=$s_svc b_pg=$s_pg b_redis=$s_redis b_stub=$s_stub b_gen=$s_gen b_busy=$s_busy b_steal=$s_steal b_time=$s_time
  in_background "$out" "$@" || rc=$?
  sample
  d_svc=$((s_svc - b_svc)) d_pg=$((s_pg - b_pg)) d_redis=$((s_redis - b_redis)) d_stub=$((s_stub - b_stub))
  d_gen=$((s_gen - b_gen)) d_busy=$((s_busy - b_busy)) d_steal=$((s_steal - b_steal))
  d_wall=$(awk -v t=$((s_time - b_time)) 'BEGIN { printf "%.3f", t / 1e6 }')
  [ "$rc" -eq 0 ] || { echo "load generator failed ($rc):" >&2; tail -20 "$out" >&2; exit 1; }
}

# the rest of the machine in the last window, in cores: "others" is every other process (this script's helpers
# included) and interrupt work done while a core was idle; "steal" is time the hypervisor gave our cores to someone
# else (this is a VM on a shared host)
cores() { awk -v t="$1" -v c="$clk" -v w="$d_wall" 'BEGIN { printf "%.2f", t / c / w }'; }
others() { cores $((d_busy - d_svc - d_pg - d_redis - d_stub - d_gen)); }
steal() { cores "$d_steal"; }

# per request, in microseconds, of d_* ticks over n requests
per_request() { awk -v t="$1" -v n="$2" -v c="$clk" 'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / c / n : -1) }'; }

# JFR=1: one recording from here on (its instrumentation at start stays out of the paths' windows); after each
# measured run, the run's stretch of it is dumped and its hot methods printed. CPU figures with JFR on are not the
# figures of record.
if [ "${JFR:-0}" = 1 ]; then
  mkdir -p "$jfr_dir"
  jcmd "$app" JFR.start name=hotpaths settings=profile >/dev/null
fi
jfr_dump() { # path name, begin (ISO time)
  [ "${JFR:-0}" = 1 ] || return 0
  jcmd "$app" JFR.dump name=hotpaths filename="$jfr_dir/$1.jfr" begin="$2" end="$(date -u +%Y-%m-%dT%H:%M:%SZ)" >/dev/null
  echo "  JFR $jfr_dir/$1.jfr (whole chunks around the measured run: some warm-up too), hot methods:"
  jfr view --width 160 hot-methods "$jfr_dir/$1.jfr" | sed -n '6,20p' | sed 's/^/    /'
}

runs=0
wrk_run() { # seconds url [env...]
  local secs=$1 url=$2
  shift 2
  env HP_THREADS="$threads" HP_NONCE="$nonce$(printf '%02d' $runs)" "$@" wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s \
    -s docs/bench/hotpaths.lua "$url"
}

# tally file key -> count
tally() { sed -n 's/^HP_CHECK //p' "$1" | tr ' ' '\n' | awk -F: -v k="$2" '$1 == k { print $2; found = 1 } END { if (!found) print 0 }'; }
field() { sed -n 's/^HP //p' "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }

rows=()
declare -A rate_of
own_warmup=no
# closed name url expected-status expected-tallies env...: warm-up, measured run, a result row and a check line
closed() {
  local name=$1 url=$2 status=$3 expected=$4
  shift 4
  printf '%s: %ss warm-up, %ss at %s connections (load average %s)\n' "$name" "$warmup" "$seconds" "$conns" "$(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$warmup" -eq 0 ] || [ "$own_warmup" = yes ] || in_background "$work/$name.warm" wrk_run "$warmup" "$url" "$@"
  local begin
  begin=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  measure "$work/$name.out" wrk_run "$seconds" "$url" "$@"
  jfr_dump "$name" "$begin"
  local out=$work/$name.out n dur p50 p99 errors sampled ok=yes why="" e k v got
  n=$(field "$out" requests)
  dur=$(field "$out" duration_us)
  p50=$(field "$out" p50_us)
  p99=$(field "$out" p99_us)
  [ -n "$n" ] || { echo "no figures from wrk:" >&2; cat "$out" >&2; exit 1; }
  errors=$(( $(field "$out" err_connect) + $(field "$out" err_read) + $(field "$out" err_write) + $(field "$out" err_timeout) ))
  local good non2xx
  good=$(tally "$out" "status=$status")
  non2xx=$(sed -n 's/^HP_CHECK //p' "$out" | tr ' ' '\n' | awk -F'[=:]' '$1 == "status" && ($2 < 200 || $2 > 299) { s += $3 } END { print s + 0 }')
  [ "$good" -eq "$n" ] || { ok=no; why+=" status $status in $good of $n;"; }
  [ "$errors" -eq 0 ] || { ok=no; why+=" $errors socket errors (connect $(field "$out" err_connect), read $(field "$out" err_read), write $(field "$out" err_write), timeout $(field "$out" err_timeout));"; }
  sampled=$(tally "$out" sampled)
  [ "$sampled" -gt 0 ] || { ok=no; why+=" no answer sampled;"; }
  for e in $expected; do
    got=$(tally "$out" "$e")
    [ "$got" -eq "$sampled" ] || { ok=no; why+=" $e in $got of $sampled;"; }
  done
  local rps svc pg redis total stub wrkcpu others steal
  rps=$(awk -v n="$n" -v d="$dur" 'BEGIN { printf "%.0f", n / (d / 1e6) }')
  rate_of[$name]=$rps
  svc=$(per_request "$d_svc" "$n")
  pg=$(per_request "$d_pg" "$n")
  redis=$(per_request "$d_redis" "$n")
  total=$(per_request $((d_svc + d_pg + d_redis)) "$n")
  stub=$(per_request "$d_stub" "$n")
  wrkcpu=$(per_request "$d_gen" "$n")
  others=$(others)
  steal=$(steal)
  local p50ms p99ms
  p50ms=$(awk -v u="$p50" 'BEGIN { printf "%.2f", u / 1000 }')
  p99ms=$(awk -v u="$p99" 'BEGIN { printf "%.2f", u / 1000 }')
  printf '  %s req/s, p50 %s ms, p99 %s ms; CPU per request %s µs = service %s + PostgreSQL %s + Redis %s (stub %s, wrk %s); others %s cores, steal %s cores\n' \
    "$rps" "$p50ms" "$p99ms" "$total" "$svc" "$pg" "$redis" "$stub" "$wrkcpu" "$others" "$steal"
  printf '  check: %s non-2xx, %s socket errors; %s of %s answers sampled: %s -> %s\n' "$non2xx" "$errors" "$sampled" "$n" \
    "$(sed -n 's/^HP_CHECK //p' "$out" | tr ' ' '\n' | grep -v '^sampled:' | tr '\n' ' ' | sed 's/ $//')" \
    "$([ "$ok" = yes ] && echo "ran as named" || echo "NOT as named:$why")"
  rss=$(rss_mb VmRSS)
  printf '  service memory: resident %s MB now, %s MB at most so far (VmHWM)\n' "$rss" "$(rss_mb VmHWM)"
  rows+=("| $name | $rps | $p50ms | $p99ms | $total | $svc | $pg | $redis | $stub | $wrkcpu | $others | $steal | $rss | $non2xx | $ok |")
}

# The service's resident memory in MB: VmRSS (now) or VmHWM (the peak since it started), from /proc.
rss_mb() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$app/status"; }

# Sessions for the edits: every session answer of the sessions path is recorded; more are made when too few.
edit_ids() {
  local need=$((2 * edit_sessions)) tries=0
  cat "$work"/ids.* 2>/dev/null >"$work/ids-all" || true
  while [ "$(wc -l <"$work/ids-all")" -lt "$need" ] && [ "$tries" -lt 20 ]; do
    in_background /dev/null wrk_run 3 "$app_url/api/v1/sessions" HP_MODE=sessions HP_BODY="$work/session.json" HP_IDS_OUT="$work/ids.extra$tries"
    tries=$((tries + 1))
    cat "$work"/ids.* >"$work/ids-all"
  done
  [ "$(wc -l <"$work/ids-all")" -ge "$need" ] || { echo "could not make $need sessions" >&2; exit 1; }
}

echo "hot paths of $(git rev-parse --short HEAD 2>/dev/null || echo '?') (sources last changed in $(git log -1 --format=%h -- src pom.xml 2>/dev/null || echo '?'))$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ', modified') in $here"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, wrk $threads thread(s), load average at start $start_load (waited ${waited}s)"
for path in $paths; do
  case $path in
    enhance-model)
      closed enhance-model "$app_url/api/v1/enhance" 200 "engine=llm cached=false tokens_in=300 faithfulness=1.0" HP_MODE=unique ;;
    enhance-cached)
      curl -s -o /dev/null -H 'Content-Type: application/json' -d @"$work/enhance-cached.json" "$app_url/api/v1/enhance"
      closed enhance-cached "$app_url/api/v1/enhance" 200 "engine=llm cached=true" HP_MODE=static HP_BODY="$work/enhance-cached.json" ;;
    enhance-offline)
      closed enhance-offline "$app_url/api/v1/enhance" 200 "engine=offline cached=false" HP_MODE=static HP_BODY="$work/enhance-offline.json" ;;
    sessions)
      closed sessions "$app_url/api/v1/sessions" 201 "engine=offline cached=false" HP_MODE=sessions HP_BODY="$work/session.json" HP_IDS_OUT="$work/ids.sessions" ;;
    edits)
      edit_ids
      # the warm-up edits the first EDIT_SESSIONS sessions, the measured run the next ones: each run starts on teal robots
      [ "$warmup" -eq 0 ] || in_background "$work/edits.warm" wrk_run "$warmup" "$app_url" HP_MODE=edits HP_IDS_IN="$work/ids-all" HP_IDS_FROM=1 HP_IDS_TO="$edit_sessions"
      own_warmup=yes
      closed edits "$app_url" 200 "engine=offline cached=false revision=new" HP_MODE=edits HP_IDS_IN="$work/ids-all" \
        HP_IDS_FROM=$((edit_sessions + 1)) HP_IDS_TO=$((2 * edit_sessions))
      own_warmup=no ;;
    clips)
      closed clips "$app_url/api/v1/clip-prompts" 200 "engine=offline cached=false total_clips=20 llm_used=none" HP_MODE=static HP_BODY="$work/clips-20.json" ;;
    health)
      closed health "$app_url/q/health/live" 200 "health=UP" HP_MODE=get ;;
  esac
done

open_rows=()
if [[ " $paths " == *" open "* ]]; then
  rate=${OPEN_RATE:-$(( ${rate_of[enhance-model]} / 2 ))}
  [ "$rate" -ge 1 ] || { echo "no open-loop rate" >&2; exit 1; }
  ol() { # label url body-file expect...
    local label=$1 url=$2 body=$3
    shift 3
    local expects=()
    for e in "$@"; do expects+=(--expect "$e"); done
    printf '%s: open loop, %s req/s, 5 s warm-up + %s s (load average %s)\n' "$label" "$rate" "$open_seconds" "$(cut -d' ' -f1-3 /proc/loadavg)"
    local begin
    begin=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    measure "$work/$label.out" java -XX:+UseSerialGC -Xms64m -Xmx256m -cp "$work/openloop" OpenLoop --url "$url" \
      --body-file "$body" --nonce "$nonce" --rate "$rate" --seconds "$open_seconds" --warmup 5 --label "$label" "${expects[@]}"
    jfr_dump "$label" "$begin"
    local line n p50 p99
    line=$(grep '^OL ' "$work/$label.out")
    n=$(tr ' ' '\n' <<<"$line" | sed -n 's/^ok=//p')
    p50=$(tr ' ' '\n' <<<"$line" | sed -n 's/^p50_us=//p')
    p99=$(tr ' ' '\n' <<<"$line" | sed -n 's/^p99_us=//p')
    # CPU over the warm-up too: per answered request of the whole run
    local all=$(( n * (open_seconds + 5) / open_seconds ))
    echo "  $line"
    grep '^OL_CHECK' "$work/$label.out" | sed 's/^/  /' || true
    printf '  CPU per request %s µs = service %s + PostgreSQL %s + Redis %s (stub %s, generator %s); others %s cores, steal %s cores\n' \
      "$(per_request $((d_svc + d_pg + d_redis)) "$all")" "$(per_request "$d_svc" "$all")" "$(per_request "$d_pg" "$all")" \
      "$(per_request "$d_redis" "$all")" "$(per_request "$d_stub" "$all")" "$(per_request "$d_gen" "$all")" \
      "$(others)" "$(steal)"
    ol_p50=$p50 ol_p99=$p99
  }
  printf '{"prompt":"a fox crossing a snowy road at night (open {n})"}' >"$work/enhance-open.json"
  ol open-enhance-model "$app_url/api/v1/enhance" "$work/enhance-open.json" '"engine":"llm"' '"cached":false' '"tokens_in":300' '"faithfulness":1.0'
  svc_p50=$ol_p50 svc_p99=$ol_p99
  ol open-stub-alone "$stub_url/v1/chat/completions" "$work/stub-request.json" '"enhanced'
  open_rows+=("| enhance-model, open loop at $rate req/s | $(awk -v a="$svc_p50" -v b="$svc_p99" 'BEGIN { printf "%.2f | %.2f", a / 1000, b / 1000 }') |")
  open_rows+=("| stub alone, same rate | $(awk -v a="$ol_p50" -v b="$ol_p99" 'BEGIN { printf "%.2f | %.2f", a / 1000, b / 1000 }') |")
  open_rows+=("| added by the service | $(awk -v a="$svc_p50" -v b="$ol_p50" -v c="$svc_p99" -v d="$ol_p99" 'BEGIN { printf "%.2f | %.2f", (a - b) / 1000, (c - d) / 1000 }') |")
fi

echo
echo "Closed loop, $conns connections, ${seconds}s per path after ${warmup}s warm-up; CPU in µs per request; others and steal in cores:"
echo "| path | req/s | p50 ms | p99 ms | CPU total | service | PostgreSQL | Redis | stub | wrk | others | steal | RSS MB | non-2xx | as named |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for r in "${rows[@]}"; do echo "$r"; done
if [ "${#open_rows[@]}" -gt 0 ]; then
  echo
  echo "Open loop (latency from the intended send time):"
  echo "| run | p50 ms | p99 ms |"
  echo "| --- | --- | --- |"
  for r in "${open_rows[@]}"; do echo "$r"; done
fi
echo "service: peak resident memory $(rss_mb VmHWM) MB (VmHWM), JVM options: ${SHOTCRAFT_JAVA_OPTS:-none}"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
