"""grading claims (submission.claim_token), job leases, regrades (previous_score)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-10 09:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claim_token', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('previous_score', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('regraded_at', sa.DateTime(timezone=True), nullable=True))

    op.create_table('job_lease',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('holder', sa.String(length=120), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_job_lease'))
    )


def downgrade() -> None:
    op.drop_table('job_lease')
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_column('regraded_at')
        batch_op.drop_column('previous_score')
        batch_op.drop_column('claim_token')
