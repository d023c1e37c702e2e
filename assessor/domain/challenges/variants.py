"""Seeded variants: ``generate.py`` makes parameters from a seed; ``{{ name }}`` marks fill in.

The same seed always gives the same variant, because the random generator is seeded with the
challenge id and the seed, never with the clock.
"""

from __future__ import annotations

import contextlib
import random
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the model builds variants with these functions
    from assessor.domain.challenges.model import Challenge, KnownSolution, TestCase


PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


class TemplateError(KeyError):
    """A ``{{ name }}`` that the generator gave no value for."""


def seeded_random(challenge_id: str, seed: int) -> random.Random:
    """The random generator for one variant: the same id and seed, the same numbers."""
    return random.Random(f"{challenge_id}:{seed}")


def render_text(text: str, params: Mapping[str, Any]) -> str:
    """``text`` with every ``{{ name }}`` replaced by ``params[name]``."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise TemplateError(name)
        return str(params[name])

    return PLACEHOLDER.sub(fill, text)


def render_value(value: Any, params: Mapping[str, Any]) -> Any:
    """Fill placeholders inside lists, tables and texts; a lone placeholder keeps its type."""
    if isinstance(value, str):
        lone = PLACEHOLDER.fullmatch(value)
        if lone and lone.group(1) in params:
            return params[lone.group(1)]
        return render_text(value, params)
    if isinstance(value, list):
        return [render_value(item, params) for item in value]
    if isinstance(value, dict):
        return {key: render_value(item, params) for key, item in value.items()}
    return value


def render_files(files: Mapping[str, bytes], params: Mapping[str, Any]) -> dict[str, bytes]:
    """Fill placeholders in text files; binary files pass unchanged."""
    rendered = {}
    for name, content in files.items():
        if b"{{" in content:
            with contextlib.suppress(UnicodeDecodeError):
                content = render_text(content.decode("utf-8"), params).encode("utf-8")
        rendered[name] = content
    return rendered


def _render_solution(solution: KnownSolution, params: Mapping[str, Any]) -> KnownSolution:
    return replace(solution, files=render_files(solution.files, params))


def _render_test(test: TestCase, params: Mapping[str, Any]) -> TestCase:
    return replace(test, spec=render_value(dict(test.spec), params))


def variant_parts(challenge: Challenge, seed: int) -> dict[str, Any]:
    """What the variant for ``seed`` holds besides the challenge and seed (``Challenge.variant``
    builds it); challenges without a generator are the same for every seed."""
    if challenge.generator is None:
        return {"params": {}, "descriptions": challenge.descriptions, "tests": challenge.tests,
                "options": challenge.options, "starter": challenge.starter,
                "data": challenge.data, "solution": challenge.solution,
                "wrongs": challenge.wrongs, "also_right": challenge.also_right}
    params = challenge.generator(seeded_random(challenge.id, seed))
    return {
        "params": params,
        "descriptions": {k: render_text(v, params) for k, v in challenge.descriptions.items()},
        "tests": tuple(_render_test(t, params) for t in challenge.tests),
        "options": render_value(dict(challenge.options), params),
        "starter": render_files(challenge.starter, params),
        "data": render_files(challenge.data, params),
        "solution": _render_solution(challenge.solution, params),
        "wrongs": tuple(_render_solution(w, params) for w in challenge.wrongs),
        "also_right": tuple(_render_solution(a, params) for a in challenge.also_right),
    }
