"""How often the adaptive levels land on the right step: simulated candidates at known steps.

Each simulated candidate sits at a known step of an area's ladder. They answer the suggestions
of :func:`domain.ability.assessment.area_standing` (the computation the report and the start
page use) until the area is "klar": a task at or below their step is passed (full score) with
probability 0.9, a task above it with probability 0.15; a task not passed scores 0. The bank is
the authors' priors of the challenges in ``challenges/`` — what a fresh database uses.

Prints per area and step the share placed exactly, one step over, two or more over and under,
then the LAST line ``exact = X.XX over2 = N mean items = Y.Y`` over every candidate (goals:
exact ≥ 0.80, at most 1 % two or more steps over, mean ≤ 12 items).

``--planned`` first adds the programming challenges being written (two Programmering 1 A at
0.42 and 0.45, one more Programmering 2 E at 0.52) while the bank lacks them. Seeded; run:
``.venv/bin/python bench/levels.py [--persons N] [--seed S] [--planned]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.remove(str(Path(__file__).resolve().parent))  # bench/ must not shadow packages
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessor.domain.ability import ItemBank, ItemMeta, Response
from assessor.domain.ability.assessment import area_standing
from assessor.domain.ability.items import author_difficulty_logits, challenge_meta
from assessor.domain.ability.levels import LADDERS
from assessor.infra.settings import Settings
from assessor.services.catalogue import catalogue_at

PASS_AT_OR_BELOW = 0.9
PASS_ABOVE = 0.15
MAX_ITEMS = 40  #: a bound; the done rule stops far earlier
#: (course, grade, author difficulty, how many the bank should have) of challenges in the works
PLANNED = [("Programmering 1", "A", (0.42, 0.45)), ("Programmering 2", "E", (0.50, 0.52))]


def bank_metas(planned: bool) -> list[ItemMeta]:
    """The authors' priors of the bank, plus the planned challenges it lacks when asked."""
    bank = catalogue_at(Settings.from_env().challenges_path).bank()
    metas = [challenge_meta(challenge) for challenge in bank]
    if planned:
        for course, grade, difficulties in PLANNED:
            have = sum(m.course == course and m.level == grade for m in metas)
            for k, difficulty in enumerate(difficulties[have:]):
                metas.append(ItemMeta(f"planned-{course[-1]}{grade}-{k}".lower(),
                                      "programmering", course, grade, 3,
                                      author_difficulty_logits(difficulty), "challenge"))
    return metas


def simulate(bank: ItemBank, area: str, step: int, rng: random.Random,
             person: str) -> tuple[int, int]:
    """(rank reported when done, items answered) for one candidate at ``step``."""
    scale = bank.area(area).scale
    responses: list[Response] = []
    while True:
        standing = area_standing(bank, area, responses, seed=person)
        if standing.done or standing.next_item is None or len(responses) >= MAX_ITEMS:
            return (standing.level.rank if standing.level else 0), len(responses)
        item = bank.item(standing.next_item)
        chance = PASS_AT_OR_BELOW if scale.rank_of(item.meta) <= step else PASS_ABOVE
        score = item.meta.max_score if rng.random() < chance else 0
        responses.append(Response(item.id, score))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=150, help="candidates per step")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--planned", action="store_true",
                        help="add the planned programming challenges the bank lacks")
    args = parser.parse_args()
    bank = ItemBank.from_priors(bank_metas(args.planned), created=date(2026, 1, 1))
    rng = random.Random(args.seed)
    total, items = Counter(), 0
    print(f"{'area':<14} {'step':<20} {'exact':>6} {'over1':>6} {'over2':>6} {'under':>6} "
          f"{'items':>6}")
    for area, ladder in LADDERS.items():
        for step in range(1, len(ladder) + 1):
            counts, answered = Counter(), 0
            for n in range(args.persons):
                rank, used = simulate(bank, area, step, rng, f"{area}:{step}:{n}")
                gap = rank - step
                counts["exact" if gap == 0 else "over1" if gap == 1 else
                       "over2" if gap > 1 else "under"] += 1
                answered += used
            total.update(counts)
            items += answered
            label = " ".join(ladder[step - 1])
            print(f"{area:<14} {label:<20} " + " ".join(
                f"{counts[k] / args.persons:>6.2f}" for k in ("exact", "over1", "over2", "under"))
                + f" {answered / args.persons:>6.1f}")
    persons = sum(total.values())
    print(f"candidates {persons}, two or more steps over: {total['over2'] / persons:.2%}")
    print(f"exact = {total['exact'] / persons:.2f} over2 = {total['over2']} "
          f"mean items = {items / persons:.1f}")


if __name__ == "__main__":
    main()
