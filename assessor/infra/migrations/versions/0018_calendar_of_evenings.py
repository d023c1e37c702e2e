"""calendar of evenings, breaks, cancellations, sign-ups

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 13:35:20.086568
"""
from alembic import op
import sqlalchemy as sa


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evening_interest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('email_key', sa.String(length=254), nullable=False),
    sa.Column('locale', sa.String(length=5), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['organisation.id'], name=op.f('fk_evening_interest_programme_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evening_interest')),
    sa.UniqueConstraint('programme_id', 'day', 'email_key', name='one_sign_up_per_address'),
    sa.UniqueConstraint('token_hash', name=op.f('uq_evening_interest_token_hash'))
    )
    with op.batch_alter_table('evening_interest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evening_interest_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_evening_interest_programme_id'), ['programme_id'], unique=False)

    op.create_table('cancelled_evening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['cancelled_by_id'], ['user_account.id'], name=op.f('fk_cancelled_evening_cancelled_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['organisation.id'], name=op.f('fk_cancelled_evening_programme_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cancelled_evening')),
    sa.UniqueConstraint('programme_id', 'day', name='cancelled_once')
    )
    with op.batch_alter_table('cancelled_evening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cancelled_evening_programme_id'), ['programme_id'], unique=False)

    op.create_table('evening_schedule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('starts', sa.Time(), nullable=False),
    sa.Column('ends', sa.Time(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('remote', sa.Boolean(), nullable=False),
    sa.Column('video_link', sa.String(length=500), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('ends > starts', name=op.f('ck_evening_schedule_ends_after_start')),
    sa.CheckConstraint('weekday >= 0 AND weekday <= 6', name=op.f('ck_evening_schedule_weekday_known')),
    sa.ForeignKeyConstraint(['programme_id'], ['organisation.id'], name=op.f('fk_evening_schedule_programme_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_evening_schedule_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evening_schedule')),
    sa.UniqueConstraint('programme_id', name=op.f('uq_evening_schedule_programme_id'))
    )
    op.create_table('schedule_break',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('schedule_id', sa.Integer(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.CheckConstraint('last_day >= first_day', name=op.f('ck_schedule_break_break_in_order')),
    sa.ForeignKeyConstraint(['schedule_id'], ['evening_schedule.id'], name=op.f('fk_schedule_break_schedule_id_evening_schedule'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedule_break'))
    )
    with op.batch_alter_table('schedule_break', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_schedule_break_schedule_id'), ['schedule_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('schedule_break', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_schedule_break_schedule_id'))

    op.drop_table('schedule_break')
    op.drop_table('evening_schedule')
    with op.batch_alter_table('cancelled_evening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cancelled_evening_programme_id'))

    op.drop_table('cancelled_evening')
    with op.batch_alter_table('evening_interest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evening_interest_programme_id'))
        batch_op.drop_index(batch_op.f('ix_evening_interest_day'))

    op.drop_table('evening_interest')
