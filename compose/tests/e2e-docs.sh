# Sourced by e2e-local (after lib.sh; uses its WORK, PY, PROM, DEADLINE, REPO_DIR, TESTS_DIR, check, poll, die,
# log, pc, start_app): what three pages promise of running apps.
#   docs/tutorial.md  the tutorial's finished to-do service (examples/todo) runs next to the demo apps, and the
#                     e2e Prometheus scrapes it with the tutorial's job and loads its alert rules: the job `todo`
#                     is a target that is up, every panel query of its dashboard returns data, and a backlog of
#                     27 open tasks makes TodoBacklogHigh pending (it would fire after its `for: 10m`)
#   examples/jetty    the Jetty example (metrics-servlet) runs next to the demo apps, scraped with its own job
#                     example-jetty: the target is up, its requests are labelled by route, and every panel of the
#                     HTTP RED dashboard answers for it (checked with the stack's panels), the thread panel included;
#                     every promql block of docs/instrumentations.md returns data from it
#   docs/metrics.md   compose/tests/catalogue.py, run on the apps' expositions after the traffic, writes exactly
#                     the committed page; CATALOGUE=write rewrites the page from them instead
# Ports: TODO_PORT (8020), JETTY_PORT (8030), JETTY_METRICS_PORT (9430).

TODO_PORT=${TODO_PORT:-8020}
JETTY_PORT=${JETTY_PORT:-8030}
JETTY_METRICS_PORT=${JETTY_METRICS_PORT:-9430}
JETTY=http://127.0.0.1:$JETTY_PORT
TODO=http://127.0.0.1:$TODO_PORT
TUTORIAL_DIR=$REPO_DIR/examples/todo
DOCS_PORTS=("$TODO_PORT" "$JETTY_PORT" "$JETTY_METRICS_PORT")
# promconfig.py local arguments: the tutorial's job and rule file, the Jetty example's job, their targets here
TODO_PROM_ARGS=(--add-config "$TUTORIAL_DIR/prometheus/prometheus.yml" --target "todo=127.0.0.1:$TODO_PORT"
  --add-config "$REPO_DIR/examples/jetty/prometheus/prometheus.yml"
  --target "example-jetty=127.0.0.1:$JETTY_METRICS_PORT")

# The examples have one backend each, the one their pom names: METRICS_BACKEND empty (unset) for them, whatever
# BACKEND the demo apps run on, and METRICS_HISTOGRAM_KIND too (demo_backend sets it to both on client_java).
start_todo() {  # after the demo apps (e2e-local finds those by their place in PIDS)
  start_app todo "$TODO_PORT" examples/todo "$WORK" METRICS_BACKEND= METRICS_HISTOGRAM_KIND= \
    || die "the tutorial's to-do service did not answer $HEALTH_PATH"
}

start_jetty_example() {
  start_app example-jetty "$JETTY_PORT" examples/jetty "$WORK" METRICS_PORT="$JETTY_METRICS_PORT" METRICS_BACKEND= \
    METRICS_HISTOGRAM_KIND= \
    || die "the Jetty example did not answer /health"
}

jetty_traffic() {  # orders placed and read, a 404 and a 400 among them (the HTTP RED panels show non-2xx)
  local i
  for i in 1 2 3; do curl -s -o /dev/null -X POST "$JETTY/orders"; done
  for i in 1 2 3 999 abc; do curl -s -o /dev/null "$JETTY/orders/$i"; done
}

check_jetty_example() {
  check "examples/jetty: the job example-jetty (examples/jetty/prometheus/prometheus.yml) has its one target, up" \
    pc "$PROM" targets example-jetty=1
  check "examples/jetty: its requests are counted by route template (metrics-servlet)" \
    pc "$PROM" query 'shop_requests_total{job="example-jetty", route="/orders/{id}", code="404"}'
  check "examples/jetty: Jetty's thread pool is read as an executor" \
    pc "$PROM" query 'shop_executor_queued_tasks{job="example-jetty", executor="jetty"}'
  check "every query of docs/instrumentations.md (\`\`\`promql blocks) returns data from the Jetty example" \
    pc "$PROM" cookbook "$REPO_DIR/docs/instrumentations.md"
}

todo_traffic() {  # a few of each request, a 404 and a 400 among them (the HTTP RED panels show non-2xx)
  local title
  for title in "Buy milk" "Write the tutorial" "Water the plants"; do
    curl -s -o /dev/null -d "{\"title\":\"$title\"}" "$TODO/tasks"
  done
  curl -s -o /dev/null -X POST "$TODO/tasks/1/complete"
  curl -s -o /dev/null -X DELETE "$TODO/tasks/2"
  curl -s -o /dev/null "$TODO/tasks"
  curl -s -o /dev/null "$TODO/tasks/1/edit"
  curl -s -o /dev/null -d 'not json' "$TODO/tasks"
}

todo_backlog() {  # 26 more: 27 open tasks, over TodoBacklogHigh's 25; only after the first-start alert check
  local i
  for i in $(seq 1 26); do curl -s -o /dev/null -d "{\"title\":\"chore $i\"}" "$TODO/tasks"; done
}

check_tutorial() {
  check "tutorial: the job todo (examples/todo/prometheus/prometheus.yml) has its one target, up" \
    pc "$PROM" targets todo=1
  poll "$DEADLINE" pc "$PROM" -q panels "$TUTORIAL_DIR/grafana" || true
  check "tutorial: every panel query of examples/todo/grafana/todo.json returns data" \
    pc "$PROM" panels "$TUTORIAL_DIR/grafana"
  poll "$DEADLINE" pc "$PROM" -q alert TodoBacklogHigh job=todo || true
  check "tutorial: 27 open tasks make TodoBacklogHigh (examples/todo/prometheus/todo-alerts.yml) pending" \
    pc "$PROM" alert TodoBacklogHigh job=todo instance="127.0.0.1:$TODO_PORT" severity=warning \
    --says "127.0.0.1:$TODO_PORT has 27 open tasks"
}

# check_metrics_catalogue NAME=URL ...: saves each exposition as NAME.prom (the files catalogue.py reads), then
# compares the page it writes with docs/metrics.md.
check_metrics_catalogue() {
  local dir=$WORK/expositions source
  mkdir -p "$dir"
  for source in "$@"; do
    curl -fsS -H 'Accept: text/plain;version=0.0.4' -o "$dir/${source%%=*}.prom" "${source#*=}" \
      || die "could not read ${source#*=} for the metrics catalogue"
  done
  catalogue() { (cd "$TESTS_DIR" && "$PY" catalogue.py "$@"); }
  if [[ ${CATALOGUE:-} == write ]]; then
    catalogue "$dir" >&2
  fi
  if [[ ${METRICS_BACKEND:-simpleclient} == simpleclient ]]; then
    check "docs/metrics.md is what the running apps expose (compose/tests/catalogue.py; CATALOGUE=write rewrites it)" \
      catalogue "$dir" --check
  else   # the JVM families' help texts are the client's own (docs/backends.md); the rest is the contract
    check "docs/metrics.md is what the apps expose on $METRICS_BACKEND: families, types, labels, jobs, dashboards" \
      catalogue "$dir" --check --ignore-help
  fi
}
