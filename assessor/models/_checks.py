"""Helpers for columns whose values come from a fixed set."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa


def one_of(column: str, values: Iterable[str], name: str) -> sa.CheckConstraint:
    """A CHECK constraint that keeps ``column`` within ``values`` (a string enum or texts)."""
    allowed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=name)
