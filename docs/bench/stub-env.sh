# Sourced by the benchmark scripts: the packaged jar against the local services, and a WireMock standalone stub
# of the model endpoint. After sourcing: $app_port, $stub_port, $work (put stub mappings in $work/mappings), then
# call start_app_with_stub; everything started is stopped when the script exits.
. deployment/local/jdk.sh
app_port=18181
stub_port=18282
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

# The prod profile's settings, pointed at the local services.
bench_env() {
  export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/shotcraft
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/shotcraft
  export QUARKUS_DATASOURCE_USERNAME=shotcraft QUARKUS_DATASOURCE_PASSWORD=shotcraft
  export QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379 QUARKUS_HTTP_PORT=$app_port
}

work=$(mktemp -d)
mkdir -p "$work/mappings"
trap 'rm -rf "$work"' EXIT

start_app_with_stub() {
  local wiremock
  wiremock=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar 2>/dev/null | grep -v sources | tail -1 || true)
  [ -n "$wiremock" ] || { ./mvnw -B -q test-compile >/dev/null; wiremock=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar | tail -1); }
  java -jar "$wiremock" --port "$stub_port" --root-dir "$work" --disable-banner --no-request-journal >"$work/wiremock.log" 2>&1 &
  stub=$!
  bench_env
  export OPENAI_BASE_URL=http://127.0.0.1:$stub_port/v1 OPENAI_API_KEY=bench
  export QUARKUS_LOG_CATEGORY__IO_SHOTCRAFT__LEVEL=WARN
  # shellcheck disable=SC2086 # options, split on purpose
  java $SHOTCRAFT_JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 &
  app=$!
  trap 'kill $app $stub 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$app_port/q/health/ready" \
      && curl -s -o /dev/null "http://127.0.0.1:$stub_port/__admin/health" && break
    sleep 0.1
  done
  echo "java: $(java -version 2>&1 | head -1); $(nproc) cores"
}
