#!/usr/bin/env bash
# Sets up, builds and serves the demo city on 127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --product kasane
exec .build/debug/kasane demo "$@"
