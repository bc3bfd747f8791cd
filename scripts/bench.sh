#!/usr/bin/env bash
# `make bench`: Go benchmarks of the backend (the catalog benchmark lands here).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
exec go test -run '^$' -bench . -benchmem ./backend/... "$@"
