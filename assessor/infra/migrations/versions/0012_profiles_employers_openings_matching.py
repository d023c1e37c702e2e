"""working profiles, employers, openings, proposals, employer links

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 10:32:37.518721
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('employer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('org_number', sa.String(length=20), nullable=False),
    sa.Column('municipality', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_employer_organisation_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['organisation.id'], name=op.f('fk_employer_programme_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employer')),
    sa.UniqueConstraint('organisation_id', name=op.f('uq_employer_organisation_id'))
    )
    with op.batch_alter_table('employer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employer_programme_id'), ['programme_id'], unique=False)

    op.create_table('employer_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_employer_contact_employer_id_employer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employer_contact'))
    )
    with op.batch_alter_table('employer_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employer_contact_employer_id'), ['employer_id'], unique=False)

    op.create_table('opening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('requirements', sa.JSON(), nullable=False),
    sa.Column('hours_per_week', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=100), nullable=False),
    sa.Column('remote', sa.String(length=10), nullable=False),
    sa.Column('offers', sa.JSON(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('open', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('praktik', 'job')", name=op.f('ck_opening_kind_known')),
    sa.CheckConstraint("remote IN ('none', 'partly', 'full')", name=op.f('ck_opening_remote_known')),
    sa.CheckConstraint('capacity BETWEEN 1 AND 50', name=op.f('ck_opening_capacity_range')),
    sa.CheckConstraint('hours_per_week IS NULL OR hours_per_week BETWEEN 1 AND 60', name=op.f('ck_opening_hours_range')),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_opening_employer_id_employer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opening'))
    )
    with op.batch_alter_table('opening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opening_employer_id'), ['employer_id'], unique=False)

    op.create_table('working_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('sections', sa.JSON(), nullable=False),
    sa.Column('interests', sa.JSON(), nullable=False),
    sa.Column('needs', sa.JSON(), nullable=False),
    sa.Column('places', sa.JSON(), nullable=False),
    sa.Column('remote', sa.String(length=20), nullable=False),
    sa.Column('hours_min', sa.Integer(), nullable=True),
    sa.Column('hours_max', sa.Integer(), nullable=True),
    sa.Column('shared', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("remote IN ('required', 'preferred', 'no_preference', 'onsite')", name=op.f('ck_working_profile_remote_known')),
    sa.CheckConstraint('hours_max IS NULL OR hours_max BETWEEN 0 AND 60', name=op.f('ck_working_profile_hours_max_range')),
    sa.CheckConstraint('hours_min IS NULL OR hours_min BETWEEN 0 AND 60', name=op.f('ck_working_profile_hours_min_range')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_working_profile_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_working_profile')),
    sa.UniqueConstraint('person_id', name=op.f('uq_working_profile_person_id'))
    )
    op.create_table('match_proposal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('opening_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('score', sa.Double(), nullable=False),
    sa.Column('proposed_by_id', sa.Integer(), nullable=True),
    sa.Column('proposed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('consent_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('proposed', 'agreed', 'declined')", name=op.f('ck_match_proposal_status_known')),
    sa.ForeignKeyConstraint(['consent_id'], ['consent.id'], name=op.f('fk_match_proposal_consent_id_consent'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opening_id'], ['opening.id'], name=op.f('fk_match_proposal_opening_id_opening'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_match_proposal_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['user_account.id'], name=op.f('fk_match_proposal_proposed_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_proposal')),
    sa.UniqueConstraint('person_id', 'opening_id', name='one_per_pair')
    )
    with op.batch_alter_table('match_proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_proposal_opening_id'), ['opening_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_proposal_person_id'), ['person_id'], unique=False)

    op.create_table('working_profile_edit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('by_role', sa.String(length=20), nullable=False),
    sa.Column('changed', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['by_id'], ['user_account.id'], name=op.f('fk_working_profile_edit_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['profile_id'], ['working_profile.id'], name=op.f('fk_working_profile_edit_profile_id_working_profile'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_working_profile_edit'))
    )
    with op.batch_alter_table('working_profile_edit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_working_profile_edit_profile_id'), ['profile_id'], unique=False)

    op.create_table('employer_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_employer_link_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposal_id'], ['match_proposal.id'], name=op.f('fk_employer_link_proposal_id_match_proposal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employer_link')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_employer_link_token_hash'))
    )
    with op.batch_alter_table('employer_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employer_link_proposal_id'), ['proposal_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('employer_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employer_link_proposal_id'))

    op.drop_table('employer_link')
    with op.batch_alter_table('working_profile_edit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_working_profile_edit_profile_id'))

    op.drop_table('working_profile_edit')
    with op.batch_alter_table('match_proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_proposal_person_id'))
        batch_op.drop_index(batch_op.f('ix_match_proposal_opening_id'))

    op.drop_table('match_proposal')
    op.drop_table('working_profile')
    with op.batch_alter_table('opening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opening_employer_id'))

    op.drop_table('opening')
    with op.batch_alter_table('employer_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employer_contact_employer_id'))

    op.drop_table('employer_contact')
    with op.batch_alter_table('employer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employer_programme_id'))

    op.drop_table('employer')
