#!/usr/bin/env bash
# `make package-test` (the "package" layer of scripts/test.sh): builds the
# packages, then proves them:
#   - the .desktop file validates; the .deb has an icon at every declared size;
#   - each .deb declares the WebKitGTK/GTK it needs;
#   - the Windows .exe is a PE32+ GUI program whose version resource is the
#     version string and that carries an icon; the installer built with
#     makensis -WX (warnings are errors) and carries the version too;
#   - the bundled licence list is up to date;
#   - in a clean Debian 12 root (debootstrap, cached) apt installs each .deb
#     with only what it declares (no Recommends), the installed app starts
#     under Xvfb, its window renders and its frontend reaches the Go backend,
#     and `apt-get purge` leaves none of the package's files behind.
# Needs root (chroot, mount). Uses $DISPLAY (an Xvfb it can reach through
# /tmp/.X11-unix) or starts its own. Ends with "N passed, N failed".
# RSMATE_PACKAGE_REUSE=1 tests the existing dist/ instead of building.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/lib.sh

if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "the package test needs root (debootstrap, chroot, mount)"
  exec sudo -E env PATH="$PATH" bash "$0" "$@"
fi
ART=artifacts/package
rm -rf "$ART"
mkdir -p "$ART"
WORK=$(mktemp -d /var/tmp/rsmate-pkgtest-XXXXXX)   # outside $TMPDIR: test.sh deletes that tree
XVFB_PID=""
APP_PID=""
ROOT=""
PASSED=0 FAILED=0
pass() { PASSED=$((PASSED + 1)); printf '\033[1;32mPASS\033[0m %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf '\033[1;31mFAIL\033[0m %s\n' "$*"; }
check() { # check NAME COMMAND...: one named check
  local name=$1; shift
  if "$@" >"$WORK/check.out" 2>&1; then pass "$name"; else fail "$name"; sed 's/^/    /' "$WORK/check.out" | tail -n 20; fi
}

unmount_root() { # unmounts everything under ROOT; deletes ROOT only when nothing is left mounted
  [ -n "$ROOT" ] && [ -d "$ROOT" ] || return 0
  local m
  for m in tmp/.X11-unix dev sys proc var/cache/apt/archives; do
    mountpoint -q "$ROOT/$m" && umount -R "$ROOT/$m" 2>/dev/null
    mountpoint -q "$ROOT/$m" && umount -R -l "$ROOT/$m"
  done
  if [ -n "$(findmnt -rn -o TARGET | grep -F "$ROOT/" || true)" ]; then
    log "warning: mounts remain under $ROOT; not deleting it"
    return 1
  fi
  rm -rf --one-file-system "$ROOT"
  ROOT=""
}
cleanup() {
  local rc=$?
  [ -n "$APP_PID" ] && kill -KILL "$APP_PID" 2>/dev/null
  unmount_root
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  [ -z "$ROOT" ] && rm -rf --one-file-system "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

T0=$SECONDS
if [ "${RSMATE_PACKAGE_REUSE:-}" = 1 ] && [ -f dist/SHA256SUMS ]; then
  log "reusing dist/"
else
  bash scripts/package.sh || { fail "make package"; echo "$PASSED passed, $FAILED failed"; exit 1; }
  pass "make package builds every Linux and Windows artefact ($((SECONDS - T0)) s)"
fi
VERSION=$(cat dist/VERSION)
DEB40=$(ls dist/redshift-mate_*_amd64.deb)
DEB41=$(ls dist/redshift-mate-webkit41_*_amd64.deb)
EXE=$(ls dist/redshift-mate-*-windows-amd64.exe)
SETUP=$(ls dist/redshift-mate-*-windows-amd64-setup.exe)
check "SHA256SUMS matches every file in dist/" bash -c 'cd dist && sha256sum -c --quiet SHA256SUMS && [ "$(ls | grep -vc SHA256SUMS)" = "$(wc -l <SHA256SUMS)" ]'

# ------------------------------------------------------------ static -------
check "desktop-file-validate accepts build/linux/redshift-mate.desktop" desktop-file-validate build/linux/redshift-mate.desktop

icons_at_every_size() {
  local d="$WORK/deb40" s got
  dpkg-deb -x "$DEB40" "$d"
  for s in 16 22 24 32 48 64 128 256 512; do
    got=$(identify -format '%wx%h' "$d/usr/share/icons/hicolor/${s}x${s}/apps/redshift-mate.png") || return 1
    [ "$got" = "${s}x${s}" ] || { echo "${s}x${s} icon is $got"; return 1; }
  done
  [ "$(find "$d/usr/share/icons/hicolor" -name '*.png' | wc -l)" = 9 ]
}
check "the .deb installs a hicolor icon of the right size at 16, 22, 24, 32, 48, 64, 128, 256 and 512 px" icons_at_every_size

depends_on() { # depends_on DEB PACKAGE...: each PACKAGE is in the .deb's Depends
  local deps p; deps=$(dpkg-deb -f "$1" Depends); echo "Depends: $deps"; shift
  for p in "$@"; do [[ ", $deps" == *", $p"[\ ,]* || ", $deps" == *", $p" ]] || { echo "missing $p"; return 1; }; done
}
check "redshift-mate.deb depends on libwebkit2gtk-4.0-37 and libgtk-3-0" depends_on "$DEB40" libwebkit2gtk-4.0-37 libgtk-3-0
check "redshift-mate-webkit41.deb depends on libwebkit2gtk-4.1-0 and libgtk-3-0" depends_on "$DEB41" libwebkit2gtk-4.1-0 libgtk-3-0

tar_installs_for_the_user() { # the .tar.gz's install.sh puts the app, a valid menu entry and icons under ~/.local
  local d="$WORK/tar" home="$WORK/tar-home"
  mkdir -p "$d" "$home"
  tar -C "$d" -xzf "$(ls dist/redshift-mate-*-linux-amd64.tar.gz)"
  HOME="$home" sh "$d"/redshift-mate-*/install.sh || return 1
  test -x "$home/.local/bin/redshift-mate" && test -f "$home/.local/share/icons/hicolor/256x256/apps/redshift-mate.png" || return 1
  grep -qx "Exec=$home/.local/bin/redshift-mate" "$home/.local/share/applications/redshift-mate.desktop" || return 1
  desktop-file-validate "$home/.local/share/applications/redshift-mate.desktop"
}
check "the .tar.gz's install.sh installs the app, a valid menu entry and the icons under ~/.local" tar_installs_for_the_user

pe_gui64() { file "$1" | tee /dev/stderr | grep -q 'PE32+ executable (GUI) x86-64'; }
check "the Windows app is a PE32+ x86-64 GUI-subsystem executable" pe_gui64 "$EXE"

# version_strings EXE: the VS_VERSIONINFO string table as KEY=VALUE lines.
version_strings() {
  wrestool -x --raw -t 16 "$1" | python3 -c '
import re, sys
text = sys.stdin.buffer.read().decode("utf-16-le", "replace")
for key in ("ProductVersion", "FileVersion", "ProductName"):
    m = re.search(key + r"\x00+([^\x00]+)", text)
    print(key + "=" + (m.group(1) if m else ""))'
}
version_is() { # version_is EXE: ProductVersion and FileVersion are the version string
  local v; v=$(version_strings "$1"); echo "$v"
  grep -qxF "ProductVersion=$VERSION" <<<"$v" && grep -qxF "FileVersion=$VERSION" <<<"$v"
}
check "the Windows app's version resource says $VERSION" version_is "$EXE"
check "the Windows app carries the app icon (group icon resource)" bash -c "wrestool -l -t 14 '$EXE' | grep -q . && wrestool -x -t 14 '$EXE' | wc -c | awk '\$1 > 0 {ok=1} END {exit !ok}'"
check "the installer's version resource says $VERSION" version_is "$SETUP"
nsis_clean() { # the installer script builds with warnings as errors (the build used -WX too)
  local tmp=build/windows/installer/tmp
  mkdir -p "$tmp" && cp "$(go list -m -f '{{.Dir}}' github.com/wailsapp/wails/v2)/internal/webview2runtime/MicrosoftEdgeWebview2Setup.exe" "$tmp/"
  makensis -WX -V2 -DARG_WAILS_AMD64_BINARY="$PWD/$EXE" -DINFO_PRODUCTVERSION="$VERSION" -DINFO_NUMVERSION=1.2.3.4 \
    -DOUTFILE="$WORK/redshift-mate-check-installer.exe" build/windows/installer/project.nsi
  local rc=$?; rm -rf "$tmp"; return $rc
}
check "makensis -WX builds the installer script without warnings" nsis_clean

signs_when_given_a_certificate() { # a throwaway self-signed certificate
  local d="$WORK/sign"; mkdir -p "$d"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Redshift Mate test signing" \
    -addext extendedKeyUsage=codeSigning -keyout "$d/key.pem" -out "$d/cert.pem" 2>/dev/null || return 1
  openssl pkcs12 -export -inkey "$d/key.pem" -in "$d/cert.pem" -passout pass:test -out "$d/cert.pfx" || return 1
  cp "$EXE" "$d/app.exe" && cp "$EXE" "$d/unsigned.exe"
  bash scripts/package-sign.sh "$d/unsigned.exe" || return 1   # no certificate: untouched
  cmp -s "$EXE" "$d/unsigned.exe" || { echo "signed without a certificate"; return 1; }
  WINDOWS_SIGN_PFX="$d/cert.pfx" WINDOWS_SIGN_PASSWORD=test WINDOWS_SIGN_TIMESTAMP_URL=none bash scripts/package-sign.sh "$d/app.exe" || return 1
  osslsigncode verify -CAfile "$d/cert.pem" -in "$d/app.exe" | grep -E 'Signature verification: ok|Subject: .*Redshift Mate test signing'
  osslsigncode verify -CAfile "$d/cert.pem" -in "$d/app.exe" | grep -q 'Signature verification: ok'
}
check "package-sign.sh leaves the .exe alone without a certificate and Authenticode-signs it with one" signs_when_given_a_certificate

licences_current() {
  node scripts/licenses.mjs && git diff --exit-code --stat -- backend/buildinfo/third_party.json backend/buildinfo/THIRD_PARTY_LICENSES.txt
}
check "the bundled third-party licence list is up to date (make licenses)" licences_current

# ---------------------------------------------------------- clean root -----
unset DISPLAY_FROM_CALLER
[ -n "${DISPLAY:-}" ] || XVFB_LOG="$WORK/xvfb.log" ensure_display
dnum=${DISPLAY#:}; dnum=${dnum%%.*}
[ -S "/tmp/.X11-unix/X$dnum" ] || die "DISPLAY=$DISPLAY has no socket in /tmp/.X11-unix (the root reaches X through it)"
cc -O2 -o "$WORK/xclose" scripts/xclose.c -lX11 || die "cannot compile scripts/xclose.c"

TARBALL=$(bash scripts/package-root.sh) || die "no clean Debian root"
CACHE=$(dirname "$TARBALL")
mkdir -p "$CACHE/apt-archives/partial"

in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

# root_test NAME DEB: one clean-root install, start and purge.
root_test() {
  local name=$1 deb=$2 pkg t
  pkg=$(dpkg-deb -f "$deb" Package)
  ROOT="$WORK/root-$name"
  mkdir -p "$ROOT"
  t=$SECONDS
  tar -C "$ROOT" -xzf "$TARBALL" || { fail "$name: unpack the clean root"; return; }
  mount -t proc proc "$ROOT/proc"
  mount --rbind /sys "$ROOT/sys" && mount --make-rslave "$ROOT/sys"
  mount --rbind /dev "$ROOT/dev" && mount --make-rslave "$ROOT/dev"
  mkdir -p "$ROOT/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix"
  # Downloaded .debs are kept between runs (apt's own cache, bind-mounted).
  mount --bind "$CACHE/apt-archives" "$ROOT/var/cache/apt/archives"
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d" && chmod 755 "$ROOT/usr/sbin/policy-rc.d"
  cp "$deb" "$ROOT/tmp/"
  in_root dpkg-query -W -f '${Package}\n' | sort >"$WORK/$name-before.txt"

  if in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >"$ART/$name-apt-install.log" 2>&1; then
    in_root dpkg-query -W -f '${Package}\n' | sort >"$WORK/$name-after.txt"
    pass "$name: apt installs $(basename "$deb") in a clean Debian 12 root with $(comm -13 "$WORK/$name-before.txt" "$WORK/$name-after.txt" | wc -l) packages it pulls in ($((SECONDS - t)) s)"
  else
    fail "$name: apt install"; tail -n 30 "$ART/$name-apt-install.log" | sed 's/^/    /'; unmount_root; return
  fi
  in_root dpkg -L "$pkg" >"$WORK/$name-files.txt"
  check "$name: /usr/bin/redshift-mate, the .desktop entry and the 512 px icon are installed" \
    test -x "$ROOT/usr/bin/redshift-mate" -a -f "$ROOT/usr/share/applications/redshift-mate.desktop" -a -f "$ROOT/usr/share/icons/hicolor/512x512/apps/redshift-mate.png"

  # Start the installed app the way the menu entry does, as a fresh user home.
  mkdir -p "$ROOT/tmp/home"
  local applog="$ART/$name-app.log" wid="" shot="$ART/$name-window.png" started
  started=$SECONDS
  chroot "$ROOT" env -i PATH=/usr/bin:/bin HOME=/tmp/home DISPLAY="$DISPLAY" LANG=C.UTF-8 \
    XDG_RUNTIME_DIR=/tmp/home/run NO_AT_BRIDGE=1 sh -c 'mkdir -p -m 700 $XDG_RUNTIME_DIR && exec redshift-mate' >"$applog" 2>&1 &
  APP_PID=$!
  find_win() {
    kill -0 "$APP_PID" 2>/dev/null || return 2
    wid=$(xdotool search --onlyvisible --name '^Redshift Mate$' 2>/dev/null | head -n1 || true)
    [ -n "$wid" ]
  }
  if wait_for 60 find_win; then
    pass "$name: the installed app opens its window ($((SECONDS - started)) s)"
  else
    fail "$name: no window within 60 s"; tail -n 30 "$applog" | sed 's/^/    /'
  fi
  local sd="" k=""
  shot_ok() {
    [ -n "$wid" ] && import -window "$wid" "$shot" 2>/dev/null || return 1
    sd=$(convert "$shot" -format '%[fx:standard_deviation]' info:); k=$(convert "$shot" -format '%k' info:)
    awk -v sd="$sd" -v k="$k" 'BEGIN { exit !(sd > 0.02 && k > 10) }'
  }
  sleep 3
  if wait_for 30 shot_ok; then pass "$name: the window renders (screenshot $shot: std dev $sd, $k colours)"; else fail "$name: blank window ($shot)"; fi
  if wait_for 30 grep -q 'bridge: first bound call answered:' "$applog"; then
    pass "$name: the frontend reaches the Go backend ($(grep -m1 -o 'bridge: first bound call answered:.*' "$applog"))"
  else
    fail "$name: the frontend never reached the backend"; tail -n 30 "$applog" | sed 's/^/    /'
  fi
  check "$name: the app writes its log file under the user's cache folder" \
    grep -q 'bridge: first bound call answered:' "$ROOT/tmp/home/.cache/redshift-mate/logs/app.log"
  # The About dialog (Ctrl+I, or the header's info button) shows the version
  # the package was built with; the screenshot must differ from the main window's.
  about_open() {
    import -window "$wid" "$ART/$name-about.png" 2>/dev/null || return 1
    local diff; diff=$(compare -metric AE -fuzz 5% "$shot" "$ART/$name-about.png" null: 2>&1 || true)
    awk -v d="${diff%% *}" 'BEGIN { exit !(d + 0 > 300000) }'
  }
  if [ -n "$wid" ]; then
    xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid" 2>/dev/null
    xdotool key --clearmodifiers ctrl+i
    if ! wait_for 5 about_open; then
      xdotool mousemove --window "$wid" 1262 22 click 1   # the info button (1320 px wide window)
    fi
    if wait_for 10 about_open; then pass "$name: the About dialog opens (screenshot $ART/$name-about.png)"; else fail "$name: the About dialog did not open"; fi
    "$WORK/xclose" "$wid"
  fi
  if wait_for 10 bash -c "! kill -0 $APP_PID 2>/dev/null"; then
    wait "$APP_PID"; local st=$?
    if [ "$st" = 0 ]; then pass "$name: closing the window exits the app cleanly"; else fail "$name: exit status $st after closing"; fi
  else
    fail "$name: the app did not exit within 10 s of closing its window"; kill -KILL "$APP_PID" 2>/dev/null
  fi
  APP_PID=""

  if in_root apt-get purge -y -q "$pkg" >"$ART/$name-apt-purge.log" 2>&1; then
    local left
    left=$(while IFS= read -r f; do [ -f "$ROOT$f" ] || [ -L "$ROOT$f" ] && echo "$f"; done <"$WORK/$name-files.txt"
      [ -d "$ROOT/usr/share/doc/$pkg" ] && echo "/usr/share/doc/$pkg/")
    if [ -z "$left" ] && ! in_root dpkg-query -W "$pkg" >/dev/null 2>&1; then
      pass "$name: apt-get purge removes every file of the package ($(grep -vc '/$' "$WORK/$name-files.txt") paths checked)"
    else
      fail "$name: files left after purge: $left"
    fi
  else
    fail "$name: apt-get purge"; tail -n 20 "$ART/$name-apt-purge.log" | sed 's/^/    /'
  fi
  unmount_root
}

root_test webkit40 "$DEB40"
root_test webkit41 "$DEB41"

log "package test: $((SECONDS - T0)) s; screenshots and logs in $ART/"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
