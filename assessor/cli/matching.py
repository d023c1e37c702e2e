"""``kodprov match``: the ranked list for an opening, or an assignment suggestion.

It runs as the system, so it ranks the people of the opening's programme who said yes to the
tests (``match.rank``), and each person considered is written to the access log. It prints
code names, never names or needs.
"""

from __future__ import annotations

import json

import click

from assessor.cli.ability import BadInput
from assessor.domain.matching import MISSING_LEVEL_CHOICES
from assessor.infra.db import Database
from assessor.models import Opening
from assessor.services.matching.batch import suggest_for_programme
from assessor.services.matching.ranking import rank_opening
from assessor.services.policy import SYSTEM


def reason_json(reason) -> dict:
    """A reason as JSON (codes and details; words are the web's)."""
    return {"kind": reason.kind, "code": reason.code, "detail": list(reason.detail),
            "effect": reason.effect}


@click.command("match")
@click.option("--opening", "opening_id", type=int, help="The opening's number.")
@click.option("--assign", is_flag=True,
              help="Suggest one open opening per person across the opening's programme.")
@click.option("--missing", type=click.Choice(MISSING_LEVEL_CHOICES), default="exclude",
              show_default=True, help="A person without a required level: left out or flagged.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def match_command(opening_id: int | None, assign: bool, missing: str, as_json: bool) -> None:
    """Rank the people who fit an opening, best first, with the reasons."""
    if opening_id is None:
        raise BadInput("Give --opening with the opening's number.")
    database = Database.from_env()
    try:
        with database.session() as session, session.begin():
            opening = session.get(Opening, opening_id) if 0 < opening_id < 2**31 else None
            if opening is None:
                raise BadInput(f"There is no opening {opening_id}.")
            if assign:
                output = _assignment(session, opening, missing)
            else:
                output = _ranked(rank_opening(session, SYSTEM, opening, missing))
    finally:
        database.dispose()
    _echo(output, as_json)


def _ranked(ranked) -> dict:
    return {"opening": {"id": ranked.opening.id, "title": ranked.opening.title,
                        "employer": ranked.opening.employer.name},
            "missing": ranked.missing, "left_out": ranked.left_out,
            "ranked": [{"code_name": e.person.public_id, "score": e.result.score,
                        "reasons": [reason_json(r) for r in e.result.reasons]}
                       for e in ranked.entries]}


def _assignment(session, opening: Opening, missing: str) -> dict:
    """The suggestion for every open opening of the opening's programme."""
    pairs = suggest_for_programme(session, SYSTEM, opening.employer.programme_id, missing)
    return {"assignment": [{"opening": p.opening.id, "code_name": p.person.public_id,
                            "score": p.score} for p in pairs]}


def _echo(output: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(output, ensure_ascii=False, indent=2))
        return
    if "assignment" in output:
        for pair in output["assignment"]:
            click.echo(f"opening {pair['opening']:5}  {pair['code_name']}  {pair['score']:5.1f}")
        return
    opening = output["opening"]
    click.echo(f"{opening['title']} ({opening['employer']}), opening {opening['id']}")
    for place, entry in enumerate(output["ranked"], start=1):
        reasons = "; ".join(f"{r['effect']} {r['kind']}.{r['code']}"
                            + (f" {', '.join(r['detail'])}" if r["detail"] and
                               r["kind"] != "accommodations" else "")
                            for r in entry["reasons"])
        click.echo(f"{place:3}. {entry['code_name']}  {entry['score']:5.1f}  {reasons}")
    click.echo(f"Not shown: {output['left_out']} (a level missing, or a need the workplace "
               "cannot meet).")
