#!/usr/bin/env bash
# Regenerates every icon in resources/ with ImageMagick 6 (`convert`). The PNGs are committed;
# run this only after changing the design:  bash resources/generate-icons.sh
#
# The mark: a ring (a contact) with a dot on it (a touch). "Due" adds an orange badge.
# Each image is drawn at 8x its size and scaled down, for clean anti-aliased edges.
set -euo pipefail
cd "$(dirname "$0")"

TEAL='#0f766e'
ORANGE='#f97316'
S=8 # supersampling factor

# ring SIZE COLOR [BADGE_COLOR] OUT — the tray mark on a transparent background.
ring() {
  local size=$1 color=$2 badge=$3 out=$4
  local c r w m dot b
  c=$((size * S))
  r=$((c * 34 / 100)) # ring radius
  w=$((c * 12 / 100)) # stroke width
  m=$((c / 2))
  dot=$((c * 11 / 100))
  set -- -size "${c}x${c}" xc:none \
    -fill none -stroke "$color" -strokewidth "$w" -draw "circle $m,$m $m,$((m - r))" \
    -stroke none -fill "$color" -draw "circle $((m + r * 7 / 10)),$((m - r * 7 / 10)) $((m + r * 7 / 10 + dot)),$((m - r * 7 / 10))"
  if [ "$badge" != none ]; then
    b=$((c * 22 / 100))
    # A clear gap around the badge keeps it readable on any panel colour.
    set -- "$@" -fill none -stroke none -draw "point 0,0" \
      \( -size "${c}x${c}" xc:none -fill black -draw "circle $((c - b - w / 2)),$((c - b - w / 2)) $((c - w / 2)),$((c - b - w / 2))" \) \
      -compose DstOut -composite \
      -compose Over -fill "$badge" -draw "circle $((c - b - w / 2)),$((c - b - w / 2)) $((c - w / 2 - w / 2)),$((c - b - w / 2))"
  fi
  convert "$@" -resize "${size}x${size}" -strip "PNG32:$out"
}

# Linux/Windows tray: coloured, idle and due, at 16/24/32/48 plus @2x of each.
for px in 16 24 32 48; do
  ring "$px" "$TEAL" none "tray-idle-$px.png"
  ring "$px" "$TEAL" "$ORANGE" "tray-due-$px.png"
  ring $((px * 2)) "$TEAL" none "tray-idle-$px@2x.png"
  ring $((px * 2)) "$TEAL" "$ORANGE" "tray-due-$px@2x.png"
done

# macOS menu bar: template images (black + alpha), 16 pt and @2x; the OS tints them.
ring 16 black none trayTemplate.png
ring 32 black none trayTemplate@2x.png
ring 16 black black trayDueTemplate.png
ring 32 black black trayDueTemplate@2x.png

# App icon: the white mark on a teal rounded square.
app_icon() {
  local size=$1 out=$2
  local c pad radius
  c=$((size * S))
  pad=$((c * 6 / 100))
  radius=$((c * 22 / 100))
  ring "$size" white none /tmp/touchbase-mark.png
  convert -size "${c}x${c}" xc:none -fill "$TEAL" -draw "roundrectangle $pad,$pad $((c - pad)),$((c - pad)) $radius,$radius" \
    -resize "${size}x${size}" \( /tmp/touchbase-mark.png -resize 80% \) -gravity center -compose Over -composite -strip "PNG32:$out"
  rm -f /tmp/touchbase-mark.png
}
app_icon 512 icon-512.png
app_icon 256 icon-256.png
# electron-builder's Linux icon set: a folder of <size>x<size>.png.
mkdir -p icons
for px in 16 32 48 64 128 256 512; do app_icon "$px" "icons/${px}x${px}.png"; done
