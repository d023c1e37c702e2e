"""leads: a code name and protected identity; funder goals: any number, each with a name;
profiles: the place a person travels from and how far

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 13:55:00
"""
import secrets

from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # as assessor.models.person.new_public_id


def _code_name() -> str:
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"K-{chars[:4]}-{chars[4:]}"


def upgrade() -> None:
    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_id', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('protected_identity', sa.Boolean(),
                                      server_default=sa.false(), nullable=False))
    bind = op.get_bind()
    lead = sa.table('lead', sa.column('id', sa.Integer), sa.column('public_id', sa.String))
    for (lead_id,) in bind.execute(sa.select(lead.c.id)).all():
        bind.execute(sa.update(lead).where(lead.c.id == lead_id).values(public_id=_code_name()))
    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.alter_column('public_id', existing_type=sa.String(length=16), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_lead_public_id'), ['public_id'])

    with op.batch_alter_table('funder_goal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=120), server_default='',
                                      nullable=False))
        batch_op.drop_constraint('one_per_outcome', type_='unique')

    with op.batch_alter_table('working_profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('home_place', sa.String(length=100), server_default='',
                                      nullable=False))
        batch_op.add_column(sa.Column('max_travel_km', sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            batch_op.f('ck_working_profile_max_travel_km_range'),
            'max_travel_km IS NULL OR max_travel_km BETWEEN 1 AND 500')


def downgrade() -> None:
    with op.batch_alter_table('working_profile', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_working_profile_max_travel_km_range'),
                                 type_='check')
        batch_op.drop_column('max_travel_km')
        batch_op.drop_column('home_place')

    bind = op.get_bind()
    goal = sa.table('funder_goal', sa.column('id', sa.Integer),
                    sa.column('organisation_id', sa.Integer), sa.column('outcome', sa.String))
    kept = sa.select(sa.func.min(goal.c.id)).group_by(goal.c.organisation_id, goal.c.outcome)
    bind.execute(sa.delete(goal).where(goal.c.id.not_in(kept)))  # one per outcome again
    with op.batch_alter_table('funder_goal', schema=None) as batch_op:
        batch_op.create_unique_constraint('one_per_outcome', ['organisation_id', 'outcome'])
        batch_op.drop_column('name')

    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_lead_public_id'), type_='unique')
        batch_op.drop_column('protected_identity')
        batch_op.drop_column('public_id')
