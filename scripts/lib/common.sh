# shellcheck shell=bash
# Steps shared by scripts/, compose/tests/ and bench/ (sourced, not run): tool checks, ports, deadline polls, the
# demo jars, starting, probing and stopping processes. The demo runner, the stack tests and the benchmarks start and
# wait for apps the same way.
LUCID_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The modules with a runnable jar: the three demo apps and the tutorial's to-do service (docs/tutorial.md).
DEMO_MODULES=(demo-gallery demo-iotd demo-accesslog examples/todo examples/jetty)
# The JVM flags every demo app runs with, here and in the images: without TCP_NODELAY the JDK HTTP server makes each
# small response wait for the client's delayed ACK (~40 ms a request; docs/http.md); -Xlog/-PrintWarnings: none of
# the JVM's own log or warning lines, so the log holds only the app's (JSON with LOG_FORMAT=json, which passes
# through like every app setting).
DEMO_JVM_FLAGS=(-Dsun.net.httpserver.nodelay=true -Xlog:disable -Xlog:all=error:stderr -XX:-PrintWarnings)
# Where every demo app answers its health check (DemoServer.HEALTH_PATH in demo-support).
HEALTH_PATH=/health
PIDS=()

# tool_present CHECK: CHECK is a command on the PATH, or py:MODULE importable by ${PY:-python3} or by Debian's
# /usr/bin/python3 (where Debian's python3-* packages install; a python3 earlier on the PATH may lack them).
tool_present() {
  if [[ $1 == py:* ]]; then
    "${PY:-python3}" -c "import ${1#py:}" 2>/dev/null || /usr/bin/python3 -c "import ${1#py:}" 2>/dev/null
  else
    command -v "$1" >/dev/null 2>&1
  fi
}

# package_of CHECK: the Debian package scripts/lib/debian-packages lists for CHECK (empty when it lists none).
package_of() {
  awk -v c="$1" '!/^#/ { for (i = 2; i <= NF && $i !~ /^#/; i++) if ($i == c) { print $1; exit } }' \
    "$LUCID_ROOT/scripts/lib/debian-packages"
}

# missing_tools CHECK...: prints one line per absent tool, naming its package and the installer; status 1 if any
# is absent or not in the list.
# Installs nothing: scripts/ensure-tools is the one installer.
missing_tools() {
  local c pkg status=0 packages=()
  for c in "$@"; do
    pkg=$(package_of "$c")
    if [[ -z $pkg ]]; then  # the list must name every tool a check uses, present here or not
      echo "$c: scripts/lib/debian-packages lists no package for it; add it there, so scripts/ensure-tools installs it"
      status=1
    elif ! tool_present "$c"; then
      echo "$c is missing (Debian package $pkg)"
      packages+=("$pkg")
      status=1
    fi
  done
  [[ ${#packages[@]} -eq 0 ]] \
    || echo "install with: scripts/ensure-tools (as root), or: sudo apt-get install $(printf '%s\n' "${packages[@]}" | sort -u | xargs)"
  return "$status"
}

# npm_problem DIR: says what is missing from DIR/node_modules against DIR/package-lock.json (DIR relative to the
# repository root) and the command that installs it; status 1 if anything is. Installs nothing: scripts/ensure-tools
# runs npm ci there.
npm_problem() {
  local out
  out=$(cd "$LUCID_ROOT" && node scripts/lib/npm-check.mjs "$1" 2>&1) && return 0
  printf '%s\n' "$out"
  echo "install with: scripts/ensure-tools, or: (cd $1 && npm ci --ignore-scripts)"
  return 1
}

# find_yaml_python: sets PY to a python3 with PyYAML, Debian's /usr/bin/python3 when the first on the PATH lacks it.
find_yaml_python() {
  local p
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import yaml' 2>/dev/null; then PY=$p; return 0; fi
  done
  return 1
}

# port_in_use PORT: something accepts connections on 127.0.0.1:PORT.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# poll SECONDS CMD...: runs CMD every 0.2 s until it succeeds or SECONDS pass (a deadline, not a sleep).
poll() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    [[ $SECONDS -ge $deadline ]] && return 1
    sleep 0.2
  done
}

# http_ok URL: URL answers 2xx within 2 s.
http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# wait_healthy SECONDS URL PID LOG: polls URL every ${POLL_INTERVAL:-0.2} s until it answers 2xx; gives up at once
# when process PID has exited. On failure prints why, with the end of LOG, to stderr.
wait_healthy() {
  local deadline=$((SECONDS + $1)) url=$2 pid=$3 log=$4
  until http_ok "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      printf '%s exited before %s answered; the end of %s:\n' "$pid" "$url" "$log" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    if [[ $SECONDS -ge $deadline ]]; then
      printf '%s did not answer within %s s; the end of %s:\n' "$url" "$1" "$log" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep "${POLL_INTERVAL:-0.2}"
  done
}

# demo_jar MODULE: the runnable jar of a module of DEMO_MODULES (named after its folder: examples/todo -> todo.jar).
demo_jar() { printf '%s/%s/target/%s.jar\n' "$LUCID_ROOT" "$1" "${1##*/}"; }

# demo_backend: the backend the demo apps run on, from BACKEND (simpleclient, the default, or client_java),
# exported as METRICS_BACKEND, the setting each app reads (both backends are on every demo's class path). On
# client_java the apps' histograms count both ways (METRICS_HISTOGRAM_KIND=both unless set): classic buckets for the
# main Prometheus, native histograms for the native one. Any other value stops with the accepted ones.
demo_backend() {
  local backend=${BACKEND:-simpleclient}
  case $backend in
    simpleclient) export METRICS_BACKEND=$backend ;;
    client_java) export METRICS_BACKEND=$backend METRICS_HISTOGRAM_KIND=${METRICS_HISTOGRAM_KIND:-both} ;;
    *) echo "BACKEND=\"$backend\" is no backend: use BACKEND=simpleclient (the default) or BACKEND=client_java." >&2
       return 1 ;;
  esac
}

# build_demo_jars LOG: packages the jars of DEMO_MODULES with Maven when one is missing or older than a source file.
# REBUILD=1 builds regardless; SKIP_BUILD=1 never builds (and fails when a jar is missing).
build_demo_jars() {
  local log=$1 m jar stale=${REBUILD:-0}
  for m in "${DEMO_MODULES[@]}"; do
    jar=$(demo_jar "$m")
    if [[ ! -f $jar ]]; then
      [[ ${SKIP_BUILD:-} != 1 ]] || { echo "$jar is missing and SKIP_BUILD=1 forbids building it" >&2; return 1; }
      stale=1
    elif [[ -n $(find "$LUCID_ROOT"/metrics-core/src "$LUCID_ROOT"/metrics-simpleclient/src \
                 "$LUCID_ROOT"/metrics-client-java/src "$LUCID_ROOT"/demo-*/src "$LUCID_ROOT"/examples/*/src \
                 "$LUCID_ROOT"/pom.xml "$LUCID_ROOT"/*/pom.xml "$LUCID_ROOT"/examples/*/pom.xml \
                 -newer "$jar" -type f -print -quit) ]]; then
      stale=1
    fi
  done
  [[ $stale == 1 && ${SKIP_BUILD:-} != 1 ]] || return 0
  echo "building the demo jars (mvn -q -DskipTests package; log $log)" >&2
  (cd "$LUCID_ROOT" && mvn -B -q -DskipTests package -pl "$(IFS=,; echo "${DEMO_MODULES[*]}")" -am) >"$log" 2>&1 \
    || { tail -n 30 "$log" >&2; echo "the Maven build of the demo jars failed (log $log)" >&2; return 1; }
  # The jar plugin leaves an up-to-date jar untouched (old mtime): mark them built, or every start rebuilds.
  for m in "${DEMO_MODULES[@]}"; do touch "$(demo_jar "$m")"; done
}

# start_process NAME PORT LOG CMD...: starts CMD in the background with PORT=PORT in its environment and its output
# in LOG, in a session of its own (setsid: Ctrl-C reaches only the calling script, whose trap stops it); appends its
# pid to PIDS and sets STARTED_PID. Refuses a port something already listens on.
start_process() {
  local name=$1 port=$2 log=$3
  shift 3
  ! port_in_use "$port" || { echo "port $port is in use: stop what listens there or choose another port for $name" >&2; return 1; }
  setsid env PORT="$port" "$@" >"$log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

# start_app NAME PORT MODULE LOG_DIR [ENV...]: starts a demo app (PORT=PORT and ENV in its environment, output in
# LOG_DIR/NAME.log) with start_process (a session of its own: Ctrl-C and a closed terminal reach only the calling
# script, whose trap must stop the apps with stop_all before it writes anything: see run-demo) and waits until it
# answers HEALTH_PATH (deadline APP_START_SECONDS, 60). The JVM gets DEMO_JVM_FLAGS plus $JAVA_OPTS.
start_app() {
  local name=$1 port=$2 module=$3 log="$4/$1.log"
  shift 4
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM options
  start_process "$name" "$port" "$log" "$@" "${JAVA:-java}" "${DEMO_JVM_FLAGS[@]}" ${JAVA_OPTS:-} \
    -jar "$(demo_jar "$module")" || return 1
  wait_healthy "${APP_START_SECONDS:-60}" "http://127.0.0.1:$port$HEALTH_PATH" "$STARTED_PID" "$log" \
    || { echo "$name ($module) did not start on port $port" >&2; return 1; }
}

# stop_pid PID [SECONDS]: SIGTERM, up to SECONDS (default 15) for a graceful stop, then SIGKILL; reaps it.
stop_pid() {
  local p=$1 deadline=$((SECONDS + ${2:-15}))
  kill -TERM "$p" 2>/dev/null || true
  while kill -0 "$p" 2>/dev/null && [[ $SECONDS -lt $deadline ]]; do sleep 0.1; done
  kill -KILL "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
}

# stop_all: SIGTERM to every process in PIDS, then waits for each (the apps answer what reached them first).
stop_all() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
