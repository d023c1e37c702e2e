"""rights requests, restricted and protected-identity people

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('protected_identity', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('restricted_at', sa.DateTime(timezone=True),
                                      nullable=True))
    op.create_table('rights_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('public_id', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('requested_by_role', sa.String(length=20), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('handled_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('erasure', 'restriction')",
                       name=op.f('ck_rights_request_kind_known')),
    sa.CheckConstraint("outcome IS NULL OR outcome IN ('erased', 'restricted')",
                       name=op.f('ck_rights_request_outcome_known')),
    sa.ForeignKeyConstraint(['handled_by_id'], ['user_account.id'],
                            name=op.f('fk_rights_request_handled_by_id_user_account'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'],
                            name=op.f('fk_rights_request_person_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['user_account.id'],
                            name=op.f('fk_rights_request_requested_by_id_user_account'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rights_request'))
    )
    with op.batch_alter_table('rights_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rights_request_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_rights_request_person_id'), ['person_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('rights_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rights_request_person_id'))
        batch_op.drop_index(batch_op.f('ix_rights_request_due_at'))
    op.drop_table('rights_request')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('restricted_at')
        batch_op.drop_column('protected_identity')
