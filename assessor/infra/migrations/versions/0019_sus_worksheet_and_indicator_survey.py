"""the SUS consent, SUS registrations, the indicator survey's answers

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 13:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

PURPOSES = "'assessment', 'share_report', 'employer_profile', 'statistics'"
OCCUPATIONS = ("'arbete', 'arbete_med_stod', 'studier', 'arbetssokande', 'daglig_verksamhet', "
               "'praktik', 'ingen'")
EDUCATIONS = "'forgymnasial', 'gymnasial', 'eftergymnasial', 'okand'"
SUPPORT_TIMES = "'ingen', 'under_1_ar', '1_2_ar', '3_4_ar', '5_ar_eller_mer', 'okand'"
END_REASONS = ("'planerat_avslut', 'arbete', 'studier', 'annan_insats', 'sjukdom', 'flytt', "
               "'eget_beslut', 'atertaget_samtycke', 'ej_kontakt', 'felregistrering', 'ovrigt'")


def _purposes(sql: str) -> None:
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_consent_purpose_known'), type_='check')
        batch_op.create_check_constraint('purpose_known', sa.text(sql))


def _known(column: str, values: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"{column} IS NULL OR {column} IN ({values})",
                              name=op.f(f'ck_sus_registration_{column}_known'))


def upgrade() -> None:
    _purposes(f"purpose IN ({PURPOSES}, 'sus')")
    op.create_table('sus_registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('income_before', sa.JSON(), nullable=False),
    sa.Column('occupation_before', sa.String(length=30), nullable=True),
    sa.Column('hours_before', sa.Float(), nullable=True),
    sa.Column('education', sa.String(length=30), nullable=True),
    sa.Column('support_time', sa.String(length=30), nullable=True),
    sa.Column('income_after', sa.JSON(), nullable=False),
    sa.Column('occupation_after', sa.String(length=30), nullable=True),
    sa.Column('hours_after', sa.Float(), nullable=True),
    sa.Column('end_reason', sa.String(length=30), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    _known('occupation_before', OCCUPATIONS), _known('occupation_after', OCCUPATIONS),
    _known('education', EDUCATIONS), _known('support_time', SUPPORT_TIMES),
    _known('end_reason', END_REASONS),
    sa.CheckConstraint('hours_before IS NULL OR hours_before BETWEEN 0 AND 60', name=op.f('ck_sus_registration_hours_before_range')),
    sa.CheckConstraint('hours_after IS NULL OR hours_after BETWEEN 0 AND 60', name=op.f('ck_sus_registration_hours_after_range')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_sus_registration_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_sus_registration_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sus_registration')),
    sa.UniqueConstraint('person_id', name=op.f('uq_sus_registration_person_id'))
    )
    op.create_table('indicator_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('point', sa.String(length=10), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("point IN ('start', 'exit')", name=op.f('ck_indicator_answer_point_known')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_indicator_answer_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_answer')),
    sa.UniqueConstraint('person_id', 'point', name='once_per_point')
    )
    with op.batch_alter_table('indicator_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_answer_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('indicator_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_answer_person_id'))
    op.drop_table('indicator_answer')
    op.drop_table('sus_registration')
    op.execute("DELETE FROM consent WHERE purpose = 'sus'")
    _purposes(f"purpose IN ({PURPOSES})")
