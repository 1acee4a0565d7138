"""word-prefix product search: product_words (every name word with its position), kept in step by triggers

Revision ID: 0006
Revises: 0005

The product type-ahead now matches the start of words ("lamp" finds "Desk lamp", not "Clamp") and ranks by where
the typed words stand in the name. ``product_words`` holds (product, position, word, SKU, active) with a covering
index on the word, so a typed prefix is one index range; a partial index on first words serves short, common
prefixes. Triggers fill it on every write to products, bulk loads (COPY, executemany) included:
- PostgreSQL: a PL/pgSQL trigger splits ``lower(name)`` at runs of characters that are not letters or digits
  (function product_name_words, also the GIN index's expression).
- SQLite: triggers cannot split a string, so FTS5's unicode61 tokenizer does it: the new name goes into a scratch
  contentless FTS5 table, its ``fts5vocab`` instance table yields (word, position), and the scratch index is emptied
  again, all inside the trigger.
Several typed words are first intersected in an inverted index of the names: SQLite an FTS5 table (unicode61, prefix
indexes, kept in step by triggers), PostgreSQL a GIN index on a tsvector of the same words (an expression index).
The trigram indexes on products.search_text (SQLite products_fts, PostgreSQL ix_products_search_trgm) served the
substring search this replaces; they are dropped (downgrade recreates them). The customers' trigram indexes stay.
Beware, as in 0005: a later batch migration that recreates products on SQLite drops these triggers with the old
table and must create them again (tests/integration/test_product_search.py checks that the words follow writes).
"""
from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_CODEPOINT_TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")

# SQLite: the name's words with their positions, from FTS5's tokenizer (see the module docstring).
_SQLITE_FILL_WORDS = (
    "INSERT INTO product_name_tokens(rowid, name) VALUES (new.id, new.name); "
    "INSERT INTO product_words (product_id, pos, word, sku, active) "
    "SELECT new.id, \"offset\", term, new.sku, new.active FROM product_name_tokens_instance; "
    "INSERT INTO product_name_tokens(product_name_tokens) VALUES ('delete-all'); ")

# The one definition of a name's words on PostgreSQL. PL/pgSQL (never inlined) so that its declared cost stands:
# the planner must not think that splitting 100,000 names in a sequential scan is cheaper than the GIN index.
_PG_WORDS_FUNCTION = """
CREATE FUNCTION product_name_words(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
COST 1000 AS $$
BEGIN
    RETURN array_remove(regexp_split_to_array(lower(name), '[^[:alnum:]]+'), '');
END
$$"""

_PG_SYNC_FUNCTION = """
CREATE FUNCTION product_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM product_words WHERE product_id = old.id;
    END IF;
    INSERT INTO product_words (product_id, pos, word, sku, active)
    SELECT new.id, w.n - 1, w.word, new.sku, new.active
    FROM unnest(product_name_words(new.name)) WITH ORDINALITY AS w(word, n);
    RETURN NULL;
END
$$"""

# PostgreSQL: the same words as a tsvector, GIN-indexed, for several typed words at once ('oak':* & 'desk':*)
_PG_NAME_WORDS = "array_to_tsvector(product_name_words(products.name))"

# 0005's trigram index on products.search_text, for the downgrade
_OLD_FTS = ("products_fts", "products", "search_text")
_OLD_TRGM = "ix_products_search_trgm"


def upgrade() -> None:
    op.create_table(
        'product_words',
        sa.Column('product_id', _ID, nullable=False),
        sa.Column('pos', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('word', _CODEPOINT_TEXT, nullable=False),
        sa.Column('sku', _CODEPOINT_TEXT, nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'], name='fk_product_words_product_id_products',
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('product_id', 'pos', name='pk_product_words'),
        sqlite_with_rowid=False,
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE product_name_tokens USING fts5(name, content='', "
                   "tokenize='unicode61 remove_diacritics 0')")
        op.execute("CREATE VIRTUAL TABLE product_name_tokens_instance USING fts5vocab(product_name_tokens, instance)")
        # the words of the names there are, all at once (the triggers below do one name at a time)
        op.execute("INSERT INTO product_name_tokens(rowid, name) SELECT id, name FROM products")
        op.execute("INSERT INTO product_words (product_id, pos, word, sku, active) "
                   "SELECT p.id, v.\"offset\", v.term, p.sku, p.active "
                   "FROM product_name_tokens_instance v JOIN products p ON p.id = v.doc")
        op.execute("INSERT INTO product_name_tokens(product_name_tokens) VALUES ('delete-all')")
        op.execute("CREATE TRIGGER product_words_ai AFTER INSERT ON products BEGIN " + _SQLITE_FILL_WORDS + "END")
        op.execute("CREATE TRIGGER product_words_au AFTER UPDATE OF name, sku, active ON products BEGIN "
                   "DELETE FROM product_words WHERE product_id = old.id; " + _SQLITE_FILL_WORDS + "END")
        op.execute("CREATE TRIGGER product_words_ad AFTER DELETE ON products BEGIN "
                   "DELETE FROM product_words WHERE product_id = old.id; END")  # also without foreign_keys=ON
        op.execute("CREATE VIRTUAL TABLE products_name_fts USING fts5(name, content='products', content_rowid='id', "
                   "tokenize='unicode61 remove_diacritics 0', prefix='1 2')")
        op.execute("CREATE TRIGGER products_name_fts_ai AFTER INSERT ON products BEGIN "
                   "INSERT INTO products_name_fts(rowid, name) VALUES (new.id, new.name); END")
        op.execute("CREATE TRIGGER products_name_fts_ad AFTER DELETE ON products BEGIN "
                   "INSERT INTO products_name_fts(products_name_fts, rowid, name) VALUES ('delete', old.id, old.name); "
                   "END")
        op.execute("CREATE TRIGGER products_name_fts_au AFTER UPDATE OF name ON products BEGIN "
                   "INSERT INTO products_name_fts(products_name_fts, rowid, name) VALUES ('delete', old.id, old.name); "
                   "INSERT INTO products_name_fts(rowid, name) VALUES (new.id, new.name); END")
        op.execute("INSERT INTO products_name_fts(products_name_fts) VALUES ('rebuild')")
        fts = _OLD_FTS[0]
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
    elif bind.dialect.name == "postgresql":
        op.execute(_PG_WORDS_FUNCTION)
        op.execute("INSERT INTO product_words (product_id, pos, word, sku, active) "
                   "SELECT p.id, w.n - 1, w.word, p.sku, p.active FROM products p, "
                   "unnest(product_name_words(p.name)) WITH ORDINALITY AS w(word, n)")
        op.execute(_PG_SYNC_FUNCTION)
        op.execute("CREATE TRIGGER product_words_sync AFTER INSERT OR UPDATE OF name, sku, active ON products "
                   "FOR EACH ROW EXECUTE FUNCTION product_words_sync()")
        op.execute(f"CREATE INDEX ix_products_name_words ON products USING gin (({_PG_NAME_WORDS})) "
                   "WITH (fastupdate = off)")  # no pending list: searches fast right after bulk loads
        op.execute(f"DROP INDEX IF EXISTS {_OLD_TRGM}")
    with op.batch_alter_table('product_words', schema=None) as batch_op:
        batch_op.create_index('ix_product_words_word', ['word', 'sku', 'product_id', 'pos', 'active'], unique=False)
        batch_op.create_index('ix_product_words_first', ['word', 'sku', 'product_id', 'active'], unique=False,
                              sqlite_where=sa.text('pos = 0'), postgresql_where=sa.text('pos = 0'))
    if bind.dialect.name == "postgresql":
        op.execute("ANALYZE product_words")  # the planner's statistics for the rows just written


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("product_words_ai", "product_words_au", "product_words_ad",
                        "products_name_fts_ai", "products_name_fts_ad", "products_name_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for table in ("products_name_fts", "product_name_tokens_instance", "product_name_tokens"):
            op.execute(f"DROP TABLE IF EXISTS {table}")
        fts, table, col = _OLD_FTS
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({col}, content='{table}', content_rowid='id', "
                   "tokenize='trigram')")
        op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col}); END")
        op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col}); END")
        op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {col} ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col}); "
                   f"INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col}); END")
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS product_words_sync ON products")
        op.execute("DROP FUNCTION IF EXISTS product_words_sync()")
        op.execute("DROP INDEX IF EXISTS ix_products_name_words")
        op.execute("DROP FUNCTION IF EXISTS product_name_words(text)")
        has_trgm = bind.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").scalar()
        if has_trgm:  # 0005 created it only where the extension could be created
            op.execute(f"CREATE INDEX {_OLD_TRGM} ON products USING gin (search_text gin_trgm_ops)")
    with op.batch_alter_table('product_words', schema=None) as batch_op:
        batch_op.drop_index('ix_product_words_first')
        batch_op.drop_index('ix_product_words_word')
    op.drop_table('product_words')
