"""A small programming bank at the authors' priors, shared by the ability tests."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.domain.ability.bank import ItemBank
from assessor.domain.ability.items import ItemMeta

STEPS = [("Programmering 1", "E", -1.5), ("Programmering 1", "C", -0.75),
         ("Programmering 1", "A", 0.0), ("Programmering 2", "E", 0.75),
         ("Programmering 2", "C", 1.5), ("Programmering 2", "A", 2.25)]


def programming_metas() -> list[ItemMeta]:
    """Per step: one challenge (0–3), one choice item and one code-reading item."""
    metas = []
    for course, grade, b in STEPS:
        tag = f"{course[-1]}{grade}".lower()
        metas += [ItemMeta(f"ch-{tag}", "programmering", course, grade, 3, b, "challenge"),
                  ItemMeta(f"mc-{tag}", "programmering", course, grade, 1, b - 0.3, "choice"),
                  ItemMeta(f"cr-{tag}", "programmering", course, grade, 1, b + 0.2)]
    return metas


@pytest.fixture(scope="session")
def programming_bank() -> ItemBank:
    return ItemBank.from_priors(programming_metas(), created=date(2026, 1, 1))
