"""The admins' pages about people's rights: the whole access log, filtered and paged, and the
open requests for erasure or restriction, carried out from here."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.models import RequestOutcome, RightsRequest
from assessor.services import policy
from assessor.services.policy import Action
from assessor.services.rights import access_log, requests
from web import database
from web.access import allow, ask
from web.admin import bp
from web.rights.forms import CarryOutForm, LogFilterForm


@bp.route("/atkomstlogg")
def access_log_page():
    """The access log: by person (code name), account, and days; newest first, paged."""
    allow(Action.ACCESS_LOG_ALL)
    form = LogFilterForm(request.args)
    session = database.session()
    if not form.validate():
        return render_template("admin/access_log.html", form=form, page=None), 400
    wanted = access_log.LogFilter(form.code.data or "", form.email.data or "",
                                  form.since.data, form.until.data)
    person = access_log.person_by_code(session, wanted.code)
    if person is not None:
        allow(Action.ACCESS_LOG, person)  # logged: the admin read the log about this person
    else:
        policy.service.log(session, policy.Actor.of(current_user), None, "read",
                           str(Action.ACCESS_LOG_ALL))
        database.commit_now(database.Early.ACCESS_LOG)
    page = access_log.search(session, wanted, form.page.data or 1)
    return render_template("admin/access_log.html", form=form, page=page, page_url=_page_url)


def _page_url(number: int) -> str:
    """This page of the log with the same filters, at page ``number``."""
    return url_for(".access_log_page", **(request.args.to_dict() | {"page": number}))


@bp.route("/begaran")
def rights_requests():
    """Open requests for erasure or restriction, the one due first at the top."""
    allow(Action.RIGHTS_REQUESTS_ALL)
    session = database.session()
    return render_template("admin/requests.html", requests=requests.open_requests(session),
                           overdue=requests.overdue, form=CarryOutForm())


@bp.route("/begaran/<int:request_id>", methods=["POST"])
def carry_out(request_id: int):
    """Carry out one open request."""
    session = database.session()
    wanted = session.get(RightsRequest, request_id)
    if wanted is None or wanted.done_at is not None:
        abort(404)
    if wanted.person is not None:
        allow(Action.RIGHTS_HANDLE, wanted.person, about=wanted.id)
    elif not ask(Action.RIGHTS_REQUESTS_ALL).allowed:
        abort(403)
    if CarryOutForm().validate_on_submit():
        outcome = requests.carry_out(session, current_user, wanted)
        flash(_("Done: the data is deleted.") if outcome == RequestOutcome.ERASED
              else _("Done: the data is restricted."), "success")
    return redirect(url_for(".rights_requests"))
