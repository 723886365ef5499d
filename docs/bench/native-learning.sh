#!/usr/bin/env bash
# Learning against a native executable: a study, five trials rated up to an evolution, a multipart trial, status,
# history, versions, a bad rating; prints the start time and the RSS. Usage: docs/bench/native-learning.sh EXE
set -euo pipefail
exe=$1; port=19181; base=http://127.0.0.1:$port/api/v1/learning/studies
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/shotcraft QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/shotcraft
export QUARKUS_DATASOURCE_USERNAME=shotcraft QUARKUS_DATASOURCE_PASSWORD=shotcraft QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379/2 QUARKUS_HTTP_PORT=$port
"$exe" > /tmp/native-app.log 2>&1 & pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:$port/q/health/ready && break; sleep 0.1; done
grep -o 'started in [0-9.]*s' /tmp/native-app.log
S=$(curl -sf $base -H 'Content-Type: application/json' -d '{"name":"native","seed":3}' | jq -r .id)
wait_job() { for _ in $(seq 200); do st=$(curl -sf http://127.0.0.1:$port/api/v1/jobs/$1 | jq -r .status); [ "$st" = succeeded ] && return 0; [ "$st" = failed ] && { curl -s http://127.0.0.1:$port/api/v1/jobs/$1; return 1; }; sleep 0.1; done; return 1; }
evo=null
for i in 1 2 3 4 5; do
  T=$(curl -sf $base/$S/trials -H 'Content-Type: application/json' -d '{"prompt":"a living room"}' | jq -r .id)
  wait_job $T
  trial=$(curl -sf $base/$S/trials/$T)
  echo "$trial" | jq -c '[.options[].parameters]'
  ans=$(curl -sf $base/$S/ratings -H 'Content-Type: application/json' -d '{"experiment_id":"'$T'","ratings":[{"option":"A","rating":2,"comments":"flat lighting"},{"option":"B","rating":3}]}')
  echo "$ans" | jq -c '{samples_collected, current_best_rating, evolution_job_id}'
  evo=$(echo "$ans" | jq -r .evolution_job_id)
done
url=$(echo "$trial" | jq -r '.options[0].url'); curl -sf -o /tmp/opt.png http://127.0.0.1:$port$url
M=$(curl -sf -F image=@/tmp/opt.png -F prompt=room $base/$S/trials | jq -r .id); wait_job $M
curl -sf $base/$S/trials/$M | jq -c '{original_url, warnings}'
[ "$evo" != null ] && wait_job $evo && curl -sf http://127.0.0.1:$port/api/v1/jobs/$evo | jq -c .result
curl -sf $base/$S/status | jq -c '{phase_1, phase_2, prompt_evolution: .prompt_evolution | {current_version, candidate_version, ab_test: .ab_test.status}}'
curl -sf "$base/$S/history?limit=2" | jq -c '.analytics'
curl -sf $base/$S/versions | jq -c '[.lineage[] | {version, children: [.children[].version]}]'
curl -sf $base/$S/versions/v1.1.0 | jq -c '{version, parent_version, created_by, tags: .metadata.tags}'
curl -s -o /dev/null -w 'bad rating: %{http_code}\n' $base/$S/ratings -H 'Content-Type: application/json' -d '{"experiment_id":"'$T'","ratings":[{"option":"A","rating":9}]}'
echo "RSS: $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$pid/status), peak $(awk '/VmHWM/{print $2/1024 " MB"}' /proc/$pid/status)"
grep -E 'ERROR|WARN' /tmp/native-app.log | grep -v 'Gauge' | head -5 || true
