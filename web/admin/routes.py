"""Administration pages."""

from __future__ import annotations

import sqlalchemy as sa
from flask import render_template

from assessor.models import User
from assessor.policy import Action
from web import database
from web.access import allow
from web.admin import bp


@bp.route("/")
def index():
    """Accounts and system health."""
    allow(Action.ACCOUNTS)
    users = database.session().scalars(sa.select(User).order_by(User.role, User.email)).all()
    return render_template("admin/index.html", users=users)
