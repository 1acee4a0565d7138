"""orders by confirmation and cancellation time (issue 14): ix_orders_confirmed_at,
ix_order_status_history_at

Revision ID: 0017
Revises: 0015

The dashboard compares today so far with the same weekday last week up to the same time of day. The sales facts are
kept per day, so that part of a day is recomputed from the documents (``repositories_sales.events`` between two
instants), whose first step selects the orders confirmed in the range: without this index a scan of every order
(about 0.5 s at 1,000,000 orders), with it a range of a few hundred rows; the orders cancelled in the range are
found from their status history's cancellations in it (and, for history loaded without one, the cancelled orders last
updated in it) instead of evaluating every cancelled order's history. The report by customer reads the same way.
"""
from alembic import op

revision = '0017'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_orders_confirmed_at', 'orders', ['confirmed_at'], unique=False)
    # on the instant alone: with to_status first, SQLite would take it for the per-order history lookups too
    op.create_index('ix_order_status_history_at', 'order_status_history', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_order_status_history_at', table_name='order_status_history')
    op.drop_index('ix_orders_confirmed_at', table_name='orders')
