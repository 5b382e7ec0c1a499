#!/usr/bin/env bash
# Checks deploy/kasane.service with systemd's own tools: it parses without a warning, and its
# hardening scores "OK" or better (exposure below 2.0) in systemd-analyze security.
# Usage: check_unit.sh KASANE_BINARY
set -uo pipefail
cd "$(dirname "$0")/../.."
binary=$(realpath "$1")
unit=$(mktemp -d)/kasane.service
sed "s#/usr/local/bin/kasane serve#$binary serve#" deploy/kasane.service > "$unit"
warnings=$(systemd-analyze verify "$unit" 2>&1)
if [ -n "$warnings" ]; then echo "unit: systemd-analyze verify: $warnings"; exit 1; fi
exposure=$(systemd-analyze security --offline=yes "$unit" 2>&1 | grep -oE 'Overall exposure level for kasane.service: [0-9.]+' | awk '{print $NF}')
if [ -z "$exposure" ] || awk "BEGIN{exit !($exposure >= 2.0)}"; then
  echo "unit: hardening exposure ${exposure:-unknown} (want < 2.0)"; exit 1
fi
for key in 'Restart=on-failure' 'User=kasane' 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'StateDirectory=kasane'; do
  grep -q "^$key" deploy/kasane.service || { echo "unit: missing $key"; exit 1; }
done
echo "unit: ok (exposure $exposure)"
