"""edit stamps: the version of products, customers and settings as edited in forms (issue 18)

Revision ID: 0025
Revises: 0021

New table: ``edit_stamps`` (entity, key, version, when and by whom it was last saved). A form saves with the version
it showed; a save over a newer version is refused naming who changed it and when. Nothing existing changes.
"""
from alembic import op
import sqlalchemy as sa

revision = '0025'
down_revision = '0021'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table('edit_stamps',
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('entity_key', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', ID, nullable=True),
    sa.CheckConstraint('version > 0', name=op.f('ck_edit_stamps_version_positive')),
    sa.ForeignKeyConstraint(['updated_by'], ['users.id'], name=op.f('fk_edit_stamps_updated_by_users')),
    sa.PrimaryKeyConstraint('entity', 'entity_key', name=op.f('pk_edit_stamps'))
    )


def downgrade() -> None:
    op.drop_table('edit_stamps')
