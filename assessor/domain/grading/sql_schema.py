"""The tables and columns of an SQL challenge's own data, as the candidate is shown them.

Read by running the dataset files (the author's, trusted) in an in-memory SQLite on the host and
asking SQLite itself, so what the task page shows is what the query will meet. The SQL grader
uses the same tables to decide what a required JOIN must join.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from assessor.domain.challenges.model import Variant


@dataclass(frozen=True)
class Column:
    """One column: its name and declared type, and the rules the database keeps for it."""

    name: str
    type: str
    primary_key: bool = False
    not_null: bool = False
    unique: bool = False
    #: "table.column" this column points to (a foreign key), or ""
    references: str = ""


@dataclass(frozen=True)
class Table:
    """One table of the data, its columns in order."""

    name: str
    columns: tuple[Column, ...]


def task_tables(variant: Variant) -> tuple[Table, ...]:
    """The tables an SQL variant's datasets start with (all datasets, first seen first);
    empty for a challenge without SQL datasets."""
    datasets = variant.options.get("datasets") if variant.challenge.grader == "sql" else None
    if not isinstance(datasets, dict):
        return ()
    found: dict[str, Table] = {}
    for files in datasets.values():
        scripts = tuple(variant.data[f].decode("utf-8-sig") for f in files if f in variant.data)
        for table in _tables_of(scripts):
            found.setdefault(table.name.lower(), table)
    return tuple(found.values())


def column_names(tables: tuple[Table, ...]) -> dict[str, frozenset[str]]:
    """Table name -> its column names, all in lower case (SQL names ignore case)."""
    return {t.name.lower(): frozenset(c.name.lower() for c in t.columns) for t in tables}


@lru_cache(maxsize=64)
def _tables_of(scripts: tuple[str, ...]) -> tuple[Table, ...]:
    conn = sqlite3.connect(":memory:")
    try:
        for script in scripts:
            conn.executescript(script)
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY rowid")]
        return tuple(Table(name, _columns(conn, name)) for name in names)
    except sqlite3.Error:
        return ()  # a broken dataset is reported by `challenges validate`, not here
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection, table: str) -> tuple[Column, ...]:
    quoted = '"' + table.replace('"', '""') + '"'
    references = {row[3]: f"{row[2]}.{row[4] or 'rowid'}"
                  for row in conn.execute(f"PRAGMA foreign_key_list({quoted})")}
    unique = set()
    for index in conn.execute(f"PRAGMA index_list({quoted})").fetchall():
        if index[2]:  # unique
            parts = conn.execute(f"PRAGMA index_info(\"{index[1]}\")").fetchall()
            if len(parts) == 1:
                unique.add(parts[0][2])
    return tuple(Column(name=row[1], type=row[2], primary_key=bool(row[5]),
                        not_null=bool(row[3]), unique=row[1] in unique,
                        references=references.get(row[1], ""))
                 for row in conn.execute(f"PRAGMA table_info({quoted})"))
