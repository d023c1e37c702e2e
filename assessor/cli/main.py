"""The ``kodprov`` command line: one entry point for every operational task."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy.orm import Session

from assessor.cli import context, demo, synthetic
from assessor.cli.ability import BadInput, irt_group
from assessor.cli.challenges import challenges_group, grade_command
from assessor.cli.events import events_group
from assessor.cli.grading import recover_command, regrade_command, worker_command
from assessor.cli.item_banks import banks_command, calibrate_command, use_command
from assessor.cli.levels import levels_command
from assessor.cli.matching import match_command
from assessor.cli.rights import retention_command
from assessor.cli.screening import questionnaire_group, screen_command
from assessor.cli.statistics import stats_group
from assessor.domain.vocabulary import DEFAULT_LOCALE, LOCALES
from assessor.infra import migrate
from assessor.infra.settings import Settings
from assessor.infra.unit_of_work import unit_of_work
from assessor.models import User
from assessor.services import account_service, accounts
from assessor.services.account_links import LINK_PATH, IssuedLink
from assessor.services.jobs.challenge_grader import ChallengeGrader
from assessor.services.jobs.queues import grade_waiting
from assessor.services.policy import SYSTEM
from sandbox import LazyRunner
from sandbox.cli import sandbox_group


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Show more log output.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Kodprov: verify IT skills fairly and calmly."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    context.start(ctx)  # the settings, read once for the whole run


@cli.group("db")
def db_group() -> None:
    """Create and migrate the database schema."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
def db_upgrade(revision: str) -> None:
    """Migrate the database up (creating it if needed)."""
    url = context.settings().database_url
    _ensure_sqlite_folder(url)
    migrate.upgrade(url, revision)
    click.echo(f"Database is at revision {revision}.")


@db_group.command("downgrade")
@click.option("--revision", default="-1", show_default=True, help="Target revision.")
def db_downgrade(revision: str) -> None:
    """Migrate the database down."""
    migrate.downgrade(context.settings().database_url, revision)
    click.echo(f"Database downgraded to {revision}.")


def _ensure_sqlite_folder(url: str) -> None:
    if url.startswith("sqlite:///"):
        from pathlib import Path

        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)


@cli.group("users")
def users_group() -> None:
    """Manage accounts."""


@users_group.command("create")
@click.option("--email", required=True, help="Login email.")
@click.option("--name", required=True, help="Full name shown in the app.")
@click.option("--role", required=True,
              type=click.Choice(["candidate", "facilitator", "caseworker", "admin"]))
@click.option("--locale", default=DEFAULT_LOCALE, type=click.Choice(LOCALES), show_default=True)
@click.option("--organisation", default=None,
              help="Staff: the organisation they work for; a candidate: the programme they "
                   "take part in (created when new).")
@click.option("--invite", is_flag=True,
              help="Ask no password: print an invitation link the person sets one with.")
def users_create(email: str, name: str, role: str, locale: str,
                 organisation: str | None, invite: bool) -> None:
    """Create an account; asks for the password, or reads it from stdin when piped."""
    password = None if invite else _read_password()
    with _account_session() as (session, settings):
        user = account_service.create_account(
            session, SYSTEM, email=email, name=name, role=role, organisation=organisation,
            password=password, locale=locale)
        link = (account_service.issue_account_link(
            session, SYSTEM, user, lifetime_days=settings.invitation_days) if invite else None)
    where = f" in {' '.join(organisation.split())}" if organisation else ""
    click.echo(f"Created {role} account {email.strip().lower()}{where}.")
    if link is not None:
        _echo_link(link, settings)


@users_group.command("link")
@click.option("--email", required=True, help="The account's login email.")
def users_link(email: str) -> None:
    """Print a one-time link for an account: an invitation, or a password reset once the
    person has a password. Earlier links stop working."""
    with _account_session() as (session, settings):
        link = account_service.issue_account_link(
            session, SYSTEM, _account(session, email), lifetime_days=settings.invitation_days)
    _echo_link(link, settings)


@users_group.command("close")
@click.option("--email", required=True, help="The account's login email.")
@click.option("--open", "reopen", is_flag=True, help="Open a closed account again instead.")
def users_close(email: str, reopen: bool) -> None:
    """Close an account (its logins and links end at once), or open it again."""
    with _account_session() as (session, _settings):
        account_service.change_account(session, SYSTEM, _account(session, email), active=reopen)
    click.echo(f"{'Opened' if reopen else 'Closed'} the account {email.strip().lower()}.")


@contextmanager
def _account_session() -> Iterator[tuple[Session, Settings]]:
    """A session in one transaction for an account command; bad input exits 2 in one line."""
    database = context.database()
    try:
        with unit_of_work(database) as session:
            yield session, context.settings()
    except accounts.AccountError as error:
        raise BadInput(str(error)) from None
    finally:
        database.dispose()


def _account(session: Session, email: str) -> User:
    user = accounts.find_user(session, email)
    if user is None:
        raise accounts.AccountError(f"There is no account for {email.strip().lower()}.")
    return user


def _echo_link(link: IssuedLink, settings: Settings) -> None:
    base = settings.base_url or "http://127.0.0.1:5000"
    kind = "Invitation" if link.purpose == "invitation" else "Password reset"
    click.echo(f"{kind} link (works once, until {link.expires_at:%Y-%m-%d %H:%M} UTC):")
    click.echo(f"  {base}{LINK_PATH}{link.code}")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@cli.command("demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when accounts already exist.")
@click.option("--people", type=click.IntRange(0, 100_000), default=None,
              help="Synthetic data instead: this many people in a programme of their own.")
@click.option("--openings", type=click.IntRange(0, 100_000), default=None,
              help="Synthetic data: this many openings at that programme's employers.")
@click.option("--seed", type=int, default=1, show_default=True,
              help="Synthetic data: the same seed makes the same data.")
def demo_command(if_empty: bool, people: int | None, openings: int | None, seed: int) -> None:
    """Load demo data with the documented development logins (never in production); with
    --people or --openings, synthetic people and openings at any size instead."""
    settings = context.settings()
    if settings.is_production:
        raise click.ClickException("Demo data is for development only; KODPROV_ENV=production.")
    if people is not None or openings is not None:
        _synthetic_demo(people or 0, openings or 0, seed)
        return
    database = context.database()
    runner = LazyRunner(settings.sandbox_config)
    try:
        with unit_of_work(database) as session:
            if not demo.database_is_empty(session):
                if if_empty:
                    click.echo("Demo data: the database already has accounts; left as it is.")
                    return
                raise click.ClickException(
                    "The database already has accounts. Use --if-empty, or a fresh database."
                )
            emails = demo.create_demo(session, context.catalogue())
        graded = grade_waiting(database, ChallengeGrader(context.catalogue(), runner))
    finally:
        runner.close()
        database.dispose()
    click.echo(f"Graded {graded} demo submissions in the sandbox.")
    click.echo(f"Demo logins (password {demo.DEMO_PASSWORD}):")
    for email in emails:
        click.echo(f"  {email}")


def _synthetic_demo(people: int, openings: int, seed: int) -> None:
    database = context.database()
    try:
        with unit_of_work(database) as session:
            made = synthetic.create_synthetic(session, people, openings, seed,
                                              context.catalogue())
    except synthetic.SyntheticError as error:
        raise BadInput(str(error)) from None
    finally:
        database.dispose()
    click.echo(f"{made.programme}: {made.people} people, {made.openings} openings at "
               f"{made.employers} employers.")


cli.add_command(sandbox_group)
cli.add_command(questionnaire_group)
cli.add_command(screen_command)
# Further command groups are registered below, one line each.
cli.add_command(challenges_group)
cli.add_command(grade_command)
cli.add_command(irt_group)
cli.add_command(levels_command)
cli.add_command(retention_command)
cli.add_command(events_group)
cli.add_command(match_command)
cli.add_command(worker_command)
cli.add_command(recover_command)
cli.add_command(regrade_command)
cli.add_command(stats_group)
for _command in (calibrate_command, banks_command, use_command):
    irt_group.add_command(_command)
