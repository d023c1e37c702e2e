"""Report pages. Who may read is the access policy's; every read and refusal is logged."""

from __future__ import annotations

from flask import Response, abort
from flask_babel import get_locale
from flask_login import current_user

from assessor.models import Person
from assessor.services import policy
from assessor.services.policy import Action
from assessor.services.reports import filed
from assessor.services.reports.content import VerificationReport, build_report
from assessor.services.reports.regrades import regrade_notes
from assessor.services.skills import all_areas
from assessor.services.verification import held_follow_ups
from web import database
from web.access import allow, person_or_404
from web.grading import catalogue
from web.reports import bp
from web.reports.rendering import render_pdf, render_report


def _opened(public_id: str, action: Action) -> tuple[Person, VerificationReport]:
    """The person and their report, once the policy allows ``action`` (else a logged
    refusal, 403)."""
    person = person_or_404(public_id)
    allow(action, person)
    session = database.session()
    locale = str(get_locale())
    skills = all_areas(session, person, locale, catalogue=catalogue()).values()
    versions = {skill.assessment.bank_version for skill in skills if skill.assessment}
    return person, build_report(
        session, person, locale, [skill.result for skill in skills],
        bank_version=", ".join(sorted(versions)),
        supervised_sessions=held_follow_ups(session, person), reader=current_user,
        regrades=regrade_notes(session, person, catalogue(), locale))


@bp.route("/<public_id>")
def show(public_id: str):
    """The report as a page, with the copies filed earlier that the reader may open."""
    person, report = _opened(public_id, Action.REPORT_VIEW)
    versions = filed.filed_versions(database.session(), current_user, person)
    return render_report(report, filed_versions=versions)


@bp.route("/<public_id>.pdf")
def pdf(public_id: str):
    """The report as a PDF download; the bytes delivered are kept as a filed version."""
    person, report = _opened(public_id, Action.REPORT_PDF)
    filename = f"kodprov-{report.public_id}-{report.made_on.isoformat()}.pdf"
    document = render_pdf(report)
    filed.file_delivery(database.session(), current_user, person, document,
                        filename=filename, bank_version=report.bank_version,
                        locale=report.locale)
    return _download(document, filename)


@bp.route("/<public_id>/arkiv/<int:snapshot_id>.pdf")
def filed_version(public_id: str, snapshot_id: int):
    """A filed version exactly as it was delivered (the same bytes, the same hash). A copy
    the reader may not open is not found, and nothing was read (no entry); a reader who may
    not read the report at all is refused, and that is logged."""
    person = person_or_404(public_id)
    session = database.session()
    snapshot = filed.filed_copy(session, current_user, person, snapshot_id)
    if snapshot is None and policy.check(session, current_user, Action.REPORT_FILED,
                                         person).allowed:
        abort(404)
    allow(Action.REPORT_FILED, person, about=snapshot_id)
    return _download(snapshot.pdf, snapshot.filename)


def _download(document: bytes, filename: str) -> Response:
    return Response(document, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
