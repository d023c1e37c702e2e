"""The PDF a caseworker files is accessible: tagged PDF/UA-1 with its language and title, the
code name and "page 2 of 3" on every page, text that reads in order, no image without words."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from io import BytesIO

import pytest
from flask import session

from assessor.services.reports.content import AreaResult, TaskDone, VerificationReport
from tests.services import require_service
from web.reports.rendering import css_string, render_pdf

CODE = "K-TEST-0001"


def long_report(locale: str) -> VerificationReport:
    """A report with many tasks in every area, long enough for three pages or more."""
    tasks = tuple(TaskDone(f"Uppgift {n}", "solved", "unsupervised", date(2026, 3, n),
                           "loopar och villkor") for n in range(1, 13))
    areas = tuple(AreaResult(area, "not_verified", "Nivå E", 1, 3, 80, "sure",
                             evidence="unsupervised", tasks=len(tasks), tasks_done=tasks,
                             strengths=tuple(t.name for t in tasks),
                             first_done=date(2026, 3, 1), last_done=date(2026, 3, 12))
                  for area in ("programmering", "webb", "natverk", "databas"))
    return VerificationReport("Åsa Öberg", CODE, date(2026, 3, 20), locale, areas, None,
                              bank_version="2026-03-01-vt26-1a2b3c4d")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> Iterator[dict[str, bytes]]:
    """The long report as a PDF in Swedish and in English (made once: WeasyPrint is slow)."""
    from tests.app_settings import app_settings
    from web import create_app

    app = create_app(app_settings(tmp_path_factory.mktemp("pdfs"), DATABASE_URL="sqlite://"))
    made = {}
    for locale in ("sv", "en"):
        with app.test_request_context():
            session["locale"] = locale
            made[locale] = render_pdf(long_report(locale))
    yield made
    app.extensions["kodprov_db"].dispose()


def read(pdf: bytes):
    from pypdf import PdfReader

    return PdfReader(BytesIO(pdf))


def structure(element, found: list) -> list:
    """(tag, alt text) of every structure element under ``element``, in reading order."""
    element = element.get_object()
    found.append((element.get("/S"), element.get("/Alt")))
    kids = element.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and kid.get("/Type") == "/StructElem":
            structure(kid, found)
    return found


def page_text(pdf: bytes, number: int) -> str:
    require_service("pdftotext", shutil.which("pdftotext") is not None,
                    "apt-get install poppler-utils")
    return subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-", "-"],
                          input=pdf, capture_output=True, check=True).stdout.decode()


@pytest.mark.parametrize(("locale", "title"), [
    ("sv", f"Rapport om kunskaper: {CODE} – Kodprov"),
    ("en", f"Verification report: {CODE} – Kodprov"),
])
def test_the_pdf_is_tagged_pdf_ua_with_its_language_and_title(pdfs, locale, title):
    reader = read(pdfs[locale])
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == locale
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == title
    assert b'pdfuaid:part="1"' in catalog["/Metadata"].get_object().get_data()
    tags = structure(catalog["/StructTreeRoot"]["/K"][0], [])
    kinds = {tag for tag, _ in tags}
    assert {"/Document", "/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Table", "/TH", "/TD"} <= kinds
    assert [tag for tag, _ in tags if tag.startswith("/H")][:3] == ["/H1", "/H2", "/H2"]
    figures = [alt for tag, alt in tags if tag == "/Figure"]
    assert figures == ["Nivå per område" if locale == "sv" else "Level per area"]


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_every_page_shows_the_code_name_and_its_page_number(pdfs, locale):
    reader = read(pdfs[locale])
    pages = len(reader.pages)
    assert pages >= 3
    assert reader.page_labels == [str(n) for n in range(1, pages + 1)]
    word, of = ("Sida", "av") if locale == "sv" else ("Page", "of")
    heading = "Rapport om kunskaper" if locale == "sv" else "Verification report"
    for number in range(1, pages + 1):
        text = page_text(pdfs[locale], number)
        assert f"{heading} · {CODE}" in text, number
        assert f"{word} {number} {of} {pages}" in text, number


def test_the_pdf_text_reads_in_the_order_of_the_page(pdfs):
    text = " ".join(page_text(pdfs["sv"], n) for n in range(1, len(read(pdfs["sv"]).pages) + 1))
    headings = ["Kort sagt", "Så läser du nivåerna", "Detta är inte ett betyg.",
                "Nivå per område", "Vad som gjordes och när", "Styrkor", "Hur säkra vi är",
                "Frågeformuläret", "Bra att veta", "Uppgifternas svårighet enligt version"]
    places = [text.find(heading) for heading in headings]
    assert -1 not in places and places == sorted(places), dict(zip(headings, places,
                                                                   strict=True))
    assert "Uppgift 12 – loopar och villkor" in text


def test_weasyprint_finds_nothing_missing_for_pdf_ua(app, caplog):
    with app.test_request_context(), caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_pdf(long_report("sv"))
    assert not [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]


@pytest.mark.parametrize("text", ['"; } body { display: none', "a\\b", "</style><p>", "x\ny"])
def test_a_css_string_cannot_end_early_or_close_the_style_sheet(text):
    quoted = css_string(text)
    inner = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert not any(c in inner for c in '"<>\n')
    assert re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), inner) == text
