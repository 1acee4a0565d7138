"""The packaged e-mail templates, one text (first line ``Subject: ...``) and one HTML body per kind.

Copy one to ``<config>/mail_templates/<kind>.txt`` or ``.html`` (``oms mail templates --write``) to change it;
placeholders are ``$name`` (string.Template; ``$$`` is a dollar sign); docs/mail.md lists them. In HTML every
value is escaped, the ``*_html`` fragments are built from escaped values."""
from __future__ import annotations

DEFAULTS: dict[str, str] = {}

DEFAULTS["confirmation.txt"] = """\
Subject: Your order $order_number is confirmed

Dear $customer_name,

Thank you for your order $order_number. We have confirmed it:

$lines

Total: $total

Your tracking number: $tracking_number
$status_block
Kind regards,
$company_name
$company_address
"""

DEFAULTS["confirmation.html"] = """\
<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>$order_number</title></head>
<body style="font-family: sans-serif">
<p>Dear $customer_name,</p>
<p>Thank you for your order <strong>$order_number</strong>. We have confirmed it:</p>
<table>
$lines_html
</table>
<p>Total: <strong>$total</strong></p>
<p>Your tracking number: <strong>$tracking_number</strong></p>
$status_block_html
<p>Kind regards,<br>$company_name<br>$company_address_html</p>
</body>
</html>
"""

DEFAULTS["shipment.txt"] = """\
Subject: Your order $order_number is on its way

Dear $customer_name,

Your order $order_number has been handed to $carrier $service.
The carrier's reference: $carrier_ref
$carrier_block
Your tracking number: $tracking_number
$status_block
Kind regards,
$company_name
$company_address
"""

DEFAULTS["shipment.html"] = """\
<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>$order_number</title></head>
<body style="font-family: sans-serif">
<p>Dear $customer_name,</p>
<p>Your order <strong>$order_number</strong> has been handed to $carrier $service.</p>
<p>The carrier's reference: <strong>$carrier_ref</strong></p>
$carrier_block_html
<p>Your tracking number: <strong>$tracking_number</strong></p>
$status_block_html
<p>Kind regards,<br>$company_name<br>$company_address_html</p>
</body>
</html>
"""

DEFAULTS["backorder.txt"] = """\
Subject: Part of your order $order_number follows later

Dear $customer_name,

Part of your order $order_number is on its way; these items follow as soon as they are in stock:

$backorder_lines

Your tracking number: $tracking_number
$status_block
Kind regards,
$company_name
$company_address
"""

DEFAULTS["backorder.html"] = """\
<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>$order_number</title></head>
<body style="font-family: sans-serif">
<p>Dear $customer_name,</p>
<p>Part of your order <strong>$order_number</strong> is on its way; these items follow as soon as they are
in stock:</p>
<table>
$backorder_lines_html
</table>
<p>Your tracking number: <strong>$tracking_number</strong></p>
$status_block_html
<p>Kind regards,<br>$company_name<br>$company_address_html</p>
</body>
</html>
"""

DEFAULTS["delivery.txt"] = """\
Subject: Your order $order_number has been delivered

Dear $customer_name,

The carrier reports that your order $order_number has been delivered.
We hope you enjoy it.

Your tracking number: $tracking_number
$status_block
Kind regards,
$company_name
$company_address
"""

DEFAULTS["delivery.html"] = """\
<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>$order_number</title></head>
<body style="font-family: sans-serif">
<p>Dear $customer_name,</p>
<p>The carrier reports that your order <strong>$order_number</strong> has been delivered.
We hope you enjoy it.</p>
<p>Your tracking number: <strong>$tracking_number</strong></p>
$status_block_html
<p>Kind regards,<br>$company_name<br>$company_address_html</p>
</body>
</html>
"""

DEFAULTS["refund.txt"] = """\
Subject: Your refund for order $order_number

Dear $customer_name,

We have refunded $refund_amount ($refund_method) for your order $order_number.

Your tracking number: $tracking_number
$status_block
Kind regards,
$company_name
$company_address
"""

DEFAULTS["refund.html"] = """\
<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>$order_number</title></head>
<body style="font-family: sans-serif">
<p>Dear $customer_name,</p>
<p>We have refunded <strong>$refund_amount</strong> ($refund_method) for your order
<strong>$order_number</strong>.</p>
<p>Your tracking number: <strong>$tracking_number</strong></p>
$status_block_html
<p>Kind regards,<br>$company_name<br>$company_address_html</p>
</body>
</html>
"""

DEFAULTS["invoice.txt"] = """\
Subject: Invoice $invoice_number for your order $order_number

Dear $customer_name,

Please find attached invoice $invoice_number for your order $order_number.
$status_block
Kind regards,
$company_name
$company_address
"""

DEFAULTS["invoice.html"] = """\
<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>$order_number</title></head>
<body style="font-family: sans-serif">
<p>Dear $customer_name,</p>
<p>Please find attached invoice <strong>$invoice_number</strong> for your order
<strong>$order_number</strong>.</p>
$status_block_html
<p>Kind regards,<br>$company_name<br>$company_address_html</p>
</body>
</html>
"""
