"""Indexes chosen from the hot queries' plans, and the search indexes that live outside the models.

Plain indexes are declared here so the models stay the schema's single description (migrations 0005 and 0006
create them). The search indexes cannot be models: SQLite keeps them as FTS5 virtual tables (external content, kept
in step by triggers), PostgreSQL as pg_trgm GIN indexes (plus a ``text_pattern_ops`` index for SKU prefixes).
``is_search_index`` tells Alembic's comparison to leave those alone.

The product type-ahead matches the start of words (migration 0006): ``product_words`` holds every word of every
product name with its position, the product's SKU and whether it is active, so a typed word prefix is one range of
an index that carries everything the ranking needs (no product row is read before the page is known). The database
fills it by trigger on every write, bulk loads included: PostgreSQL splits ``lower(name)`` at every run of
characters that are not letters or digits; SQLite lets FTS5's ``unicode61`` tokenizer do the same (a scratch
contentless FTS5 table tokenizes the new name inside the trigger; SQLite's own ``lower()`` knows only ASCII).
``typed_words`` splits what the user typed by the same rule.
"""
from __future__ import annotations

import re

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, Table, Text

from . import models as m

# A customer's order history, newest first (order entry shows the caller's last orders).
Index("ix_orders_customer_created", m.Order.__table__.c.customer_id, m.Order.__table__.c.created_at)

# Words compare and sort by code point on both databases (PostgreSQL's "C" collation is SQLite's BINARY), so a
# prefix is the index range [w, w + U+10FFFF) whatever the database's locale.
_CODEPOINT_TEXT = Text().with_variant(Text(collation="C"), "postgresql")

product_words = Table(
    "product_words", m.Base.metadata,
    Column("product_id", m.Id, ForeignKey("products.id", ondelete="CASCADE"), primary_key=True),
    Column("pos", Integer, primary_key=True, autoincrement=False),  # 0 for the name's first word
    Column("word", _CODEPOINT_TEXT, nullable=False),                 # lower case
    Column("sku", _CODEPOINT_TEXT, nullable=False),                  # the product's, to rank ties without its row
    Column("active", Boolean, nullable=False),
    sqlite_with_rowid=False,
)
# A typed prefix: one index range, read without the table (word, then what ranking and filtering need).
Index("ix_product_words_word", product_words.c.word, product_words.c.sku, product_words.c.product_id,
      product_words.c.pos, product_words.c.active)
# Names whose first word starts with what was typed, alone: the first page of a short, common prefix ("s") is found
# there without gathering every product with any word starting with "s".
Index("ix_product_words_first", product_words.c.word, product_words.c.sku, product_words.c.product_id,
      product_words.c.active, sqlite_where=product_words.c.pos == 0, postgresql_where=product_words.c.pos == 0)

SQLITE_FTS = {  # FTS5 table -> (content table, indexed column)
    "customers_fts": ("customers", "name_lower"),
    "customer_phones_fts": ("customer_phones", "digits"),
    "products_name_fts": ("products", "name"),           # unicode61 words with prefix indexes: several typed words
    "product_name_tokens": ("", "name"),                 # contentless scratch table: tokenizes one name in a trigger
}
PG_TRIGRAM_INDEXES = {  # index -> (table, column); GIN gin_trgm_ops serves LIKE '%x%' and LIKE 'x%'
    "ix_customers_name_trgm": ("customers", "name_lower"),
    "ix_customers_email_trgm": ("customers", "email_lower"),
    "ix_customer_phones_digits_trgm": ("customer_phones", "digits"),
}
PG_PATTERN_INDEXES = {"ix_products_sku_pattern": ("products", "sku")}  # btree text_pattern_ops: SKU prefix
# The words of a product name as a tsvector (product_name_words(), the split product_words is filled by, without
# positions), GIN-indexed as ix_products_name_words: several typed words are an AND of prefix lexemes,
# 'oak':* & 'desk':*. The query must repeat the index's expression exactly.
PG_NAME_WORDS_TSVECTOR = "array_to_tsvector(product_name_words(products.name))"
PG_WORD_INDEXES = {"ix_products_name_words": ("products", "name")}
MIN_TRIGRAM_WORD = 3  # a trigram index can only look up words of three or more characters
WORD_POSITION_WEIGHT = 64  # a typed word's score: its position in the name * 64, + 1 if it is only a word's start

_WORD = re.compile(r"[^\W_]+")  # runs of letters and digits (FTS5 unicode61 and PostgreSQL [[:alnum:]] alike)


def typed_words(text: str) -> list[str]:
    """The distinct words of what was typed, lower case, in the order typed: ``'Oak  desk-lamp'`` ->
    ``['oak', 'desk', 'lamp']``; punctuation separates words as it does in ``product_words``."""
    return list(dict.fromkeys(_WORD.findall((text or "").lower())))


def is_search_index(name: str | None, type_: str) -> bool:
    """True for the search indexes kept outside the models (FTS5 tables and their shadow tables, pg_trgm indexes)."""
    if not name:
        return False
    if type_ == "table":
        return any(name == t or name.startswith(t + "_") for t in SQLITE_FTS)
    if type_ == "index":
        return name in PG_TRIGRAM_INDEXES or name in PG_PATTERN_INDEXES or name in PG_WORD_INDEXES
    return False


def include_name(name, type_, parent_names) -> bool:
    """Alembic ``include_name`` hook: compare everything but the search indexes."""
    return not is_search_index(name, type_)
