# Shared by the packaging/xdotool_*.sh scripts (sourced, not run): a virtual 1,366 x 768 screen when there is no
# display, the demo company in OMS_HOME (a new temporary one unless given), the app started and its sign-in awaited,
# and the key helpers that count every key pressed (a character typed is a key; a scanner types its code and Enter).
# The caller has cd'ed to the project root and set OUT.
PY=${PY:-.venv/bin/python}
APP=${APP:-.venv/bin/oms-desktop}  # another build or interpreter: APP=/path/to/oms-desktop
KEYS=0
started=()
cleanup() { for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
    Xvfb :8 -screen 0 1366x768x24 >/dev/null 2>&1 & started+=($!)
    export DISPLAY=:8
    sleep 1
fi
export OMS_HOME=${OMS_HOME:-$(mktemp -d)}
DB="$OMS_HOME/demo.db"

key() { xdotool key --delay 60 "$@"; KEYS=$((KEYS + $#)); sleep 0.4; }
alt() { xdotool keydown Alt_L key "$1" keyup Alt_L; KEYS=$((KEYS + 1)); sleep 0.4; }  # bare Xvfb: alt+x types x
typed() { xdotool type --delay 25 "$1"; KEYS=$((KEYS + ${#1})); sleep 0.3; }
scan() { typed "$1"; key Return; }   # a barcode scanner: the code, then Enter
step() { echo "[$KEYS keys] $*"; }
sql() { "$PY" -c "import sqlite3, sys; print('\n'.join(' '.join(map(str, r)) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))" "$DB" "$1"; }

# start the app on the demo company and wait for its sign-in (seeding a new demo takes up to a few minutes)
start_demo_app() {
    "$APP" --demo >"$OMS_HOME/app.log" 2>&1 & started+=($!)
    for _ in $(seq "${1:-180}"); do xdotool search --onlyvisible --name "Sign in" >/dev/null 2>&1 && break; sleep 1; done
    sleep 1
}
