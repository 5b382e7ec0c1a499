#!/usr/bin/env bash
# Installs what Kasane needs from Debian on a fresh machine (run as root).
# Safe to run again: it installs only what is missing.
set -euo pipefail
# chromium prints agendas and minutes to PDF (and is the browser the tests drive); poppler-utils
# (pdfinfo, pdftotext) reads those PDFs back; fonts-noto-cjk renders the Japanese; sqlite3 is the shell
# the audit-chain check tampers with a database file through; zbar-tools (zbarimg) reads back the QR
# codes Kasane draws for the second factor; postgresql is the second engine's server, which the
# tests run as a private cluster (scripts/postgres.sh), never as a system service.
packages=(libical-dev libsqlite3-dev sqlite3 zbar-tools pkg-config systemd curl zlib1g-dev chromium chromium-driver poppler-utils fonts-noto-cjk postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
pkg-config --exists libical || { echo "setup: libical not found by pkg-config" >&2; exit 1; }
# Independent checks in the tests: iCalendar and holidays implementations not written here,
# and schemathesis, which tests the running server against its OpenAPI document.
if ! python3 -c 'import icalendar, holidays, schemathesis.cli, recurring_ical_events, openapi_spec_validator, selenium, axe_selenium_python, qrcode, PIL, pyotp' >/dev/null 2>&1; then
  echo "setup: installing icalendar, holidays, schemathesis, recurring-ical-events, openapi-spec-validator, selenium, axe-selenium-python, qrcode, pillow and pyotp from PyPI"
  python3 -m pip install --quiet --root-user-action=ignore 'icalendar>=6' 'holidays>=0.60' 'schemathesis>=4,<5' 'recurring-ical-events>=3' 'openapi-spec-validator>=0.7' 'selenium>=4.20' 'axe-selenium-python>=2.1' 'qrcode>=7' 'pillow>=10' 'pyotp>=2.8'
fi
