"""Customers: create, and find by any phone format, name, email or customer number."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, NotFound, ValidationFailed
from ..domain.messages import Joined, msg, phrase
from ..domain.free_text import contains_card_number
from ..domain.languages import check_language
from ..domain.orders import clean_ship_to
from ..domain.phone import digits_of, has_only_phone_characters, looks_like_phone, phone_key
from ..domain.references import Series, customer_number, parse_ref
from ..domain.roles import Perm
from . import edit_stamps
from .base import ServiceBase
from .dto import Actor, CustomerDTO, CustomerMergeDTO, SavedAddressDTO

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def customer_problems(name: str, email: str, phones: Sequence[str]) -> list[str]:
    """What is wrong with a customer's name, e-mail and phones, in the words of the customer form."""
    problems: list[str] = []
    if not name:
        problems.append(msg("the customer's name is empty"))
    elif len(name) > 200:
        problems.append(msg("the customer's name is longer than 200 characters"))
    if email and not EMAIL_RE.match(email):
        problems.append(msg("email '{email}' is not an email address", email=email))
    elif len(email) > 254:
        problems.append(msg("the e-mail address is longer than 254 characters"))
    for p in phones:
        d = digits_of(p)
        if len(d) > 20 or len(p) > 50 or not looks_like_phone(p):
            problems.append(msg("phone '{p}' is not a phone number", p=p))
    return problems


def live_customer(uow, customer_id: int):
    """The customer's row for a new order or cart; a duplicate merged into another customer takes none (a screen
    that still shows it is told whom to choose)."""
    row = uow.customers.get(customer_id, share_lock=True)  # a merge of the customer waits, or is waited for
    if row is None:
        raise NotFound(msg("No customer number {customer}.", customer=customer_id))
    if row.merged_into_id is not None:
        raise BusinessRuleViolation(msg("Customer {customer} ({name}) was merged into {target}; choose that "
                                        "customer.", customer=customer_number(row.id), name=row.name,
                                        target=customer_number(row.merged_into_id)))
    return row


def find_customer_rows(uow, text: str, limit: int, *, by_number: bool = True):
    """The customers' rows matching what was typed: digits any phone format (and part of a number), words the name,
    '@' the e-mail, 'C000123' or '#123' (or up to six digits, unless ``by_number`` is off) the customer number."""
    digits = digits_of(text)
    only_phone_chars = has_only_phone_characters(text)
    number = parse_ref(Series.CUSTOMER, text.replace(" ", ""))
    customer_id = number if number is not None and not text.isdigit() else None
    if text.isdigit() and len(text) <= 6:
        customer_id = int(text) if by_number else None
    return uow.customers.find(digits=digits if only_phone_chars and len(digits) >= 3 else None,
                              words=[] if only_phone_chars else text.lower().split(),
                              email=text if "@" in text else None, customer_id=customer_id, limit=limit,
                              key=phone_key(text) if only_phone_chars else None)


def _merged_notes(keep, dup, moved_email: bool) -> str:
    """The kept customer's notes after the merge: theirs, then what of the duplicate has no field of its own."""
    extra = []
    if dup.email and not moved_email and dup.email.lower() != keep.email.lower():
        extra.append(f"e-mail {dup.email}")
    if dup.billing_address and keep.billing_address and dup.billing_address != keep.billing_address:
        extra.append("billing address " + " / ".join(dup.billing_address.splitlines()))
    if dup.notes:
        extra.append(dup.notes)
    if not extra:
        return keep.notes
    line = f"Merged from {customer_number(dup.id)} {dup.name}: " + "; ".join(extra)
    return f"{keep.notes}\n{line}" if keep.notes else line


def _language(code: str) -> tuple[str, str]:
    """A customer's language as stored ("": the company's) and the problem with it ("" when none)."""
    if not str(code or "").strip():
        return "", ""
    try:
        return check_language(code), ""
    except ValidationFailed as exc:
        return "", exc.problems[0] if exc.problems else str(exc)


class CustomerService(ServiceBase):
    def add_customer(self, actor: Actor, name: str, phones: Sequence[str] | str = (), email: str = "",
                     billing_address: str = "", shipping_address: str = "", notes: str = "",
                     language: str = "") -> CustomerDTO:
        """``language``: the one the customer's documents print in (``domain.languages``); "": the company's."""
        self._require(actor, Perm.CUSTOMER_EDIT, "add customers")
        if isinstance(phones, str):
            phones = [phones]
        name = (name or "").strip()
        email = (email or "").strip()
        phones = [p.strip() for p in phones if p and p.strip()]
        problems = customer_problems(name, email, phones)
        language, language_problem = _language(language)
        if language_problem:
            problems.append(language_problem)
        if problems:
            raise ValidationFailed(problems)
        shipping_address = (shipping_address or "").strip() or (billing_address or "").strip()
        with self._uow() as uow:
            cid = uow.customers.add(name=name, email=email, billing_address=(billing_address or "").strip(),
                                    shipping_address=shipping_address, notes=(notes or "").strip(),
                                    language=language or None)
            for p in phones:
                uow.customers.add_phone(cid, p, digits_of(p), phone_key(p))
            uow.events.add_event(ev.CustomerAdded(customer_id=cid, name=name), user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="customer.add", entity="customer",
                             entity_id=cid, new={"name": name, "phones": phones, "email": email,
                                                 **({"language": language} if language else {})})
            uow.commit()
        return CustomerDTO(cid, name, tuple(phones), email, (billing_address or "").strip(), shipping_address,
                           (notes or "").strip(), language=language)

    def get_customer(self, actor: Actor, customer_id: int) -> CustomerDTO:
        self._require(actor, Perm.VIEW, "view customers")
        with self._uow(write=False) as uow:
            row = uow.customers.get(customer_id)
            if row is None:
                raise NotFound(msg("No customer number {customer}.", customer=customer_id))
            phones = uow.customers.phones_of([customer_id]).get(customer_id, [])
            addresses = uow.customers.addresses_of(customer_id)
        return replace(self._dto(row, phones),
                       addresses=tuple(SavedAddressDTO(a.id, a.label, a.address) for a in addresses))

    def get_customer_for_edit(self, actor: Actor, customer_id: int) -> tuple[CustomerDTO, int]:
        """The customer as the editor shows it, with its edit version (pass it back to ``update_customer``)."""
        customer = self.get_customer(actor, customer_id)
        with self._uow(write=False) as uow:
            return customer, edit_stamps.version_of(uow, edit_stamps.CUSTOMER, customer_id)

    def update_customer(self, actor: Actor, customer_id: int, *, name: str | None = None,
                        phones: Sequence[str] | None = None, email: str | None = None,
                        billing_address: str | None = None, shipping_address: str | None = None,
                        notes: str | None = None, language: str | None = None,
                        expected_version: int | None = None) -> CustomerDTO:
        """Change what is given (None: left as it is; ``phones`` replaces them all; ``language`` "": the
        company's again), by the rules of a new customer; the old and new values are audited. Orders already
        taken keep their delivery address.
        ``expected_version``: the version the editor showed (``get_customer_for_edit``); a save over a change
        someone else saved since is refused (StaleEdit, naming who and when) and changes nothing."""
        self._require(actor, Perm.CUSTOMER_EDIT, "change customers")
        current = self.get_customer(actor, customer_id)
        new = dict(name=current.name if name is None else " ".join(str(name).split()),
                   email=current.email if email is None else str(email).strip(),
                   billing_address=current.billing_address if billing_address is None else
                   str(billing_address).strip(),
                   shipping_address=current.shipping_address if shipping_address is None else
                   str(shipping_address).strip(),
                   notes=current.notes if notes is None else str(notes).strip(),
                   language=current.language)
        new_phones = list(current.phones) if phones is None else [p.strip() for p in phones if p and p.strip()]
        problems = customer_problems(new["name"], new["email"], new_phones)
        for label, text in ((phrase("billing address"), new["billing_address"]),
                            (phrase("shipping address"), new["shipping_address"]), (phrase("notes"), new["notes"])):
            if contains_card_number(text):
                problems.append(msg("the {label} looks like it holds a card number; card numbers are never stored",
                                    label=label))
            if len(text) > 2000:
                problems.append(msg("the {label} is longer than 2000 characters", label=label))
        if language is not None:
            new["language"], language_problem = _language(language)
            if language_problem:
                problems.append(language_problem)
        if problems:
            raise ValidationFailed(problems)
        old = dict(name=current.name, email=current.email, billing_address=current.billing_address,
                   shipping_address=current.shipping_address, notes=current.notes, phones=list(current.phones),
                   language=current.language)
        changed: dict[str, object] = {k: v for k, v in new.items() if old[k] != v}
        if new_phones != list(current.phones):
            changed["phones"] = new_phones
        if not changed:
            return current
        with self._uow() as uow:
            if uow.customers.get(customer_id) is None:
                raise NotFound(msg("No customer number {customer}.", customer=customer_id))
            edit_stamps.stamp_save(uow, actor, edit_stamps.CUSTOMER, customer_id, expected_version,
                                   msg("Customer {customer} ({name})", customer=customer_number(customer_id),
                                       name=current.name))
            values = {k: (v or None) if k == "language" else v for k, v in changed.items() if k != "phones"}
            if values:
                uow.customers.update(customer_id, values)
            if "phones" in changed:
                uow.customers.replace_phones(customer_id, [(p, digits_of(p), phone_key(p)) for p in new_phones])
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="customer.edit",
                             entity="customer", entity_id=customer_id, old={k: old[k] for k in changed},
                             new=changed)
            uow.commit()
        return self.get_customer(actor, customer_id)

    def add_address(self, actor: Actor, customer_id: int, label: str, address: str) -> CustomerDTO:
        """Keep another delivery address for the customer ("Office", "Mother"): orders can go there (the order
        takes a copy)."""
        self._require(actor, Perm.CUSTOMER_EDIT, "change customers")
        label = " ".join(str(label or "").split())
        problems: list[str] = []
        if not label:
            problems.append(msg("the address needs a label (Office, Mother, ...)"))
        elif len(label) > 60:
            problems.append(msg("the label is longer than 60 characters"))
        try:
            text = clean_ship_to(address)
        except ValidationFailed as e:
            problems.extend(e.problems)
            text = ""
        if not text and not problems:
            problems.append(msg("the address is empty"))
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            if uow.customers.get(customer_id) is None:
                raise NotFound(msg("No customer number {customer}.", customer=customer_id))
            if any(a.label.casefold() == label.casefold() for a in uow.customers.addresses_of(customer_id)):
                raise ValidationFailed(msg("the customer keeps an address labelled '{label}' already", label=label))
            aid = uow.customers.add_address(customer_id, label, text)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="customer.address_add",
                             entity="customer", entity_id=customer_id,
                             new={"address_id": aid, "label": label, "address": text})
            uow.commit()
        return self.get_customer(actor, customer_id)

    def remove_address(self, actor: Actor, customer_id: int, address_id: int) -> CustomerDTO:
        self._require(actor, Perm.CUSTOMER_EDIT, "change customers")
        with self._uow() as uow:
            if not uow.customers.remove_address(customer_id, address_id):
                raise NotFound(msg("Customer {customer} keeps no address number {address}.", customer=customer_id,
                                   address=address_id))
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="customer.address_remove",
                             entity="customer", entity_id=customer_id, old={"address_id": address_id})
            uow.commit()
        return self.get_customer(actor, customer_id)

    def merge_customers(self, actor: Actor, keep_id: int, duplicate_id: int) -> CustomerMergeDTO:
        """Merge a duplicate into the customer kept, in one transaction: orders and carts (with their payments,
        refunds and credit), phones, delivery addresses, coupons and e-mail go to the customer kept; the
        duplicate stays as a pointer for the invoices issued to it (they are immutable), is found no more and takes
        no orders. Audited with what moved. Refused, changing nothing, when either is unknown or merged already."""
        self._require(actor, Perm.CUSTOMER_MERGE, "merge customers")
        if keep_id == duplicate_id:
            raise ValidationFailed(msg("the customer to keep and the duplicate are the same ({customer}); choose two "
                                       "customers", customer=customer_number(keep_id)))
        with self._uow() as uow:
            rows = uow.customer_merges.lock([keep_id, duplicate_id])
            missing = [msg("no customer number {customer}", customer=i) for i in (keep_id, duplicate_id)
                       if i not in rows]
            if missing:
                raise NotFound(Joined(missing))
            keep, dup = rows[keep_id], rows[duplicate_id]
            for row, is_duplicate in ((dup, True), (keep, False)):
                if row.merged_into_id is not None:
                    number_of = dict(customer=customer_number(row.id), name=row.name,
                                     target=customer_number(row.merged_into_id))
                    raise BusinessRuleViolation(
                        msg("The duplicate, {customer} ({name}), was merged into {target} already; merge with that "
                            "customer instead.", **number_of) if is_duplicate else
                        msg("The customer to keep, {customer} ({name}), was merged into {target} already; merge "
                            "with that customer instead.", **number_of))
            held = uow.customer_merges.holdings(duplicate_id)
            number = customer_number(keep_id)
            uow.customer_merges.move_orders(duplicate_id, keep_id, f"customer merged into {number}",
                                            actor.username)
            uow.customer_merges.move_coupons(duplicate_id, keep_id)
            keys = {p.key for p in uow.customer_merges.phone_rows(keep_id)}
            phones = []
            for p in uow.customer_merges.phone_rows(duplicate_id):
                if p.key not in keys:  # the same number in another format is kept once
                    uow.customer_merges.move_phone(p.id, keep_id)
                    keys.add(p.key)
                    phones.append(p.phone)
            kept_addresses = uow.customers.addresses_of(keep_id)
            labels = {a.label.casefold() for a in kept_addresses}
            texts = {a.address for a in kept_addresses} | {keep.shipping_address, keep.billing_address}
            addresses = []
            for a in uow.customers.addresses_of(duplicate_id):
                if a.address in texts:
                    continue  # the customer kept has it already: it stays with the duplicate
                label = a.label if a.label.casefold() not in labels else \
                    f"{a.label[:40]} ({customer_number(duplicate_id)})"
                uow.customer_merges.move_address(a.id, keep_id, label)
                labels.add(label.casefold())
                texts.add(a.address)
                addresses.append(label)
            values: dict = {}
            moved_email = bool(dup.email and not keep.email)
            if moved_email:
                values["email"] = dup.email
            if dup.billing_address and not keep.billing_address:
                values["billing_address"] = dup.billing_address
            if dup.shipping_address and not keep.shipping_address:
                values["shipping_address"] = dup.shipping_address
            elif dup.shipping_address and dup.shipping_address not in texts:
                label = f"From {customer_number(duplicate_id)}"
                uow.customers.add_address(keep_id, label, dup.shipping_address)
                addresses.append(label)
            notes = _merged_notes(keep, dup, moved_email)
            if notes != keep.notes:
                values["notes"] = notes
            if dup.mail_opt_out and not keep.mail_opt_out:
                values["mail_opt_out"] = True  # one of them asked for no e-mails: the merge does not undo it
            if dup.language and not keep.language:
                values["language"] = dup.language  # the language only the duplicate was given
            if values:
                uow.customers.update(keep_id, values)
            uow.customer_merges.mark_merged(duplicate_id, keep_id)
            moved = {**held, "phones": phones, "addresses": addresses,
                     "fields": sorted(k for k in values if k != "notes")}
            uow.events.add_event(ev.CustomersMerged(customer_id=keep_id, duplicate_id=duplicate_id, name=keep.name,
                                                    orders=held["orders"] + held["carts"]), user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="customer.merge",
                             entity="customer", entity_id=keep_id,
                             old={"duplicate": customer_number(duplicate_id), "duplicate_name": dup.name,
                                  **{k: getattr(keep, k) for k in values}},
                             new={"moved": moved, **values})
            uow.commit()
        kept = self.get_customer(actor, keep_id)
        return CustomerMergeDTO(kept=kept, duplicate_id=duplicate_id, duplicate_name=dup.name,
                                orders=held["orders"], carts=held["carts"], payments=held["payments"],
                                invoices=held["invoices"], coupons=held["coupons"], phones=tuple(phones),
                                addresses=tuple(addresses))

    def find_customers(self, actor: Actor, text: str, limit: int = 20) -> list[CustomerDTO]:
        """Type-ahead: digits match any phone format (and part of a number), words match the name, '@' the email,
        'C000123' or '#123' the customer number."""
        self._require(actor, Perm.VIEW, "find customers")
        text = (text or "").strip()
        if not text:
            return []
        with self._uow(write=False) as uow:
            rows = find_customer_rows(uow, text, limit)
            phones = uow.customers.phones_of(r.id for r in rows)
        return [self._dto(r, phones.get(r.id, [])) for r in rows]

    def resolve(self, actor: Actor, ref: str) -> CustomerDTO:
        """One customer from a number (C000123, 123) or a phone number; refuses an ambiguous phone. The number of
        a duplicate merged into another customer gives the customer kept."""
        self._require(actor, Perm.VIEW, "find customers")
        ref = str(ref).strip()
        number = parse_ref(Series.CUSTOMER, ref)
        if number is not None and len(digits_of(ref)) <= 6:
            found = self.get_customer(actor, number)
            return found if found.merged_into is None else self.get_customer(actor, found.merged_into)
        key = phone_key(ref)
        if len(key) < 5:
            raise ValidationFailed(msg("'{ref}' is neither a customer number nor a phone number", ref=ref))
        with self._uow(write=False) as uow:
            ids = uow.customers.ids_by_phone_key(key)
        if not ids:
            raise NotFound(msg("No customer with phone number '{phone}'.", phone=ref))
        if len(ids) > 1:
            raise ValidationFailed(msg("{count} customers share phone '{phone}'; give the customer number instead",
                                       count=len(ids), phone=ref))
        return self.get_customer(actor, ids[0])

    def set_mail(self, actor: Actor, customer_id: int, *, mail: bool | None = None,
                 invoice_by_mail: bool | None = None) -> CustomerDTO:
        """The customer's e-mail choices: order e-mails at all (``mail``), the invoice PDF by mail."""
        self._require(actor, Perm.CUSTOMER_EDIT, "change customers")
        if mail is None and invoice_by_mail is None:
            raise ValidationFailed(msg("say what to change: mail on or off, invoice PDF by mail yes or no"))
        with self._uow() as uow:
            row = uow.customers.get(customer_id)
            if row is None:
                raise NotFound(msg("No customer number {customer}.", customer=customer_id))
            old = {"mail": not row.mail_opt_out, "invoice_by_mail": row.invoice_by_mail}
            values = {}
            if mail is not None:
                values["mail_opt_out"] = not mail
            if invoice_by_mail is not None:
                values["invoice_by_mail"] = bool(invoice_by_mail)
            uow.customers.update(customer_id, values)
            new = {"mail": not values.get("mail_opt_out", row.mail_opt_out),
                   "invoice_by_mail": values.get("invoice_by_mail", row.invoice_by_mail)}
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="customer.mail",
                             entity="customer", entity_id=customer_id, old=old, new=new)
            row = uow.customers.get(customer_id)
            phones = uow.customers.phones_of([customer_id]).get(customer_id, [])
            uow.commit()
        return self._dto(row, phones)

    @staticmethod
    def _dto(row, phones) -> CustomerDTO:
        return CustomerDTO(row.id, row.name, tuple(phones), row.email, row.billing_address, row.shipping_address,
                           row.notes, not row.mail_opt_out, bool(row.invoice_by_mail),
                           merged_into=row.merged_into_id, language=row.language or "")
