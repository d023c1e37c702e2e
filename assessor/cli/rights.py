"""``kodprov retention``: what the retention rules remove, shown or done."""

from __future__ import annotations

import json

import click

from assessor.cli import context
from assessor.infra.unit_of_work import unit_of_work
from assessor.services import admin_settings
from assessor.services.rights import periods, retention


@click.command("retention")
@click.option("--dry-run", is_flag=True, help="Only show what would be removed.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def retention_command(dry_run: bool, as_json: bool) -> None:
    """Remove what the retention rules say is kept too long (logged); --dry-run only shows it."""
    database = context.database()
    try:
        with unit_of_work(database) as session:
            days = admin_settings.guest_days(session, context.settings().guest_days)
            found = (retention.due(session, guest_days=days) if dry_run
                     else retention.apply(session, guest_days=days))
    finally:
        database.dispose()
    if as_json:
        click.echo(json.dumps({"dry_run": dry_run, "removed" if not dry_run else "would_remove":
                               {d.category: len(d.ids) for d in found}}))
        return
    verb = "would remove" if dry_run else "removed"
    for category in found:
        rule = periods.BY_NAME[category.category]
        kept = f"{rule.keep.days} days after {rule.counted_from}" if rule.keep \
            else "until nothing archived remains"
        click.echo(f"{category.category:15} {verb} {len(category.ids):5}   (kept {kept})")
