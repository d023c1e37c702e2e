"""Report pages. A refusal is explained, logged and changes nothing else."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Response, abort, render_template
from flask_babel import get_locale
from flask_login import current_user

from assessor.models import Person
from assessor.reports.access import open_report
from assessor.reports.content import build_report
from assessor.skills import all_areas
from assessor.verification import held_follow_ups
from web import database
from web.reports import bp
from web.reports.rendering import render_pdf, render_report


def _opened(public_id: str, *, pdf: bool):
    session = database.session()
    person = session.scalar(sa.select(Person).where(Person.public_id == public_id))
    if person is None:
        abort(404)
    access = open_report(session, current_user, person, pdf=pdf)
    session.commit()  # the read, or the refusal, is logged either way
    if not access.allowed:
        return None, render_template("reports/refused.html", person=person,
                                     refusal=access.refusal), 403
    locale = str(get_locale())
    skills = all_areas(session, person, locale).values()
    versions = {skill.assessment.bank_version for skill in skills if skill.assessment}
    return build_report(session, person, locale, [skill.result for skill in skills],
                        bank_version=", ".join(sorted(versions)),
                        supervised_sessions=held_follow_ups(session, person)), None, None


@bp.route("/<public_id>")
def show(public_id: str):
    """The report as a page."""
    report, refusal, code = _opened(public_id, pdf=False)
    if report is None:
        return refusal, code
    return render_report(report)


@bp.route("/<public_id>.pdf")
def pdf(public_id: str):
    """The report as a PDF download."""
    report, refusal, code = _opened(public_id, pdf=True)
    if report is None:
        return refusal, code
    filename = f"kodprov-{report.public_id}-{report.made_on.isoformat()}.pdf"
    return Response(render_pdf(report), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
