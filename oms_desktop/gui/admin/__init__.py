"""The administrator's dialogs on the File menu: users, company settings, the audit trail (managers read it too)."""
