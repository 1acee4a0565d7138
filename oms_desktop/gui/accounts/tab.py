"""The accounts tab (to be built)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class AccountsTab(QWidget):
    def __init__(self, services, actor, jobs, parent=None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        layout = QVBoxLayout(self)
        label = QLabel("Accounts: coming soon.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)

    def on_events(self, events: list) -> None:
        pass
