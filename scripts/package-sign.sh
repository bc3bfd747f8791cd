#!/usr/bin/env bash
# package-sign.sh FILE...: Authenticode-signs Windows executables in place with
# osslsigncode, only when a certificate is given:
#   WINDOWS_SIGN_PFX       a PKCS#12 file with the code-signing certificate and key
#   WINDOWS_SIGN_PASSWORD  its password
#   WINDOWS_SIGN_TIMESTAMP_URL  RFC 3161 timestamp server (default DigiCert's; "none" to skip)
# Without WINDOWS_SIGN_PFX it does nothing (unsigned builds are the default).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
[ -n "${WINDOWS_SIGN_PFX:-}" ] || exit 0
[ -f "$WINDOWS_SIGN_PFX" ] || die "WINDOWS_SIGN_PFX=$WINDOWS_SIGN_PFX: no such file"
ts=${WINDOWS_SIGN_TIMESTAMP_URL:-http://timestamp.digicert.com}
for f in "$@"; do
  args=(sign -pkcs12 "$WINDOWS_SIGN_PFX" -pass "${WINDOWS_SIGN_PASSWORD:-}" -n "Redshift Mate" -h sha256)
  [ "$ts" = none ] || args+=(-ts "$ts")
  osslsigncode "${args[@]}" -in "$f" -out "$f.signed" >/dev/null
  mv "$f.signed" "$f"
  log "signed $f"
done
