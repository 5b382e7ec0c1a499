#!/usr/bin/env bash
# Sets up and runs every test. Exits non-zero if any test fails or none ran.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
log=$(mktemp)
swift test 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -cE '^✔ Test "' "$log" || true)
failed=$(grep -cE '^✘ Test "[^"]*" failed' "$log" || true)
rm -f "$log"
echo
echo "tests: $passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
