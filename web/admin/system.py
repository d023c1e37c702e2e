"""The admin's item banks (``kodprov irt banks`` / ``irt use``) and the development outbox."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.infra import mail
from assessor.models import OutboxMessage
from assessor.services import account_service, item_banks
from assessor.services.item_banks import ItemBankError
from assessor.services.policy import Action
from web import database
from web.access import allow
from web.admin import bp
from web.admin.forms import ItemBankForm
from web.admin.routes import logged
from web.grading import catalogue

PRIORS = "priors"


@bp.route("/fragebanker", methods=["GET", "POST"])
def item_banks_page():
    """The stored item banks, the one in use marked; choose another (or the priors)."""
    allow(Action.ITEM_BANKS)
    session = database.session()
    banks = item_banks.stored_banks(session)
    form = ItemBankForm()
    form.version.choices = [(PRIORS, _("The authors' priors")),
                            *((bank.version, f"{bank.version} – {bank.cohort}") for bank in banks)]
    if form.validate_on_submit():
        try:
            stored = account_service.choose_item_bank(
                session, current_user, None if form.version.data == PRIORS else form.version.data,
                catalogue=catalogue())
        except (ItemBankError, ValueError):
            database.discard()
            flash(_("That item bank cannot be used. Nothing was changed."), "error")
        else:
            flash(_("In use now: %(version)s.", version=stored.version), "success")
        return redirect(url_for(".item_banks_page"))
    logged("item_banks")
    return render_template("admin/item_banks.html", banks=banks, form=form,
                           in_use=item_banks.current_bank(session, catalogue=catalogue()).version)


@bp.route("/utkorg")
def outbox():
    """What e-mail would have been sent (development only: without KODPROV_SMTP_URL)."""
    allow(Action.ACCOUNTS)
    if not mail.uses_outbox(current_app.config["KODPROV_SETTINGS"]):
        abort(404)
    logged("outbox")
    messages = database.session().scalars(
        sa.select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(100)).all()
    return render_template("admin/outbox.html", messages=messages)
