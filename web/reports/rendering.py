"""Turning a report into words, a chart and a PDF."""

from __future__ import annotations

from flask import render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from assessor.services.reports.chart import level_profile_svg
from assessor.services.reports.content import VerificationReport
from web.dates import format_day
from web.reports.words import CONFIDENCE_WORDS, STATUS_TEXTS, TASK_OUTCOME_NAMES
from web.words import AREA_NAMES, EVIDENCE_NAMES, EVIDENCE_PLACES


def chart(report: VerificationReport) -> str:
    """The level profile SVG in the current language."""
    names = {k: str(v) for k, v in AREA_NAMES.items()}
    return level_profile_svg(report.areas, names, str(_l("Level per area")),
                             str(_l("Each row is an area. Each box is a grade step, E, C or A, "
                                    "in a course. The course name is under its boxes. Filled "
                                    "boxes show the steps that the person has reached.")))


def render_report(report: VerificationReport, *, for_pdf: bool = False,
                  filed_versions: list | None = None) -> str:
    """The report's HTML (the PDF is made from the same page; only the page lists the filed
    versions)."""
    return render_template("reports/report.html", report=report, chart=chart(report),
                           filed_versions=filed_versions or [],
                           area_names=AREA_NAMES, status_texts=STATUS_TEXTS,
                           confidence_words=CONFIDENCE_WORDS, evidence_names=EVIDENCE_NAMES,
                           task_outcome_names=TASK_OUTCOME_NAMES, task_places=EVIDENCE_PLACES,
                           for_pdf=for_pdf, running=running_texts(report) if for_pdf else None)


def render_pdf(report: VerificationReport) -> bytes:
    """A tagged PDF/UA-1 of the report (WeasyPrint): fonts embedded, the language and title
    set, headings, lists and tables in the structure tree, pages labelled 1, 2, 3 …"""
    from weasyprint import HTML

    return HTML(string=render_report(report, for_pdf=True)).write_pdf(
        pdf_variant="pdf/ua-1", finisher=_label_pages)


def _label_pages(document, pdf) -> None:
    """Page labels 1, 2, 3 … so that a reader's "page 2" is the footer's "page 2"."""
    import pydyf

    pdf.catalog["PageLabels"] = pydyf.Dictionary(
        {"Nums": pydyf.Array([0, pydyf.Dictionary({"S": "/D"})])})


def running_texts(report: VerificationReport) -> dict[str, str]:
    """CSS ``content`` values for the header and footer on every PDF page: the report's name
    and the person's code name; the day it was made, and "page 2 of 3"."""
    made = _("Made %(date)s", date=format_day(report.made_on))
    marker = "\0"
    page = _("Page %(page)s of %(pages)s", page=f"{marker}page{marker}",
             pages=f"{marker}pages{marker}")
    # "Sida \0page\0 av \0pages\0" -> "Sida " counter(page) " av " counter(pages)
    content = [f"counter({piece})" if piece in ("page", "pages") else css_string(piece)
               for piece in page.split(marker) if piece]
    return {"header": css_string(f"{_('Verification report')} · {report.public_id}"),
            "made": css_string(made), "page": " ".join(content)}


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string; anything but letters, digits and plain punctuation is
    escaped, so no text can end the string or the style sheet."""
    safe = " .,:;!?–·()%-"
    return '"' + "".join(c if c.isalnum() or c in safe else f"\\{ord(c):x} " for c in text) + '"'
