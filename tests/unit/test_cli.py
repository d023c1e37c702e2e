"""The kodprov command line: database, accounts and demo data."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.cli.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from assessor.cli.main import cli
from assessor.infra.db import Database
from assessor.models import User
from tests.app_settings import catalogue


@pytest.fixture
def cli_env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("KODPROV_DATABASE_URL", url)
    monkeypatch.setenv("KODPROV_ENV", "development")
    return url


def users_in(url: str) -> dict[str, User]:
    database = Database(url)
    try:
        with database.session() as session:
            return {u.email: u for u in session.scalars(sa.select(User))}
    finally:
        database.dispose()


def test_db_upgrade_then_demo_creates_one_login_per_role(runner, cli_env):
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    result = runner.invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    users = users_in(cli_env)
    assert {email for email, *_ in DEMO_ACCOUNTS} <= set(users)
    assert {u.role for u in users.values()} == {"candidate", "facilitator", "caseworker", "admin"}
    assert DEMO_PASSWORD in result.output


def test_the_demo_candidate_has_graded_attempts_and_a_finished_questionnaire(runner, cli_env):
    from assessor.cli.demo import DEMO_SUBMISSIONS
    from assessor.models import Person, QuestionnaireResponse, Submission

    runner.invoke(cli, ["db", "upgrade"])
    result = runner.invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    database = Database(cli_env)
    try:
        with database.session() as session:
            kim = session.scalar(sa.select(Person).join(User, Person.user_id == User.id)
                                 .where(User.email == "kandidat@demo.kodprov.se"))
            submissions = session.scalars(sa.select(Submission)).all()
            response = session.scalars(sa.select(QuestionnaireResponse).where(
                QuestionnaireResponse.person_id == kim.id)).one()
    finally:
        database.dispose()
    assert len(submissions) == len(DEMO_SUBMISSIONS)
    assert {s.person_id for s in submissions} == {kim.id}
    assert {s.status for s in submissions} == {"graded"}
    assert sorted(s.score == 1.0 for s in submissions).count(False) == 1  # one known mistake
    assert response.completed_at is not None and response.outcome == "programmer"


def test_the_second_demo_candidate_is_half_way_and_does_not_share_the_report(runner, cli_env):
    from assessor.models import Consent, Person, QuestionnaireResponse

    runner.invoke(cli, ["db", "upgrade"])
    assert runner.invoke(cli, ["demo"]).exit_code == 0
    database = Database(cli_env)
    try:
        with database.session() as session:
            sam = session.scalar(sa.select(Person).join(User, Person.user_id == User.id)
                                 .where(User.email == "kandidat2@demo.kodprov.se"))
            response = session.scalars(sa.select(QuestionnaireResponse).where(
                QuestionnaireResponse.person_id == sam.id)).one()
            purposes = set(session.scalars(sa.select(Consent.purpose).where(
                Consent.person_id == sam.id)))
    finally:
        database.dispose()
    assert response.completed_at is None and response.answers
    assert purposes == {"assessment"}


def test_demo_if_empty_leaves_an_existing_database_alone(runner, cli_env):
    runner.invoke(cli, ["db", "upgrade"])
    runner.invoke(cli, ["demo"])
    result = runner.invoke(cli, ["demo", "--if-empty"])
    assert result.exit_code == 0 and "left as it is" in result.output
    again = runner.invoke(cli, ["demo"])
    assert again.exit_code == 1 and "already has accounts" in again.output


def test_demo_refuses_to_run_with_the_production_config(runner, cli_env, monkeypatch):
    runner.invoke(cli, ["db", "upgrade"])
    monkeypatch.setenv("KODPROV_ENV", "production")
    result = runner.invoke(cli, ["demo"])
    assert result.exit_code == 1 and "development only" in result.output
    assert users_in(cli_env) == {}


def test_users_create_reads_the_password_from_stdin(runner, cli_env):
    runner.invoke(cli, ["db", "upgrade"])
    result = runner.invoke(cli, ["users", "create", "--email", "Ny@Example.se", "--name", "Ny",
                                 "--role", "caseworker"], input="a-long-password\n")
    assert result.exit_code == 0, result.output
    assert users_in(cli_env)["ny@example.se"].role == "caseworker"


def organisations_of(url: str) -> dict[str, str | None]:
    """email → organisation name, for every account."""
    from assessor.models import Organisation

    database = Database(url)
    try:
        with database.session() as session:
            rows = session.execute(sa.select(User.email, Organisation.name).outerjoin(
                Organisation, User.organisation_id == Organisation.id))
            return dict(rows.all())
    finally:
        database.dispose()


def test_users_create_puts_staff_in_an_organisation_creating_it_once(runner, cli_env):
    runner.invoke(cli, ["db", "upgrade"])
    for email, role in (("h1@kommun.se", "caseworker"), ("h2@kommun.se", "facilitator")):
        result = runner.invoke(cli, ["users", "create", "--email", email, "--name", "H",
                                     "--role", role, "--organisation", " Kommunen  Väst "],
                               input="a-long-password\n")
        assert result.exit_code == 0, result.output
        assert "in Kommunen Väst" in result.output
    assert organisations_of(cli_env) == {"h1@kommun.se": "Kommunen Väst",
                                         "h2@kommun.se": "Kommunen Väst"}
    from assessor.models import Organisation

    database = Database(cli_env)
    try:
        with database.session() as session:
            assert session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 1
    finally:
        database.dispose()


def test_users_create_puts_a_candidate_in_the_programme_of_the_organisation(runner, cli_env):
    from assessor.models import Organisation, Person

    runner.invoke(cli, ["db", "upgrade"])
    result = runner.invoke(cli, ["users", "create", "--email", "k@x.se", "--name", "K",
                                 "--role", "candidate", "--organisation", "Kodprov Väst"],
                           input="a-long-password\n")
    assert result.exit_code == 0, result.output
    assert organisations_of(cli_env) == {"k@x.se": None}  # a candidate works for nobody
    database = Database(cli_env)
    try:
        with database.session() as session:
            programme = session.scalar(sa.select(Organisation.name).join(
                Person, Person.organisation_id == Organisation.id))
            assert programme == "Kodprov Väst"
    finally:
        database.dispose()


def test_an_empty_organisation_is_refused_and_nothing_is_created(runner, cli_env):
    runner.invoke(cli, ["db", "upgrade"])
    empty = runner.invoke(cli, ["users", "create", "--email", "h@x.se", "--name", "H",
                                "--role", "caseworker", "--organisation", "  "],
                          input="a-long-password\n")
    assert empty.exit_code == 2 and "needs a name" in empty.output
    assert users_in(cli_env) == {} and organisations_of(cli_env) == {}


def test_users_create_explains_bad_input_and_creates_nothing(runner, cli_env):
    runner.invoke(cli, ["db", "upgrade"])
    short = runner.invoke(cli, ["users", "create", "--email", "a@b.se", "--name", "A",
                                "--role", "admin"], input="short\n")
    assert short.exit_code == 2 and "at least 8" in short.output
    role = runner.invoke(cli, ["users", "create", "--email", "a@b.se", "--name", "A",
                               "--role", "king"], input="long-enough\n")
    assert role.exit_code == 2 and "king" in role.output
    assert users_in(cli_env) == {}


def test_db_downgrade_removes_the_tables(runner, cli_env):
    runner.invoke(cli, ["db", "upgrade"])
    assert runner.invoke(cli, ["db", "downgrade", "--revision", "base"]).exit_code == 0
    engine = sa.create_engine(cli_env)
    assert "user_account" not in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_the_demo_report_shows_no_level_without_a_task_passed_at_that_step(runner, cli_env):
    from assessor.domain.ability.levels import LADDERS
    from assessor.models import Person, Submission
    from assessor.services.skills import all_areas

    runner.invoke(cli, ["db", "upgrade"])
    assert runner.invoke(cli, ["demo"]).exit_code == 0
    database = Database(cli_env)
    try:
        with database.session() as session:
            kim = session.scalar(sa.select(Person).join(User, Person.user_id == User.id)
                                 .where(User.email == "kandidat@demo.kodprov.se"))
            solved = [catalogue.challenge(s.challenge_id) for s in session.scalars(
                sa.select(Submission).where(Submission.person_id == kim.id,
                                            Submission.score == 1.0))]
            areas = all_areas(session, kim, catalogue=catalogue)
    finally:
        database.dispose()
    shown = [area for area, skill in areas.items() if skill.result.level]
    assert shown  # the demo shows levels at all
    for area, skill in areas.items():
        steps = [LADDERS[area].index((c.course, c.level)) + 1 for c in solved
                 if c.area.value == area]
        assert skill.result.level_rank <= max(steps, default=0), (area, skill.result)


def links_of(url: str, email: str) -> list:
    """The account's one-time links, oldest first."""
    from assessor.models import AccountLink

    database = Database(url)
    try:
        with database.session() as session:
            return list(session.scalars(sa.select(AccountLink).join(User, AccountLink.user_id
                                                                    == User.id)
                                        .where(User.email == email).order_by(AccountLink.id)))
    finally:
        database.dispose()


def test_users_create_with_invite_asks_no_password_and_prints_a_link_that_works(
        runner, cli_env, monkeypatch):
    from assessor.services.account_links import use

    monkeypatch.setenv("KODPROV_BASE_URL", "https://kodprov.example.se/")
    runner.invoke(cli, ["db", "upgrade"])
    result = runner.invoke(cli, ["users", "create", "--email", "coach@x.se", "--name", "C",
                                 "--role", "facilitator", "--invite"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "/konto/lank/" in line)
    assert line.strip().startswith("https://kodprov.example.se/konto/lank/")
    code = line.rsplit("/", 1)[1]
    database = Database(cli_env)
    try:
        with database.session() as session, session.begin():
            assert use(session, code, "a-long-password").email == "coach@x.se"
    finally:
        database.dispose()


def test_users_link_makes_a_new_link_and_ends_the_old_one(runner, cli_env):
    runner.invoke(cli, ["db", "upgrade"])
    runner.invoke(cli, ["users", "create", "--email", "k@x.se", "--name", "K", "--role",
                        "candidate"], input="a-long-password\n")
    for _ in range(2):
        result = runner.invoke(cli, ["users", "link", "--email", "K@x.se"])
        assert result.exit_code == 0 and "Password reset link" in result.output, result.output
    first, second = links_of(cli_env, "k@x.se")
    assert first.revoked_at is not None and second.revoked_at is None
    assert second.purpose == "reset"


def test_users_close_ends_the_account_and_bad_emails_exit_2(runner, cli_env):
    runner.invoke(cli, ["db", "upgrade"])
    runner.invoke(cli, ["users", "create", "--email", "k@x.se", "--name", "K", "--role",
                        "candidate"], input="a-long-password\n")
    assert runner.invoke(cli, ["users", "close", "--email", "k@x.se"]).exit_code == 0
    assert users_in(cli_env)["k@x.se"].active is False
    assert runner.invoke(cli, ["users", "close", "--email", "k@x.se", "--open"]).exit_code == 0
    assert users_in(cli_env)["k@x.se"].active is True
    unknown = runner.invoke(cli, ["users", "link", "--email", "nobody@x.se"])
    assert unknown.exit_code == 2 and "no account for nobody@x.se" in unknown.output


def test_the_demo_programme_has_tuesday_evenings_in_the_public_calendar(runner, cli_env):
    from assessor.cli.demo import PROGRAMME
    from assessor.services.calendar.schedule import public_calendars

    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    assert runner.invoke(cli, ["demo"]).exit_code == 0
    database = Database(cli_env)
    try:
        with database.session() as session:
            calendars = public_calendars(session)
    finally:
        database.dispose()
    assert [c.programme for c in calendars] == [PROGRAMME]
    evenings = calendars[0].evenings
    assert evenings and all(e.day.weekday() == 1 for e in evenings)
