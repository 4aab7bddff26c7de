# shellcheck shell=bash
# Results files (sourced, not run): every test step writes its counts to $RESULTS_DIR/NAME.json, and the closing
# summaries read only those files. Format and rules: scripts/README.md, "Results files".
RESULTS_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export RESULTS_DIR=${RESULTS_DIR:-$(cd "$RESULTS_LIB/../.." && pwd)/target/test-results}

# write_results NAME PASSED FAILED SKIPPED SECONDS [REASON [FAILED_CHECK...]]: a step's counts. A step that
# skipped checks, or ran none, must give the reason ("SKIP_DOCKER=1", "JDK 25 not installed").
write_results() { python3 "$RESULTS_LIB/results.py" write "$@"; }

# run_step NAME COMMAND...: runs a step that writes $RESULTS_DIR/NAME.json, then records its exit status there
# (a step that stopped before writing its file is recorded as failed). Returns the step's status.
run_step() {
  local name=$1 start=$SECONDS rc=0
  shift
  printf '\n===== %s: %s\n' "$name" "$*"
  "$@" || rc=$?
  python3 "$RESULTS_LIB/results.py" exit "$name" "$rc" $((SECONDS - start)) || rc=1
  printf '===== %s: exit %d after %d s\n' "$name" "$rc" $((SECONDS - start))
  return "$rc"
}

# results_summary [NAME...]: one line per step and a total; non-zero when a step failed or wrote no file.
results_summary() { python3 "$RESULTS_LIB/results.py" summary "$@"; }
