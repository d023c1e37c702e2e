"""Comparators for printed output and returned values. Pure functions, no I/O."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_REL_TOL = 1e-6
DEFAULT_ABS_TOL = 1e-9
SHOW_LIMIT = 120


@dataclass(frozen=True)
class Options:
    """How strictly to compare: tolerances for numbers, whether order matters."""

    rel_tol: float = DEFAULT_REL_TOL
    abs_tol: float = DEFAULT_ABS_TOL
    unordered: bool = False

    @classmethod
    def with_tolerance(cls, tolerance: float | None, unordered: bool = False) -> Options:
        """An author's ``tolerance`` is absolute (0.005: within half a hundredth); without
        one, numbers need only agree to about six significant digits."""
        if tolerance is None:
            return cls(unordered=unordered)
        return cls(rel_tol=0.0, abs_tol=float(tolerance), unordered=unordered)


def normalise_newlines(text: str) -> str:
    """Unix newlines, no trailing newline at the very end."""
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def normalised_lines(text: str) -> list[str]:
    """Lines with runs of spaces folded and ends trimmed; blank lines at the end dropped."""
    lines = [" ".join(line.split()) for line in normalise_newlines(text).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def parse_number(token: str) -> float | None:
    """A number from ``token``; a Swedish decimal comma is accepted. None when not a number."""
    cleaned = token.replace(",", ".", 1) if token.count(",") == 1 and "." not in token else token
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def numbers_close(expected: float, got: float, options: Options = Options()) -> bool:
    """Whether two numbers agree within the relative or absolute tolerance."""
    return math.isclose(expected, got, rel_tol=options.rel_tol, abs_tol=options.abs_tol)


def _tokens_match(expected: str, got: str, options: Options) -> bool:
    want, have = parse_number(expected), parse_number(got)
    if want is not None and have is not None:
        return numbers_close(want, have, options)
    return expected == got


def exact(expected: str, got: str, options: Options = Options()) -> bool:
    """Identical apart from the line-ending style and a final newline."""
    return normalise_newlines(expected) == normalise_newlines(got)


def whitespace(expected: str, got: str, options: Options = Options()) -> bool:
    """Identical once runs of spaces are folded and blank lines at the end are dropped."""
    return normalised_lines(expected) == normalised_lines(got)


def numbers(expected: str, got: str, options: Options = Options()) -> bool:
    """Word by word; words that are numbers agree within the tolerance."""
    want, have = normalised_lines(expected), normalised_lines(got)
    if len(want) != len(have):
        return False
    for line_want, line_have in zip(want, have, strict=True):
        words_want, words_have = line_want.split(), line_have.split()
        if len(words_want) != len(words_have):
            return False
        if not all(_tokens_match(w, h, options) for w, h in zip(words_want, words_have,
                                                                strict=True)):
            return False
    return True


def regex(expected: str, got: str, options: Options = Options()) -> bool:
    """The whole normalised output matches the pattern ``expected``."""
    return re.fullmatch(expected, "\n".join(normalised_lines(got))) is not None


def unordered_lines(expected: str, got: str, options: Options = Options()) -> bool:
    """The same lines in any order (as a multiset)."""
    return Counter(normalised_lines(expected)) == Counter(normalised_lines(got))


TEXT_COMPARATORS: dict[str, Callable[[str, str, Options], bool]] = {
    "exact": exact,
    "whitespace": whitespace,
    "numbers": numbers,
    "regex": regex,
    "unordered": unordered_lines,
}


def first_difference(expected: str, got: str) -> tuple[int, str, str] | None:
    """The first differing (normalised) line: its 1-based number, expected and got text."""
    want, have = normalised_lines(expected), normalised_lines(got)
    for index in range(max(len(want), len(have))):
        line_want = want[index] if index < len(want) else ""
        line_have = have[index] if index < len(have) else ""
        if line_want != line_have:
            return index + 1, line_want, line_have
    return None


def values_equal(expected: object, got: object, options: Options = Options()) -> bool:
    """Deep equality where floats agree within tolerance, tuples equal lists, bools stay bools."""
    if isinstance(expected, bool) or isinstance(got, bool):
        return type(expected) is type(got) and expected == got
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return numbers_close(float(expected), float(got), options)
    if isinstance(expected, list | tuple) and isinstance(got, list | tuple):
        return _sequences_equal(list(expected), list(got), options)
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(
            values_equal(expected[k], got[k], options) for k in expected)
    if isinstance(expected, frozenset | set) and isinstance(got, frozenset | set):
        return expected == got
    return type(expected) is type(got) and expected == got


def _sequences_equal(expected: list, got: list, options: Options) -> bool:
    if len(expected) != len(got):
        return False
    if not options.unordered:
        return all(values_equal(e, g, options) for e, g in zip(expected, got, strict=True))
    remaining = list(got)
    for item in expected:
        match = next((i for i, g in enumerate(remaining) if values_equal(item, g, options)), None)
        if match is None:
            return False
        remaining.pop(match)
    return True


def show(value: object, limit: int = SHOW_LIMIT) -> str:
    """A short, readable rendering of a value for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
