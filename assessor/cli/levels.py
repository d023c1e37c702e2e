"""``kodprov levels``: the levels per area from a file of attempts, as the report finds them.

The attempts go through the same steps as a person's graded submissions in the report
(:func:`services.skills.responses_in`, then :func:`domain.ability.assessment.area_standing`),
scored by the item bank in use: the configured database's, or the authors' priors when there is
no database, an empty one, or one that cannot be read. Nothing is stored.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import click
import sqlalchemy as sa

from assessor.cli import context
from assessor.cli.ability import BadInput
from assessor.domain.ability import ItemBank
from assessor.domain.ability.assessment import area_standing
from assessor.infra.db import Database
from assessor.services.catalogue import Catalogue
from assessor.services.item_banks import current_bank, priors_bank
from assessor.services.reports.content import AREAS
from assessor.services.skills import responses_in

MAX_FILE = 1024 * 1024
EXAMPLE = '{"attempts": [{"challenge": "p1-vokaler", "score": 1.0, "supervised": false}]}'


@click.command("levels")
@click.option("--attempts", "attempts_path", required=True, type=click.Path(path_type=Path),
              help='JSON: {"attempts": [{"challenge": SLUG, "score": 0–1, "supervised": '
                   'false}, …]}, oldest first.')
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def levels_command(attempts_path: Path, as_json: bool) -> None:
    """Level, confidence, "klar" and next task per area for a list of attempts."""
    catalogue = context.catalogue()
    attempts = read_attempts(attempts_path, catalogue)
    bank = bank_in_use(catalogue)
    areas = {area: area_summary(bank, area, attempts, catalogue) for area in AREAS}
    if as_json:
        click.echo(json.dumps({"areas": areas, "bank_version": bank.version},
                              ensure_ascii=False, indent=2))
        return
    for area, summary in areas.items():
        level = "no level yet" if summary["level"] is None else (
            f"{'at least ' if summary['at_least'] else ''}{summary['level']} "
            f"({summary['confidence']:.0%})")
        click.echo(f"{area}: {level}, {'done' if summary['done'] else 'not done'}, "
                   f"next {summary['next']}")


def area_summary(bank: ItemBank, area: str, attempts: list[tuple[str, float]],
                 catalogue: Catalogue) -> dict:
    """One area: level, course, grade, confidence, done, next; also ``at_least`` (the level is
    a lower bound, and ``confidence`` the chance of being at or above it) and ``rank``. With no
    level nothing is claimed: level, course and grade are null and the confidence is that of
    "at least nothing" (1) or of being below the first step."""
    standing = area_standing(bank, area, responses_in(bank, area, catalogue, attempts),
                             seed=area)
    level = standing.level
    rank = level.rank if level else 0
    step = level.ladder[rank - 1] if rank else None
    course, grade = step.rsplit(" ", 1) if step else (None, None)
    return {"level": step, "course": course, "grade": grade,
            "confidence": round(level.confidence, 4) if level else 0.0,
            "done": standing.done, "next": standing.next_item,
            "at_least": bool(rank and level.at_least), "rank": rank}


def read_attempts(path: Path, catalogue: Catalogue) -> list[tuple[str, float]]:
    """(challenge, score) per attempt, oldest first; BadInput (exit 2, one line) otherwise."""
    try:
        if path.stat().st_size > MAX_FILE:
            raise BadInput(f"{path}: the file is larger than 1 MiB.")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise BadInput(f"{path}: no such readable file.") from None
    except UnicodeDecodeError:
        raise BadInput(f"{path}: the file is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise BadInput(f"{path}: not valid JSON ({error.msg}, line {error.lineno}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("attempts"), list):
        raise BadInput(f"{path}: write an object like {EXAMPLE}.")
    return [_attempt(path, number, entry, catalogue)
            for number, entry in enumerate(data["attempts"], start=1)]


def _attempt(path: Path, number: int, entry: object,
             catalogue: Catalogue) -> tuple[str, float]:
    where = f"{path}: attempt {number}"
    if not isinstance(entry, dict):
        raise BadInput(f'{where}: write an object like {{"challenge": "p1-vokaler", '
                       f'"score": 1.0}}.')
    challenge, score = entry.get("challenge"), entry.get("score")
    if not isinstance(challenge, str) or catalogue.challenge(challenge) is None:
        raise BadInput(f"{where}: unknown challenge {challenge!r} "
                       "(`kodprov challenges list` names them).")
    if isinstance(score, bool) or not isinstance(score, int | float) or not (
            math.isfinite(score) and 0.0 <= score <= 1.0):
        raise BadInput(f"{where}: the score must be a number from 0 to 1, not {score!r}.")
    if not isinstance(entry.get("supervised", False), bool):
        raise BadInput(f"{where}: supervised must be true or false.")
    return challenge, float(score)


def bank_in_use(catalogue: Catalogue) -> ItemBank:
    """The configured database's bank in use; the authors' priors when there is none."""
    url = sa.engine.make_url(context.settings().database_url)
    if url.get_backend_name() == "sqlite" and not (
            url.database and url.database != ":memory:" and Path(url.database).is_file()):
        return priors_bank(catalogue)  # opening a missing SQLite file would create it
    database = Database(url.render_as_string(hide_password=False))
    try:
        with database.session() as session:
            return current_bank(session, catalogue=catalogue)
    except sa.exc.SQLAlchemyError:
        return priors_bank(catalogue)  # unreachable, or not migrated: nothing stored to use
    finally:
        database.dispose()
