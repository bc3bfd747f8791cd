#!/usr/bin/env bash
# Draws the app icon with ImageMagick: build/appicon.png (1024x1024), the
# Linux window icon build/windowicon.png (256x256) and the Windows
# build/windows/icon.ico generated from it. Deterministic; rerun after edits.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
IM=$(convert_bin)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

S=1024
# 1. Rounded square with a diagonal deep indigo → red gradient.
"$IM" -size ${S}x${S} xc:none -sparse-color Barycentric '120,120 #3423b8  904,904 #e3344e' "$T/grad.png"
"$IM" -size ${S}x${S} xc:none -fill white -draw 'roundrectangle 64,64 959,959 190,190' "$T/mask.png"
"$IM" "$T/grad.png" "$T/mask.png" -alpha off -compose CopyOpacity -composite "$T/bg.png"
# Soft light from the top.
"$IM" -size ${S}x${S} gradient:'rgba(255,255,255,0.14)-rgba(255,255,255,0)' "$T/mask.png" -compose DstIn -composite "$T/gloss.png"
"$IM" "$T/bg.png" "$T/gloss.png" -compose Over -composite "$T/bg2.png"

# 2. A white shield with a keyhole cut out (access control).
SHIELD='path "M 512,214 C 600,262 690,286 780,292 L 780,520 C 780,690 660,800 512,850 C 364,800 244,690 244,520 L 244,292 C 334,286 424,262 512,214 Z"'
"$IM" -size ${S}x${S} xc:none -fill white -draw "$SHIELD" "$T/shield.png"
"$IM" -size ${S}x${S} xc:none -fill black -draw 'circle 512,440 512,514' \
  -draw 'path "M 474,470 L 550,470 L 582,680 L 442,680 Z"' "$T/hole.png"
"$IM" "$T/shield.png" "$T/hole.png" -compose DstOut -composite "$T/shield2.png"
# Drop shadow under the shield.
"$IM" "$T/shield2.png" -background black -shadow 45x18+0+16 "$T/shadow.png"
"$IM" "$T/bg2.png" \( "$T/shadow.png" -repage +0+0 \) -gravity center -compose Over -composite \
  "$T/shield2.png" -compose Over -composite "$T/icon.png"
"$IM" "$T/icon.png" -depth 8 -strip -define png:exclude-chunks=date,time -define png:compression-level=9 -define png:compression-filter=5 build/appicon.png

# The window icon at the largest size a task switcher shows: GTK keeps the
# decoded icon for the window's life (4 MiB at 1024 px, 256 KiB at 256 px) and
# sends it to the X server at start.
"$IM" build/appicon.png -resize 256x256 -depth 8 -strip -define png:exclude-chunks=date,time -define png:compression-level=9 -define png:compression-filter=5 build/windowicon.png

mkdir -p build/windows
"$IM" build/appicon.png -depth 8 -define icon:auto-resize=256,128,64,48,32,24,16 build/windows/icon.ico
log "wrote build/appicon.png, build/windowicon.png and build/windows/icon.ico"
