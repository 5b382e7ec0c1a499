#!/usr/bin/env bash
# Sets up and runs every test. Exits non-zero if any test fails or none ran.
#   1. swift test: every Swift Testing suite (they also run the Python checkers of .ics and e-mail);
#   2. scripts/fuzz.sh 30: each libFuzzer target for 30 s, after replaying every past crash;
#   3. Tests/Independent/server_checks.sh: a real server, mutated bodies and schemathesis;
#   4. Tests/Independent/check_unit.sh: the systemd unit, with systemd's own tools;
#   5. Tests/Independent/check_audit_chain.sh: the audit chain tampered with through sqlite3;
#   6. Tests/Independent/check_postgres.sh: a private PostgreSQL cluster started and checked.
# The last line counts them all: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
log=$(mktemp)
swift test 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Swift Testing's own summary counts every test (a test's ✔ line can share a line with
# log output, so counting those lines would miss some).
total=$(grep -oE 'Test run with [0-9]+ tests?' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -oE '✘ Test "[^"]*" failed' "$log" | sort -u | wc -l)
passed=$((total - failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# Each further step prints "<name>: N passed, N failed" as its last line.
step() {
  "$@" 2>&1 | tee "$log"
  local last p f
  last=$(tail -1 "$log")
  p=$(echo "$last" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
  f=$(echo "$last" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 1)
  passed=$((passed + p))
  failed=$((failed + f))
}
swift build --product kasane >/dev/null 2>&1 || failed=$((failed + 1))
step bash scripts/fuzz.sh 30
step bash Tests/Independent/server_checks.sh .build/debug/kasane 3000 10
step bash -c 'bash Tests/Independent/check_unit.sh .build/debug/kasane && echo "unit: 1 passed, 0 failed" || echo "unit: 0 passed, 1 failed"'
step bash Tests/Independent/check_audit_chain.sh .build/debug/kasane
step bash Tests/Independent/check_postgres.sh
rm -f "$log"
echo
echo "tests: $passed passed, $failed failed"
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
