# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK 21 or newer.
# Keeps JAVA_HOME when it is new enough, else takes the newest JDK under /usr/lib/jvm (or /opt/java).
# Also sets SHOTCRAFT_JAVA_OPTS, the options the local scripts run the service with (unless already set): a heap
# bounded by configuration, not by the machine's memory (in Kubernetes, the container's MaxRAMPercentage does that).

_shotcraft_java_major() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${v%%.*}"
}

_shotcraft_find_jdk() {
  local best="" best_major=0 dir major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(_shotcraft_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$dir/bin/javac" ] || continue
    [ -L "$dir" ] && continue
    major=$(_shotcraft_java_major "$dir")
    if [ "${major:-0}" -gt "$best_major" ]; then best="$dir"; best_major="$major"; fi
  done
  if [ "$best_major" -ge 21 ]; then echo "$best"; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(_shotcraft_java_major "$dir")
    if [ "${major:-0}" -ge 21 ]; then echo "$dir"; return 0; fi
  fi
  return 1
}

if SHOTCRAFT_JDK=$(_shotcraft_find_jdk); then
  export JAVA_HOME="$SHOTCRAFT_JDK"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "Shotcraft needs a JDK 21 or newer and found none (JAVA_HOME, /usr/lib/jvm, PATH)." >&2
  echo "Install one, e.g.: sudo apt-get install openjdk-21-jdk-headless  (or Temurin 21/25), or set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi

# The heap is bounded by configuration: 128 MB with the serial collector (what the JVM picks by itself in a container
# under 1.8 GB), code cache and metaspace capped too. Under docs/bench/hotpaths.sh (32 clients on every hot path, then
# an open loop) the service stayed at 309-371 MB resident and spent less CPU per request than with G1 and no cap
# (docs/benchmarks.md, "Memory"). Two malloc arenas instead of one per thread keep native memory small.
export SHOTCRAFT_JAVA_OPTS="${SHOTCRAFT_JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:+ExitOnOutOfMemoryError}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
