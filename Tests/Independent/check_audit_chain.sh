#!/usr/bin/env bash
# The audit log's hash chain, tried from outside with the sqlite3 shell on a real demo file:
# `kasane audit verify` passes on the demo, and after a row is rewritten, replaced or deleted
# in the file (the triggers dropped first, as someone holding the file could), it fails and
# names the row; a removed tail is named against the head published before. A command run as
# an address that is no staff member is refused and that refusal is in the log.
# Usage: check_audit_chain.sh KASANE_BINARY. Prints "audit-chain: N passed, N failed" last.
set -uo pipefail
binary=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
record() { if [ "$1" -eq 0 ]; then passed=$((passed + 1)); echo "audit-chain: $2 ok"; else failed=$((failed + 1)); echo "audit-chain: $2 FAILED"; fi; }

"$binary" demo --no-serve --db "$work/demo/kasane.sqlite" > "$work/demo.log" 2>&1
db="$work/demo/kasane.sqlite"
"$binary" audit verify --db "$db" > "$work/ok.txt" 2>&1 && grep -q "改変なし" "$work/ok.txt"
record $? "kasane audit verify passes on the demo ($(grep -o '[0-9]*行' "$work/ok.txt" | head -1))"

# A stranger at the console: refused, and the refusal is logged as an unknown actor from the command line.
! "$binary" meeting show --db "$db" --as nobody@elsewhere.example --id 1 > /dev/null 2> "$work/stranger.txt" \
  && grep -q "登録されていません" "$work/stranger.txt" \
  && "$binary" audit --db "$db" --refusals-only | python3 -c '
import json, sys
rows = json.load(sys.stdin)
sys.exit(0 if any(r["origin"] == "cli" and r["action"] == "auth" and "staffId" not in r for r in rows) else 1)'
record $? "a command as an address that is no staff member is refused and audited as an unknown actor"

drop="DROP TRIGGER IF EXISTS auditLog_no_update; DROP TRIGGER IF EXISTS auditLog_no_delete; DROP TRIGGER IF EXISTS auditLog_appended;"
tampered() {  # name, row, sql
  cp "$db" "$work/$1.sqlite"
  sqlite3 "$work/$1.sqlite" "$drop $3" || return 1
  ! "$binary" audit verify --db "$work/$1.sqlite" > "$work/$1.txt" 2>&1 && grep -q "行 $2 " "$work/$1.txt"
}
# The database refuses each of these while its triggers stand.
for sql in "UPDATE auditLog SET allowed = 1 WHERE id = 10" "DELETE FROM auditLog WHERE id = 10" \
  "INSERT OR REPLACE INTO auditLog SELECT * FROM auditLog WHERE id = 10"; do
  cp "$db" "$work/guarded.sqlite"
  ! sqlite3 "$work/guarded.sqlite" "$sql" 2>/dev/null
  record $? "sqlite3 is refused: $sql"
done
tampered rewritten 10 "UPDATE auditLog SET allowed = 1 - allowed WHERE id = 10"
record $? "a row rewritten with sqlite3 is named (行 10)"
tampered replaced 12 "INSERT OR REPLACE INTO auditLog SELECT id, at, staffId, origin, 'case.list', target, caseCode, meetingId, 1, NULL, previousHash, hash FROM auditLog WHERE id = 12"
record $? "a row replaced with INSERT OR REPLACE is named (行 12)"
tampered deleted 20 "DELETE FROM auditLog WHERE id = 20"
record $? "a row deleted with sqlite3 is named (行 20)"

head=$(python3 -c 'import json,sys; t=open(sys.argv[1]).read(); d=json.loads(t[:t.rindex("}")+1]); print("%d:%s" % (d["head"]["id"], d["head"]["hash"]))' "$work/ok.txt")
echo "2026-12-03T09:00:00+0900 notice kasane : when=daily [Kasane] chain heads audit=$head minutes=none" > "$work/server.log"
cut=$(( ${head%%:*} - 3 ))
cp "$db" "$work/tail.sqlite"
sqlite3 "$work/tail.sqlite" "$drop DELETE FROM auditLog WHERE id > $cut"
"$binary" audit verify --db "$work/tail.sqlite" > /dev/null 2>&1 \
  && ! "$binary" audit verify --db "$work/tail.sqlite" --published "$work/server.log" > "$work/tail.txt" 2>&1 \
  && grep -q "公開された先頭（行 ${head%%:*}）" "$work/tail.txt"
record $? "a removed tail passes the chain alone and is named against the head in the server log"
echo "audit-chain: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
