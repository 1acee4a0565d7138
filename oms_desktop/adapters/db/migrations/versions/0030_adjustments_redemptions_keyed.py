"""an order's allowances keyed (order_id, seq), a coupon's redemption keyed by its order; WITHOUT ROWID on SQLite
(issue 13)

Revision ID: 0030
Revises: 0029

``order_adjustments`` and ``coupon_redemptions`` had a surrogate ``id`` that nothing reads or refers to, beside the
key every read uses (an order's allowances by ``(order_id, seq)``, an order's redemption by ``order_id``, each a
unique index). Placing an order with promotions and a coupon therefore wrote two b-trees more than it needs: on
SQLite each is a page more in the write-ahead log of every such order (``oms bench``'s promotions row: six pages
more than a plain order, now four), on PostgreSQL an index more to update. The natural keys become the primary
keys and the ``id`` columns go; on SQLite the tables are WITHOUT ROWID (the rows are stored in key order, the key is
the table), as the sales facts of 0010 are. ``ix_coupon_redemptions_coupon_customer`` (a customer's uses of a
coupon) stays.

SQLite cannot change a primary key in place: both tables are rebuilt (rows copied, none changed). The two triggers
of 0029 on ``orders`` name ``coupon_redemptions`` in their bodies, so they are dropped first and created again as
0029 made them; the trigger of 0028 on ``coupon_redemptions`` goes with its table and is created again too. The
downgrade gives the tables their ``id`` back (new numbers) and their unique keys.
"""
from alembic import op
import sqlalchemy as sa

revision = '0030'
down_revision = '0029'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# as migrations 0028 and 0029 made them (a migration does not change with the code)
_COUNT_USE = ("CREATE TRIGGER coupon_redemptions_count_use AFTER INSERT ON coupon_redemptions "
              "BEGIN UPDATE coupons SET uses = uses + 1 WHERE id = NEW.coupon_id; END")
_USABLE = ("SELECT 1 FROM coupons WHERE id = NEW.coupon_id AND active "
           "AND (max_uses IS NULL OR uses < max_uses)")
_REDEEM = ("INSERT INTO coupon_redemptions (coupon_id, order_id, customer_id, at) "
           "VALUES (NEW.coupon_id, NEW.id, NEW.customer_id, COALESCE(NEW.confirmed_at, NEW.updated_at))")
_BODY = f"BEGIN SELECT RAISE(ABORT, 'oms: coupon used up') WHERE NOT EXISTS ({_USABLE}); {_REDEEM}; END"
_REDEEM_TRIGGERS = (
    ("orders_redeem_coupon", "CREATE TRIGGER orders_redeem_coupon AFTER INSERT ON orders "
                             f"WHEN NEW.coupon_id IS NOT NULL AND NEW.status = 'confirmed' {_BODY}"),
    ("orders_redeem_coupon_on_confirm", "CREATE TRIGGER orders_redeem_coupon_on_confirm AFTER UPDATE OF status ON "
                                        "orders WHEN NEW.coupon_id IS NOT NULL AND OLD.status = 'draft' "
                                        f"AND NEW.status = 'confirmed' {_BODY}"),
)

_ADJUSTMENT_COLUMNS = ("order_id", "seq", "kind", "source_id", "label", "tax_rate_bp", "amount_minor", "net_minor",
                       "tax_minor")
_REDEMPTION_COLUMNS = ("coupon_id", "order_id", "customer_id", "at")


def _adjustments_table(name: str, keyed: bool) -> None:
    op.create_table(
        name,
        *([] if keyed else [sa.Column('id', ID, nullable=False)]),
        sa.Column('order_id', ID, nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=True),
        sa.Column('label', sa.String(length=200), nullable=False),
        sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
        sa.Column('amount_minor', ID, nullable=False),
        sa.Column('net_minor', ID, nullable=False),
        sa.Column('tax_minor', ID, nullable=False),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name='fk_order_adjustments_order_id_orders'),
        *([sa.PrimaryKeyConstraint('order_id', 'seq', name='pk_order_adjustments')] if keyed else
          [sa.PrimaryKeyConstraint('id', name='pk_order_adjustments'),
           sa.UniqueConstraint('order_id', 'seq', name='uq_order_adjustments_order_seq')]),
        sqlite_with_rowid=not keyed,
    )


def _redemptions_table(name: str, keyed: bool) -> None:
    op.create_table(
        name,
        *([] if keyed else [sa.Column('id', ID, nullable=False)]),
        sa.Column('coupon_id', ID, nullable=False),
        sa.Column('order_id', ID, nullable=False, autoincrement=False),
        sa.Column('customer_id', ID, nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['coupon_id'], ['coupons.id'], name='fk_coupon_redemptions_coupon_id_coupons'),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name='fk_coupon_redemptions_customer_id_customers'),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name='fk_coupon_redemptions_order_id_orders'),
        *([sa.PrimaryKeyConstraint('order_id', name='pk_coupon_redemptions')] if keyed else
          [sa.PrimaryKeyConstraint('id', name='pk_coupon_redemptions'),
           sa.UniqueConstraint('order_id', name='uq_coupon_redemptions_order_id')]),
        sqlite_with_rowid=not keyed,
    )


def _rebuild_sqlite(keyed: bool) -> None:
    for name, _ in _REDEEM_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table, make, columns, order in (
            ("order_adjustments", _adjustments_table, _ADJUSTMENT_COLUMNS, "order_id, seq"),
            ("coupon_redemptions", _redemptions_table, _REDEMPTION_COLUMNS, "order_id")):
        make(f"_new_{table}", keyed)
        listed = ", ".join(columns)
        op.execute(f"INSERT INTO _new_{table} ({listed}) SELECT {listed} FROM {table} ORDER BY {order}")
        op.execute(f"DROP TABLE {table}")  # its indexes and triggers go with it
        op.execute(f"ALTER TABLE _new_{table} RENAME TO {table}")
    op.create_index('ix_coupon_redemptions_coupon_customer', 'coupon_redemptions', ['coupon_id', 'customer_id'],
                    unique=False)
    op.execute(_COUNT_USE)
    for _, create in _REDEEM_TRIGGERS:
        op.execute(create)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(keyed=True)
        return
    op.execute("ALTER TABLE order_adjustments DROP CONSTRAINT pk_order_adjustments, "
               "DROP CONSTRAINT uq_order_adjustments_order_seq, DROP COLUMN id, "
               "ADD CONSTRAINT pk_order_adjustments PRIMARY KEY (order_id, seq)")
    op.execute("ALTER TABLE coupon_redemptions DROP CONSTRAINT pk_coupon_redemptions, "
               "DROP CONSTRAINT uq_coupon_redemptions_order_id, DROP COLUMN id, "
               "ADD CONSTRAINT pk_coupon_redemptions PRIMARY KEY (order_id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(keyed=False)
        return
    for table, key, unique in (("order_adjustments", "order_id, seq", "uq_order_adjustments_order_seq"),
                               ("coupon_redemptions", "order_id", "uq_coupon_redemptions_order_id")):
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT pk_{table}, ADD COLUMN id BIGSERIAL NOT NULL, "
                   f"ADD CONSTRAINT pk_{table} PRIMARY KEY (id), ADD CONSTRAINT {unique} UNIQUE ({key})")
