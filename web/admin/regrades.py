"""The admin's regrades: choose a task (and a day), see how many hand-ins that is, start the
regrade through the queue (``regrade_runs.start_regrade``, as ``kodprov regrade``), follow it
without reloading (``static/js/regrade-progress.js`` asks ``regrade_status``)."""

from __future__ import annotations

from datetime import datetime, time

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from assessor.domain.clock import from_local
from assessor.models import RegradeRun
from assessor.services.jobs import regrade_runs
from assessor.services.jobs.regrade_runs import RegradeError
from assessor.services.policy import Action
from web import database
from web.access import allow
from web.admin import bp
from web.admin.forms import RegradeForm
from web.admin.routes import logged
from web.errors import json_endpoint
from web.grading import catalogue

#: why a regrade did not start (``RegradeError.code``)
REFUSALS = {
    "unknown_challenge": _l("There is no such task. Choose one from the list."),
    "running": _l("A regrade of this task is still running. Wait until it is done."),
    "nothing": _l("There are no graded hand-ins of this task to check again."),
}


def _form(formdata=None) -> RegradeForm:
    locale = str(get_locale())
    form = RegradeForm(formdata=formdata, meta={"csrf": False}) if formdata is not None \
        else RegradeForm()
    form.challenge.choices = [("", _("Choose a task"))] + [
        (c.id, f"{c.title.get(locale) or c.title.get('sv') or c.id} ({c.id})")
        for c in catalogue().bank()]
    return form


def _since(form: RegradeForm) -> datetime | None:
    return from_local(datetime.combine(form.since.data, time())) if form.since.data else None


@bp.route("/omrattning", methods=["GET", "POST"])
def regrades():
    """The regrade form, the count of hand-ins it would take, and the runs so far."""
    allow(Action.REGRADE)
    session = database.session()
    form, count = _form(), None
    if request.method == "POST":
        if form.validate_on_submit():
            run = _start(form)
            if run is not None:
                return redirect(url_for(".regrade_run", run_id=run.id))
    elif "challenge" in request.args:
        form = _form(request.args)
        if form.validate():
            count = _count(form)
    logged("regrades")
    return render_template("admin/regrades.html", form=form, count=count,
                           runs=[(run, regrade_runs.progress(session, run))
                                 for run in regrade_runs.runs(session)],
                           title=catalogue().title, locale=str(get_locale()))


def _count(form: RegradeForm) -> int | None:
    """How many hand-ins the form's regrade would take (None, with a message: no such task)."""
    if catalogue().challenge(form.challenge.data) is None:
        form.challenge.errors = [str(REFUSALS["unknown_challenge"])]
        return None
    return regrade_runs.count_regradable(database.session(), form.challenge.data, _since(form))


def _start(form: RegradeForm) -> RegradeRun | None:
    """Start the run; on a refusal, the form says why and nothing is changed."""
    session = database.session()
    try:
        run = regrade_runs.start_regrade(
            session, current_user, form.challenge.data, current_app.extensions["kodprov_queue"],
            catalogue=catalogue(), since=_since(form))
    except RegradeError as error:
        database.discard()
        form.challenge.errors = [str(REFUSALS[error.code])]
        return None
    flash(_("The regrade has started: %(count)s hand-ins are checked again.",
            count=len(run.items)), "success")
    return run


def _run(run_id: int) -> RegradeRun:
    allow(Action.REGRADE)
    run = database.session().get(RegradeRun, run_id)
    if run is None:
        abort(404)
    return run


@bp.route("/omrattning/<int:run_id>")
def regrade_run(run_id: int):
    """One run: how far it has come and the hand-ins whose score changed (updates itself)."""
    run = _run(run_id)
    data = _status(run)
    database.commit_now(database.Early.ACCESS_LOG)
    return render_template("admin/regrade_run.html", run=run, status=data,
                           title=catalogue().title(run.challenge_id, str(get_locale())))


@bp.route("/omrattning/<int:run_id>/status")
@json_endpoint
def regrade_status(run_id: int):
    """The run's progress and changed hand-ins, which its page asks for every few seconds."""
    run = _run(run_id)
    data = _status(run)
    database.commit_now(database.Early.ACCESS_LOG)
    return jsonify(data)


def _status(run: RegradeRun) -> dict:
    """Progress and the changed hand-ins the admin may see (each person logged once)."""
    session = database.session()
    changes = regrade_runs.changes(session, current_user, run)
    return {**regrade_runs.progress(session, run).as_dict(), "changes": [
        {"id": c.submission_id, "code": c.person.public_id,
         "url": url_for("handins.show", submission_id=c.submission_id),
         "old": _percent(c.old_score), "new": _percent(c.new_score)} for c in changes]}


def _percent(score: float | None) -> str:
    return "–" if score is None else f"{round(score * 100)} %"
