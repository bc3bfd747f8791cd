#!/usr/bin/env bash
# Prints the path of a cached tarball of a clean Debian 12 root (debootstrap
# --variant=minbase, with the bookworm, -updates and -security sources and apt
# lists fetched), building it on the first call. The package tests unpack it
# fresh for every check so nothing leaks between runs.
# Cache: ${RSMATE_PACKAGE_CACHE:-~/.cache/redshift-mate-package}; delete it to rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

[ "$(id -u)" = 0 ] || die "building a Debian root needs root (debootstrap, chroot)"
command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
CACHE=${RSMATE_PACKAGE_CACHE:-$HOME/.cache/redshift-mate-package}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
TARBALL=$CACHE/debian12-minbase.tar.gz
# A root older than a week has stale apt lists: rebuild it.
if [ -f "$TARBALL" ] && [ -z "$(find "$TARBALL" -mtime +7)" ]; then
  echo "$TARBALL"; exit 0
fi
mkdir -p "$CACHE"
work=$(mktemp -d "$CACHE/root.XXXXXX")
trap 'rm -rf "$work"' EXIT
log "debootstrap: a minimal Debian 12 root (first run only; cached in $CACHE)"
debootstrap --variant=minbase bookworm "$work/root" "$MIRROR" >"$work/debootstrap.log" 2>&1 ||
  { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
cat >"$work/root/etc/apt/sources.list" <<SRC
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $SECURITY bookworm-security main
SRC
cp /etc/resolv.conf "$work/root/etc/resolv.conf" 2>/dev/null || true
chroot "$work/root" apt-get update -q >&2
chroot "$work/root" apt-get clean
tar -C "$work/root" -czf "$TARBALL.tmp" .
mv "$TARBALL.tmp" "$TARBALL"
log "cached $TARBALL ($(du -h "$TARBALL" | cut -f1))"
echo "$TARBALL"
