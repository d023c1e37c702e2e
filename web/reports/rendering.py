"""Turning a report into words, a chart and a PDF."""

from __future__ import annotations

from flask import render_template
from flask_babel import lazy_gettext as _l

from assessor.reports.chart import level_profile_svg
from assessor.reports.content import VerificationReport

AREA_NAMES = {
    "programmering": _l("Programming"),
    "webb": _l("Web development"),
    "natverk": _l("Networks"),
    "databas": _l("Databases"),
}
STATUS_TEXTS = {
    "verified": _l("Verified: a supervised session agrees with the results from home."),
    "discrepancy": _l("Needs a talk: the supervised session and the results from home differ."),
    "not_verified": _l("Not verified yet: no supervised meeting has confirmed the level."),
    "not_done": _l("Not done yet."),
}
CONFIDENCE_WORDS = {
    "very_sure": _l("very sure"),
    "sure": _l("sure"),
    "fairly_sure": _l("fairly sure"),
    "unsure": _l("unsure"),
}
EVIDENCE_NAMES = {
    "self_report": _l("what the person says"),
    "unsupervised": _l("tasks done at home"),
    "supervised": _l("a supervised session"),
    "work_sample": _l("a work sample"),
}
TASK_OUTCOME_NAMES = {
    "solved": _l("Solved"),
    "partly": _l("Partly solved"),
    "tried": _l("Tried"),
}
TASK_PLACES = {
    "unsupervised": _l("At home"),
    "supervised": _l("With a coach"),
    "work_sample": _l("Work sample"),
    "self_report": _l("Said by the person"),
}


def chart(report: VerificationReport) -> str:
    """The level profile SVG in the current language."""
    names = {k: str(v) for k, v in AREA_NAMES.items()}
    return level_profile_svg(report.areas, names, str(_l("Level per area")),
                             str(_l("Each row is an area. Each box is a grade step, E, C or A, "
                                    "in a course. The course name is under its boxes. Filled "
                                    "boxes show the steps that the person has reached.")))


def render_report(report: VerificationReport, *, for_pdf: bool = False) -> str:
    """The report's HTML (the PDF is made from the same page)."""
    return render_template("reports/report.html", report=report, chart=chart(report),
                           area_names=AREA_NAMES, status_texts=STATUS_TEXTS,
                           confidence_words=CONFIDENCE_WORDS, evidence_names=EVIDENCE_NAMES,
                           task_outcome_names=TASK_OUTCOME_NAMES, task_places=TASK_PLACES,
                           for_pdf=for_pdf)


def render_pdf(report: VerificationReport) -> bytes:
    """A PDF of the report with its fonts embedded (WeasyPrint)."""
    from weasyprint import HTML

    return HTML(string=render_report(report, for_pdf=True)).write_pdf()
