#!/usr/bin/env bash
# Builds the .deb, installs it with dpkg, checks that `hanout` is on the PATH and answers --help,
# starts it under Xvfb as a cashier would (a fresh user, the default data folder ~/.hanout) and
# checks that the counter is shown, then removes the package and checks that it left nothing
# behind but the shop's data folder. Must run as root on Debian/Ubuntu (it installs a package and
# adds a throwaway user); it installs what it needs with apt-get.
#
#   installer/test-deb.sh [hanout_VERSION_amd64.deb]   (no argument: installer/build.sh deb first)
#
# Prints one "ok" line per check, the start-up time and memory of the installed app, and the
# installed size; exits 1 at the first check that fails. A screenshot of the counter is kept in
# target/installer/test-deb-counter.png.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/installer"
[ "$(id -u)" -eq 0 ] || { echo "test-deb.sh: run it as root (dpkg -i, useradd)" >&2; exit 2; }
status() { dpkg-query -W -f '${Status}' hanout 2>/dev/null || true; }
if [ "$(status)" = "install ok installed" ]; then
  echo "test-deb.sh: the hanout package is already installed here; remove it first (dpkg -r hanout)" >&2
  exit 2
fi

step() { printf '\n== %s\n' "$*"; }
ok() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*" >&2; exit 1; }
t0=$(date +%s)

step "tools"
need=()
for cmd in Xvfb:xvfb xauth:xauth xdotool:xdotool xwininfo:x11-utils fakeroot:fakeroot; do
  command -v "${cmd%%:*}" >/dev/null || need+=("${cmd#*:}")
done
# ImageMagick's import and identify (a stand-in convert may shadow them on some machines)
[ -x /usr/bin/import ] || need+=(imagemagick)
if [ "${#need[@]}" -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
ok "xvfb, xdotool, x11-utils, imagemagick, fakeroot present"

deb="${1:-}"
if [ -z "$deb" ]; then
  step "build: installer/build.sh deb"
  "$root/installer/build.sh" deb
  deb="$(ls "$out"/hanout_*_amd64.deb)"
fi
[ -f "$deb" ] || fail "no package at $deb"
ok "package $(basename "$deb") ($(du -h "$deb" | cut -f1))"

work="$(mktemp -d)"
user="hanout-test-$$"
display=":$((100 + $$ % 100))"
app_pid=""
xvfb_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  [ "$(status)" = "install ok installed" ] && dpkg -r hanout >/dev/null 2>&1 || true
  id "$user" >/dev/null 2>&1 && userdel -r "$user" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

step "install: dpkg -i"
# dpkg does not fetch dependencies: install the package's own list first, as apt would
deps="$(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' ' ')"
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $deps >/dev/null
# a desktop machine has the menu folders; a bare container may not
mkdir -p /usr/share/applications /usr/share/desktop-directories
ti=$(date +%s)
dpkg -i "$deb"
ok "dpkg -i in $(( $(date +%s) - ti )) s"
[ "$(status)" = "install ok installed" ] || fail "dpkg says: $(status)"
ok "package installed"
[ "$(command -v hanout)" = /usr/bin/hanout ] || fail "hanout is not on the PATH (command -v: $(command -v hanout || true))"
ok "hanout on the PATH: /usr/bin/hanout"
help="$(hanout --help)" || fail "hanout --help exited with $?"
grep -q '^Usage: hanout' <<<"$help" || fail "hanout --help printed: $help"
ok "hanout --help: $(head -1 <<<"$help")"
ls /usr/share/applications/hanout*.desktop >/dev/null 2>&1 || fail "no start-menu entry in /usr/share/applications"
ok "start-menu entry $(ls /usr/share/applications/hanout*.desktop)"
[ -f /opt/hanout/lib/app/hanout.jsa ] || fail "postinst made no AppCDS archive"
ok "AppCDS archive /opt/hanout/lib/app/hanout.jsa ($(du -h /opt/hanout/lib/app/hanout.jsa | cut -f1))"
installed="$(du -sh /opt/hanout | cut -f1)"
ok "installed size: $installed (/opt/hanout, archive included)"

step "start under Xvfb as a cashier"
useradd --create-home --shell /bin/sh "$user"
Xvfb "$display" -screen 0 1280x800x24 -ac -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.2; done
home="$(getent passwd "$user" | cut -d: -f6)"
ts=$(date +%s%N)
su "$user" -c "DISPLAY=$display exec hanout" >"$work/app.log" 2>&1 &
app_pid=$!
# the main window (JavaFX names its class after the Application class; a 10x10 "hanout" window is
# GTK's group leader), then the data folder: the shop opens only once the counter's phone field
# has the focus
win=""
for _ in $(seq 600); do
  win="$(xwininfo -display "$display" -root -tree 2>/dev/null \
    | awk '/"Hanout": \("ma.hanout.ui.HanoutApp"/ { print $1; exit }' || true)"
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || fail "no window named Hanout after 60 s; the app said: $(cat "$work/app.log")"
tw=$(( ($(date +%s%N) - ts) / 1000000 ))
ok "window $win \"$(DISPLAY=$display xdotool getwindowname "$win")\" after $tw ms"
for _ in $(seq 600); do [ -f "$home/.hanout/hanout.folder" ] && break; sleep 0.1; done
[ -f "$home/.hanout/hanout.db" ] || fail "the shop did not open: no $home/.hanout/hanout.db; the app said: $(cat "$work/app.log")"
tr=$(( ($(date +%s%N) - ts) / 1000000 ))
ok "counter ready, shop open ($home/.hanout) after $tr ms"
ok "xwininfo -root -tree: $(xwininfo -display "$display" -root -tree | grep '"Hanout": ' | sed 's/^ *//')"
# the screen is drawn once the screens are built: wait until the window is more than a blank background
shot="$out/test-deb-counter.png"
colours=0
for _ in $(seq 60); do
  /usr/bin/import -display "$display" -window "$win" "$shot" 2>/dev/null || true
  colours="$(/usr/bin/identify -format '%k' "$shot" 2>/dev/null || echo 0)"
  [ "$colours" -gt 200 ] && break
  sleep 0.5
done
[ "$colours" -gt 200 ] || fail "the window stayed blank ($colours colours): see $shot"
ok "counter drawn: $colours colours in the screenshot $shot"
jvm="$(pgrep -u "$user" -f '^/opt/hanout/bin/hanout' | head -1)"
if [ -n "$jvm" ]; then
  grep -q hanout.jsa "/proc/$jvm/maps" && ok "the JVM maps the AppCDS archive" || fail "the JVM does not use hanout.jsa"
  sleep 3
  ok "memory of the app: $(grep -E 'VmHWM|VmRSS' "/proc/$jvm/status" | tr -s ' \t' ' ' | tr '\n' ' ')"
fi
kill "$app_pid" 2>/dev/null || true
[ -n "$jvm" ] && kill "$jvm" 2>/dev/null || true
for _ in $(seq 100); do { [ -n "$jvm" ] && kill -0 "$jvm" 2>/dev/null; } || break; sleep 0.2; done
app_pid=""
ok "app closed"

step "remove: dpkg -r"
dpkg -r hanout
# "deinstall ok config-files": removed, dpkg keeps only the package's postrm until a purge
case "$(status)" in
  "" | "deinstall ok config-files" | "unknown ok not-installed") ;;
  *) fail "still installed: $(status)" ;;
esac
ok "package removed (dpkg: ${status_text:-$(status)})"
[ ! -e /opt/hanout ] || fail "/opt/hanout left behind: $(find /opt/hanout | head)"
[ ! -e /usr/bin/hanout ] || fail "/usr/bin/hanout left behind"
! ls /usr/share/applications/hanout*.desktop >/dev/null 2>&1 || fail "start-menu entry left behind"
ok "nothing left in /opt/hanout, /usr/bin, /usr/share/applications"
[ -s "$home/.hanout/hanout.db" ] || fail "the shop's data folder is gone"
ok "the shop's data kept: $(ls "$home/.hanout" | tr '\n' ' ')"

printf '\nPASS test-deb.sh in %d s\n' "$(( $(date +%s) - t0 ))"
