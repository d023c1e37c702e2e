"""placements, follow-ups, participation, funder goals

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 11:58:17.129925
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('funder_goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('percent BETWEEN 0 AND 100', name=op.f('ck_funder_goal_percent_range')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_funder_goal_organisation_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_funder_goal_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funder_goal')),
    sa.UniqueConstraint('organisation_id', 'outcome', name='one_per_outcome')
    )
    with op.batch_alter_table('funder_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funder_goal_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('participation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('enrolled_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('course_passed_on', sa.Date(), nullable=True),
    sa.Column('studies_from', sa.Date(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100', name=op.f('ck_participation_birth_year_range')),
    sa.CheckConstraint('left_on IS NULL OR enrolled_on IS NULL OR left_on >= enrolled_on', name=op.f('ck_participation_left_after_enrolled')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_participation_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_participation_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participation')),
    sa.UniqueConstraint('person_id', name=op.f('uq_participation_person_id'))
    )
    op.create_table('placement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=True),
    sa.Column('opening_id', sa.Integer(), nullable=True),
    sa.Column('proposal_id', sa.Integer(), nullable=True),
    sa.Column('workplace', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('employment_form', sa.String(length=30), nullable=True),
    sa.Column('hours_per_week', sa.Float(), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('end_reason', sa.String(length=20), nullable=True),
    sa.Column('follow_up_until', sa.Date(), nullable=True),
    sa.Column('coach_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(state = 'ended') = (end_reason IS NOT NULL)", name=op.f('ck_placement_ended_why')),
    sa.CheckConstraint("employment_form IS NULL OR employment_form IN ('unsubsidised', 'wage_subsidy', 'introduction_job', 'new_start_job', 'sheltered', 'other')", name=op.f('ck_placement_form_known')),
    sa.CheckConstraint("end_reason IS NULL OR end_reason IN ('completed', 'other_job', 'studies', 'handed_over', 'health', 'interest', 'employer', 'moved', 'other')", name=op.f('ck_placement_end_reason_known')),
    sa.CheckConstraint("kind IN ('praktik', 'uppdrag', 'social_enterprise', 'uppdragstjanst', 'employment')", name=op.f('ck_placement_kind_known')),
    sa.CheckConstraint("state IN ('proposed', 'interview', 'started', 'employed', 'ended')", name=op.f('ck_placement_state_known')),
    sa.CheckConstraint('hours_per_week IS NULL OR (hours_per_week > 0 AND hours_per_week <= 60)', name=op.f('ck_placement_hours_range')),
    sa.ForeignKeyConstraint(['coach_id'], ['user_account.id'], name=op.f('fk_placement_coach_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_placement_employer_id_employer'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opening_id'], ['opening.id'], name=op.f('fk_placement_opening_id_opening'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_placement_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposal_id'], ['match_proposal.id'], name=op.f('fk_placement_proposal_id_match_proposal'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement')),
    sa.UniqueConstraint('proposal_id', name=op.f('uq_placement_proposal_id'))
    )
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_person_id'), ['person_id'], unique=False)

    op.create_table('placement_follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('with_whom', sa.String(length=20), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('note', sa.String(length=280), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("mode IN ('in_person', 'video', 'phone', 'message')", name=op.f('ck_placement_follow_up_mode_known')),
    sa.CheckConstraint("with_whom IN ('person', 'employer', 'both', 'other')", name=op.f('ck_placement_follow_up_with_whom_known')),
    sa.CheckConstraint('due_on IS NOT NULL OR held_on IS NOT NULL', name=op.f('ck_placement_follow_up_due_or_held')),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_placement_follow_up_placement_id_placement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_placement_follow_up_recorded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_follow_up'))
    )
    with op.batch_alter_table('placement_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_follow_up_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_follow_up_placement_id'), ['placement_id'], unique=False)

    op.create_table('placement_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("reason IS NULL OR reason IN ('completed', 'other_job', 'studies', 'handed_over', 'health', 'interest', 'employer', 'moved', 'other')", name=op.f('ck_placement_step_reason_known')),
    sa.CheckConstraint("state IN ('proposed', 'interview', 'started', 'employed', 'ended')", name=op.f('ck_placement_step_state_known')),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_placement_step_placement_id_placement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_placement_step_recorded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_step'))
    )
    with op.batch_alter_table('placement_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_step_placement_id'), ['placement_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('placement_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_step_placement_id'))

    op.drop_table('placement_step')
    with op.batch_alter_table('placement_follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_follow_up_placement_id'))
        batch_op.drop_index(batch_op.f('ix_placement_follow_up_due_on'))

    op.drop_table('placement_follow_up')
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_person_id'))
        batch_op.drop_index(batch_op.f('ix_placement_employer_id'))

    op.drop_table('placement')
    op.drop_table('participation')
    with op.batch_alter_table('funder_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funder_goal_organisation_id'))

    op.drop_table('funder_goal')
