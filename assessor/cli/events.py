"""``kodprov events export``: an evening's hand-ins, one row each, as CSV or JSON."""

from __future__ import annotations

import click

from assessor.cli import context
from assessor.infra.unit_of_work import unit_of_work
from assessor.models import Event
from assessor.services import events, policy
from assessor.services.events.live import people_at


@click.group("events")
def events_group() -> None:
    """Mini Hackathon evenings."""


@events_group.command("export")
@click.option("--event", "event_id", required=True, type=click.IntRange(min=1, max=2**31 - 1),
              help="The evening's number (as in its address, /kvallar/NUMBER).")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv",
              show_default=True, help="CSV (for spreadsheets) or JSON.")
def export_command(event_id: int, fmt: str) -> None:
    """Print one row per hand-in of the evening: person code, task, score, time, supervised."""
    database = context.database()
    try:
        with unit_of_work(database) as session:
            event = session.get(Event, event_id)
            if event is None:
                raise click.ClickException(f"There is no evening number {event_id}.")
            if not policy.check_event(policy.SYSTEM, policy.Action.EVENT_MANAGE, event):
                raise click.ClickException("The access policy refuses this export.")
            rows = events.hand_in_rows(session, event)
            for person in people_at(session, event):  # an export of people's data is logged
                policy.service.log(session, policy.SYSTEM, person, "export",
                                   f"{policy.Action.EVENT_MANAGE} #{event.id}")
            text = events.export_csv(rows) if fmt == "csv" else events.export_json(event, rows)
    finally:
        database.dispose()
    click.echo(text.lstrip("\ufeff"), nl=fmt == "json")
