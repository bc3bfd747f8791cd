#!/usr/bin/env bash
# Regenerates frontend/src/wailsjs from the bound Go services into a scratch
# copy of the tree and fails if it differs from what is committed: the
# frontend's API types must be what the backend really binds.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The generator writes into the tree it runs in; run it on a copy so a dirty
# working tree is never touched.
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$scratch"
mkdir -p "$scratch/frontend"
ln -s "$PWD/frontend/node_modules" "$scratch/frontend/node_modules"
(cd "$scratch" && go tool wails generate module >"$scratch/generate.log" 2>&1) ||
  { cat "$scratch/generate.log" >&2; die "wails generate module failed"; }
# File modes are not content: the generator writes its runtime files 0755.
if ! diff -r "$PWD/frontend/src/wailsjs" "$scratch/frontend/src/wailsjs" >"$scratch/diff.txt"; then
  cat "$scratch/diff.txt"
  echo "0 passed, 1 failed"
  die "frontend/src/wailsjs differs from the bindings the Go services generate: run 'make bindings' and commit"
fi
log "bindings: frontend/src/wailsjs matches the bound Go services"
echo "1 passed, 0 failed"
