# Shared helpers for compose/tests/* (sourced, not run), on top of scripts/lib (tools, ports, polls, the demo
# jars, starting apps, results files). Each script counts checks with `check NAME CMD...` and ends with `summary`,
# which prints "<script>: N passed, M failed", writes target/test-results/<script>.json (scripts/README.md) and
# exits non-zero when anything failed.

TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
COMPOSE_DIR=$(cd "$TESTS_DIR/.." && pwd)
REPO_DIR=$(cd "$COMPOSE_DIR/.." && pwd)
source "$REPO_DIR/scripts/lib/common.sh"
source "$REPO_DIR/scripts/lib/results.sh"
SCRIPT_NAME=$(basename "$0")
PASSED=0
FAILED=0
SKIPPED=0
FAILURES=()
SKIP_REASONS=()

log() { printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2; }

# check NAME CMD...: runs CMD with its output captured; prints PASS/FAIL and, on failure, the output.
check() {
  local name=$1 out rc
  shift
  out=$("$@" 2>&1) && rc=0 || rc=$?
  if [[ $rc -eq 0 ]]; then
    PASSED=$((PASSED + 1))
    printf 'PASS  %s\n' "$name"
    # a summary line from the command ("panels: 120 query checks ...") is worth keeping in the log
    printf '%s\n' "$out" | grep -E '^[a-z-]+: [0-9]+ ' | tail -n 1 | sed 's/^/      /' || true
  else
    FAILED=$((FAILED + 1))
    FAILURES+=("$name")
    printf 'FAIL  %s (exit %s)\n' "$name" "$rc"
    printf '%s\n' "$out" | sed 's/^/      /' | tail -n 40
  fi
}

# skip_checks COUNT REASON: COUNT checks are left out, and why (reported in the results file and the summary).
skip_checks() {
  SKIPPED=$((SKIPPED + $1))
  SKIP_REASONS+=("$2")
  log "SKIPPED $1: $2"
}

_write_results() {  # the reasons once each, in order
  write_results "$SCRIPT_NAME" "$PASSED" "$FAILED" "$SKIPPED" "$SECONDS" \
    "$(printf '%s\n' "${SKIP_REASONS[@]}" | awk 'NF && !seen[$0]++' | paste -sd ';' | sed 's/;/; /g')" "${FAILURES[@]}"
}

summary() {
  printf '%s: %d passed, %d failed, %d skipped\n' "$SCRIPT_NAME" "$PASSED" "$FAILED" "$SKIPPED"
  _write_results
  if [[ $FAILED -gt 0 ]]; then
    printf '%s: failed: %s\n' "$SCRIPT_NAME" "$(IFS=';'; echo "${FAILURES[*]}")"
    exit 1
  fi
  exit 0
}

# skip_all REASON: the whole script is left out (e.g. "SKIP_DOCKER=1"); recorded as skipped, exit 0.
skip_all() {
  SKIP_REASONS=("$1")
  log "SKIPPED: $1"
  _write_results
  exit 0
}

# die MESSAGE: a setup problem that makes the remaining checks meaningless; counts as one failure.
die() {
  printf '%s: FAIL  %s\n' "$SCRIPT_NAME" "$*" >&2
  FAILED=$((FAILED + 1))
  FAILURES+=("$*")
  printf '%s: %d passed, %d failed\n' "$SCRIPT_NAME" "$PASSED" "$FAILED"
  _write_results
  exit 1
}

# need_pkg CHECK...: each tool (a command, or py:MODULE) must be installed; otherwise fails, naming the Debian
# packages and the installer (scripts/ensure-tools). Installs nothing.
need_pkg() {
  local out
  out=$(missing_tools "$@") || die "$(printf '%s' "$out" | paste -sd ';' | sed 's/;/; /g')"
}

# need_npm DIR: the npm packages DIR/package-lock.json pins (DIR relative to the repository root) are installed in
# DIR/node_modules; otherwise fails, naming the installer (scripts/ensure-tools runs npm ci there). Installs nothing.
need_npm() {
  local out
  out=$(npm_problem "$1") || die "$(printf '%s' "$out" | paste -sd ';' | sed 's/;/; /g')"
}

# pick_python: PY, a python3 with PyYAML (the helpers parse compose/k8s/Prometheus YAML).
pick_python() { find_yaml_python || need_pkg python3 py:yaml; }

# runs_on BACKEND URL...: every metrics URL is served by BACKEND, told apart by how each writes an info family in
# OpenMetrics: `# TYPE x_build_info gauge` on simpleclient, `# TYPE x_build info` on client_java (docs/backends.md).
runs_on() {
  local backend=$1 url pattern body
  shift
  case $backend in
    simpleclient) pattern='^# TYPE [a-z_]+_build_info gauge$' ;;
    client_java) pattern='^# TYPE [a-z_]+_build info$' ;;
    *) echo "runs_on: no backend \"$backend\"" >&2; return 2 ;;
  esac
  for url in "$@"; do
    body=$(curl -fsS -H 'Accept: application/openmetrics-text; version=1.0.0' "$url") || return 1
    grep -Eq "$pattern" <<<"$body" || { echo "$url is not served by the $backend backend" >&2; return 1; }
  done
}
