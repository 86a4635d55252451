#!/bin/sh
# Remakes assets/icon/: the PNG set drawn by MakeIcon.java, hanout.ico (Windows, for the .msi)
# and hanout.icns (macOS, for the .dmg). Needs a JDK, ImageMagick (convert) and icnsutils (png2icns):
#   apt-get install -y imagemagick icnsutils
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../assets/icon"
mkdir -p "$out"
java "$here/MakeIcon.java" "$out"
cd "$out"
convert hanout-16.png hanout-24.png hanout-32.png hanout-48.png hanout-64.png hanout-128.png hanout-256.png hanout.ico
png2icns hanout.icns hanout-16.png hanout-32.png hanout-48.png hanout-128.png hanout-256.png hanout-512.png hanout-1024.png >/dev/null
ls -l "$out"
