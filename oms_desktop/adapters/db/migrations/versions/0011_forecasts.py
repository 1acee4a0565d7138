"""forecasts: the forecast cache and suppliers' lead times (issue 14, part 2)

Revision ID: 0011
Revises: 0010

New table ``forecast_cache`` (one computed forecast per kind, key, frequency, measure and horizon, the fingerprint of
the sales facts it came from, and the forecast as JSON; derived, so the downgrade simply drops it). New column
``suppliers.lead_days`` (days from order to delivery, 7 for the suppliers already there), which purchase suggestions
by forecast read.
"""
from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('forecast_cache',
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('freq', sa.String(length=5), nullable=False),
    sa.Column('measure', sa.String(length=10), nullable=False),
    sa.Column('horizon', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=200), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'key', 'freq', 'measure', 'horizon', name=op.f('pk_forecast_cache'))
    )
    op.add_column('suppliers', sa.Column('lead_days', sa.Integer(), server_default='7', nullable=False))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN on both (SQLite >= 3.35), as 0009 does
    op.execute("ALTER TABLE suppliers DROP COLUMN lead_days")
    op.drop_table('forecast_cache')
