# generated from ui/main_window.ui by packaging/build_ui.py - do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QStatusBar, QTabWidget, QVBoxLayout,
    QWidget)
from oms_desktop.gui import resources_rc  # noqa: F401  (registers :/icons/...)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        icon = QIcon()
        icon.addFile(u":/icons/oms-desktop.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        MainWindow.setWindowIcon(icon)
        self.action_quit = QAction(MainWindow)
        self.action_quit.setObjectName(u"action_quit")
#if QT_CONFIG(shortcut)
        self.action_quit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.action_refresh = QAction(MainWindow)
        self.action_refresh.setObjectName(u"action_refresh")
#if QT_CONFIG(shortcut)
        self.action_refresh.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.action_keyboard_help = QAction(MainWindow)
        self.action_keyboard_help.setObjectName(u"action_keyboard_help")
#if QT_CONFIG(shortcut)
        self.action_keyboard_help.setShortcut(u"F1")
#endif // QT_CONFIG(shortcut)
        self.action_about = QAction(MainWindow)
        self.action_about.setObjectName(u"action_about")
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.central_widget = QWidget(MainWindow)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QVBoxLayout(self.central_widget)
        self.central_layout.setObjectName(u"central_layout")
        self.central_layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(self.central_widget)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.order_entry_tab = QWidget()
        self.order_entry_tab.setObjectName(u"order_entry_tab")
        self.order_entry_layout = QVBoxLayout(self.order_entry_tab)
        self.order_entry_layout.setObjectName(u"order_entry_layout")
        icon1 = QIcon()
        icon1.addFile(u":/icons/orders.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.tabs.addTab(self.order_entry_tab, icon1, "")
        self.inventory_tab = QWidget()
        self.inventory_tab.setObjectName(u"inventory_tab")
        self.inventory_layout = QVBoxLayout(self.inventory_tab)
        self.inventory_layout.setObjectName(u"inventory_layout")
        icon2 = QIcon()
        icon2.addFile(u":/icons/inventory.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.tabs.addTab(self.inventory_tab, icon2, "")
        self.warehouse_tab = QWidget()
        self.warehouse_tab.setObjectName(u"warehouse_tab")
        self.warehouse_layout = QVBoxLayout(self.warehouse_tab)
        self.warehouse_layout.setObjectName(u"warehouse_layout")
        icon3 = QIcon()
        icon3.addFile(u":/icons/warehouse.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.tabs.addTab(self.warehouse_tab, icon3, "")
        self.accounts_tab = QWidget()
        self.accounts_tab.setObjectName(u"accounts_tab")
        self.accounts_layout = QVBoxLayout(self.accounts_tab)
        self.accounts_layout.setObjectName(u"accounts_layout")
        icon4 = QIcon()
        icon4.addFile(u":/icons/accounts.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.tabs.addTab(self.accounts_tab, icon4, "")

        self.central_layout.addWidget(self.tabs)

        MainWindow.setCentralWidget(self.central_widget)
        self.menu_bar = QMenuBar(MainWindow)
        self.menu_bar.setObjectName(u"menu_bar")
        self.menu_bar.setGeometry(QRect(0, 0, 1280, 24))
        self.file_menu = QMenu(self.menu_bar)
        self.file_menu.setObjectName(u"file_menu")
        self.view_menu = QMenu(self.menu_bar)
        self.view_menu.setObjectName(u"view_menu")
        self.help_menu = QMenu(self.menu_bar)
        self.help_menu.setObjectName(u"help_menu")
        MainWindow.setMenuBar(self.menu_bar)
        self.status_bar = QStatusBar(MainWindow)
        self.status_bar.setObjectName(u"status_bar")
        MainWindow.setStatusBar(self.status_bar)

        self.menu_bar.addAction(self.file_menu.menuAction())
        self.menu_bar.addAction(self.view_menu.menuAction())
        self.menu_bar.addAction(self.help_menu.menuAction())
        self.file_menu.addAction(self.action_quit)
        self.view_menu.addAction(self.action_refresh)
        self.help_menu.addAction(self.action_keyboard_help)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.action_about)

        self.retranslateUi(MainWindow)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"OMS Desktop", None))
        self.action_quit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(statustip)
        self.action_quit.setStatusTip(QCoreApplication.translate("MainWindow", u"Close OMS Desktop", None))
#endif // QT_CONFIG(statustip)
        self.action_refresh.setText(QCoreApplication.translate("MainWindow", u"&Refresh", None))
#if QT_CONFIG(statustip)
        self.action_refresh.setStatusTip(QCoreApplication.translate("MainWindow", u"Reload the data shown in the current tab", None))
#endif // QT_CONFIG(statustip)
        self.action_keyboard_help.setText(QCoreApplication.translate("MainWindow", u"&Keyboard Shortcuts", None))
#if QT_CONFIG(statustip)
        self.action_keyboard_help.setStatusTip(QCoreApplication.translate("MainWindow", u"List the keyboard shortcuts of this screen", None))
#endif // QT_CONFIG(statustip)
        self.action_about.setText(QCoreApplication.translate("MainWindow", u"&About OMS Desktop", None))
#if QT_CONFIG(statustip)
        self.action_about.setStatusTip(QCoreApplication.translate("MainWindow", u"Version, licence and where data is kept", None))
#endif // QT_CONFIG(statustip)
        self.tabs.setTabText(self.tabs.indexOf(self.order_entry_tab), QCoreApplication.translate("MainWindow", u"&Orders", None))
        self.tabs.setTabText(self.tabs.indexOf(self.inventory_tab), QCoreApplication.translate("MainWindow", u"&Inventory", None))
        self.tabs.setTabText(self.tabs.indexOf(self.warehouse_tab), QCoreApplication.translate("MainWindow", u"&Warehouse", None))
        self.tabs.setTabText(self.tabs.indexOf(self.accounts_tab), QCoreApplication.translate("MainWindow", u"&Accounts", None))
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi
