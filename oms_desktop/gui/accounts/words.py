"""The words the Accounts tab and its dialogs show for the ledger's codes: account names, entry kinds, payment
methods, aging buckets, cash-flow periods, document kinds and the till's states.

The codes (and the domain's English account labels) stay as they are in the books, the exports and the CLI; what
the screens show goes through the translation catalog (context "AccountsWords", resources/i18n/oms_de_accounts.ts).
Order statuses, channels and roles are not here: :func:`oms_desktop.gui.labels.label` has those.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.ledger import ACCOUNT_LABELS, Account

_CONTEXT = "AccountsWords"

#: account -> English name (the domain's ACCOUNT_LABELS, marked here for the catalog)
ACCOUNT_NAMES: dict[str, str] = {
    Account.CASH.value: QT_TRANSLATE_NOOP("AccountsWords", "Cash"),
    Account.BANK.value: QT_TRANSLATE_NOOP("AccountsWords", "Bank"),
    Account.CARD_CLEARING.value: QT_TRANSLATE_NOOP("AccountsWords", "Card clearing"),
    Account.GATEWAY_CLEARING.value: QT_TRANSLATE_NOOP("AccountsWords", "Payment gateway clearing"),
    Account.RECEIVABLES.value: QT_TRANSLATE_NOOP("AccountsWords", "Receivables"),
    Account.INVENTORY.value: QT_TRANSLATE_NOOP("AccountsWords", "Inventory"),
    Account.TAX_PAYABLE.value: QT_TRANSLATE_NOOP("AccountsWords", "Tax payable"),
    Account.CUSTOMER_CREDIT.value: QT_TRANSLATE_NOOP("AccountsWords", "Customer credit"),
    Account.REVENUE.value: QT_TRANSLATE_NOOP("AccountsWords", "Revenue"),
    Account.SALES_DISCOUNTS.value: QT_TRANSLATE_NOOP("AccountsWords",
                                                     "Sales discounts (promotions, coupons, incentives)"),
    Account.SHIPPING_CHARGES.value: QT_TRANSLATE_NOOP("AccountsWords", "Shipping charges"),
    Account.COGS.value: QT_TRANSLATE_NOOP("AccountsWords", "Cost of goods sold"),
    Account.WRITE_OFFS.value: QT_TRANSLATE_NOOP("AccountsWords", "Write-offs"),
    Account.GOODS_RECEIVED.value: QT_TRANSLATE_NOOP("AccountsWords", "Goods received not invoiced"),
    Account.OPENING_BALANCES.value: QT_TRANSLATE_NOOP("AccountsWords", "Opening balances"),
    Account.INVENTORY_ADJUSTMENTS.value: QT_TRANSLATE_NOOP("AccountsWords", "Inventory adjustments"),
    Account.INPUT_TAX.value: QT_TRANSLATE_NOOP("AccountsWords", "Input tax"),
    Account.PAYABLES.value: QT_TRANSLATE_NOOP("AccountsWords", "Payables"),
    Account.PURCHASE_PRICE_VARIANCE.value: QT_TRANSLATE_NOOP("AccountsWords", "Purchase price variance"),
    Account.INVENTORY_REVALUATION.value: QT_TRANSLATE_NOOP("AccountsWords", "Inventory revaluation"),
    Account.CASH_IN_TRANSIT.value: QT_TRANSLATE_NOOP("AccountsWords", "Cash in transit (till float and transfers)"),
    Account.CASH_OVER.value: QT_TRANSLATE_NOOP("AccountsWords", "Cash over (tills)"),
    Account.CASH_SHORT.value: QT_TRANSLATE_NOOP("AccountsWords", "Cash short (tills)"),
}

#: other codes: entry kinds, payment methods, aging buckets, periods, document kinds, till states
WORDS: dict[str, str] = {
    # journal entry kinds (domain.ledger.EntryKind)
    "sale": QT_TRANSLATE_NOOP("AccountsWords", "sale"),
    "receipt": QT_TRANSLATE_NOOP("AccountsWords", "receipt"),
    "refund": QT_TRANSLATE_NOOP("AccountsWords", "refund"),
    "credit_note": QT_TRANSLATE_NOOP("AccountsWords", "credit note"),
    "cogs": QT_TRANSLATE_NOOP("AccountsWords", "cogs"),
    "return": QT_TRANSLATE_NOOP("AccountsWords", "return"),
    "reversal": QT_TRANSLATE_NOOP("AccountsWords", "reversal"),
    "goods_received": QT_TRANSLATE_NOOP("AccountsWords", "goods received"),
    "opening_stock": QT_TRANSLATE_NOOP("AccountsWords", "opening stock"),
    "stock_adjustment": QT_TRANSLATE_NOOP("AccountsWords", "stock adjustment"),
    "supplier_invoice": QT_TRANSLATE_NOOP("AccountsWords", "supplier invoice"),
    "supplier_payment": QT_TRANSLATE_NOOP("AccountsWords", "supplier payment"),
    "revaluation": QT_TRANSLATE_NOOP("AccountsWords", "revaluation"),
    "till_cash": QT_TRANSLATE_NOOP("AccountsWords", "till cash"),
    "till_close": QT_TRANSLATE_NOOP("AccountsWords", "till close"),
    # payment methods (domain.ledger.Method)
    "cash": QT_TRANSLATE_NOOP("AccountsWords", "cash"),
    "card": QT_TRANSLATE_NOOP("AccountsWords", "card"),
    "bank": QT_TRANSLATE_NOOP("AccountsWords", "bank"),
    "online": QT_TRANSLATE_NOOP("AccountsWords", "online"),
    # receivables aging buckets (services.receivables.aging_bucket)
    "current": QT_TRANSLATE_NOOP("AccountsWords", "current"),
    "over 90": QT_TRANSLATE_NOOP("AccountsWords", "over 90"),
    # cash-flow periods
    "day": QT_TRANSLATE_NOOP("AccountsWords", "day"),
    "week": QT_TRANSLATE_NOOP("AccountsWords", "week"),
    "month": QT_TRANSLATE_NOOP("AccountsWords", "month"),
    # documents
    "invoice": QT_TRANSLATE_NOOP("AccountsWords", "invoice"),
    # till sessions (domain.till.TillState)
    "open": QT_TRANSLATE_NOOP("AccountsWords", "open"),
    "closed": QT_TRANSLATE_NOOP("AccountsWords", "closed"),
}


def account_name(account: str) -> str:
    """An account's name in the GUI's language ("" for an account the ledger does not know)."""
    english = ACCOUNT_NAMES.get(str(account))
    if english is None:
        try:
            english = ACCOUNT_LABELS.get(Account(str(account)), "")
        except ValueError:
            return ""
    return QCoreApplication.translate(_CONTEXT, english) if english else ""


def word(code: str) -> str:
    """What the screen shows for an entry kind, method, bucket, period, document kind or till state (an unknown
    code as it is, underscores as spaces)."""
    english = WORDS.get(str(code))
    return QCoreApplication.translate(_CONTEXT, english) if english is not None else str(code).replace("_", " ")
