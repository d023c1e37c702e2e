"""Report pages. Who may read is the access policy's; every read and refusal is logged."""

from __future__ import annotations

from flask import Response
from flask_babel import get_locale
from flask_login import current_user

from assessor.services.policy import Action
from assessor.services.reports.content import VerificationReport, build_report
from assessor.services.skills import all_areas
from assessor.services.verification import held_follow_ups
from web import database
from web.access import allow, person_or_404
from web.grading import catalogue
from web.reports import bp
from web.reports.rendering import render_pdf, render_report


def _opened(public_id: str, action: Action) -> VerificationReport:
    """The report, once the policy allows ``action`` (else a logged refusal, 403)."""
    person = person_or_404(public_id)
    allow(action, person)
    session = database.session()
    locale = str(get_locale())
    skills = all_areas(session, person, locale, catalogue=catalogue()).values()
    versions = {skill.assessment.bank_version for skill in skills if skill.assessment}
    return build_report(session, person, locale, [skill.result for skill in skills],
                        bank_version=", ".join(sorted(versions)),
                        supervised_sessions=held_follow_ups(session, person),
                        reader=current_user)


@bp.route("/<public_id>")
def show(public_id: str):
    """The report as a page."""
    return render_report(_opened(public_id, Action.REPORT_VIEW))


@bp.route("/<public_id>.pdf")
def pdf(public_id: str):
    """The report as a PDF download."""
    report = _opened(public_id, Action.REPORT_PDF)
    filename = f"kodprov-{report.public_id}-{report.made_on.isoformat()}.pdf"
    return Response(render_pdf(report), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
