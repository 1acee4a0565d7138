"""Writing order e-mails to the outbox in the caller's transaction (the change and its mail commit together).

A row holds the kind, the order and the facts of the change that can differ later (a shipment's carrier and
reference, a refund's amount, the backorder's lines, the invoice); the message is rendered when it is sent, from
what cannot change after the change (the order's lines, total and tracking number, the issued invoice) and these
facts. The transaction that causes a mail stays one INSERT longer, never a rendering longer."""
from __future__ import annotations

import json
from typing import Any

from ..domain.mail import MailKind, OutboxStatus, new_message_id
from .ports import utc_now


def _values(kind: MailKind, order_id: int, facts: dict | None) -> dict:
    now = utc_now()
    return dict(kind=kind.value, order_id=order_id, message_id=new_message_id(order_id),
                facts=json.dumps(facts or {}, sort_keys=True), status=OutboxStatus.PENDING.value, attempts=0,
                next_attempt_at=now, claim_token="", claimed_by="", last_error="", created_at=now)


def wants_mail(customer: Any, kind: MailKind) -> bool:
    """A customer row the caller has read: has an address, did not opt out (and wants invoices by mail)."""
    return (customer is not None and bool(customer.email) and not customer.mail_opt_out
            and (kind is not MailKind.INVOICE or bool(customer.invoice_by_mail)))


def queue_to(uow: Any, kind: MailKind, order_id: int, customer: Any, facts: dict | None = None) -> None:
    """A mail to a customer the caller has read already: one INSERT, only when the customer wants it."""
    if wants_mail(customer, kind):
        uow.outbox.add({**_values(kind, order_id, facts), "recipient": customer.email})


def queue_for(uow: Any, kind: MailKind, order_id: int, customer_id: int | None, facts: dict | None = None) -> None:
    """A mail to the order's customer, who has not been read: one ``INSERT ... SELECT`` that writes nothing when
    the customer has no address or opted out (an invoice only when the customer wants invoices by mail)."""
    if customer_id is not None:
        uow.outbox.add_for_customer(customer_id, _values(kind, order_id, facts), invoice=kind is MailKind.INVOICE)
