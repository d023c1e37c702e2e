"""Helpers for columns whose values come from a fixed set."""

from __future__ import annotations

import enum

import sqlalchemy as sa


def one_of(column: str, values: type[enum.StrEnum], name: str) -> sa.CheckConstraint:
    """A CHECK constraint that keeps ``column`` within the values of a string enum."""
    allowed = ", ".join(f"'{v.value}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=name)
