"""Administration pages."""

from __future__ import annotations

import sqlalchemy as sa
from flask import render_template
from flask_login import current_user

from assessor.identity import shown_name
from assessor.models import Person, User
from assessor.policy import Action
from web import database
from web.access import allow
from web.admin import bp


@bp.route("/")
def index():
    """Accounts and system health."""
    allow(Action.ACCOUNTS)
    session = database.session()
    users = session.scalars(sa.select(User).order_by(User.role, User.email)).all()
    return render_template("admin/index.html", users=users, hidden=hidden_accounts(session))


def hidden_accounts(session) -> set[int]:
    """Ids of the accounts of people with a protected identity whose name and e-mail the
    admin may not see (the list shows a marker instead)."""
    protected = session.scalars(sa.select(Person).where(Person.protected_identity,
                                                        Person.user_id.is_not(None)))
    return {person.user_id for person in protected
            if shown_name(session, current_user, person) is None}
