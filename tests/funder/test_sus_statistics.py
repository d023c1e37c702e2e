"""The funder report's SUS section through the services (SQLite and PostgreSQL): the period's
participants of the programme counted in statistics, in full only under the SUS consent and
without a protected identity, the occupation of those registered out in full, masked; the
CSV rows and ``kodprov stats funder``'s JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlalchemy as sa

from assessor.cli.main import cli
from assessor.models import AccessLog, Consent, Participation, Person, SusRegistration
from assessor.services import policy
from assessor.services.statistics.sus import sus_rows, sus_statistics

START, END = date(2025, 1, 1), date(2025, 12, 31)


def cohort(db_session, organisation_id: int, gender: str, n: int, *, counted: bool = True,
           sus: bool = True, protected: bool = False, left_on: date | None = date(2025, 6, 1),
           enrolled_on: date = date(2025, 2, 1), before: str = "ingen",
           after: str = "arbete", hours_after: float = 40) -> None:
    """``n`` people of the programme with a participation and a SUS registration."""
    for i in range(n):
        person = Person(name=f"S {gender} {i}", gender=gender, organisation_id=organisation_id,
                        protected_identity=protected)
        db_session.add(person)
        db_session.flush()
        db_session.add_all([
            Participation(person_id=person.id, enrolled_on=enrolled_on, left_on=left_on),
            SusRegistration(person_id=person.id, occupation_before=before,
                            occupation_after=after, hours_after=hours_after)])
        if counted:
            db_session.add(Consent(person_id=person.id, purpose="statistics"))
        if sus:
            db_session.add(Consent(person_id=person.id, purpose="sus"))
    db_session.commit()


def test_the_section_counts_full_and_anonymous_registrations_and_occupation(
        db_session, world):
    programme = world.tove.organisation_id
    cohort(db_session, programme, "man", 4)
    cohort(db_session, programme, "man", 3, sus=False)  # anonymous: no SUS consent
    cohort(db_session, programme, "woman", 3, protected=True)  # anonymous: protected
    cohort(db_session, programme, "woman", 3, left_on=None, before="studier")
    figures = sus_statistics(db_session, world.coach, START, END, programme)
    assert figures.registrations[("full", "man")].text == "4"
    assert figures.registrations[("anonymous", "man")].text == "3"
    assert figures.registrations[("anonymous", "woman")].text == "3"
    assert figures.registrations[("total", "total")].text == "13"
    assert figures.exits[("out_full", "total")].text == "4"
    assert figures.exits[("out_anonymous", "total")].text == "6"
    assert figures.exits[("still_in", "woman")].text == "3"
    # only those registered out in full, by their recorded occupation
    assert figures.before[("ingen", "man")].text == "4"
    assert figures.before[("studier", "total")].text == "0"
    assert figures.after[("arbete", "total")].text == "4"
    assert figures.change[("increased", "man")].text == "4"
    logged = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.what == "statistics.sus")).all()
    assert [(e.action, e.person_id) for e in logged] == [("read", None)]


def test_only_the_counted_people_of_the_programme_who_took_part_are_counted(
        db_session, world):
    programme = world.tove.organisation_id
    other = world.organisations["Programme B"].id
    cohort(db_session, programme, "man", 3)
    cohort(db_session, programme, "man", 5, counted=False)
    cohort(db_session, other, "man", 5)
    cohort(db_session, programme, "man", 4, enrolled_on=date(2023, 1, 1),
           left_on=date(2024, 6, 1))  # left before the period
    figures = sus_statistics(db_session, world.coach, START, END, programme)
    assert figures.registrations[("total", "total")].text == "3"
    every = sus_statistics(db_session, world.users["admin"], START, END)
    assert every.registrations[("total", "total")].text == "8"


def test_a_small_count_is_masked_and_the_csv_has_codes_and_masks(db_session, world):
    programme = world.tove.organisation_id
    cohort(db_session, programme, "man", 5)
    cohort(db_session, programme, "woman", 1, sus=False)
    figures = sus_statistics(db_session, world.coach, START, END, programme, export=True)
    assert figures.registrations[("anonymous", "woman")].text == "<3"
    rows = sus_rows(figures)
    assert ["sus_registrations", "anonymous", "<3", "0", "0", "0", "<3"] in rows \
        or ["sus_registrations", "anonymous", "<3", "0", "0", "0", "–"] in rows
    assert not any(cell in {"1", "2"} for row in rows for cell in row[2:])
    assert {row[0] for row in rows} == {"sus_registrations", "sus_exits",
                                        "sus_occupation_before", "sus_occupation_after",
                                        "sus_change"}
    assert db_session.scalar(sa.select(AccessLog.action).where(
        AccessLog.what == "statistics.sus")) == "export"


def test_a_coach_of_another_programme_is_refused(db_session, world):
    with pytest.raises(policy.AccessDeniedError):
        sus_statistics(db_session, world.users["coach other org"], START, END,
                       world.tove.organisation_id)


def test_kodprov_stats_funder_prints_the_sus_section(runner, db_session, world,
                                                     database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    cohort(db_session, world.tove.organisation_id, "man", 3)
    cohort(db_session, world.tove.organisation_id, "woman", 2, sus=False)
    result = runner.invoke(cli, ["stats", "funder", "--from", "2025-01-01", "--to",
                                 "2025-12-31", "--format", "json"])
    assert result.exit_code == 0, result.output
    sus = json.loads(result.output)["sus"]
    assert set(sus) == {"registrations", "exits", "occupation_before", "occupation_after",
                        "change"}
    assert sus["registrations"]["full"]["man"] == "3"
    assert sus["registrations"]["anonymous"]["woman"] == "<3"
    assert sus["occupation_after"]["arbete"]["man"] == "3"
    csv = runner.invoke(cli, ["stats", "funder", "--from", "2025-01-01", "--to", "2025-12-31"])
    assert "sus_occupation_before;ingen;" in csv.output
