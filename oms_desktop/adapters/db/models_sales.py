"""Tables of the sales facts: what was sold and returned per local day, kept in the transactions that confirm, cancel
or take back an order (``services/sales_facts.py``), so the sales report reads a few rows instead of every order.

``sales_facts`` holds one row per (day, product, channel, agent): units, net revenue (net of the order's goods
allowances, ``domain/sales.py``), the orders that held the product, and the units and value returned.
``sales_day_facts`` holds the same figures per (day, channel, agent) without the product: there an order counts once
however many products it holds, so the report by day, week, month, channel or agent sums a few hundred rows a year
and gets exact order counts and average order values. ``agent_id`` is the user who took the order (0: none).

Both are derived: ``oms check sales`` recomputes them from the orders, their lines and allowances, the status history
and the returns, and names every difference. A credit note changes neither (it corrects an invoice; the goods that
came back are a return). On SQLite both are WITHOUT ROWID tables: the rows are stored in key order, so a period is one
range of the primary key.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, Id, Minor


class SalesFact(Base):
    __tablename__ = "sales_facts"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    product_id: Mapped[int] = mapped_column(Id, primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    agent_id: Mapped[int] = mapped_column(Id, primary_key=True)
    units: Mapped[int] = mapped_column(Integer, default=0)
    net_minor: Mapped[int] = mapped_column(Minor, default=0)
    orders: Mapped[int] = mapped_column(Integer, default=0)          # orders that held the product
    returned_units: Mapped[int] = mapped_column(Integer, default=0)
    returned_minor: Mapped[int] = mapped_column(Minor, default=0)
    __table_args__ = (Index("ix_sales_facts_product_day", "product_id", "day"), {"sqlite_with_rowid": False})


class SalesDayFact(Base):
    __tablename__ = "sales_day_facts"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    agent_id: Mapped[int] = mapped_column(Id, primary_key=True)
    orders: Mapped[int] = mapped_column(Integer, default=0)
    units: Mapped[int] = mapped_column(Integer, default=0)
    net_minor: Mapped[int] = mapped_column(Minor, default=0)
    returned_units: Mapped[int] = mapped_column(Integer, default=0)
    returned_minor: Mapped[int] = mapped_column(Minor, default=0)
    __table_args__ = {"sqlite_with_rowid": False}
