"""What the report says: when and how the tasks were done, unsure levels, the chart, English."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html import unescape

import pytest
import sqlalchemy as sa

from assessor.models import Consent, FollowUp, Organisation, Person, Submission
from assessor.services.reports.chart import level_profile_svg
from assessor.services.reports.content import AreaResult, VerificationReport, task_outcome
from tests.app_settings import catalogue
from web.reports.rendering import render_report

AREA_NAMES = {"programmering": "Programmering", "webb": "Webbutveckling"}


def programming(count: int) -> list:
    return [c for c in catalogue.bank() if c.area.value == "programmering"][:count]


@pytest.fixture
def reader(db_session, make_user):
    """A person who shares the report with a caseworker's organisation; the caseworker."""
    def make(locale: str = "sv"):
        agency = Organisation(name=f"Kommunen {locale}")
        db_session.add(agency)
        db_session.commit()
        person = db_session.scalar(sa.select(Person).where(
            Person.user_id == make_user(name="Åsa Öberg").id))
        db_session.add(Consent(person_id=person.id, purpose="share_report",
                               organisation_id=agency.id))
        caseworker = make_user(role="caseworker", locale=locale)
        caseworker.organisation_id = agency.id
        db_session.commit()
        return person, caseworker
    return make


def named(challenge, locale: str = "sv") -> str:
    """A task as the report names it: its title and the skill it shows."""
    return f"{challenge.title[locale]} – {challenge.skill[locale]}"


def attempt(db_session, person, challenge, score: float, day: int,
            evidence: str = "unsupervised") -> None:
    db_session.add(Submission(person_id=person.id, challenge_id=challenge.id, kind="attempt",
                              status="graded", gradable=True, score=score, evidence=evidence,
                              files={"x": "y"}, created_at=datetime(2026, 3, day, 18, tzinfo=UTC)))
    db_session.commit()


def test_the_report_says_when_which_tasks_were_done_how_and_how_they_went(
        client, login, reader, db_session):
    person, caseworker = reader()
    first, second, third = programming(3)
    attempt(db_session, person, first, 1.0, day=3)
    attempt(db_session, person, second, 0.5, day=5, evidence="supervised")
    attempt(db_session, person, third, 0.0, day=9)
    db_session.add(FollowUp(person_id=person.id, area="programmering", checklist={},
                            booked_for=datetime(2026, 3, 10, tzinfo=UTC), outcome="partly",
                            held_at=datetime(2026, 3, 10, 18, tzinfo=UTC)))
    db_session.commit()
    login(caseworker)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    assert "Uppgifterna gjordes från 3 mars 2026 till 9 mars 2026." in page
    assert "Personen har haft 1 uppföljning med handledare." in page
    assert "Senaste uppföljning: Delvis bekräftat" in page
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", page)]
    rows = {row[0]: row[1:] for row in cells if len(row) == 4}
    assert rows[named(first)] == ["Löst", "Hemma", "3 mars 2026"]
    assert rows[named(second)] == ["Delvis löst", "Med handledare", "5 mars 2026"]
    assert rows[named(third)] == ["Försökt", "Hemma", "9 mars 2026"]
    assert "0.5" not in page and "50 %" not in page


def test_a_task_tried_again_is_listed_once_with_its_latest_result(client, login, reader,
                                                                   db_session):
    person, caseworker = reader()
    task = programming(1)[0]
    attempt(db_session, person, task, 0.3, day=3)
    attempt(db_session, person, task, 1.0, day=4)
    login(caseworker)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    assert page.count(f"<td>{named(task)}</td>") == 1
    assert "Uppgifterna gjordes från 3 mars 2026 till 4 mars 2026." in page
    assert "<td>Löst</td>" in page


def test_before_any_task_the_report_says_so_calmly(client, login, reader):
    person, caseworker = reader()
    login(caseworker)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    assert "Inga uppgifter är gjorda än." in page
    assert "Personen har inte haft någon uppföljning med handledare än." in page


def test_the_english_report_speaks_english(client, login, reader, db_session):
    person, caseworker = reader("en")
    attempt(db_session, person, programming(1)[0], 1.0, day=3)
    login(caseworker)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    assert "Verification report" in page and "Level per area" in page
    assert "The tasks were done on 3 Mar 2026." in page
    assert "<td>Solved</td>" in page and "<td>At home</td>" in page
    assert "Rapport om kunskaper" not in page and "Nivå per område" not in page


@pytest.mark.parametrize(("score", "outcome"), [(1.0, "solved"), (0.99, "partly"),
                                                (0.1, "partly"), (0.0, "tried")])
def test_a_task_outcome_is_words_not_a_score(score, outcome):
    assert task_outcome(score) == outcome


def unsure(level_rank: int, runner_up_rank: int, level: str | None,
           runner_up: str | None) -> AreaResult:
    return AreaResult("programmering", "not_verified", level, level_rank, 6, 55, "unsure",
                      runner_up, runner_up_rank, "unsupervised", 3)


def test_an_unsure_result_names_the_two_levels_lower_first():
    assert unsure(3, 2, "Programmering 1 A", "Programmering 1 C").between == (
        "Programmering 1 C", "Programmering 1 A")
    assert unsure(1, 0, "Programmering 1 E", None).between == (None, "Programmering 1 E")
    sure = AreaResult("programmering", level="Programmering 1 C", level_rank=2,
                      confidence_percent=90, confidence_key="sure",
                      runner_up="Programmering 1 A", runner_up_rank=3)
    assert sure.between is None


def report_with(area: AreaResult, locale: str) -> VerificationReport:
    return VerificationReport("Åsa Öberg", "K-TEST-0001", date(2026, 3, 10), locale, (area,),
                              None)


@pytest.mark.parametrize(("locale", "expected"), [
    ("sv", "osäker, 55&nbsp;% – mellan Programmering 1 C och Programmering 1 A"),
    ("en", "unsure, 55&nbsp;% – between Programmering 1 C and Programmering 1 A"),
])
def test_the_page_and_the_pdf_say_between_which_levels(app, locale, expected):
    area = unsure(3, 2, "Programmering 1 A", "Programmering 1 C")
    with app.test_request_context():
        from flask import session
        session["locale"] = locale
        for for_pdf in (False, True):
            html = render_report(report_with(area, locale), for_pdf=for_pdf)
            assert expected in " ".join(html.split())


def test_below_the_first_step_the_other_end_is_no_level_yet(app):
    area = unsure(1, 0, "Programmering 1 E", None)
    with app.test_request_context():
        html = " ".join(render_report(report_with(area, "sv")).split())
    assert "mellan ingen nivå än och Programmering 1 E" in html


def test_the_chart_names_the_courses_under_their_grade_steps():
    areas = (AreaResult("programmering", level_rank=4, ladder_size=6),
             AreaResult("webb", level_rank=1, ladder_size=3))
    svg = level_profile_svg(areas, AREA_NAMES, "Nivå", "Beskrivning")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts == ["Programmering", "E", "C", "A", "Programmering 1", "E", "C", "A",
                     "Programmering 2", "Webbutveckling", "E", "C", "A", "Webbutveckling 1"]
    filled = re.findall(r'<rect[^>]*fill="([^"]+)"', svg)
    assert filled.count("#1d4f73") == 4 + 1 and len(filled) == 9


def test_the_chart_escapes_text_and_copes_with_an_unknown_ladder():
    svg = level_profile_svg((AreaResult("annat", level_rank=0, ladder_size=3),),
                            {"annat": "<b>x</b>"}, "T & T", "D")
    assert "<b>" not in svg and "&lt;b&gt;x&lt;/b&gt;" in svg and "T &amp; T" in svg
    assert re.findall(r"<text[^>]*>([^<]*)</text>", svg)[1:] == ["E", "C", "A"]


def test_a_report_with_tasks_and_dates_is_still_easy_to_read(client, login, reader, db_session):
    from assessor.services.reports.lix import lix
    from tests.web.test_report_pages import visible_text

    person, caseworker = reader()
    for day, challenge in enumerate(programming(6), start=2):
        attempt(db_session, person, challenge, (day % 3) / 2, day=day)
    login(caseworker)
    text = visible_text(client.get(f"/rapport/{person.public_id}").get_data(as_text=True))
    assert "Vad som gjordes och när" in text
    assert lix(text) <= 40, (lix(text), text)


def level_cells(page: str) -> dict[str, list[str]]:
    """Area name -> the level row's cells (level, how sure, based on)."""
    rows = re.findall(r'<th scope="row">(.*?)</th>(.*?)</tr>', page, flags=re.S)
    return {name: [re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", cell))).strip()
                   for cell in re.findall(r"<td>(.*?)</td>", rest, flags=re.S)]
            for name, rest in rows}


def easy_and_one_c(db_session, person) -> None:
    """Three Programmering 1 E tasks and one 1 C task solved: the estimate points higher."""
    for day, slug in enumerate(["p1-summa-medel", "p1-vokaler", "p1-tick-tack", "p1-vaxel"], 3):
        attempt(db_session, person, catalogue.challenge(slug), 1.0, day=day)


def test_a_level_above_the_tasks_solved_is_reported_as_at_least_the_step_shown(
        client, login, reader, db_session):
    person, caseworker = reader()
    easy_and_one_c(db_session, person)
    login(caseworker)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    level, sure, _ = level_cells(page)["Programmering"]
    assert level == "minst Programmering 1 C"
    assert re.fullmatch(r"(mycket säker|säker|ganska säker|osäker), \d+ %", sure), sure
    assert "mellan" not in sure
    assert "”Minst” betyder att resultaten pekar högre" in page


def test_the_english_report_and_the_pdf_say_at_least_too(client, login, reader, db_session):
    person, caseworker = reader("en")
    easy_and_one_c(db_session, person)
    login(caseworker)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    assert level_cells(page)["Programming"][0] == "at least Programmering 1 C"
    report = VerificationReport("Åsa", person.public_id, date(2026, 3, 9), "sv",
                                (AreaResult("programmering", "not_verified",
                                            "Programmering 1 C", 2, 6, 97, "very_sure",
                                            tasks=4, at_least=True),), None)
    with client.application.test_request_context():  # Swedish, the default
        pdf_html = render_report(report, for_pdf=True)  # the page the PDF is printed from
    assert level_cells(pdf_html)["Programmering"][:2] == ["minst Programmering 1 C",
                                                          "mycket säker, 97 %"]


def test_with_no_task_solved_in_full_no_level_and_no_chance_are_claimed(
        client, login, reader, db_session):
    person, caseworker = reader()
    attempt(db_session, person, catalogue.challenge("p1-summa-medel"), 0.8, day=3)
    login(caseworker)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    assert level_cells(page)["Programmering"][:2] == ["Ingen nivå än", "–"]
