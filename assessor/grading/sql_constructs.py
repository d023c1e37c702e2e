"""Required and forbidden SQL constructs, found on the parsed query (sqlglot), not by regex."""

from __future__ import annotations

from collections.abc import Callable

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


def _left_join(tree: exp.Expression) -> bool:
    return any(join.side.upper() == "LEFT" for join in tree.find_all(exp.Join))


def _select_star(tree: exp.Expression) -> bool:
    return any(isinstance(e, exp.Star) for select in tree.find_all(exp.Select)
               for e in select.expressions)


def _join(tree: exp.Expression) -> bool:
    return any(join.args.get("on") is not None or join.args.get("using")
               for join in tree.find_all(exp.Join))


#: construct name -> test on the statement's tree
CONSTRUCTS: dict[str, Callable[[exp.Expression], bool]] = {
    "join": _join,
    "left_join": _left_join,
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


def uses(statements: list[exp.Expression], construct: str) -> bool:
    """Whether any statement uses ``construct`` (a key of ``CONSTRUCTS``)."""
    return any(CONSTRUCTS[construct](tree) for tree in statements)
