#!/usr/bin/env bash
# A purchase order typed in by hand with no mouse, in a real window: Inventory, Ctrl+P purchasing, Alt+N new order for
# a supplier (its open draft opens), three lines by SKU (type-ahead), quantity and cost, one changed, one removed.
#
#   packaging/xdotool_purchasing.sh [screenshot.png]        (default docs/screenshots/purchase_order.png)
#
# Starts Xvfb :8 at 1,366 x 768 unless DISPLAY is set, and the app on the demo company in OMS_HOME (a new temporary
# one unless given). Needs xdotool and imagemagick (import). Prints every step with its keys and the total.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/screenshots/purchase_order.png}
# shellcheck source=packaging/xdotool_lib.sh
. packaging/xdotool_lib.sh
start_demo_app 240

step "sign in as manager"
key alt+u ctrl+a; typed manager; key Tab; typed demo; key Return
sleep 6

step "Ctrl+2 Inventory, Ctrl+P purchasing, Alt+N new order, 'Bu' finds Buchvertrieb Nord, Alt+O opens its draft"
key ctrl+2; sleep 2; key ctrl+p; sleep 2
alt n; sleep 1; typed Bu; alt o; sleep 1
PO=$(sql "select max(id) from purchase_orders where status = 'draft' and supplier_id = (select id from suppliers where name like 'Buchvertrieb%')")
step "PO $PO: BOK-0001 x 12 at 6.40, BOK-0002 x 5 (product's cost), 'fermentation' by name x 8 at 7.15"
typed BOK-0001; key Tab; typed 12; key Tab; typed 6.40; key Return
typed BOK-0002; key Tab; typed 5; key Return
typed fermentation; sleep 1; key Down Return; key Tab; typed 8; key Tab; typed 7.15; key Return
step "a bad quantity is refused and changes nothing"
typed BOK-0004; key Tab; typed ten; key Return
step "Alt+Q to the quantity, the right one, Enter"
alt q; key ctrl+a; typed 10; key Return
step "Tab Tab Tab from the SKU into the lines, Home Down to BOK-0002, Delete removes it"
key Tab Tab Tab Home Down Delete
sql "select sku, quantity, unit_cost_minor from purchase_order_lines where po_id = $PO order by line_no"
sleep 1
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
step "done: screenshot $OUT"
echo "TOTAL KEYS: $KEYS"
