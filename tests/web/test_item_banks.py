"""A cohort's stored attempts calibrate a new, versioned item bank that reports then name."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from assessor.cli.main import cli
from assessor.domain.ability.model import log_probabilities
from assessor.models import Consent, Person, StoredItemBank, Submission
from assessor.services import item_banks
from assessor.services.skills import all_areas
from tests.app_settings import catalogue

AREA = "programmering"
HARDER_THAN_THOUGHT = 3.0  #: logits added to one item's true difficulty in the simulation


def simulate_cohort(session, persons: int, seed: int = 7, hard_item: str | None = None) -> None:
    """First attempts of ``persons`` simulated people at every programming challenge."""
    rng = np.random.default_rng(seed)
    items = [item for item in item_banks.priors_bank(catalogue).items if item.meta.area == AREA]
    start = datetime(2026, 9, 1, tzinfo=UTC)
    for n in range(persons):
        person = Person(name=f"Simulerad {n}")
        session.add(person)
        session.flush()
        session.add(Consent(person_id=person.id, purpose="assessment"))
        theta = rng.normal(0.0, 1.0)
        for i, item in enumerate(items):
            params = item.params
            if item.id == hard_item:
                params = replace(params, thresholds=tuple(t + HARDER_THAN_THOUGHT
                                                          for t in params.thresholds))
            probabilities = np.exp(log_probabilities(params, theta)[:, 0])
            category = int(rng.choice(len(probabilities), p=probabilities / probabilities.sum()))
            session.add(Submission(person_id=person.id, challenge_id=item.id, kind="attempt",
                                   status="graded", gradable=True,
                                   score=category / item.meta.max_score,
                                   files={"x": "y"}, created_at=start + timedelta(minutes=i)))
    session.commit()


def test_calibration_stores_a_new_version_and_puts_it_in_use(db_session):
    simulate_cohort(db_session, 40)
    before = item_banks.current_bank(db_session, catalogue=catalogue).version
    outcome = item_banks.calibrate_cohort(db_session, "Code_X hösten 2026", catalogue=catalogue)
    db_session.commit()
    assert outcome.bank.version != before and "code-x-hosten-2026" in outcome.bank.version
    assert item_banks.current_bank(db_session, catalogue=catalogue).version == outcome.bank.version
    assert (outcome.n_persons, outcome.fitted_areas) == (40, (AREA,))
    assert set(outcome.prior_areas) == {"databas", "natverk", "webb"}
    counts = {item.n_responses for item in outcome.bank.items if item.meta.area == AREA}
    assert counts == {40}


def test_an_item_much_harder_than_its_author_thought_is_flagged(db_session):
    hard = next(i.id for i in item_banks.priors_bank(catalogue).items if i.meta.area == AREA)
    simulate_cohort(db_session, 150, hard_item=hard)
    outcome = item_banks.calibrate_cohort(db_session, "hösten", catalogue=catalogue)
    by_id = {item.item_id: item for item in outcome.shifts}
    assert by_id[hard].shift > item_banks.LARGE_SHIFT and "large_shift" in by_id[hard].flags
    others = [item.shift for item in outcome.shifts if item.item_id != hard]
    assert max(others) < by_id[hard].shift


def test_only_the_first_attempt_at_a_challenge_counts(db_session):
    simulate_cohort(db_session, 3)
    person = db_session.scalars(sa.select(Person)).first()
    first = db_session.scalars(sa.select(Submission).where(Submission.person_id == person.id)
                               ).first()
    db_session.add(Submission(person_id=person.id, challenge_id=first.challenge_id,
                              kind="attempt", status="graded", gradable=True,
                              score=1.0 - first.score, files={"x": "y"},
                              created_at=first.created_at + timedelta(days=1)))
    db_session.commit()
    rows = [row for row in item_banks.first_attempts(db_session, catalogue=catalogue)
            if row[:2] == (person.public_id, first.challenge_id)]
    meta = item_banks.priors_bank(catalogue).item(first.challenge_id).meta
    assert rows == [(person.public_id, first.challenge_id, round(first.score * meta.max_score))]


def test_a_choice_challenge_is_stored_as_right_or_wrong(db_session):
    person = Person(name="Kodläsare")
    db_session.add(person)
    db_session.flush()
    db_session.add(Consent(person_id=person.id, purpose="assessment"))
    db_session.add(Submission(person_id=person.id, challenge_id="p1-kodlasning", kind="attempt",
                              status="graded", gradable=True, score=0.8, files={"x": "y"}))
    db_session.commit()
    assert item_banks.first_attempts(db_session, catalogue=catalogue) == [
        (person.public_id, "p1-kodlasning", 0)]


def test_attempts_of_someone_who_took_back_the_yes_to_the_tests_are_not_used(db_session):
    simulate_cohort(db_session, 3)
    withdrawn = db_session.scalars(sa.select(Consent)).first()
    withdrawn.withdrawn_at = datetime.now(UTC)
    db_session.commit()
    people = {row[0] for row in item_banks.first_attempts(db_session, catalogue=catalogue)}
    assert len(people) == 2 and withdrawn.person.public_id not in people


def test_too_few_persons_change_nothing(db_session):
    simulate_cohort(db_session, item_banks.MIN_PERSONS - 1)
    with pytest.raises(item_banks.ItemBankError, match="Too few responses"):
        item_banks.calibrate_cohort(db_session, "liten grupp", catalogue=catalogue)
    assert db_session.scalars(sa.select(StoredItemBank)).all() == []
    priors = item_banks.priors_bank(catalogue)
    assert item_banks.current_bank(db_session, catalogue=catalogue) is priors


def test_a_report_names_the_calibrated_bank(client, login, make_user, db_session):
    simulate_cohort(db_session, 20)
    outcome = item_banks.calibrate_cohort(db_session, "Code_X", catalogue=catalogue)
    db_session.commit()
    user = make_user()
    person = db_session.scalar(sa.select(Person).where(Person.user_id == user.id))
    login(user)
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    assert outcome.bank.version in page
    areas = all_areas(db_session, person, catalogue=catalogue)
    assert areas[AREA].assessment.bank_version == outcome.bank.version


def test_going_back_to_an_earlier_bank_and_to_the_priors(db_session):
    simulate_cohort(db_session, 20)
    first = item_banks.calibrate_cohort(db_session, "vår", catalogue=catalogue).bank.version
    simulate_cohort(db_session, 20, seed=8)
    second = item_banks.calibrate_cohort(db_session, "höst", catalogue=catalogue).bank.version
    assert item_banks.current_bank(db_session, catalogue=catalogue).version == second
    item_banks.activate(db_session, first)
    assert item_banks.current_bank(db_session, catalogue=catalogue).version == first
    item_banks.activate_priors(db_session, catalogue=catalogue)
    priors = item_banks.priors_bank(catalogue)
    assert item_banks.current_bank(db_session, catalogue=catalogue).version == priors.version


@pytest.fixture
def run_cli(database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)

    def run(*args: str):
        return CliRunner().invoke(cli, list(args))

    return run


def test_the_commands_calibrate_list_and_switch_banks(db_session, run_cli):
    simulate_cohort(db_session, 15)
    result = run_cli("irt", "calibrate", "--cohort", "Code_X", "--no-activate")
    assert result.exit_code == 0, result.output
    assert "Stored, not in use" in result.output
    version = db_session.scalars(sa.select(StoredItemBank.version)).one()
    listing = run_cli("irt", "banks").output
    assert f"  {version}  Code_X  (15 persons)" in listing
    assert run_cli("irt", "use", version).exit_code == 0
    assert f"* {version}" in run_cli("irt", "banks").output


def test_the_commands_refuse_bad_input_with_a_clear_line(db_session, run_cli):
    simulate_cohort(db_session, 2)
    too_few = run_cli("irt", "calibrate", "--cohort", "x")
    unknown = run_cli("irt", "use", "2020-01-01-nope-00000000")
    neither = run_cli("irt", "use")
    assert (too_few.exit_code, unknown.exit_code, neither.exit_code) == (2, 2, 2)
    assert "needs 10 persons" in too_few.output
    assert "irt banks" in unknown.output and "--priors" in neither.output
    assert "Traceback" not in too_few.output + unknown.output + neither.output
    assert db_session.scalars(sa.select(StoredItemBank)).all() == []


def test_the_priors_have_the_same_version_on_every_day(monkeypatch):
    import datetime as real

    class Tomorrow(real.date):
        @classmethod
        def today(cls):
            return real.date(2030, 6, 1)

    today = item_banks.priors_bank(catalogue).version
    item_banks.priors_bank.cache_clear()
    monkeypatch.setattr("assessor.domain.ability.bank.date", Tomorrow)
    try:
        assert item_banks.priors_bank(catalogue).version == today
        assert today.startswith(item_banks.PRIORS_CREATED.isoformat())
    finally:
        item_banks.priors_bank.cache_clear()
