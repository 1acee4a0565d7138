"""Indexes chosen from the hot queries' plans, and the search indexes that live outside the models.

Plain indexes are declared here so the models stay the schema's single description (migration 0005 creates them).
The search indexes cannot be models: SQLite keeps them as FTS5 virtual tables (trigram tokenizer, external content,
kept in step by triggers), PostgreSQL as pg_trgm GIN indexes (plus a ``text_pattern_ops`` index for SKU prefixes).
``is_search_index`` tells Alembic's comparison to leave those alone.
"""
from __future__ import annotations

from sqlalchemy import Index

from . import models as m

# A customer's order history, newest first (order entry shows the caller's last orders).
Index("ix_orders_customer_created", m.Order.__table__.c.customer_id, m.Order.__table__.c.created_at)

SQLITE_FTS = {  # FTS5 table -> (content table, indexed column)
    "products_fts": ("products", "search_text"),
    "customers_fts": ("customers", "name_lower"),
    "customer_phones_fts": ("customer_phones", "digits"),
}
PG_TRIGRAM_INDEXES = {  # index -> (table, column); GIN gin_trgm_ops serves LIKE '%x%' and LIKE 'x%'
    "ix_products_search_trgm": ("products", "search_text"),
    "ix_customers_name_trgm": ("customers", "name_lower"),
    "ix_customers_email_trgm": ("customers", "email_lower"),
    "ix_customer_phones_digits_trgm": ("customer_phones", "digits"),
}
PG_PATTERN_INDEXES = {"ix_products_sku_pattern": ("products", "sku")}  # btree text_pattern_ops: SKU prefix
MIN_TRIGRAM_WORD = 3  # a trigram index can only look up words of three or more characters


def is_search_index(name: str | None, type_: str) -> bool:
    """True for the search indexes kept outside the models (FTS5 tables and their shadow tables, pg_trgm indexes)."""
    if not name:
        return False
    if type_ == "table":
        return any(name == t or name.startswith(t + "_") for t in SQLITE_FTS)
    if type_ == "index":
        return name in PG_TRIGRAM_INDEXES or name in PG_PATTERN_INDEXES
    return False


def include_name(name, type_, parent_names) -> bool:
    """Alembic ``include_name`` hook: compare everything but the search indexes."""
    return not is_search_index(name, type_)
