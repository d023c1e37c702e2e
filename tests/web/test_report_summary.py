"""What the report says first: "In short" is about the person, tasks are named with the skill
they show, levels are explained as not a grade, and the bank version is said in plain words."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html import unescape

import pytest
import sqlalchemy as sa
from flask import session

from assessor.models import Consent, Organisation, Person, Submission
from assessor.services.reports.content import AreaResult, QuestionnaireSummary, VerificationReport
from tests.app_settings import catalogue
from web.reports.rendering import render_report

PROGRAMMING = AreaResult("programmering", "verified", "Programmering 2 E", 4, 6, 85, "sure",
                         tasks=5)
WEB = AreaResult("webb", "discrepancy", "Webbutveckling 1 A", 3, 3, 97, "very_sure", tasks=3)


def report(*areas: AreaResult, locale: str = "sv", **extra) -> VerificationReport:
    return VerificationReport("Åsa Öberg", "K-TEST-0001", date(2026, 3, 10), locale, areas,
                              extra.pop("questionnaire", None), **extra)


def in_short(app, made: VerificationReport, locale: str = "sv") -> str:
    """The text of the "In short" section, as the page shows it."""
    with app.test_request_context():
        session["locale"] = locale
        html = render_report(made)
    section = re.search(r'<section[^>]*aria-labelledby="in-short".*?</section>', html, re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", section.group(0))).split())


def test_in_short_names_the_strongest_area_its_level_how_sure_and_what_is_verified(app):
    text = in_short(app, report(PROGRAMMING, WEB, questionnaire=QuestionnaireSummary(
        "programmer", (), date(2026, 3, 1))))
    assert "Starkast område: Programmering. Nivå: Programmering 2 E (säker, 85 %)." in text
    assert "Personen har gjort 8 uppgifter." in text
    assert "Bekräftat vid uppföljning med handledare: Programmering." in text
    assert "Behöver ett samtal: Webbutveckling." in text
    assert "Frågeformuläret: Troligen programmerare." in text
    assert "Kodprov" not in text  # it is about the person, not about Kodprov


def test_in_short_in_english_says_at_least_and_that_nothing_is_verified_yet(app):
    at_least = AreaResult("webb", "not_verified", "Webbutveckling 1 C", 2, 3, 91, "very_sure",
                          tasks=2, at_least=True)
    text = in_short(app, report(at_least, locale="en"), "en")
    assert "Strongest area: Web development. Level: at least Webbutveckling 1 C (very sure, " \
           "91 %)." in text
    assert "The person has done 2 tasks." in text
    assert "No level is verified at a supervised follow-up yet." in text


def test_in_short_says_calmly_when_there_is_no_task_or_no_level_yet(app):
    assert in_short(app, report(AreaResult("programmering"))) == (
        "Kort sagt Personen har inte gjort några uppgifter än.")
    tried = AreaResult("natverk", "not_verified", tasks=1)
    assert in_short(app, report(tried)).startswith("Kort sagt Ingen nivå än. Personen har "
                                                   "gjort 1 uppgift.")


def test_the_strongest_area_is_the_highest_step_then_the_surer_result():
    first_course_a = AreaResult("webb", level="Webbutveckling 1 A", level_rank=3, ladder_size=3,
                                confidence_percent=99)
    second_course_e = AreaResult("programmering", level="Programmering 2 E", level_rank=4,
                                 ladder_size=6, confidence_percent=60)
    assert report(first_course_a, second_course_e).strongest is second_course_e
    surer = AreaResult("databas", level="Databasteknik C", level_rank=2, confidence_percent=90)
    less_sure = AreaResult("natverk", level="Nätverksteknik C", level_rank=2,
                           confidence_percent=70)
    assert report(less_sure, surer).strongest is surer
    assert report(AreaResult("webb")).strongest is None


@pytest.mark.parametrize("for_pdf", [False, True])
def test_where_levels_are_explained_the_report_says_this_is_not_a_grade(app, for_pdf):
    with app.test_request_context():
        html = render_report(report(PROGRAMMING), for_pdf=for_pdf)
    explained = html.split("Så läser du nivåerna", 1)[1].split("Nivå per område", 1)[0]
    assert "betygsstegen E, C och A" in explained
    assert "<strong>Detta är inte ett betyg.</strong>" in explained


@pytest.mark.parametrize(("locale", "line"), [
    ("sv", "Uppgifternas svårighet enligt version 2026-03-01-vt26-1a2b3c4d."),
    ("en", "Task difficulty according to version 2026-03-01-vt26-1a2b3c4d."),
])
def test_the_bank_version_line_is_in_plain_words(app, locale, line):
    with app.test_request_context():
        session["locale"] = locale
        html = render_report(report(PROGRAMMING, locale=locale,
                                    bank_version="2026-03-01-vt26-1a2b3c4d"))
    assert line in html
    assert "Version av uppgifterna" not in html and "Task bank version" not in html


@pytest.mark.parametrize(("locale", "name"), [("sv", "Tick och Tack – loopar och villkor"),
                                              ("en", "Tick and Tack – loops and conditions")])
def test_each_task_is_named_with_the_skill_it_shows(client, login, make_user, db_session,
                                                    locale, name):
    agency = Organisation(name="Kommunen")
    db_session.add(agency)
    db_session.commit()
    person = db_session.scalar(sa.select(Person).where(Person.user_id == make_user().id))
    db_session.add(Consent(person_id=person.id, purpose="share_report",
                           organisation_id=agency.id))
    db_session.add(Submission(person_id=person.id, challenge_id="p1-tick-tack", kind="attempt",
                              status="graded", gradable=True, score=1.0, files={"x": "y"},
                              created_at=datetime(2026, 3, 3, 18, tzinfo=UTC)))
    caseworker = make_user(role="caseworker", locale=locale)
    caseworker.organisation_id = agency.id
    db_session.commit()
    login(caseworker)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    assert f"<tr><td>{name}</td>" in page  # the task table
    assert f"<li>{name}</li>" in page  # the strengths


def test_every_challenge_in_the_bank_names_its_skill_in_both_languages():
    for challenge in catalogue.bank():
        assert challenge.skill["sv"] and challenge.skill["en"], challenge.id
        assert challenge.skill["sv"] != challenge.title["sv"].lower(), challenge.id
    assert catalogue.skill("p1-tick-tack", "en") == "loops and conditions"
    assert catalogue.skill("gone-from-the-bank") == ""
