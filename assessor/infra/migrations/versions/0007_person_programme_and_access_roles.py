"""person programme, actor role in the access log, withheld submissions

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 09:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

STATUSES = "'queued', 'running', 'graded', 'error'"


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_person_organisation_id'), ['organisation_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_person_organisation_id_organisation'),
                                    'organisation', ['organisation_id'], ['id'],
                                    ondelete='SET NULL')
    # people a coach (or an admin) added belong to that person's organisation, as new ones do
    op.execute("UPDATE person SET organisation_id = (SELECT u.organisation_id FROM user_account u "
               "WHERE u.id = person.created_by_id AND u.role IN ('facilitator', 'admin')) "
               "WHERE person.user_id IS NULL")
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('actor_role', sa.String(length=20), nullable=True))
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_submission_status_known'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_submission_status_known'),
                                         f"status IN ({STATUSES}, 'withheld')")


def downgrade() -> None:
    op.execute("UPDATE submission SET status = 'error' WHERE status = 'withheld'")
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_submission_status_known'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_submission_status_known'),
                                         f"status IN ({STATUSES})")
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.drop_column('actor_role')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_person_organisation_id_organisation'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_person_organisation_id'))
        batch_op.drop_column('organisation_id')
