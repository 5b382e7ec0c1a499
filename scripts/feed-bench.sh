#!/usr/bin/env bash
# Kasane's feed against Radicale's, side by side, on the same 200 events: both servers on
# loopback, each asked for the whole calendar by wrk (2 threads, 8 connections, 10 s), and
# Kasane once more as a polling client does (If-None-Match: 304). Release builds.
# Usage: scripts/feed-bench.sh [events]    Prints requests per second for each.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
python3 -c 'import radicale' 2>/dev/null || python3 -m pip install --quiet --root-user-action=ignore radicale
swift build -c release --product kasane >/dev/null
swift build -c release --product kasane-bench >/dev/null
work=$(mktemp -d)
token=$(.build/release/kasane-bench feed-fixture "$work/kasane.sqlite" "$work/radicale" "$count" | tail -1)
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
kport=$(port)
rport=$(port)
.build/release/kasane serve --db "$work/kasane.sqlite" --port "$kport" --outbox "$work/outbox" --log-level error > "$work/kasane.log" 2>&1 &
kasane=$!
python3 -m radicale --storage-filesystem-folder "$work/radicale" --auth-type none --rights-type authenticated \
  --server-hosts "127.0.0.1:$rport" --logging-level error > "$work/radicale.log" 2>&1 &
radicale=$!
trap 'kill $kasane $radicale 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for url in "http://127.0.0.1:$kport/health" "http://127.0.0.1:$rport/kasane/feed/"; do
  for _ in $(seq 1 100); do curl -sf "$url" >/dev/null 2>&1 && break; sleep 0.2; done
done
kurl="http://127.0.0.1:$kport/feeds/$token.ics"
rurl="http://127.0.0.1:$rport/kasane/feed/"
echo "events: Kasane $(curl -s "$kurl" | grep -c BEGIN:VEVENT), Radicale $(curl -s "$rurl" | grep -c BEGIN:VEVENT)"
etag=$(curl -sI "$kurl" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
rps() { wrk -t2 -c8 -d10s "$@" | awk '/Requests\/sec/{print $2}'; }
k=$(rps "$kurl")
r=$(rps "$rurl")
k304=$(rps -H "If-None-Match: $etag" "$kurl")
echo "feed of $count events, requests/s (wrk -t2 -c8 -d10s, loopback, 2 cores):"
echo "  Radicale 3 (GET collection):        $r"
echo "  Kasane (GET feed, full body):       $k"
echo "  Kasane (If-None-Match, 304):        $k304"
python3 -c "print(f'  Kasane / Radicale: {float(\"$k\")/float(\"$r\"):.1f}x full, {float(\"$k304\")/float(\"$r\"):.1f}x when unchanged')"
