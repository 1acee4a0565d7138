#!/usr/bin/env bash
# The warehouse flow with no mouse, in a real window, counted key by key: pick (a short pick), pack and ship in one
# Ship, then a tote's tracking number typed into the queue filter opens a packed order, which ships too.
#
#   packaging/xdotool_warehouse.sh [screenshot.png]        (default docs/screenshots/warehouse.png)
#
# Starts Xvfb :8 at 1,366 x 768 unless DISPLAY is set, and the app on a fresh demo company in a temporary OMS_HOME
# (or OMS_HOME if given). A scanner is a keyboard: what it reads is typed here with Enter, like any other key.
# The SKUs to scan are read from the database the window writes (what a picker reads off the printed list).
# Needs xdotool and imagemagick (import). Prints every step with its keys and the total.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/screenshots/warehouse.png}
# shellcheck source=packaging/xdotool_lib.sh
. packaging/xdotool_lib.sh
start_demo_app 120

step "sign in as warehouse"
key alt+u ctrl+a; typed warehouse; key Tab; typed demo; key Return
sleep 5

step "Ctrl+F: filter the queue to waiting orders, Down into the list, Ctrl+P: a pick list for the first"
key ctrl+f; typed waiting; key Down ctrl+p
sleep 2
PL=$(sql "select max(id) from pick_lists")
mapfile -t LINES < <(sql "select sku, quantity from pick_lines where pick_list_id = $PL order by id")
UNITS=$(sql "select sum(quantity) from pick_lines where pick_list_id = $PL")
step "PL $PL: ${#LINES[@]} line(s), $UNITS unit(s); F4 and scan every unit but one (a short pick)"
key F4
left=$UNITS
for line in "${LINES[@]}"; do
    read -r sku qty <<<"$line"
    for _ in $(seq "$qty"); do
        left=$((left - 1))
        if [ "$left" -eq 0 ] && [ "$UNITS" -gt 1 ]; then break; fi
        scan "$sku"
    done
done
step "a SKU not on the list is refused"
scan NOT-ON-LIST
step "Ctrl+Enter without a reason is refused; Tab Tab to the reason, type it, Ctrl+Enter"
key ctrl+Return
key Tab Tab; typed "only one on the shelf"; key ctrl+Return
sleep 1

step "Ship with no carrier reference is refused; Alt+C carrier, Alt+E reference, Alt+G weight, Alt+P ship (packs)"
key alt+p
key alt+c ctrl+a; typed DHL; key alt+e; typed JD0146000038; key alt+g; typed 1.2; key alt+p
sleep 2
import -window root "${TMPDIR:-/tmp}/warehouse-after-ship.png"

TN=$(sql "select o.tracking_number from orders o join pick_list_orders p on p.order_id = o.id where p.status = 'packed' order by o.id limit 1")
step "Ctrl+F, a packed tote's tracking number scanned into the filter ($TN) opens it; Alt+P ships it"
key ctrl+f; scan "$TN"; key alt+p
sleep 2
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
step "done: screenshot $OUT"
echo "TOTAL KEYS: $KEYS"
