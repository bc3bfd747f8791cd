#!/usr/bin/env bash
# Builds the macOS artefacts on a Mac (Xcode command line tools, Go, Node):
#   dist/redshift-mate-<version>-macos-universal.dmg   "Redshift Mate.app" (arm64 + x86_64)
#   dist/redshift-mate-<version>-macos-universal.zip   the same .app, zipped
# Signing and notarisation run only when their credentials are set:
#   MACOS_SIGN_IDENTITY   a "Developer ID Application: …" identity in the keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   notarytool credentials
# Why a Mac: sqweek/dialog's Cocoa dialogs and Wails' WKWebView window are cgo
# against the macOS SDK, and codesign/notarytool/hdiutil exist only on macOS.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
[ "$(uname -s)" = Darwin ] || die "macOS packages are built on macOS (see README, 'Install')"
command -v go >/dev/null && command -v node >/dev/null || die "Go 1.26+ and Node.js 20+ are needed"
xcode-select -p >/dev/null 2>&1 || die "install the Xcode command line tools: xcode-select --install"

VERSION=$(app_version)
NAME=redshift-mate
APP="build/bin/Redshift Mate.app"
DIST=dist
mkdir -p "$DIST"
STAGE=$(mktemp -d)
# The stamped version files are restored afterwards.
cp -p wails.json build/windows/info.json "$STAGE/"
trap 'cp -p "$STAGE/wails.json" wails.json; cp -p "$STAGE/info.json" build/windows/info.json; rm -rf "$STAGE"' EXIT

log "frontend"
(cd frontend && npm ci --no-audit --no-fund && npm run build)
# Info.plist's CFBundleShortVersionString/CFBundleVersion come from wails.json.
go run ./scripts/versiontool stamp "$VERSION"
log "wails build darwin/universal ($VERSION)"
rm -rf "$APP"
go tool wails build -s -m -nosyncgomod -skipbindings -nocolour -platform darwin/universal -ldflags "$(app_ldflags)"
[ -x "$APP/Contents/MacOS/$NAME" ] || die "$APP/Contents/MacOS/$NAME was not built"
lipo -info "$APP/Contents/MacOS/$NAME"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  log "codesign (hardened runtime) with $MACOS_SIGN_IDENTITY"
  codesign --force --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --strict --verbose=2 "$APP"
else
  log "MACOS_SIGN_IDENTITY not set: the app is unsigned (Gatekeeper will ask users to allow it)"
fi

dmg="$DIST/$NAME-$VERSION-macos-universal.dmg"
mkdir -p "$STAGE/dmg"
cp -R "$APP" "$STAGE/dmg/"
ln -s /Applications "$STAGE/dmg/Applications"
rm -f "$dmg"
hdiutil create -volname "Redshift Mate" -srcfolder "$STAGE/dmg" -fs HFS+ -format UDZO -ov "$dmg"
[ -n "${MACOS_SIGN_IDENTITY:-}" ] && codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  log "notarising $dmg"
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$dmg"
  xcrun stapler staple "$APP"
else
  log "notarisation skipped (needs MACOS_SIGN_IDENTITY, APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD)"
fi
(cd build/bin && ditto -c -k --keepParent "Redshift Mate.app" "$OLDPWD/$DIST/$NAME-$VERSION-macos-universal.zip")
log "built: $(ls "$DIST" | grep macos | tr '\n' ' ')"
