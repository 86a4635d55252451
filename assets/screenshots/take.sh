#!/bin/bash
# Takes the README's screenshots from the real app under Xvfb (needs: xvfb xauth libgtk-3-0 libxtst6
# imagemagick xdotool). Usage: assets/screenshots/take.sh [target/hanout.jar]
set -euo pipefail
JAR=${1:-target/hanout.jar}
OUT=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
export DISPLAY=:97
Xvfb $DISPLAY -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
APP=
SIM=
cleanup() {
    [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
    [ -n "$SIM" ] && kill "$SIM" 2>/dev/null || true
    kill $XVFB 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
sleep 1

start_app() { # home lang [env...]
    local home=$1 lang=$2; shift 2
    env "$@" java -Dprism.order=sw -jar "$JAR" --home "$home" --lang "$lang" >"$WORK/app.log" 2>&1 &
    APP=$!
    local wid=
    for _ in $(seq 1 80); do
        wid=$(xdotool search --name '^Hanout$' 2>/dev/null | head -1 || true)
        [ -n "$wid" ] && break
        sleep 0.25
    done
    sleep 3
    xdotool windowmove "$wid" 0 0
    xdotool windowfocus "$wid"
    sleep 1
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=; sleep 0.5; }
shot() { sleep "${2:-1}"; import -window root -crop 1180x760+0+0 "$OUT/$1"; }
sell() { # number operator-key amount-key
    xdotool type --delay 60 "$1"; xdotool key "$2" "$3" Return; sleep 1.5; xdotool key Return
}

for lang in fr ar; do
    # counter and history: a demo shop with its sample history
    start_app "$WORK/demo-$lang" "$lang"
    sleep 8 # the sample sales settle at the demo's real pace
    sell 0661234512 m F3
    shot "counter-$lang.png" 8
    xdotool type --delay 60 0627781209; xdotool key i F5 Return
    shot "confirm-$lang.png" 1.5
    xdotool key Escape Escape
    xdotool key ctrl+3
    sleep 2
    if [ "$lang" = ar ]; then xdotool mousemove 900 300 click 1; else xdotool mousemove 300 300 click 1; fi
    shot "history-$lang.png" 2
    stop_app

    # the queue: a shop on a stand-alone simulator that goes away
    port=$((18000 + RANDOM % 1000))
    java -jar "$JAR" sim --port $port --time-scale 0.05 >"$WORK/sim.log" 2>&1 &
    SIM=$!
    sleep 3
    start_app "$WORK/shop-$lang" "$lang" HANOUT_BASE_URL="http://127.0.0.1:$port/rest/V1/recharge-api" \
        HANOUT_CLIENT_CODE=API-DEMO-0001 HANOUT_API_KEY=demo-key
    sell 0661234512 m F2
    sleep 3
    kill $SIM; wait $SIM 2>/dev/null || true; SIM=
    sell 0612873456 o F3
    sleep 2
    sell 0636987412 i F5
    sleep 2
    sell 0707654321 o F6
    xdotool key ctrl+2
    shot "queue-$lang.png" 4
    stop_app
done
echo "screenshots in $OUT"
