"""Double-entry posting rules: the chart of accounts and balanced entries for every business event (pure, exact).

Amounts are signed integer minor units, Beancount style: a debit is positive, a credit negative, and the postings of
every entry sum to zero. ``validate_entry`` returns a list of problems instead of raising at the first.

How an order's money moves (revenue is recognised when the invoice is issued):

* invoice issued:   Dr Receivables (what is still owed)  Dr CustomerCredit (prepayment used)  Dr SalesDiscounts
                    (its allowances)  Cr Sales (the goods)  Cr ShippingCharges (its charges)  Cr SalesTax
* payment received: Dr Cash | Bank | CardClearing | GatewayClearing
                                                       Cr Receivables (up to what is owed)  Cr CustomerCredit (rest)
* credit note:      Dr Sales  Dr ShippingCharges  Dr SalesTax  Cr SalesDiscounts  Cr Receivables (up to what is owed)
                    Cr CustomerCredit (rest)
* refund paid:      Dr CustomerCredit                      Cr Cash | Bank | CardClearing
* shipment (COGS):  Dr COGS                                Cr Inventory           (unit cost x quantity)
* return restocked: Dr Inventory                           Cr COGS
* return written off: Dr WriteOffs                         Cr COGS
* goods received:   Dr Inventory                           Cr GoodsReceivedNotInvoiced (PO line unit cost x quantity)
* opening stock:    Dr Inventory                           Cr Equity:OpeningBalances   (product cost x quantity)
* stock adjustment: Dr InventoryAdjustments (shrinkage)    Cr Inventory  (a count, damage, ... at product cost;
                    a gain the other way round)
* supplier invoice: Dr GoodsReceivedNotInvoiced (invoiced quantity x PO cost)  Dr/Cr PurchasePriceVariance (invoice
                    price - PO cost)  Dr InputTax                              Cr Payables (gross)
* supplier payment: Dr Payables                            Cr Bank | Cash
* revaluation:      Dr Inventory                           Cr InventoryRevaluation (on hand x (new cost - old cost);
                    a cost cut the other way round)
* till cash in/out: Dr Cash                              Cr CashInTransit  (money put into a till; out the other way)
* till over/short:  Dr Cash | CardClearing               Cr CashOver       (counted more than expected at close;
                    short: Dr CashShort  Cr Cash | CardClearing; see domain/till.py and docs/till.md)
* reversal:         the negated copy of a posted entry (posted entries are never edited or deleted)

Document-level allowances (promotions, coupons, staff incentives, free shipping) are booked gross to their own
contra-revenue account, ``Income:SalesDiscounts`` (a debit), and shipping charges to ``Income:ShippingCharges``, while
``Income:Sales`` keeps the goods at their price: booking only the net revenue would hide what promotions and incentives
cost, and a manager reads that cost off the trial balance (Sales + SalesDiscounts + ShippingCharges is the net revenue).

Per order, ``balance = invoiced - credited - paid + refunded``: a positive balance sits in Receivables, a negative
one in CustomerCredit (an overpayment, or money paid before the invoice). ``settlement_legs`` keeps that true.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Account(StrEnum):
    CASH = "Assets:Cash"
    BANK = "Assets:Bank"
    CARD_CLEARING = "Assets:CardClearing"
    GATEWAY_CLEARING = "Assets:GatewayClearing"
    RECEIVABLES = "Assets:Receivables"
    INVENTORY = "Assets:Inventory"
    INPUT_TAX = "Assets:InputTax"
    CASH_IN_TRANSIT = "Assets:CashInTransit"    # till cash in and out: between a till and the safe or the bank
    TAX_PAYABLE = "Liabilities:SalesTax"
    CUSTOMER_CREDIT = "Liabilities:CustomerCredit"
    GOODS_RECEIVED = "Liabilities:GoodsReceivedNotInvoiced"
    PAYABLES = "Liabilities:Payables"
    OPENING_BALANCES = "Equity:OpeningBalances"
    REVENUE = "Income:Sales"
    SALES_DISCOUNTS = "Income:SalesDiscounts"    # contra revenue: promotions, coupons, incentives (a debit balance)
    SHIPPING_CHARGES = "Income:ShippingCharges"
    CASH_OVER = "Income:CashOver"                # a till counted more than expected at close
    COGS = "Expenses:COGS"
    WRITE_OFFS = "Expenses:WriteOffs"
    INVENTORY_ADJUSTMENTS = "Expenses:InventoryAdjustments"
    PURCHASE_PRICE_VARIANCE = "Expenses:PurchasePriceVariance"
    INVENTORY_REVALUATION = "Expenses:InventoryRevaluation"
    CASH_SHORT = "Expenses:CashShort"            # a till counted less than expected at close


ACCOUNT_TYPES = ("Assets", "Liabilities", "Equity", "Income", "Expenses")
"""The account types; an account's type is the first part of its name (hledger and Beancount read it from there)."""


ACCOUNT_LABELS: dict[Account, str] = {
    Account.CASH: "Cash", Account.BANK: "Bank", Account.CARD_CLEARING: "Card clearing",
    Account.GATEWAY_CLEARING: "Payment gateway clearing",
    Account.RECEIVABLES: "Receivables", Account.INVENTORY: "Inventory", Account.TAX_PAYABLE: "Tax payable",
    Account.CUSTOMER_CREDIT: "Customer credit", Account.REVENUE: "Revenue",
    Account.SALES_DISCOUNTS: "Sales discounts (promotions, coupons, incentives)",
    Account.SHIPPING_CHARGES: "Shipping charges", Account.COGS: "Cost of goods sold",
    Account.WRITE_OFFS: "Write-offs", Account.GOODS_RECEIVED: "Goods received not invoiced",
    Account.OPENING_BALANCES: "Opening balances", Account.INVENTORY_ADJUSTMENTS: "Inventory adjustments",
    Account.INPUT_TAX: "Input tax", Account.PAYABLES: "Payables",
    Account.PURCHASE_PRICE_VARIANCE: "Purchase price variance", Account.INVENTORY_REVALUATION: "Inventory revaluation",
    Account.CASH_IN_TRANSIT: "Cash in transit (till float and transfers)", Account.CASH_OVER: "Cash over (tills)",
    Account.CASH_SHORT: "Cash short (tills)",
}


class Method(StrEnum):
    CASH = "cash"
    CARD = "card"
    BANK = "bank"
    ONLINE = "online"  # taken by the web shop's payment gateway (imported orders)


METHOD_ACCOUNT: dict[Method, Account] = {Method.CASH: Account.CASH, Method.CARD: Account.CARD_CLEARING,
                                         Method.BANK: Account.BANK, Method.ONLINE: Account.GATEWAY_CLEARING}
"""Card money sits in a clearing account until the acquirer pays out, and so does what a web shop's payment gateway
took until the gateway pays out (those settlements are bank matters)."""

CASH_ACCOUNTS = frozenset(METHOD_ACCOUNT.values())

SUPPLIER_PAYMENT_ACCOUNT: dict[Method, Account] = {Method.BANK: Account.BANK, Method.CASH: Account.CASH}
"""How a supplier is paid: from the till or by bank transfer (a card payment to a supplier is a bank matter)."""


class EntryKind(StrEnum):
    SALE = "sale"               # invoice issued
    RECEIPT = "receipt"         # payment received
    REFUND = "refund"
    CREDIT_NOTE = "credit_note"
    COGS = "cogs"
    RETURN = "return"
    REVERSAL = "reversal"
    GOODS_RECEIVED = "goods_received"
    OPENING_STOCK = "opening_stock"
    STOCK_ADJUSTMENT = "stock_adjustment"
    SUPPLIER_INVOICE = "supplier_invoice"
    SUPPLIER_PAYMENT = "supplier_payment"
    REVALUATION = "revaluation"
    TILL_CASH = "till_cash"     # cash put into or taken out of a till
    TILL_CLOSE = "till_close"   # a till's over or short at close


@dataclass(frozen=True)
class Posting:
    account: str
    amount: int  # minor units, debit positive


@dataclass(frozen=True)
class Entry:
    kind: str
    description: str
    postings: tuple[Posting, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        # Zero legs carry no information; drop them so every entry only shows what moved.
        object.__setattr__(self, "postings", tuple(p for p in self.postings if p.amount != 0))


def validate_entry(entry: Entry) -> list[str]:
    """Every problem of ``entry`` (empty when it may be posted): balance, known accounts, integer amounts."""
    problems: list[str] = []
    known = {a.value for a in Account}
    if len(entry.postings) < 2:
        problems.append(f"entry '{entry.description}' needs at least two postings (has {len(entry.postings)})")
    for p in entry.postings:
        if p.account not in known:
            problems.append(f"unknown account '{p.account}'")
        if not isinstance(p.amount, int) or isinstance(p.amount, bool):
            problems.append(f"amount of {p.account} must be whole minor units, not {type(p.amount).__name__}")
    if all(isinstance(p.amount, int) for p in entry.postings):
        total = sum(p.amount for p in entry.postings)
        if total != 0:
            problems.append(f"entry '{entry.description}' does not balance: debits and credits differ by {total}")
    try:
        EntryKind(entry.kind)
    except ValueError:
        problems.append(f"unknown entry kind '{entry.kind}'")
    return problems


def _entry(kind: EntryKind, description: str, *postings: tuple[Account, int]) -> Entry:
    return Entry(kind.value, description, tuple(Posting(a.value, int(amt)) for a, amt in postings))


def settlement_legs(balance_before: int, balance_after: int) -> tuple[int, int]:
    """(receivables change, customer credit change) when an order's balance moves from ``before`` to ``after``.

    Receivables hold the positive part of the balance (debit), customer credit the negative part (credit), so the
    receivables posting is ``max(after, 0) - max(before, 0)`` and the credit posting ``min(after, 0) - min(before, 0)``
    (credits are negative); together they equal ``after - before``.
    """
    return max(balance_after, 0) - max(balance_before, 0), min(balance_after, 0) - min(balance_before, 0)


def _document_legs(net: int, allowances: int, charges: int) -> tuple[int, int, int]:
    """(goods, allowances, charges) of a document's ``net``: allowances <= 0 and charges >= 0 are the net amounts of
    its document-level allowances and charges, the goods are the rest (so a rounding cent stays with the goods)."""
    allowances = _whole(allowances, "the allowances", signed=True)
    charges = _whole(charges, "the charges")
    if allowances > 0:
        raise ValueError(f"allowances take off, so they cannot be positive ({allowances})")
    return net - allowances - charges, allowances, charges


def invoice_entry(number: str, net: int, tax: int, balance_before: int, *, allowances: int = 0,
                  charges: int = 0) -> Entry:
    """The sale of an invoice: ``net`` and ``tax`` as the invoice states them; ``allowances`` (<= 0) and ``charges``
    (>= 0) the net of its document-level allowances and charges, part of ``net``. The goods go to Sales at their
    price, the allowances to SalesDiscounts (a debit: what promotions and incentives cost), the charges to
    ShippingCharges."""
    total = net + tax
    goods, allowances, charges = _document_legs(net, allowances, charges)
    rec, credit = settlement_legs(balance_before, balance_before + total)
    return _entry(EntryKind.SALE, f"Invoice {number}", (Account.RECEIVABLES, rec), (Account.CUSTOMER_CREDIT, credit),
                  (Account.SALES_DISCOUNTS, -allowances), (Account.REVENUE, -goods),
                  (Account.SHIPPING_CHARGES, -charges), (Account.TAX_PAYABLE, -tax))


def credit_note_entry(number: str, invoice_number: str, net: int, tax: int, balance_before: int, *,
                      allowances: int = 0, charges: int = 0) -> Entry:
    """The sale of an invoice taken back (all or part of it): ``invoice_entry``'s legs the other way round."""
    total = net + tax
    goods, allowances, charges = _document_legs(net, allowances, charges)
    rec, credit = settlement_legs(balance_before, balance_before - total)
    return _entry(EntryKind.CREDIT_NOTE, f"Credit note {number} for {invoice_number}", (Account.REVENUE, goods),
                  (Account.SHIPPING_CHARGES, charges), (Account.SALES_DISCOUNTS, allowances),
                  (Account.TAX_PAYABLE, tax), (Account.RECEIVABLES, rec), (Account.CUSTOMER_CREDIT, credit))


def receipt_entry(description: str, method: str, amount: int, balance_before: int) -> Entry:
    if amount <= 0:
        raise ValueError("a receipt moves a positive amount")
    rec, credit = settlement_legs(balance_before, balance_before - amount)
    return _entry(EntryKind.RECEIPT, description, (METHOD_ACCOUNT[Method(method)], amount),
                  (Account.RECEIVABLES, rec), (Account.CUSTOMER_CREDIT, credit))


def refund_entry(description: str, method: str, amount: int, balance_before: int) -> Entry:
    if amount <= 0:
        raise ValueError("a refund moves a positive amount")
    rec, credit = settlement_legs(balance_before, balance_before + amount)
    return _entry(EntryKind.REFUND, description, (Account.RECEIVABLES, rec), (Account.CUSTOMER_CREDIT, credit),
                  (METHOD_ACCOUNT[Method(method)], -amount))


def cogs_entry(description: str, cost: int) -> Entry:
    return _entry(EntryKind.COGS, description, (Account.COGS, cost), (Account.INVENTORY, -cost))


def return_entry(description: str, cost: int, restocked: bool) -> Entry:
    target = Account.INVENTORY if restocked else Account.WRITE_OFFS
    return _entry(EntryKind.RETURN, description, (target, cost), (Account.COGS, -cost))


def _whole(value: object, what: str, *, signed: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be whole minor units, not {type(value).__name__}")
    if not signed and value < 0:
        raise ValueError(f"{what} cannot be negative ({value})")
    return value


def goods_received_entry(description: str, cost: int) -> Entry:
    """Goods received against a purchase order, at the order's unit costs: stock in, owed to the supplier until the
    supplier's invoice is booked (goods received not invoiced)."""
    cost = _whole(cost, "the cost of goods received")
    return _entry(EntryKind.GOODS_RECEIVED, description, (Account.INVENTORY, cost), (Account.GOODS_RECEIVED, -cost))


def opening_stock_entry(description: str, value: int) -> Entry:
    """Stock the books start with (a new product's or an imported catalog's on hand), at product cost."""
    value = _whole(value, "the value of opening stock")
    return _entry(EntryKind.OPENING_STOCK, description, (Account.INVENTORY, value), (Account.OPENING_BALANCES, -value))


def stock_adjustment_entry(description: str, value: int) -> Entry:
    """A stock count or adjustment at product cost: ``value`` is the change of the stock's value, negative for
    shrinkage (an expense, inventory down), positive for a gain (stock found: the expense is reduced)."""
    value = _whole(value, "the value of a stock adjustment", signed=True)
    return _entry(EntryKind.STOCK_ADJUSTMENT, description, (Account.INVENTORY_ADJUSTMENTS, -value),
                  (Account.INVENTORY, value))


def supplier_invoice_entry(description: str, *, cost: int, net: int, tax: int) -> Entry:
    """A supplier's invoice for goods received on a purchase order.

    ``cost``: the invoiced quantities at the purchase order's unit costs (what the receipts credited to goods received
    not invoiced, now cleared); ``net``: the same quantities at the invoice's prices; ``tax``: the input tax (VAT) the
    supplier charges. The supplier is owed ``net + tax``; ``net - cost`` is the purchase price variance (an expense
    when the invoice is dearer than the order, a reduction of it when cheaper).
    """
    cost = _whole(cost, "the cost of the invoiced goods")
    net = _whole(net, "the invoice's net amount")
    tax = _whole(tax, "the invoice's tax")
    return _entry(EntryKind.SUPPLIER_INVOICE, description, (Account.GOODS_RECEIVED, cost),
                  (Account.PURCHASE_PRICE_VARIANCE, net - cost), (Account.INPUT_TAX, tax),
                  (Account.PAYABLES, -(net + tax)))


def supplier_payment_entry(description: str, method: str, amount: int) -> Entry:
    """Money paid to a supplier against an invoice: the payable goes down, the till or the bank account too."""
    amount = _whole(amount, "a supplier payment")
    if amount <= 0:
        raise ValueError("a supplier payment moves a positive amount")
    account = SUPPLIER_PAYMENT_ACCOUNT.get(Method(method))
    if account is None:
        raise ValueError(f"suppliers are paid by {' or '.join(SUPPLIER_PAYMENT_ACCOUNT)}, not {method}")
    return _entry(EntryKind.SUPPLIER_PAYMENT, description, (Account.PAYABLES, amount), (account, -amount))


def revaluation_entry(description: str, value: int) -> Entry:
    """A product's unit cost changed while stock was on hand: ``value`` = on hand x (new cost - old cost), positive
    when the stock is worth more (Inventory up, a gain: the revaluation expense is reduced), negative when less."""
    value = _whole(value, "the value of a revaluation", signed=True)
    return _entry(EntryKind.REVALUATION, description, (Account.INVENTORY, value),
                  (Account.INVENTORY_REVALUATION, -value))


def reversal_entry(original: Entry, description: str) -> Entry:
    return Entry(EntryKind.REVERSAL.value, description,
                 tuple(Posting(p.account, -p.amount) for p in original.postings))


