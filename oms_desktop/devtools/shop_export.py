"""A Shopify orders export of any size, as the shop writes it (for ``oms bench``'s import row and for trying the
import on a large file): one row per line item, the order's columns on its first row, a byte order mark, CRLF line
ends, quoted addresses with commas and newlines, ZIP codes written ``'01067``, timestamps with offsets."""
from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

COLUMNS = ("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,"
           "Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,"
           "Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,"
           "Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,"
           "Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,"
           "Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,"
           "Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,"
           "Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,"
           "Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Phone").split(",")


def shopify_export(n_orders: int, products: Sequence[tuple[str, str, str]], emails: Sequence[str], *,
                   seed: int = 1, first_number: int = 1001, currency: str = "EUR",
                   end: datetime | None = None) -> bytes:
    """``n_orders`` open orders of 1 to 4 lines of ``products`` ((sku, name, unit price text)); about half of the
    customers are ``emails`` already known, the others new; two in three orders paid; over the 30 days to ``end``."""
    rng = random.Random(seed)
    end = end or datetime.now(timezone.utc)
    col = {c: i for i, c in enumerate(COLUMNS)}
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(COLUMNS)
    for k in range(n_orders):
        number = f"#{first_number + k}"
        created = (end - timedelta(seconds=rng.randrange(30 * 86400))).astimezone(timezone(timedelta(hours=2)))
        email = rng.choice(emails) if emails and rng.random() < 0.5 else f"shopper{seed}.{k}@example.net"
        paid = rng.random() < 2 / 3
        for j in range(rng.choice((1, 2, 2, 3, 4))):
            row = [""] * len(COLUMNS)
            sku, name, price = products[rng.randrange(len(products))]
            row[col["Name"]] = number
            row[col["Lineitem quantity"]] = str(rng.choice((1, 1, 1, 2)))
            row[col["Lineitem name"]] = name
            row[col["Lineitem price"]] = price
            row[col["Lineitem sku"]] = sku
            row[col["Lineitem requires shipping"]] = "true"
            if j == 0:
                row[col["Email"]] = email
                row[col["Financial Status"]] = "paid" if paid else "pending"
                row[col["Currency"]] = currency
                row[col["Created at"]] = created.strftime("%Y-%m-%d %H:%M:%S %z")
                row[col["Billing Name"]] = row[col["Shipping Name"]] = f"Shopper {k}"
                row[col["Shipping Address1"]] = f"Königsbrücker Str. {k % 200 + 1}, Hinterhaus"
                row[col["Shipping Address2"]] = "3. OG\nlinks"
                row[col["Shipping City"]] = "Dresden"
                row[col["Shipping Zip"]] = "'01067"
                row[col["Shipping Country"]] = "DE"
                row[col["Payment Method"]] = "Shopify Payments" if paid else ""
                row[col["Payment Reference"]] = f"c{seed}{k:07d}.1" if paid else ""
            out.writerow(row)
    return b"\xef\xbb\xbf" + buf.getvalue().encode()
