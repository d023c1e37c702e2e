"""regrade runs and their hand-ins; filed report snapshots

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 14:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('regrade_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.String(length=100), nullable=False),
    sa.Column('since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.Column('started_by_role', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['started_by_id'], ['user_account.id'], name=op.f('fk_regrade_run_started_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regrade_run'))
    )
    with op.batch_alter_table('regrade_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_regrade_run_challenge_id'), ['challenge_id'], unique=False)

    op.create_table('regrade_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('old_score', sa.Double(), nullable=True),
    sa.Column('new_score', sa.Double(), nullable=True),
    sa.Column('outcome', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['regrade_run.id'], name=op.f('fk_regrade_item_run_id_regrade_run'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_regrade_item_submission_id_submission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regrade_item')),
    sa.UniqueConstraint('run_id', 'submission_id', name='once_per_run')
    )
    with op.batch_alter_table('regrade_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_regrade_item_run_id'), ['run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_regrade_item_submission_id'), ['submission_id'], unique=False)

    op.create_table('report_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('delivered_by_id', sa.Integer(), nullable=True),
    sa.Column('delivered_by_role', sa.String(length=20), nullable=False),
    sa.Column('delivered_for_id', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('bank_version', sa.String(length=400), nullable=False),
    sa.Column('locale', sa.String(length=5), nullable=False),
    sa.Column('filename', sa.String(length=120), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.CheckConstraint('length(sha256) = 64', name=op.f('ck_report_snapshot_sha256_hex')),
    sa.ForeignKeyConstraint(['delivered_by_id'], ['user_account.id'], name=op.f('fk_report_snapshot_delivered_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['delivered_for_id'], ['organisation.id'], name=op.f('fk_report_snapshot_delivered_for_id_organisation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_report_snapshot_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_snapshot'))
    )
    with op.batch_alter_table('report_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_snapshot_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('report_snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_snapshot_person_id'))
    op.drop_table('report_snapshot')
    with op.batch_alter_table('regrade_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_regrade_item_submission_id'))
        batch_op.drop_index(batch_op.f('ix_regrade_item_run_id'))
    op.drop_table('regrade_item')
    with op.batch_alter_table('regrade_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_regrade_run_challenge_id'))
    op.drop_table('regrade_run')
