#!/usr/bin/env bash
# The private PostgreSQL cluster the tests use (scripts/postgres.sh), started and checked from
# outside with Debian's psql: it answers as its unprivileged user, listens on loopback only,
# runs as that user and not as root, and stops. Prints "postgres: N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0
failed=0
check() {
  local name=$1; shift
  if "$@"; then echo "postgres: $name ok"; passed=$((passed + 1)); else echo "postgres: $name FAILED"; failed=$((failed + 1)); fi
}
dir=$(mktemp -d /tmp/kasane-pg.XXXXXX)
trap 'bash scripts/postgres.sh stop "$dir"; rm -rf "$dir"' EXIT
if url=$(bash scripts/postgres.sh start "$dir"); then
  check "a private cluster starts in a temporary folder and answers" \
    bash -c "[ \"\$(psql '$url' -Atc 'select 1')\" = 1 ]"
  check "it listens on loopback only" \
    bash -c "[ \"\$(psql '$url' -Atc 'show listen_addresses')\" = 127.0.0.1 ]"
  check "its server runs as an unprivileged user, not root" \
    bash -c "[ \"\$(stat -c %U /proc/\$(head -1 '$dir/data/postmaster.pid'))\" != root ]"
  check "it speaks PostgreSQL 15 or later" \
    bash -c "[ \"\$(psql '$url' -Atc 'show server_version_num')\" -ge 150000 ]"
  bash scripts/postgres.sh stop "$dir"
  check "it stops, and nothing answers afterwards" bash -c "! psql '$url' -Atc 'select 1' >/dev/null 2>&1"
else
  check "a private cluster starts in a temporary folder and answers" false
fi
echo "postgres: $passed passed, $failed failed"
