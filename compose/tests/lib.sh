# Shared helpers for compose/tests/* (sourced, not run).
# Each script counts checks with `check NAME CMD...` and ends with `summary`, which prints
# "<script>: N passed, M failed" and exits non-zero when anything failed.

TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
COMPOSE_DIR=$(cd "$TESTS_DIR/.." && pwd)
REPO_DIR=$(cd "$COMPOSE_DIR/.." && pwd)
SCRIPT_NAME=$(basename "$0")
PASSED=0
FAILED=0
FAILURES=()

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

summary() {
  printf '%s: %d passed, %d failed\n' "$SCRIPT_NAME" "$PASSED" "$FAILED"
  if [[ $FAILED -gt 0 ]]; then
    printf '%s: failed: %s\n' "$SCRIPT_NAME" "$(IFS=';'; echo "${FAILURES[*]}")"
    exit 1
  fi
  exit 0
}

# die MESSAGE: a setup problem that makes the remaining checks meaningless.
die() {
  printf '%s: FAIL  %s\n' "$SCRIPT_NAME" "$*" >&2
  printf '%s: %d passed, %d failed\n' "$SCRIPT_NAME" "$PASSED" "$((FAILED + 1))"
  exit 1
}

# need_pkg COMMAND DEBIAN_PACKAGE: installs the Debian package when COMMAND is missing (we run as root in CI).
need_pkg() {
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing Debian package $2 for $1"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2"; } >/dev/null 2>&1 || true
  command -v "$1" >/dev/null 2>&1 || die "$1 is required and 'apt-get install $2' did not provide it"
}

# PY: a python3 with PyYAML (the helpers parse compose/k8s/Prometheus YAML).
pick_python() {
  local p
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import yaml' 2>/dev/null; then PY=$p; return 0; fi
  done
  log "installing Debian package python3-yaml"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-yaml; } >/dev/null 2>&1 || true
  /usr/bin/python3 -c 'import yaml' 2>/dev/null || die "python3 with PyYAML is required (apt-get install python3-yaml)"
  PY=/usr/bin/python3
}

# poll SECONDS CMD...: runs CMD every 0.5 s until it succeeds or SECONDS pass (a deadline, not a sleep).
poll() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    [[ $SECONDS -ge $deadline ]] && return 1
    sleep 0.5
  done
}
