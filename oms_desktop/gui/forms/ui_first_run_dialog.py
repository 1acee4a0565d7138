# generated from ui/first_run_dialog.ui by packaging/build_ui.py - do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(480, 360)
        FirstRunDialog.setModal(True)
        self.main_layout = QVBoxLayout(FirstRunDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.explanation_label = QLabel(FirstRunDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.main_layout.addWidget(self.explanation_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.company_label = QLabel(FirstRunDialog)
        self.company_label.setObjectName(u"company_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.company_label)

        self.company_edit = QLineEdit(FirstRunDialog)
        self.company_edit.setObjectName(u"company_edit")
        self.company_edit.setMaxLength(120)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.company_edit)

        self.username_label = QLabel(FirstRunDialog)
        self.username_label.setObjectName(u"username_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(FirstRunDialog)
        self.username_edit.setObjectName(u"username_edit")
        self.username_edit.setMaxLength(64)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.display_name_label = QLabel(FirstRunDialog)
        self.display_name_label.setObjectName(u"display_name_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.display_name_label)

        self.display_name_edit = QLineEdit(FirstRunDialog)
        self.display_name_edit.setObjectName(u"display_name_edit")
        self.display_name_edit.setMaxLength(120)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.display_name_edit)

        self.password_label = QLabel(FirstRunDialog)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(FirstRunDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.password_repeat_label = QLabel(FirstRunDialog)
        self.password_repeat_label.setObjectName(u"password_repeat_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.password_repeat_label)

        self.password_repeat_edit = QLineEdit(FirstRunDialog)
        self.password_repeat_edit.setObjectName(u"password_repeat_edit")
        self.password_repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password_repeat_edit)

        self.currency_label = QLabel(FirstRunDialog)
        self.currency_label.setObjectName(u"currency_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.currency_label)

        self.currency_combo = QComboBox(FirstRunDialog)
        self.currency_combo.addItem(u"EUR")
        self.currency_combo.addItem(u"USD")
        self.currency_combo.addItem(u"GBP")
        self.currency_combo.addItem(u"CHF")
        self.currency_combo.addItem(u"JPY")
        self.currency_combo.setObjectName(u"currency_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.currency_combo)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(FirstRunDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setVisible(False)
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.vertical_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.vertical_spacer)

        self.button_box = QDialogButtonBox(FirstRunDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.company_label.setBuddy(self.company_edit)
        self.username_label.setBuddy(self.username_edit)
        self.display_name_label.setBuddy(self.display_name_edit)
        self.password_label.setBuddy(self.password_edit)
        self.password_repeat_label.setBuddy(self.password_repeat_edit)
        self.currency_label.setBuddy(self.currency_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.company_edit, self.username_edit)
        QWidget.setTabOrder(self.username_edit, self.display_name_edit)
        QWidget.setTabOrder(self.display_name_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.password_repeat_edit)
        QWidget.setTabOrder(self.password_repeat_edit, self.currency_combo)

        self.retranslateUi(FirstRunDialog)
        self.button_box.accepted.connect(FirstRunDialog.accept)
        self.button_box.rejected.connect(FirstRunDialog.reject)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"Create the first administrator", None))
        self.explanation_label.setText(QCoreApplication.translate("FirstRunDialog", u"This database has no users yet. Create the first administrator: this account can add other users, set permissions and change settings.", None))
        self.company_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Company name:", None))
        self.company_edit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"Shown on invoices and receipts", None))
        self.username_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Username:", None))
        self.username_edit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"Used to sign in, e.g. admin", None))
        self.display_name_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Display name:", None))
        self.display_name_edit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"e.g. Alice Martin", None))
        self.password_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Password:", None))
        self.password_repeat_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Repeat password:", None))
        self.currency_label.setText(QCoreApplication.translate("FirstRunDialog", u"Curre&ncy:", None))

#if QT_CONFIG(tooltip)
        self.currency_combo.setToolTip(QCoreApplication.translate("FirstRunDialog", u"The currency of prices, invoices and the ledger.", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
