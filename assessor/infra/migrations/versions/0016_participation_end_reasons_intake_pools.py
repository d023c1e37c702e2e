"""participation end reasons and intake pools (funding areas, queues, the log)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 13:37:27.793776
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pool_area',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('places BETWEEN 0 AND 100', name=op.f('ck_pool_area_places_range')),
    sa.ForeignKeyConstraint(['programme_id'], ['organisation.id'], name=op.f('fk_pool_area_programme_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pool_area')),
    sa.UniqueConstraint('programme_id', 'name', name='one_name_per_programme')
    )
    with op.batch_alter_table('pool_area', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pool_area_programme_id'), ['programme_id'], unique=False)

    op.create_table('pool_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.Column('lead_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('place_area_id', sa.Integer(), nullable=True),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('admitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("(status IN ('offered', 'admitted')) = (place_area_id IS NOT NULL)", name=op.f('ck_pool_entry_holds_when_offered_or_admitted')),
    sa.CheckConstraint("status IN ('waiting', 'offered', 'admitted', 'ended', 'left')", name=op.f('ck_pool_entry_status_known')),
    sa.CheckConstraint('lead_id IS NOT NULL OR person_id IS NOT NULL', name=op.f('ck_pool_entry_someone')),
    sa.ForeignKeyConstraint(['area_id'], ['pool_area.id'], name=op.f('fk_pool_entry_area_id_pool_area'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name=op.f('fk_pool_entry_lead_id_lead'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_pool_entry_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_area_id'], ['pool_area.id'], name=op.f('fk_pool_entry_place_area_id_pool_area')),
    sa.ForeignKeyConstraint(['programme_id'], ['organisation.id'], name=op.f('fk_pool_entry_programme_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pool_entry'))
    )
    with op.batch_alter_table('pool_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pool_entry_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pool_entry_lead_id'), ['lead_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pool_entry_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pool_entry_programme_id'), ['programme_id'], unique=False)

    op.create_table('pool_move',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=True),
    sa.Column('area_name', sa.String(length=100), nullable=False),
    sa.Column('from_area_name', sa.String(length=100), nullable=False),
    sa.Column('own_area_name', sa.String(length=100), nullable=False),
    sa.Column('places', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=20), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('queued', 'own', 'lent', 'given_back', 'admitted', 'ended', 'left_queue', 'places')", name=op.f('ck_pool_move_kind_known')),
    sa.CheckConstraint("reason IS NULL OR reason IN ('completed', 'other_job', 'studies', 'health', 'interest', 'moved', 'other')", name=op.f('ck_pool_move_reason_known')),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_pool_move_actor_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['entry_id'], ['pool_entry.id'], name=op.f('fk_pool_move_entry_id_pool_entry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['organisation.id'], name=op.f('fk_pool_move_programme_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pool_move'))
    )
    with op.batch_alter_table('pool_move', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pool_move_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pool_move_programme_id'), ['programme_id'], unique=False)

    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('end_reason', sa.String(length=20), nullable=True))
        batch_op.create_check_constraint(
            op.f('ck_participation_end_reason_known'),
            "end_reason IS NULL OR end_reason IN ('completed', 'other_job', 'studies', "
            "'health', 'interest', 'moved', 'other')")
        batch_op.create_check_constraint(op.f('ck_participation_ended_why'),
                                         'end_reason IS NULL OR left_on IS NOT NULL')



def downgrade() -> None:
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_participation_ended_why'), type_='check')
        batch_op.drop_constraint(op.f('ck_participation_end_reason_known'), type_='check')
        batch_op.drop_column('end_reason')

    with op.batch_alter_table('pool_move', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pool_move_programme_id'))
        batch_op.drop_index(batch_op.f('ix_pool_move_entry_id'))

    op.drop_table('pool_move')
    with op.batch_alter_table('pool_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pool_entry_programme_id'))
        batch_op.drop_index(batch_op.f('ix_pool_entry_person_id'))
        batch_op.drop_index(batch_op.f('ix_pool_entry_lead_id'))
        batch_op.drop_index(batch_op.f('ix_pool_entry_area_id'))

    op.drop_table('pool_entry')
    with op.batch_alter_table('pool_area', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pool_area_programme_id'))

    op.drop_table('pool_area')
