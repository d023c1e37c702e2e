"""admin settings (the guests' retention days), a guest's address for the claim link

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 13:40:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('admin_setting',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['changed_by_id'], ['user_account.id'], name=op.f('fk_admin_setting_changed_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_admin_setting'))
    )
    with op.batch_alter_table('event_participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claim_email', sa.String(length=254), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('event_participant', schema=None) as batch_op:
        batch_op.drop_column('claim_email')

    op.drop_table('admin_setting')
