#!/usr/bin/env bash
# The phone order with no mouse, in a real window, counted key by key: sign in as the agent, a returning caller
# found by the phone number they give, five lines (one of them 3*SKU), confirm.
#
#   packaging/xdotool_phone_order.sh [screenshot.png]        (default ${TMPDIR:-/tmp}/phone-order.png)
#
# Starts Xvfb :8 at 1,366 x 768 unless DISPLAY is set, and the app on a fresh demo company in a temporary OMS_HOME
# (or OMS_HOME if given). The caller's phone and the SKUs are read from the demo database (what the caller says and
# what the agent reads off the catalog); every character typed counts as a key. Needs xdotool and imagemagick.
# Prints every step with its keys and the total; exits 1 unless the order was confirmed with five lines.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-${TMPDIR:-/tmp}/phone-order.png}
# shellcheck source=packaging/xdotool_lib.sh
. packaging/xdotool_lib.sh
start_demo_app 180

# a returning caller: several orders, one phone number that no one else has
PHONE=$(sql "select p.phone from customer_phones p where p.customer_id in (select customer_id from orders
             group by customer_id having count(*) >= 3) and p.key in (select key from customer_phones group by key
             having count(*) = 1) and p.customer_id in (select customer_id from customer_phones group by customer_id
             having count(*) = 1) order by p.customer_id limit 1")
mapfile -t SKUS < <(sql "select p.sku from products p join stock s on s.product_id = p.id
                         where p.active = 1 and s.on_hand - s.reserved >= 10 order by p.id limit 5")
BEFORE=$(sql "select coalesce(max(id), 0) from orders")

step "sign in as agent"
alt u; key ctrl+a; typed agent; key Tab; typed demo; key Return
sleep 6

step "F2, the caller's phone as they say it ($PHONE), Enter picks them"
key F2; typed "$PHONE"; sleep 1; key Return
sleep 1
step "F3, five lines by SKU (the first 3*SKU), Enter after each"
key F3
typed "3*${SKUS[0]}"; key Return; sleep 0.6
for sku in "${SKUS[@]:1}"; do typed "$sku"; key Return; sleep 0.6; done
step "Ctrl+Enter confirms"
key ctrl+Return
sleep 3
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
ORDER=$(sql "select o.id || ' ' || o.status || ' ' || (select count(*) from order_lines l where l.order_id = o.id)
             from orders o where o.id > $BEFORE and o.status = 'confirmed' order by o.id desc limit 1")
step "done: screenshot $OUT; order: ${ORDER:-none confirmed}"
echo "TOTAL KEYS: $KEYS"
read -r _ status lines <<<"${ORDER:-x x 0}"
[ "$status" = confirmed ] && [ "$lines" = 5 ]
