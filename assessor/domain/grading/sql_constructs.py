"""Required and forbidden SQL constructs, found on the parsed query (sqlglot), not by regex."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import sqlglot
from sqlglot import exp

DIALECT = "sqlite"


def parse_statements(sql: str) -> list[exp.Expression]:
    """The statements in ``sql`` (SQLite dialect); raises ``sqlglot.errors.ParseError``."""
    return [tree for tree in sqlglot.parse(sql, read=DIALECT)
            if tree is not None and not isinstance(tree, exp.Semicolon)]


def _has(kind: type[exp.Expression]) -> Callable[[exp.Expression], bool]:
    return lambda tree: tree.find(kind) is not None


def _subquery(tree: exp.Expression) -> bool:
    return any(select is not tree and select.find_ancestor(exp.Select, exp.Subquery) is not None
               and select.find_ancestor(exp.CTE) is None for select in tree.find_all(exp.Select))


#: table name -> its column names, lower case (``sql_schema.column_names``)
Tables = Mapping[str, frozenset[str]]


def data_joins(tree: exp.Expression, tables: Tables) -> list[exp.Join]:
    """The joins in ``tree`` that join two tables of the task's data.

    A join counts when, in one SELECT, the table after JOIN and another table of the same FROM
    are both tables of the data (named directly, not a subquery or a CTE), and the ON condition
    has, as one of its AND-ed parts, ``x.a = y.b`` between a column of each (or USING names a
    column both have). A table joined with itself counts only when the columns differ
    (``a.chef_id = b.id``). So ``JOIN (SELECT 1) x ON 1 = 1`` and ``kund a JOIN kund b ON
    a.id = b.id`` do not count.
    """
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    found = []
    for select in tree.find_all(exp.Select):
        joins = select.args.get("joins") or []
        origin = select.args.get("from_") or select.args.get("from")
        sources = _data_sources([origin.this if origin else None, *(j.this for j in joins)],
                                tables, ctes)
        found += [join for join in joins if _joins_data(join, sources, tables)]
    return found


def _data_sources(items: list, tables: Tables, ctes: set[str]) -> dict[str, str]:
    """Alias (or name) -> table name, for the FROM items that are tables of the data."""
    sources = {}
    for item in items:
        if isinstance(item, exp.Table) and not item.args.get("db"):
            name = item.name.lower()
            if name in tables and name not in ctes:
                sources[item.alias_or_name.lower()] = name
    return sources


def _joins_data(join: exp.Join, sources: dict[str, str], tables: Tables) -> bool:
    joined = join.this
    if not isinstance(joined, exp.Table) or joined.alias_or_name.lower() not in sources:
        return False
    alias = joined.alias_or_name.lower()
    others = {a: t for a, t in sources.items() if a != alias}
    for name in join.args.get("using") or []:
        column = name.name.lower()
        if column in tables[sources[alias]] and any(
                column in tables[t] and t != sources[alias] for t in others.values()):
            return True
    return any(_links(term, alias, sources, tables) for term in _conjuncts(join.args.get("on")))


def _conjuncts(condition: exp.Expression | None) -> list[exp.Expression]:
    if isinstance(condition, exp.Paren):
        return _conjuncts(condition.this)
    if isinstance(condition, exp.And):
        return _conjuncts(condition.left) + _conjuncts(condition.right)
    return [condition] if condition is not None else []


def _links(term: exp.Expression, alias: str, sources: dict[str, str], tables: Tables) -> bool:
    """Whether ``term`` is ``x.a = y.b`` between the joined table and another data table."""
    if not isinstance(term, exp.EQ):
        return False
    left, right = term.left, term.right
    if not isinstance(left, exp.Column) or not isinstance(right, exp.Column):
        return False
    ends = [(_owner(column, sources, tables), column.name.lower()) for column in (left, right)]
    (a, a_column), (b, b_column) = ends
    if a is None or b is None or a == b or alias not in (a, b):
        return False
    return sources[a] != sources[b] or a_column != b_column


def _owner(column: exp.Column, sources: dict[str, str], tables: Tables) -> str | None:
    """The alias of the data table a column belongs to, or None when unknown or ambiguous."""
    qualifier = column.table.lower()
    name = column.name.lower()
    if qualifier:
        return qualifier if qualifier in sources and name in tables[sources[qualifier]] else None
    having = [a for a, table in sources.items() if name in tables[table]]
    return having[0] if len(having) == 1 else None


def _left_join(tree: exp.Expression, tables: Tables) -> bool:
    return any(join.side.upper() == "LEFT" for join in data_joins(tree, tables))


def _join(tree: exp.Expression, tables: Tables) -> bool:
    return bool(data_joins(tree, tables))


def _select_star(tree: exp.Expression) -> bool:
    return any(isinstance(e, exp.Star) for select in tree.find_all(exp.Select)
               for e in select.expressions)


#: constructs that need the task's tables: name -> test on the tree and the tables
DATA_CONSTRUCTS: dict[str, Callable[[exp.Expression, Tables], bool]] = {
    "join": _join,
    "left_join": _left_join,
}

#: construct name -> test on the statement's tree
CONSTRUCTS: dict[str, Callable[[exp.Expression], bool]] = {
    "where": _has(exp.Where),
    "group_by": _has(exp.Group),
    "having": _has(exp.Having),
    "order_by": _has(exp.Order),
    "distinct": _has(exp.Distinct),
    "aggregate": _has(exp.AggFunc),
    "subquery": _subquery,
    "union": _has(exp.Union),
    "cte": _has(exp.CTE),
    "like": _has(exp.Like),
    "in": _has(exp.In),
    "exists": _has(exp.Exists),
    "case": _has(exp.Case),
    "limit": _has(exp.Limit),
    "window": _has(exp.Window),
    "select_star": _select_star,
}

#: how a construct is named in messages
LABELS = {"join": "JOIN ... ON", "left_join": "LEFT JOIN", "where": "WHERE",
          "group_by": "GROUP BY", "having": "HAVING", "order_by": "ORDER BY",
          "distinct": "DISTINCT", "aggregate": "en mängdfunktion (COUNT, SUM, AVG ...)",
          "subquery": "en underfråga", "union": "UNION", "cte": "WITH", "like": "LIKE",
          "in": "IN", "exists": "EXISTS", "case": "CASE", "limit": "LIMIT",
          "window": "OVER (...)", "select_star": "SELECT *"}


def uses(statements: list[exp.Expression], construct: str, tables: Tables | None = None) -> bool:
    """Whether any statement uses ``construct`` (a key of ``CONSTRUCTS`` or
    ``DATA_CONSTRUCTS``); ``tables`` are the task's tables, which a JOIN must join."""
    if construct in DATA_CONSTRUCTS:
        return any(DATA_CONSTRUCTS[construct](tree, tables or {}) for tree in statements)
    return any(CONSTRUCTS[construct](tree) for tree in statements)


#: every construct a test may require or forbid
KNOWN = frozenset(CONSTRUCTS) | frozenset(DATA_CONSTRUCTS)
