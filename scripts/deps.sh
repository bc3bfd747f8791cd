#!/usr/bin/env bash
# Installs whatever is missing to build, run and test Redshift Mate on Debian/Ubuntu.
# Idempotent: a second run installs nothing. Safe as root without a terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

APT_PACKAGES=(
  build-essential pkg-config          # cgo toolchain for the Wails app
  libgtk-3-dev libwebkit2gtk-4.0-dev  # Wails v2 on Linux
  postgresql                          # server binaries for throwaway clusters (no system cluster is used)
  openssh-server                      # sshd started on loopback by the SSH tunnel tests (no system service is used)
  chromium                            # end-to-end tests (playwright-core drives Debian's browser)
  xvfb xauth x11-utils xdotool        # headless display, window lookup and closing in the smoke test
  dbus dbus-x11 gnome-keyring libsecret-1-0  # a real Secret Service for keychain tests
  imagemagick                         # screenshot checks and icon generation
  curl procps                         # readiness probes, process handling in scripts
  at-spi2-core gir1.2-atspi-2.0 python3-gi  # real-dialog tests find widgets by accessible name
)

# `deps.sh package` adds what building and testing the installable packages
# needs (make package, make package-test); the default path stays lean.
PACKAGE_APT=(
  libwebkit2gtk-4.1-dev               # the second Linux build (-tags webkit2_41)
  dpkg-dev fakeroot rpm               # .deb (dpkg-deb, dpkg-shlibdeps) and .rpm (rpmbuild)
  nsis osslsigncode icoutils          # Windows installer, optional signing, version-resource checks
  desktop-file-utils debootstrap      # .desktop validation, the clean Debian root of the install test
)
[ "${1:-}" = package ] && APT_PACKAGES+=("${PACKAGE_APT[@]}")

installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  log "installing apt packages: ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "missing packages (${missing[*]}) and not root; install them or run as root"
    SUDO=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  for p in "${missing[@]}"; do
    apt-cache show "$p" >/dev/null 2>&1 || die "apt has no package named '$p' (is this Debian 12 / Ubuntu 22.04+?)"
  done
  # Installing 'postgresql' must not start a system cluster: we start our own on free ports.
  # policy-rc.d is the Debian way to keep maintainer scripts from starting services.
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
    "${SUDO[@]}" chmod 755 "$policy"
    own_policy=1
  fi
  rc=0
  "${SUDO[@]}" apt-get install -y -q \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" || rc=$?
  [ "$own_policy" = 1 ] && "${SUDO[@]}" rm -f "$policy"
  [ "$rc" = 0 ] || die "apt-get install failed ($rc)"
else
  log "apt packages: all present"
fi

# Go and Node come from the machine, not apt (Debian's are too old).
command -v go >/dev/null || die "Go is not on PATH; install Go 1.26+ (https://go.dev/dl/)"
command -v node >/dev/null || die "Node.js is not on PATH; install Node.js 20+"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js 20+ is needed (found $(node --version))"

# Frontend dependencies: npm ci when node_modules is missing or the lock file changed.
lock_sum=$(sha256sum frontend/package-lock.json | cut -d' ' -f1)
stamp=frontend/node_modules/.rsmate-lock.sha256
if [ ! -d frontend/node_modules ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  log "npm ci (frontend)"
  (cd frontend && npm ci --no-audit --no-fund)
  echo "$lock_sum" >"$stamp"
else
  log "npm packages: up to date"
fi

# The Wails CLI is a tool dependency in go.mod (`go tool wails`): only its modules are fetched.
go mod download
log "deps: ok"
