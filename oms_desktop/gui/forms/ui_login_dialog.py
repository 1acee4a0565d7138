# generated from ui/login_dialog.ui by packaging/build_ui.py - do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(420, 200)
        LoginDialog.setModal(True)
        self.main_layout = QVBoxLayout(LoginDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.heading_label = QLabel(LoginDialog)
        self.heading_label.setObjectName(u"heading_label")
        self.heading_label.setStyleSheet(u"font-size: 14pt; font-weight: bold;")

        self.main_layout.addWidget(self.heading_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.username_label = QLabel(LoginDialog)
        self.username_label.setObjectName(u"username_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(LoginDialog)
        self.username_edit.setObjectName(u"username_edit")
        self.username_edit.setMaxLength(64)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.password_label = QLabel(LoginDialog)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(LoginDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.database_caption_label = QLabel(LoginDialog)
        self.database_caption_label.setObjectName(u"database_caption_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.database_caption_label)

        self.database_label = QLabel(LoginDialog)
        self.database_label.setObjectName(u"database_label")
        self.database_label.setText(u"-")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.database_label)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(LoginDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setVisible(False)
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.vertical_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.vertical_spacer)

        self.button_box = QDialogButtonBox(LoginDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.password_edit)

        self.retranslateUi(LoginDialog)
        self.button_box.accepted.connect(LoginDialog.accept)
        self.button_box.rejected.connect(LoginDialog.reject)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Sign in to OMS Desktop", None))
        self.heading_label.setText(QCoreApplication.translate("LoginDialog", u"Sign in to OMS Desktop", None))
        self.username_label.setText(QCoreApplication.translate("LoginDialog", u"&Username:", None))
        self.username_edit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"e.g. alice", None))
        self.password_label.setText(QCoreApplication.translate("LoginDialog", u"&Password:", None))
        self.database_caption_label.setText(QCoreApplication.translate("LoginDialog", u"Database:", None))
#if QT_CONFIG(tooltip)
        self.database_label.setToolTip(QCoreApplication.translate("LoginDialog", u"The database this sign-in opens", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
