#!/usr/bin/env bash
# `make package`: builds every installable artefact this Linux machine can build
# into dist/, with SHA256SUMS:
#   redshift-mate_<debver>_amd64.deb            Linux, WebKitGTK 4.0 (Debian 12, Ubuntu 22.04)
#   redshift-mate-webkit41_<debver>_amd64.deb   Linux, WebKitGTK 4.1 (Ubuntu 24.04+, Debian 13)
#   redshift-mate-<ver>-linux-amd64[-webkit41].tar.gz  binary + .desktop + icons, no installer
#   redshift-mate-<rpmver>.x86_64.rpm           Fedora/openSUSE (WebKitGTK 4.1 build)
#   redshift-mate-<ver>-windows-amd64.exe       the app, portable
#   redshift-mate-<ver>-windows-amd64-setup.exe per-user NSIS installer
# macOS needs a Mac: see scripts/package-macos.sh and .github/workflows/release.yml.
#
# Environment:
#   PACKAGE_ONLY="deb tar rpm windows"  a subset (default: all)
#   WINDOWS_SIGN_PFX, WINDOWS_SIGN_PASSWORD  sign the .exe files with osslsigncode
#     (scripts/package-sign.sh; only when a certificate is given, unsigned otherwise)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

T0=$SECONDS
bash scripts/deps.sh package
ONLY=" ${PACKAGE_ONLY:-deb tar rpm windows} "
want() { [[ "$ONLY" == *" $1 "* ]]; }

VERSION=$(app_version)
NUMVER=$(go run ./scripts/versiontool numeric "$VERSION")   # a.b.c.d for Windows resources
DEBVER=$(go run ./scripts/versiontool debian "$VERSION")    # Debian-sortable
RPMVER=$(go run ./scripts/versiontool rpm "$VERSION")       # "Version Release"
NAME=redshift-mate
DIST=dist
rm -rf "$DIST"
mkdir -p "$DIST"
STAGE=$(mktemp -d -t rsmate-package-XXXXXX)
# Files the Windows build reads its version from are rewritten for the build
# and restored afterwards, whatever happens.
RESTORE=()
cleanup() {
  local f
  for f in "${RESTORE[@]}"; do cp -p "$STAGE/orig/$f" "$f"; done
  rm -rf "$STAGE"
}
trap cleanup EXIT
log "packaging $NAME $VERSION (Debian version $DEBVER, Windows $NUMVER)"

wails_build() { # wails_build OUTPUT-NAME ARGS...: a release build into build/bin
  local out=$1; shift
  go tool wails build -s -m -nosyncgomod -skipbindings -nocolour -ldflags "$(app_ldflags)" -o "$out" "$@" >"$STAGE/wails-$out.log" 2>&1 ||
    { cat "$STAGE/wails-$out.log" >&2; die "wails build -o $out $* failed"; }
  log "built build/bin/$out ($(du -h "build/bin/$out" | cut -f1))"
}

# The frontend and the WebKitGTK 4.0 binary: reused when up to date.
RSMATE_SKIP_DEPS=1 bash scripts/build.sh

# ---------------------------------------------------------------- Linux ----
# install_tree ROOT BINARY: the installed layout under ROOT/usr.
ICON_SIZES="16 22 24 32 48 64 128 256 512"
install_tree() {
  local root=$1 bin=$2 s
  install -Dm755 "$bin" "$root/usr/bin/$NAME"
  install -Dm644 build/linux/$NAME.desktop "$root/usr/share/applications/$NAME.desktop"
  for s in $ICON_SIZES; do
    mkdir -p "$root/usr/share/icons/hicolor/${s}x${s}/apps"
    "$(convert_bin)" build/appicon.png -resize "${s}x${s}" -strip "$root/usr/share/icons/hicolor/${s}x${s}/apps/$NAME.png"
  done
  install -Dm644 backend/buildinfo/THIRD_PARTY_LICENSES.txt "$root/usr/share/doc/$NAME/THIRD_PARTY_LICENSES.txt"
}

# make_deb PACKAGE BINARY CONFLICTS: a .deb whose Depends dpkg-shlibdeps
# computes from the libraries the binary links (WebKitGTK, GTK, libc …).
make_deb() {
  local pkg=$1 bin=$2 conflicts=$3 root="$STAGE/deb-$1" deps
  install_tree "$root" "$bin"
  install -Dm644 /dev/stdin "$root/usr/share/doc/$NAME/copyright" <<EOF
Redshift Mate $VERSION
The third-party software it bundles and their licences: THIRD_PARTY_LICENSES.txt
EOF
  mkdir -p "$STAGE/shlibs-$pkg/debian"
  echo "Source: $NAME" >"$STAGE/shlibs-$pkg/debian/control"
  deps=$(cd "$STAGE/shlibs-$pkg" && dpkg-shlibdeps -O "$root/usr/bin/$NAME" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
  [ -n "$deps" ] || die "dpkg-shlibdeps found no dependencies for $bin"
  mkdir -p "$root/DEBIAN"
  cat >"$root/DEBIAN/control" <<EOF
Package: $pkg
Version: $DEBVER
Architecture: amd64
Maintainer: Redshift Mate <packages@redshiftmate.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $deps
Recommends: gnome-keyring | kwalletmanager
Suggests: postgresql
Conflicts: $conflicts
Replaces: $conflicts
Section: database
Priority: optional
Homepage: https://github.com/redshiftmate/rsmate
Description: manage users, roles, groups and privileges of Redshift and PostgreSQL
 Redshift Mate is a desktop app that shows who can do what on Amazon Redshift
 and PostgreSQL and changes it through reviewed SQL.
 Passwords are kept in the system keychain (Secret Service).
EOF
  # Refresh the menu and icon caches where the tools exist (no dependency on them).
  for script in postinst postrm; do
    cat >"$root/DEBIAN/$script" <<'EOF'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
EOF
    chmod 755 "$root/DEBIAN/$script"
  done
  dpkg-deb --root-owner-group -Zxz --build "$root" "$DIST/${pkg}_${DEBVER}_amd64.deb" >/dev/null
  log "$DIST/${pkg}_${DEBVER}_amd64.deb  Depends: $deps"
}

make_tar() { # make_tar SUFFIX BINARY
  local dir="$STAGE/tar$1/$NAME-$VERSION" s
  mkdir -p "$dir"
  install -m755 "$2" "$dir/$NAME"
  install -m644 build/linux/$NAME.desktop backend/buildinfo/THIRD_PARTY_LICENSES.txt "$dir/"
  for s in $ICON_SIZES; do
    mkdir -p "$dir/icons/hicolor/${s}x${s}/apps"
    "$(convert_bin)" build/appicon.png -resize "${s}x${s}" -strip "$dir/icons/hicolor/${s}x${s}/apps/$NAME.png"
  done
  cat >"$dir/install.sh" <<'EOF'
#!/bin/sh
# Installs Redshift Mate for the current user (~/.local): menu entry and icons.
set -e
cd "$(dirname "$0")"
mkdir -p "$HOME/.local/bin" "$HOME/.local/share/applications" "$HOME/.local/share/icons"
cp redshift-mate "$HOME/.local/bin/"
sed "s|^Exec=redshift-mate|Exec=$HOME/.local/bin/redshift-mate|" redshift-mate.desktop >"$HOME/.local/share/applications/redshift-mate.desktop"
cp -r icons/hicolor "$HOME/.local/share/icons/"
echo "Installed: find Redshift Mate in your applications menu."
EOF
  chmod 755 "$dir/install.sh"
  tar -C "$STAGE/tar$1" --owner=0 --group=0 -czf "$DIST/$NAME-$VERSION-linux-amd64$1.tar.gz" "$NAME-$VERSION"
}

make_rpm() { # make_rpm BINARY: a binary RPM; rpmbuild derives Requires from the ELF's libraries
  local top="$STAGE/rpm" root="$STAGE/rpm-root"
  install_tree "$root" "$1"
  mkdir -p "$top"/{BUILD,RPMS,SPECS,SOURCES,SRPMS}
  cat >"$top/SPECS/$NAME.spec" <<EOF
Name: $NAME
Version: ${RPMVER% *}
Release: ${RPMVER#* }
Summary: Manage users, roles, groups and privileges of Redshift and PostgreSQL
License: Unspecified
URL: https://github.com/redshiftmate/rsmate
%description
Redshift Mate is a desktop app that shows who can do what on Amazon Redshift
and PostgreSQL and changes it through reviewed SQL (WebKitGTK 4.1 build).
%install
cp -a $root/. %{buildroot}/
%files
/usr/bin/$NAME
/usr/share/applications/$NAME.desktop
/usr/share/icons/hicolor/*/apps/$NAME.png
/usr/share/doc/$NAME
EOF
  rpmbuild --quiet -bb --define "_topdir $top" --define '_build_id_links none' --define 'debug_package %{nil}' \
    --define '__strip /bin/true' "$top/SPECS/$NAME.spec" >"$STAGE/rpmbuild.log" 2>&1 ||
    { cat "$STAGE/rpmbuild.log" >&2; die "rpmbuild failed"; }
  cp "$top"/RPMS/x86_64/*.rpm "$DIST/"
}

if want deb || want tar || want rpm; then
  cp build/bin/$NAME "$STAGE/$NAME-webkit40"
  wails_build $NAME-webkit41 -tags webkit2_41
  mv build/bin/$NAME-webkit41 "$STAGE/$NAME-webkit41"
fi
if want deb; then
  make_deb $NAME "$STAGE/$NAME-webkit40" $NAME-webkit41
  make_deb $NAME-webkit41 "$STAGE/$NAME-webkit41" $NAME
fi
if want tar; then
  make_tar "" "$STAGE/$NAME-webkit40"
  make_tar -webkit41 "$STAGE/$NAME-webkit41"
fi
if want rpm; then
  if command -v rpmbuild >/dev/null; then make_rpm "$STAGE/$NAME-webkit41"; else log "rpmbuild missing: no .rpm"; fi
fi

# -------------------------------------------------------------- Windows ----
if want windows; then
  # The version resource comes from wails.json (numeric a.b.c.d, which Windows
  # sorts) and build/windows/info.json (the version string as text).
  mkdir -p "$STAGE/orig/build/windows"
  for f in wails.json build/windows/info.json; do cp -p "$f" "$STAGE/orig/$f"; RESTORE+=("$f"); done
  go run ./scripts/versiontool stamp "$VERSION"
  wails_build $NAME.exe -platform windows/amd64
  exe="$DIST/$NAME-$VERSION-windows-amd64.exe"
  cp build/bin/$NAME.exe "$exe"
  bash scripts/package-sign.sh "$exe"

  # The installer: per user, no administrator rights; the WebView2 bootstrapper
  # ships inside it and runs only when the runtime is missing.
  nsis_tmp=build/windows/installer/tmp
  mkdir -p "$nsis_tmp"
  cp "$(go list -m -f '{{.Dir}}' github.com/wailsapp/wails/v2)/internal/webview2runtime/MicrosoftEdgeWebview2Setup.exe" "$nsis_tmp/"
  setup="$DIST/$NAME-$VERSION-windows-amd64-setup.exe"
  makensis -WX -V2 -DARG_WAILS_AMD64_BINARY="$PWD/$exe" -DINFO_PRODUCTVERSION="$VERSION" -DINFO_NUMVERSION="$NUMVER" \
    -DOUTFILE="$PWD/$setup" build/windows/installer/project.nsi >"$STAGE/makensis.log" 2>&1 ||
    { cat "$STAGE/makensis.log" >&2; rm -rf "$nsis_tmp"; die "makensis failed (warnings are errors)"; }
  rm -rf "$nsis_tmp"
  bash scripts/package-sign.sh "$setup"
fi

echo "$VERSION" >"$DIST/VERSION"   # what the package test checks the artefacts against
(cd "$DIST" && sha256sum -- * >SHA256SUMS)
log "dist/ after $((SECONDS - T0)) s:"
(cd "$DIST" && ls -l --block-size=K -- * | awk '{print "  " $5 "\t" $9}')
