"""``kodprov stats funder``: the funder report of a period, masked, as CSV or JSON.

It runs as the system: it counts the people who said yes to "Anonymous statistics", of one
programme (``--organisation``) or of all, and writes one access-log entry (an export about
no person). It prints counts only, never a person.
"""

from __future__ import annotations

import json
from datetime import date

import click
import sqlalchemy as sa

from assessor.cli import context
from assessor.cli.ability import BadInput
from assessor.infra.spreadsheet import csv_text
from assessor.infra.unit_of_work import unit_of_work
from assessor.models import Organisation
from assessor.services.policy import SYSTEM
from assessor.services.statistics import StatisticsError
from assessor.services.statistics.funder_file import funder_file_json, funder_file_rows


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"{option} must be a date like 2025-01-31, not {text!r}.") from None


@click.group("stats")
def stats_group() -> None:
    """Statistics for funders: masked counts, never a person."""


@stats_group.command("funder")
@click.option("--from", "start", required=True, help="The period's first day (YYYY-MM-DD).")
@click.option("--to", "end", required=True, help="The period's last day (YYYY-MM-DD).")
@click.option("--format", "output", type=click.Choice(["csv", "json"]), default="csv",
              show_default=True, help="CSV (for a spreadsheet) or JSON.")
@click.option("--organisation", default=None,
              help="The programme's name (default: every programme).")
def funder_command(start: str, end: str, output: str, organisation: str | None) -> None:
    """Print the funder report of a period: participants by gender and age group, outcomes,
    goals against results, end reasons, days to the first step, the indicator survey's
    positive share at exit, the SUS registrations and occupation before and after; counts
    of 1 or 2 shown as "<3"."""
    first, last = _day(start, "--from"), _day(end, "--to")
    database = context.database()
    try:
        with unit_of_work(database) as session:
            programme = None
            if organisation is not None:
                programme = session.scalar(sa.select(Organisation.id).where(
                    Organisation.name == organisation))
                if programme is None:
                    raise BadInput(f"There is no organisation named {organisation!r}.")
            try:
                if output == "json":
                    content = funder_file_json(session, SYSTEM, first, last, programme)
                else:
                    content = funder_file_rows(session, SYSTEM, first, last, programme)
            except StatisticsError:
                raise BadInput("--from must not be after --to.") from None
    finally:
        database.dispose()
    if output == "json":
        click.echo(json.dumps(content, ensure_ascii=False, indent=2))
    else:
        header, *rows = content
        click.echo(csv_text(header, rows), nl=False)
