"""Mini Hackathon evenings (events, participants, help requests, announcements) and the
evidence kind "supervised remotely"

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 10:30:00
"""
from alembic import op
import sqlalchemy as sa

OLD_EVIDENCE = "evidence IN ('self_report', 'unsupervised', 'supervised', 'work_sample')"
NEW_EVIDENCE = "evidence IN ('self_report', 'unsupervised', 'supervised_remote', 'supervised', 'work_sample')"  # noqa: E501 - as the model writes it


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _evidence_check(sql: str) -> None:
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_submission_evidence_known'), type_='check')
        batch_op.create_check_constraint('evidence_known', sa.text(sql))


def upgrade() -> None:
    _evidence_check(NEW_EVIDENCE)
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('remote', sa.Boolean(), nullable=False),
    sa.Column('video_link', sa.String(length=500), nullable=False),
    sa.Column('challenge_ids', sa.JSON(), nullable=False),
    sa.Column('join_code', sa.String(length=6), nullable=False),
    sa.Column('scoreboard_on', sa.Boolean(), nullable=False),
    sa.Column('scoreboard_hidden', sa.Boolean(), nullable=False),
    sa.Column('scoreboard_frozen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_event_window_ends_after_start')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_event_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_event_organisation_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('join_code', name=op.f('uq_event_join_code'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_organisation_id'), ['organisation_id'], unique=False)
    op.create_table('event_announcement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('made_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_announcement_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['made_by_id'], ['user_account.id'], name=op.f('fk_event_announcement_made_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_announcement'))
    )
    with op.batch_alter_table('event_announcement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_announcement_event_id'), ['event_id'], unique=False)
    op.create_table('event_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('nickname', sa.String(length=40), nullable=False),
    sa.Column('nickname_key', sa.String(length=40), nullable=False),
    sa.Column('guest', sa.Boolean(), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('checked_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('checked_in_by_id', sa.Integer(), nullable=True),
    sa.Column('scoreboard_opt_in', sa.Boolean(), nullable=False),
    sa.Column('claim_token_hash', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['checked_in_by_id'], ['user_account.id'], name=op.f('fk_event_participant_checked_in_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_participant_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_event_participant_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_participant')),
    sa.UniqueConstraint('claim_token_hash', name=op.f('uq_event_participant_claim_token_hash')),
    sa.UniqueConstraint('event_id', 'nickname_key', name='one_nickname_per_event'),
    sa.UniqueConstraint('event_id', 'person_id', name='one_place_per_person')
    )
    with op.batch_alter_table('event_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_participant_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_participant_person_id'), ['person_id'], unique=False)
    op.create_table('event_help_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('handled_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_help_request_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['handled_by_id'], ['user_account.id'], name=op.f('fk_event_help_request_handled_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['participant_id'], ['event_participant.id'], name=op.f('fk_event_help_request_participant_id_event_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_help_request'))
    )
    with op.batch_alter_table('event_help_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_help_request_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_help_request_participant_id'), ['participant_id'], unique=False)



def downgrade() -> None:
    # the old schema knows no remote supervision: such results count as done at home again
    op.execute("UPDATE submission SET evidence = 'unsupervised' "
               "WHERE evidence = 'supervised_remote'")
    _evidence_check(OLD_EVIDENCE)
    with op.batch_alter_table('event_help_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_help_request_participant_id'))
        batch_op.drop_index(batch_op.f('ix_event_help_request_event_id'))
    op.drop_table('event_help_request')
    with op.batch_alter_table('event_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_participant_person_id'))
        batch_op.drop_index(batch_op.f('ix_event_participant_event_id'))
    op.drop_table('event_participant')
    with op.batch_alter_table('event_announcement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_announcement_event_id'))
    op.drop_table('event_announcement')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_organisation_id'))
    op.drop_table('event')
