"""Typed reading of TOML tables that records every problem instead of stopping at the first."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

from assessor.domain.challenges.problems import FormatProblem

_TYPE_NAMES = {str: "a text in quotes", bool: "true or false", int: "a whole number",
               float: "a number", list: "a list in [brackets]", dict: "a table"}
_MISSING = object()


class Fields:
    """Reads fields of one table; wrong types, bad choices and unknown keys become problems."""

    def __init__(self, data: Mapping[str, Any], file: str, where: str,
                 problems: list[FormatProblem]) -> None:
        self.data = data if isinstance(data, Mapping) else {}
        self.file, self.where, self.problems = file, where, problems
        self.seen: set[str] = set()

    def path(self, name: str) -> str:
        """The dotted field path used in messages, e.g. ``tests[2].stdin``."""
        return f"{self.where}.{name}" if self.where else name

    def problem(self, name: str, message: str, hint: str = "") -> None:
        """Record a problem with field ``name`` of this table."""
        self.problems.append(FormatProblem(self.file, self.path(name), message, hint))

    def has(self, name: str) -> bool:
        """Whether the field is present (and mark it as known)."""
        self.seen.add(name)
        return name in self.data

    def get(self, name: str, kind: type | tuple[type, ...], *, required: bool = False,
            default: Any = None, example: str = "") -> Any:
        """The value of ``name`` if it has type ``kind``; else record why, return ``default``."""
        self.seen.add(name)
        value = self.data.get(name, _MISSING)
        hint = f"Write, for example: {example}" if example else ""
        if value is _MISSING:
            if required:
                self.problem(name, "is missing.", hint)
            return default
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            ok = False
        else:
            ok = isinstance(value, kinds) or (float in kinds and isinstance(value, int))
        if not ok:
            wanted = " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
            self.problem(name, f"should be {wanted}, not {value!r}.", hint)
            return default
        return value

    def choice(self, name: str, choices: Sequence[str], *, required: bool = False,
               default: str | None = None) -> str | None:
        """A text that must be one of ``choices``."""
        value = self.get(name, str, required=required, default=default,
                         example=f'{name} = "{choices[0]}"')
        if value is not None and value not in choices:
            options = ", ".join(f'"{c}"' for c in choices)
            self.problem(name, f"{value!r} is not allowed.", f"Write one of {options}.")
            return default
        return value

    def number(self, name: str, *, minimum: float | None = None, maximum: float | None = None,
               required: bool = False, default: float | None = None, example: str = "") -> Any:
        """A number within ``[minimum, maximum]``."""
        value = self.get(name, float, required=required, default=default, example=example)
        if value is None:
            return value
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.problem(name, f"{value} is out of range.",
                         f"Write a number from {minimum} to {maximum}.")
            return default
        return value

    def strings(self, name: str, *, required: bool = False, example: str = "") -> list[str]:
        """A list of texts."""
        value = self.get(name, list, required=required, default=[], example=example)
        if not all(isinstance(item, str) for item in value):
            self.problem(name, "should list texts in quotes.", f"Write, for example: {example}")
            return []
        return value

    def table(self, name: str, *, required: bool = False) -> Fields:
        """A sub-table, read with its own ``Fields``."""
        value = self.get(name, dict, required=required, default={},
                         example=f"[{self.path(name)}]")
        return Fields(value, self.file, self.path(name), self.problems)

    def tables(self, name: str, *, required: bool = False) -> list[Fields]:
        """An array of tables, such as ``[[tests]]``."""
        value = self.get(name, list, required=required, default=[], example=f"[[{name}]]")
        result = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.problem(f"{name}[{index}]", "should be a table.", f"Write [[{name}]].")
                continue
            result.append(Fields(item, self.file, f"{self.path(name)}[{index}]", self.problems))
        return result

    def finish(self) -> None:
        """Report fields nobody asked for, with the closest known name as a suggestion."""
        for name in self.data:
            if name in self.seen:
                continue
            close = difflib.get_close_matches(name, sorted(self.seen), n=1)
            hint = f'Did you mean "{close[0]}"?' if close else (
                "Remove it, or check the spelling in challenges/README.md.")
            self.problem(name, "is not a known field.", hint)
