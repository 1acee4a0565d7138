"""The main window: four tabs, an activity panel fed by the event feed, and a status bar."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRect, QSettings, QSize, Qt, QTimer, Signal,
                            Slot)
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QApplication, QDockWidget, QInputDialog, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMainWindow, QMessageBox, QVBoxLayout, QWidget)

from ..domain import events as ev
from ..domain.references import order_number
from ..domain.roles import Perm, can
from ..services import Services
from ..services.dto import Actor, EventDTO
from .event_feed import EventFeed
from .format import money
from .forms.ui_main_window import Ui_MainWindow
from .jobs import JobRunner
from .labels import label
from .widgets.dialogs import KeepsActivation
from . import theme

translate = QCoreApplication.translate
MAX_ACTIVITY = 200
DEFAULT_SIZE = QSize(1280, 800)
# Room for the window manager's frame, which Qt knows only once the window is on screen: a title bar above, a border.
TITLE_BAR, BORDER = 32, 4


def default_settings() -> QSettings:
    """Where the window keeps its size and layout (one group per user name)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "OMS Desktop", "window")


def fit_rect(rect: QRect, available: QRect) -> QRect:
    """``rect`` (a window's geometry, frame not counted) made to fit ``available`` with its frame: no larger than the
    room there is, then moved inside."""
    size = rect.size().boundedTo(QSize(available.width() - 2 * BORDER, available.height() - TITLE_BAR - BORDER))
    left = max(available.left() + BORDER, min(rect.left(), available.right() + 1 - BORDER - size.width()))
    top = max(available.top() + TITLE_BAR, min(rect.top(), available.bottom() + 1 - BORDER - size.height()))
    return QRect(left, top, size.width(), size.height())


def describe_event(e: EventDTO, locale: str = "en_US") -> str:
    """One line for the activity panel; amounts as everywhere on screen (the company's locale)."""
    p = e.payload
    who = e.username or translate("Activity", "system")
    order = order_number(e.order_id) if e.order_id else ""

    def amount(key: str) -> str:
        value, currency = p.get(key), p.get("currency")
        try:
            return money(Decimal(str(value)), str(currency), locale)
        except (InvalidOperation, TypeError, ValueError, KeyError, AttributeError):
            return f"{value} {currency or ''}".strip()

    customer = str(p.get("customer") or "")
    value = f" ({amount('value')})" if p.get("value") not in (None, "") else ""
    cart = translate("Activity", "{customer}'s cart {order}").format(customer=customer, order=order) if customer else \
        translate("Activity", "cart {order}").format(order=order)

    match e.kind:
        case "cart_item_added":
            return translate("Activity", "{who} put {quantity} x {sku} in {cart}{value}").format(
                who=who, quantity=p.get("quantity"), sku=p.get("sku"), cart=cart, value=value)
        case "cart_item_removed":
            return translate("Activity", "{who} removed {quantity} x {sku} from {cart}{value}").format(
                who=who, quantity=p.get("quantity"), sku=p.get("sku"), cart=cart, value=value)
        case "cart_quantity_changed":
            return translate("Activity", "{who} changed {sku} {old} -> {quantity} in {cart}{value}").format(
                who=who, sku=p.get("sku"), old=p.get("old_quantity"), quantity=p.get("quantity"), cart=cart,
                value=value)
        case "cart_opened":
            return translate("Activity", "{who} opened {cart}").format(who=who, cart=cart) + (
                f" ({label(str(p.get('channel')))})" if p.get("channel") else "")
        case "cart_updated":
            # a change may end in brackets of its own
            return translate("Activity", "{who} changed {cart}{value}: {change}").format(
                who=who, cart=cart, value=value, change=p.get("change"))
        case "cart_incentive_offered":
            offer = str(p.get("label") or translate("Activity", "an incentive")).removesuffix(" your order")
            now = translate("Activity", "now {value}").format(value=amount("value")) if value else ""
            facts = ", ".join(x for x in (customer, now) if x)
            return translate("Activity", "{who} offered {offer} on {order}").format(
                who=who, offer=offer, order=order) + (f" ({facts})" if facts else "")
        case "order_confirmed":
            return translate("Activity", "{who} confirmed {order} ({total}, tracking {tracking})").format(
                who=who, order=order, total=amount("total"), tracking=p.get("tracking_number"))
        case "order_cancelled":
            return translate("Activity", "{who} cancelled {order}").format(who=who, order=order)
        case "stock_low":
            return translate("Activity", "Low stock: {sku} has {available} available").format(sku=p.get("sku"),
                                                                                   available=p.get("available"))
        case "stock_adjusted":
            return translate("Activity", "{who} adjusted {sku} by {delta} ({reason})").format(
                who=who, sku=p.get("sku"), delta=p.get("delta"), reason=p.get("reason"))
        case "catalog_imported":
            return translate("Activity", "{who} imported the catalog ({created} new, {updated} updated)").format(
                who=who, created=p.get("created"), updated=p.get("updated"))
        case "customer_added":
            return translate("Activity", "{who} added customer {name}").format(who=who, name=p.get("name"))
        case "invoice_issued":
            return translate("Activity", "{who} issued invoice {number} for {order} ({total})").format(
                who=who, number=p.get("number"), order=order, total=amount("total"))
        case "credit_note_issued":
            return translate("Activity", "{who} issued credit note {number} for {invoice} ({total})").format(
                who=who, number=p.get("number"), invoice=p.get("invoice"), total=amount("total"))
        case "payment_received":
            return translate("Activity", "{who} recorded {amount} ({method}) for {order}").format(
                who=who, amount=amount("amount"), method=p.get("method"), order=order)
        case "refund_paid":
            return translate("Activity", "{who} refunded {amount} ({method}) for {order}").format(
                who=who, amount=amount("amount"), method=p.get("method"), order=order)
        case "picklist_created":
            lines = int(p.get("lines") or 0)
            return translate("Activity", "{who} created pick list {number} ({lines})").format(
                who=who, number=p.get("number"), lines=translate("Activity", "1 line") if lines == 1 else
                translate("Activity", "{count} lines").format(count=lines))
        case "order_shipped":
            return translate("Activity", "{who} shipped {order}").format(who=who, order=order)
        case _:
            return f"{who}: {e.kind.replace('_', ' ')} {order}".strip()


@dataclass
class _LazyTab:
    """A tab's widget: the class ``cls`` of the module ``module`` (a package under gui/), once built."""
    module: str
    cls: str
    widget: QWidget | None = None


class MainWindow(QMainWindow):
    """Signals:
        sign_out_requested(): File > Sign out: the app closes this window and asks who signs in next.
        language_changed(str): File > Language: the user chose another language (stored already); the app
            closes this window and builds it again, same user, in that language.
    """

    sign_out_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, services: Services, actor: Actor, *, database: str, feed: EventFeed | None = None,
                 jobs: JobRunner | None = None, parent: QWidget | None = None, settings: QSettings | None = None,
                 daily_backup: bool = False):
        super().__init__(parent)
        # with no window manager (Xvfb, a kiosk) the window would stay inactive after any dialog of any tab closes,
        # and no shortcut would fire until it is clicked (widgets/dialogs.py)
        self._keeps_activation = KeepsActivation(self)
        self.settings = settings if settings is not None else default_settings()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.services = services
        self.actor = actor
        self.jobs = jobs or JobRunner(self)
        # the tabs' first reads start when the event loop runs, not while the window is still being built (the
        # runner as the timer's context: a runner deleted before that, with the window it belongs to, is not called)
        self.jobs.hold()
        QTimer.singleShot(0, self.jobs, self.jobs.release)
        self.feed = feed
        company = services.company.get()
        self.locale = company.locale
        self.setWindowTitle(self.tr("OMS Desktop - {company}").format(company=company.name))
        self._build_connection_banner()
        self._build_tabs()
        self._build_activity()
        self._build_appearance_menu()
        self._build_status_bar(database)
        self.ui.action_quit.triggered.connect(self.close)
        self.sign_out_action = QAction(self.tr("Sign &out {user} (switch user)").format(user=actor.username), self)
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.sign_out_action.triggered.connect(self.sign_out_requested.emit)
        self.ui.file_menu.insertAction(self.ui.action_quit, self.sign_out_action)
        if can(actor.role, Perm.ORDER_EDIT):
            self.import_action = QAction(self.tr("&Import orders (web shop, catalog)..."), self)
            self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
            self.import_action.triggered.connect(self.import_orders)
            self.ui.file_menu.insertAction(self.ui.action_quit, self.import_action)
            self.ui.file_menu.insertSeparator(self.ui.action_quit)
        self._build_admin_actions()
        self.language_action = QAction(self.tr("&Language..."), self)
        self.language_action.setStatusTip(self.tr("The language of your screens (this window opens again in it)"))
        self.language_action.triggered.connect(self.choose_language)
        self.ui.file_menu.insertAction(self.ui.action_quit, self.language_action)
        self.ui.file_menu.insertSeparator(self.ui.action_quit)
        self.backups_dialog = None
        if can(actor.role, Perm.SETTINGS):  # managers and administrators, as BackupService checks
            self.backups_action = QAction(self.tr("&Backups..."), self)
            self.backups_action.triggered.connect(self.show_backups)
            self.ui.file_menu.insertAction(self.ui.action_quit, self.backups_action)
            self.ui.file_menu.insertSeparator(self.ui.action_quit)
        self.find_orders_action = QAction(self.tr("&Find orders..."), self)
        self.find_orders_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.find_orders_action.triggered.connect(self.find_orders)
        self.ui.view_menu.insertAction(self.ui.action_refresh, self.find_orders_action)
        self.order_search = None
        self.ui.action_keyboard_help.triggered.connect(self.show_keyboard_help)
        self.ui.action_about.triggered.connect(self.show_about)
        self.ui.action_refresh.triggered.connect(self.refresh)
        self.ui.tabs.currentChanged.connect(self._tab_shown)
        for i in range(self.ui.tabs.count()):
            name = self.ui.tabs.tabText(i).replace("&", "")
            for keys in (f"Alt+{i + 1}", f"Ctrl+{i + 1}"):  # whatsThis: the line in the keyboard map (F1)
                QShortcut(QKeySequence(keys), self, activated=lambda i=i: self.ui.tabs.setCurrentIndex(i),
                          whatsThis=self.tr("the {name} tab").format(name=name))
        # Ctrl+PgDn/PgUp: the next/previous tab; a tab with pages of its own (the dashboard) turns those first while
        # the focus is in it, so its own shortcuts for the keys are off here (one key, one meaning).
        for keys, step, what in (("Ctrl+PgDown", 1, self.tr("the next tab (a tab's own next page first)")),
                                 ("Ctrl+PgUp", -1, self.tr("the previous tab (a tab's own previous page first)"))):
            QShortcut(QKeySequence(keys), self, activated=lambda step=step: self.turn_tab(step), whatsThis=what)
        self._start_mail_sender()
        from .idle_lock import IdleLock  # locks after the company's lock_after_minutes without a key or a click
        self.idle_lock = IdleLock(self, services, actor, self.jobs, company.lock_after_minutes,
                                  sign_out=self.sign_out_requested.emit)
        if daily_backup:
            from .backups import start_daily_backup
            start_daily_backup(services, self.jobs, lambda text: self.statusBar().showMessage(text, 15000), self)
        self.restore_layout()
        if feed is not None:
            feed.events_arrived.connect(self.on_events)
            feed.failed.connect(self.connection_lost)
            feed.recovered.connect(self.connection_back)

    def _build_connection_banner(self) -> None:
        """A banner above the tabs while the database cannot be reached: the live feed noticed it and keeps trying
        (the connection pool reconnects by itself); what is typed on any screen stays where it is, and a save
        tried meanwhile is refused with its own message, so it can simply be tried again."""
        self.connection_banner = QLabel()
        self.connection_banner.setObjectName("connection_banner")
        self.connection_banner.setWordWrap(True)
        self.connection_banner.setAutoFillBackground(True)
        self.connection_banner.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.connection_banner.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.connection_banner.setContentsMargins(8, 4, 8, 4)
        self.connection_banner.hide()
        self.ui.central_layout.insertWidget(0, self.connection_banner)

    @Slot(str)
    def connection_lost(self, reason: str) -> None:
        first_line = (reason.strip().splitlines() or [""])[0][:200]
        self.connection_banner.setText(self.tr(
            "The connection to the database is lost ({reason}). Reconnecting by itself; what you have typed stays on "
            "screen, and anything saved meanwhile is refused with a message: try it again when this banner has "
            "gone.").format(reason=first_line))
        self.connection_banner.show()

    @Slot()
    def connection_back(self) -> None:
        self.connection_banner.hide()
        self.statusBar().showMessage(self.tr("Connected to the database again."), 10000)

    def _build_tabs(self) -> None:
        """Each tab is its own package; a role that may not use a tab sees why instead of an empty screen.

        A tab is built when it is first shown (or asked for: ``order_entry``, ``carts``, ``dashboard``,
        ``service_desk``, ``tab_widgets``), the role's start tab at once. Why: building every tab took about a
        quarter of the start (each tab's modules imported, PySide6 making each widget class on first use, the
        dashboard's charts), for tabs a user may not open all day; one built on its first showing costs it some tens
        of milliseconds then. Until then the tab has nothing to refresh: the live feed's events go to the tabs that
        exist, and a tab built later reads what is there."""
        self._lazy: dict[QWidget, _LazyTab] = {}  # the tab's page -> how its widget is made, and the widget
        specs = [
            (self.ui.order_entry_tab, "order_entry", "OrderEntryTab", Perm.ORDER_EDIT,
             self.tr("Order entry is for sales roles.")),
            (self.ui.inventory_tab, "inventory", "InventoryTab", Perm.VIEW, ""),
            (self.ui.warehouse_tab, "warehouse", "WarehouseTab", Perm.VIEW, ""),
            (self.ui.accounts_tab, "accounts", "AccountsTab", Perm.VIEW, ""),
        ]
        for page, module, cls, perm, refusal in specs:
            if can(self.actor.role, perm):
                self._lazy[page] = _LazyTab(module, cls)
            else:
                widget = QLabel(self.tr("{refusal} You are signed in as {role}.").format(refusal=refusal,
                                                                                         role=label(self.actor.role)))
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
                page.layout().addWidget(widget)
        self._service_desk_page = self._add_page("service_desk", "ServiceDeskPanel", self.tr("&Service desk"))
        self._order_entry_page = self.ui.order_entry_tab if self.ui.order_entry_tab in self._lazy else None
        self._carts_page = self._dashboard_page = None
        if can(self.actor.role, Perm.ORDER_EDIT):  # the roles that take orders or manage; not warehouse, accounts
            # No Alt+letter of its own (Alt+6 reaches it): every letter of "Carts" is taken on some tab already,
            # and an Alt+C here would make the Orders tab's Alt+C (Confirm) ambiguous, so it would do nothing.
            self._carts_page = self._add_page("carts", "CartsTab", self.tr("Carts"))
            i = self.ui.tabs.indexOf(self._carts_page)
            self.ui.tabs.setTabToolTip(i, self.tr("Open carts (Alt+{number})").format(number=i + 1))
        if can(self.actor.role, Perm.PRICE_OVERRIDE):  # managers and administrators, as DashboardService checks
            # Alt+B: no tab title, menu or control on any tab uses B (the product dialog's Barcode is a window
            # of its own).
            self._dashboard_page = self._add_page("dashboard", "DashboardTab", self.tr("Dash&board"))
            i = self.ui.tabs.indexOf(self._dashboard_page)
            self.ui.tabs.setTabToolTip(i, self.tr("Today, sales by day, top products, stock-outs, carts (Alt+B, "
                                                  "Alt+{number})").format(number=i + 1))
        start = self.start_page()
        if start is not None:
            self.ui.tabs.setCurrentWidget(start)
        self._built(self.ui.tabs.currentWidget())

    def _add_page(self, module: str, cls: str, title: str) -> QWidget:
        """A tab added in code: its page, the widget built into it on first showing."""
        page = QWidget()
        page.setObjectName(f"{module}_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self._lazy[page] = _LazyTab(module, cls)
        self.ui.tabs.addTab(page, title)
        return page

    def _built(self, page: QWidget | None) -> QWidget | None:
        """The tab widget of ``page``, built now if it was not yet (None: a page without one)."""
        lazy = self._lazy.get(page) if page is not None else None
        if lazy is None or page is None:
            return None
        if lazy.widget is None:
            import importlib
            cls = getattr(importlib.import_module(f"{__package__}.{lazy.module}"), lazy.cls)
            widget = lazy.widget = cls(self.services, self.actor, self.jobs)
            for sc in getattr(widget, "page_shortcuts", ()):  # the window's Ctrl+PgUp/PgDn ask page_step instead
                sc.setEnabled(False)
            if lazy.module == "carts":
                widget.open_cart_requested.connect(self.open_cart)
            page.layout().addWidget(widget)
            if page.isVisible():  # at once, not on the event loop's next turn (a hidden page shows it with itself)
                widget.show()
        return lazy.widget

    @property
    def tab_widgets(self) -> list[QWidget]:
        """Every tab's widget this role has, each built now if it was not yet."""
        return [w for page in self._lazy if (w := self._built(page)) is not None]

    @property
    def order_entry(self):
        """The Orders tab (built now if it was not yet); None for a role that does not take orders."""
        return self._built(self._order_entry_page)

    @property
    def carts(self):
        """The open-carts board (built now if it was not yet); None for a role without it."""
        return self._built(self._carts_page)

    @property
    def dashboard(self):
        """The dashboard (built now if it was not yet); None for a role without it."""
        return self._built(self._dashboard_page)

    @property
    def service_desk(self):
        """The service desk (built now if it was not yet)."""
        return self._built(self._service_desk_page)

    def show_tab(self, widget: QWidget) -> None:
        """Make the tab holding ``widget`` the current one."""
        self.ui.tabs.setCurrentWidget(self._page_of(widget))

    def start_page(self) -> QWidget | None:
        """Each role starts where its work is: the warehouse on its queue, accounts on theirs, the manager on the
        dashboard; sales roles (and the administrator) on Orders."""
        if self.actor.role == "manager" and self._dashboard_page is not None:
            return self._dashboard_page
        wanted = {"warehouse": self.ui.warehouse_tab, "accountant": self.ui.accounts_tab}.get(self.actor.role)
        return wanted if wanted in self._lazy else None

    def _page_of(self, widget: QWidget) -> QWidget:
        """The tabs' page holding ``widget`` (each page holds its tab's widget in a layout)."""
        for i in range(self.ui.tabs.count()):
            page = self.ui.tabs.widget(i)
            if page is widget or page.isAncestorOf(widget):
                return page
        return widget

    def import_orders(self) -> None:
        """File > Import orders: a shop's export previewed (a dry run) before it is taken in."""
        from .order_import import OrderImportDialog
        self.import_dialog = OrderImportDialog(self.services, self.actor, self.jobs, locale=self.locale, parent=self)
        self.import_dialog.open()
        self.import_dialog.choose_file()

    def _build_admin_actions(self) -> None:
        """File menu: the users, the company settings (admin), the audit trail (manager, admin), one's own
        password (everyone)."""
        entries = [(QT_TRANSLATE_NOOP("MainWindow", "&Users..."), Perm.USER_ADMIN, self.show_users),
                   (QT_TRANSLATE_NOOP("MainWindow", "Se&ttings..."), Perm.SYSTEM_SETTINGS, self.show_settings),
                   (QT_TRANSLATE_NOOP("MainWindow", "&Audit trail..."), Perm.AUDIT, self.show_audit),
                   (QT_TRANSLATE_NOOP("MainWindow", "Change my &password..."), Perm.VIEW, self.change_password)]
        self.admin_actions: dict[str, QAction] = {}
        for text, perm, slot in entries:
            if can(self.actor.role, perm):
                action = QAction(QCoreApplication.translate("MainWindow", text), self)
                action.triggered.connect(slot)
                self.ui.file_menu.insertAction(self.ui.action_quit, action)
                self.admin_actions[text.replace("&", "").rstrip(".")] = action
        self.ui.file_menu.insertSeparator(self.ui.action_quit)

    def show_users(self) -> None:
        from .admin.users_dialog import UsersDialog
        self.users_dialog = UsersDialog(self.services, self.actor, self.jobs, parent=self)
        self.users_dialog.open()

    def show_settings(self) -> None:
        from .admin.settings_dialog import SettingsDialog
        self.settings_dialog = SettingsDialog(self.services, self.actor, self.jobs, parent=self)
        self.settings_dialog.open()

    def show_audit(self) -> None:
        from .admin.audit_dialog import AuditDialog
        self.audit_dialog = AuditDialog(self.services, self.actor, self.jobs, parent=self)
        self.audit_dialog.open()

    def change_password(self) -> None:
        from .admin.users_dialog import ChangePasswordDialog
        self.password_dialog = ChangePasswordDialog(self.services, self.actor, self.jobs, parent=self)
        self.password_dialog.open()

    def choose_language(self) -> None:
        """File > Language: the user's own language, stored with the user; the window is built again in it."""
        from . import i18n
        codes = list(i18n.LANGUAGES)
        names = [i18n.LANGUAGES[c] for c in codes]
        current = codes.index(i18n.current()) if i18n.current() in codes else 0
        name, ok = QInputDialog.getItem(self, self.tr("Language"), self.tr("The language of your screens:"),
                                        names, current, False)
        if ok and name in names:
            self.set_language(codes[names.index(name)])

    def set_language(self, language: str) -> None:
        """Store ``language`` as this user's and ask the app to build the window again in it (nothing happens
        when it is the language shown already)."""
        from . import i18n
        from .errors import show_error
        from ..domain.errors import OmsError
        try:
            user = self.services.auth.set_language(self.actor, self.actor.username, language)
        except OmsError as exc:
            show_error(self, exc)
            return
        self.actor = replace(self.actor, language=user.language)
        if i18n.language_of(language) != i18n.current():
            self.language_changed.emit(i18n.language_of(language))

    def show_backups(self) -> None:
        """File > Backups: the backups with their age, size and verification, and Back up now."""
        from .backups import BackupsDialog
        self.backups_dialog = BackupsDialog(self.services, self.actor, self.jobs, parent=self)
        self.backups_dialog.open()

    def _start_mail_sender(self) -> None:
        """The outbox goes out from whichever workstation runs the app (two at once send each mail once)."""
        from .mail_sender import MailSender
        self.mail_sender = MailSender(self.services.mail, self.jobs, self)
        self.mail_sender.reported.connect(lambda r: self.statusBar().showMessage(
            self.tr("E-mails: {count} sent").format(count=r.sent)
            + (self.tr(", {count} to retry").format(count=r.retry_later) if r.retry_later else "")
            + (self.tr(", {count} failed (oms mail outbox --failed)").format(count=r.failed) if r.failed else ""),
            10000))
        self.mail_sender.start()

    def open_cart(self, order_id: int) -> None:
        """Enter on the open-carts board: the cart in the Orders tab (the board stays as it was)."""
        if self.order_entry is None:
            return
        self.order_entry.load_order(order_id)
        self.ui.tabs.setCurrentIndex(0)

    def find_orders(self) -> None:
        """Ctrl+Shift+F: the order list to search (kept with its results between uses), its search field focused."""
        if self.order_search is None:
            from .order_search import OrderSearchDialog
            self.order_search = OrderSearchDialog(self.services, self.actor, self.jobs, parent=self)
            self.order_search.open_requested.connect(self.open_found_order)
        self.order_search.show()
        if QGuiApplication.platformName() != "offscreen":  # (offscreen, raise() is not there and says so)
            self.order_search.raise_()
        self.order_search.activateWindow()
        self.order_search.focus_search()

    def open_found_order(self, order) -> None:
        """Enter in the order list: a cart in the Orders tab (for those who take orders), any other order at the
        service desk (timeline, lines, returns)."""
        if self.order_search is not None:
            self.order_search.hide()
        if order.status == "draft" and self.order_entry is not None:
            self.open_cart(order.id)
            return
        desk = self.service_desk
        desk.lookup_edit.setText(order.number)
        desk.show_order(order.id)
        self.show_tab(desk)

    def turn_tab(self, step: int) -> None:
        """Ctrl+PgDn (1) / Ctrl+PgUp (-1): the current tab's next page if it has pages and the focus is in it, else the
        next tab (round from the last to the first)."""
        tab = self.current_tab()
        focus = QApplication.focusWidget() or self.focusWidget()
        if tab is not None and hasattr(tab, "page_step") and focus is not None and tab.isAncestorOf(focus) \
                and tab.page_step(step):
            return
        tabs = self.ui.tabs
        tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())

    def _tab_shown(self, _index: int) -> None:
        self._built(self.ui.tabs.currentWidget())  # its first showing builds it
        self.focus_current_tab()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # The tabs were built before they joined this window, so a focus they set then is lost: hand the keyboard
        # to the current tab's first field once the window is up.
        QTimer.singleShot(0, self.focus_current_tab)

    def current_tab(self) -> QWidget | None:
        """The current tab's widget (built now if it was not yet): the one widget its page holds (a role's refusal
        on a tab it may not use is a label)."""
        page = self.ui.tabs.currentWidget()
        if page in self._lazy:
            return self._built(page)
        layout = page.layout()
        return layout.itemAt(0).widget() if layout is not None and layout.count() else None

    def focus_current_tab(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        if hasattr(tab, "focus_primary"):
            tab.focus_primary()
            return
        for edit in tab.findChildren(QLineEdit):
            if edit.isVisible() and edit.isEnabled() and not edit.isReadOnly():
                edit.setFocus()
                return

    def _build_activity(self) -> None:
        self.activity_list = QListWidget()
        self.activity_list.setObjectName("activity_list")
        self.activity_list.setWordWrap(True)
        self.activity_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.activity_list.setMinimumWidth(280)
        self.activity_dock = QDockWidget(self.tr("Live activity"), self)
        self.activity_dock.setObjectName("activity_dock")
        self.activity_dock.setWidget(self.activity_list)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.activity_dock)
        self.activity_dock.setVisible(can(self.actor.role, Perm.ORDER_CANCEL) or self.actor.role in
                                      ("manager", "admin"))
        toggle = self.activity_dock.toggleViewAction()
        toggle.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.ui.view_menu.addAction(toggle)

    def _build_appearance_menu(self) -> None:
        """View > Appearance: the system's colour scheme, light or dark, for this workstation (gui/theme.py)."""
        menu = self.ui.view_menu.addMenu(self.tr("&Appearance"))
        self.appearance_group = QActionGroup(self)
        for scheme, text in ((theme.SYSTEM, self.tr("&System")), (theme.LIGHT, self.tr("&Light")),
                             (theme.DARK, self.tr("&Dark"))):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(scheme == theme.current_choice())
            action.setData(scheme)
            action.triggered.connect(lambda _checked=False, s=scheme: theme.set_choice(s, self.settings))
            self.appearance_group.addAction(action)
        self._apply_tab_icons()

    def _apply_tab_icons(self) -> None:
        """The tabs' icons drawn for the palette (a variant of the line icons for dark palettes)."""
        for page, name in ((self.ui.order_entry_tab, "orders"), (self.ui.inventory_tab, "inventory"),
                           (self.ui.warehouse_tab, "warehouse"), (self.ui.accounts_tab, "accounts")):
            self.ui.tabs.setTabIcon(self.ui.tabs.indexOf(page), theme.icon(name))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and hasattr(self, "appearance_group"):
            self._apply_tab_icons()
        super().changeEvent(event)

    def _build_status_bar(self, database: str) -> None:
        self.database_label = QLabel(self.tr("Database: {database}").format(database=database))
        self.user_label = QLabel(self.tr("Signed in: {user} ({role})").format(
            user=self.actor.display_name or self.actor.username, role=label(self.actor.role)))
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.user_label)

    @Slot(list)
    def on_events(self, events: list) -> None:
        for lazy in self._lazy.values():  # the tabs built so far (one built later reads what is there then)
            if lazy.widget is not None:
                lazy.widget.on_events(events)
        for e in events:
            item = QListWidgetItem(f"{e.at.astimezone():%H:%M:%S}  {describe_event(e, self.locale)}")
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            if ev.matches(e.event, (ev.CartItemAdded, ev.CartIncentiveOffered, ev.StockLow)):
                theme.paint_item(item, "info" if ev.matches(e.event, ev.CartItemAdded) else
                                 "good" if ev.matches(e.event, ev.CartIncentiveOffered) else "bad")
            self.activity_list.insertItem(0, item)
        while self.activity_list.count() > MAX_ACTIVITY:
            self.activity_list.takeItem(self.activity_list.count() - 1)

    def refresh(self) -> None:
        """F5: the current tab fetches again if it can (the dashboard), and the live feed is asked at once."""
        tab = self.current_tab()
        if tab is not None and hasattr(tab, "refresh"):
            tab.refresh()
        if self.feed is not None:
            self.jobs.submit(lambda job: self.feed.poll_now())

    def show_keyboard_help(self) -> None:
        """F1: the current tab's keyboard map, read from its actions and shortcuts and the window's."""
        from .keyboard_map import keyboard_map
        from .order_entry.dialogs import KeyboardHelpDialog
        name = self.ui.tabs.tabText(self.ui.tabs.currentIndex()).replace("&", "")
        self.keyboard_help_dialog = KeyboardHelpDialog(keyboard_map(self), parent=self)
        self.keyboard_help_dialog.setWindowTitle(self.tr("Keyboard map: {tab}").format(tab=name))
        self.keyboard_help_dialog.open()

    def show_about(self) -> None:
        from .. import __version__
        QMessageBox.about(self, self.tr("About OMS Desktop"),
                          self.tr("OMS Desktop {version}\nOrder management, keyboard first.").format(
                              version=__version__))

    # ---- size and layout, per user ------------------------------------------------------------------------
    def _settings_key(self, name: str) -> str:
        return f"users/{self.actor.username}/{name}"

    def available_area(self) -> QRect:
        """The part of the screen a window may use (no task bar, no dock of the desktop)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, DEFAULT_SIZE.width(),
                                                                          DEFAULT_SIZE.height())

    def restore_layout(self) -> None:
        """The size, place and docks this user left the window with; on a first start, the default size within the
        screen's available area. A saved size that no longer fits (a smaller screen now) is brought inside it."""
        available = self.available_area()
        geometry = self.settings.value(self._settings_key("geometry"))
        state = self.settings.value(self._settings_key("state"))
        normal = self.settings.value(self._settings_key("normal_geometry"))
        if state is not None:  # the docks first: a hidden dock lets the window be narrower
            self.restoreState(state)
        if geometry is None or not self.restoreGeometry(geometry):
            start = QRect(available.topLeft(), DEFAULT_SIZE)
            start.moveCenter(available.center())
            self.setGeometry(fit_rect(start, available))
        elif not self.isMaximized() and not self.isFullScreen():
            # restoreGeometry fits what it restores to the screen as Qt sees it; the rectangle as the user left it,
            # brought inside the area this window may use, is what it opens with.
            rect = normal if isinstance(normal, QRect) and normal.isValid() else self.geometry()
            self.setGeometry(rect if available.contains(rect) else fit_rect(rect, available))


    def save_layout(self) -> None:
        self.settings.setValue(self._settings_key("geometry"), self.saveGeometry())
        self.settings.setValue(self._settings_key("state"), self.saveState())
        self.settings.setValue(self._settings_key("normal_geometry"), self.normalGeometry())
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_layout()
        if self.feed is not None:
            self.feed.stop()
        self.mail_sender.stop()
        self.jobs.cancel_all()  # long background work (a forecast refresh, an import) stops at its next batch
        self.jobs.wait_for_done(5000)
        super().closeEvent(event)
