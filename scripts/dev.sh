#!/usr/bin/env bash
# `make dev`: live development with `wails dev` (Go rebuilds, Vite hot reload)
# and the Local sandbox. The app is also served to browsers on localhost:34125.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
bash scripts/deps.sh
[ -f frontend/dist/index.html ] || (cd frontend && npm run build)
export RSMATE_SANDBOX=${RSMATE_SANDBOX:-1}
exec go tool wails dev -m -nosyncgomod -devserver "${RSMATE_DEVSERVER:-localhost:34125}" "$@"
