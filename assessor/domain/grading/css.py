"""Stylesheets read with tinycss2: rules with their selectors, media and declarations;
colours and the WCAG contrast ratio."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
import tinycss2.color3

#: common CSS properties; anything else (not custom, not vendor-prefixed) is likely a typo
KNOWN_PROPERTIES = frozenset(
    (Path(__file__).with_name("css_properties.txt")).read_text(encoding="utf-8").split())


@dataclass(frozen=True)
class Rule:
    """One style rule: its selectors, the media query around it ("" at top level), declarations."""

    selectors: tuple[str, ...]
    media: str
    declarations: tuple[tuple[str, str], ...]
    order: int = 0


@dataclass
class Stylesheet:
    """Rules in source order, plus parse errors and unknown properties found on the way."""

    rules: list[Rule] = field(default_factory=list)
    #: (line, column, kind, detail); kind is "parse" or "property" (an unknown property)
    errors: list[tuple[int, int, str, str]] = field(default_factory=list)


def normalise_value(value: str) -> str:
    """Lower case, single spaces, no ``!important``."""
    return " ".join(value.replace("!important", "").lower().split())


def parse(css: str, sheet: Stylesheet | None = None, media: str = "") -> Stylesheet:
    """Add the rules of ``css`` to ``sheet`` (a new one by default)."""
    sheet = sheet or Stylesheet()
    for node in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
        if node.type == "error":
            sheet.errors.append((node.source_line, node.source_column, "parse", node.message))
        elif node.type == "at-rule" and node.lower_at_keyword == "media" and node.content:
            prelude = " ".join(tinycss2.serialize(node.prelude).lower().split())
            parse(tinycss2.serialize(node.content), sheet, media=prelude)
        elif node.type == "qualified-rule":
            sheet.rules.append(_rule(node, media, len(sheet.rules), sheet.errors))
    return sheet


def _rule(node, media: str, order: int, errors: list) -> Rule:
    selectors = tuple(s.strip() for s in tinycss2.serialize(node.prelude).split(",") if s.strip())
    declarations = []
    for item in tinycss2.parse_declaration_list(node.content, skip_whitespace=True,
                                                skip_comments=True):
        if item.type == "error":
            errors.append((item.source_line, item.source_column, "parse", item.message))
        elif item.type == "declaration":
            name = item.lower_name
            if not (name in KNOWN_PROPERTIES or name.startswith(("--", "-webkit-", "-moz-"))):
                errors.append((item.source_line, item.source_column, "property", name))
            declarations.append((name, normalise_value(tinycss2.serialize(item.value))))
    return Rule(selectors, media, tuple(declarations), order)


def declarations(text: str) -> list[tuple[str, str]]:
    """(property, normalised value) pairs of a ``style`` attribute; broken parts are skipped."""
    return [(item.lower_name, normalise_value(tinycss2.serialize(item.value)))
            for item in tinycss2.parse_declaration_list(text, skip_whitespace=True,
                                                        skip_comments=True)
            if item.type == "declaration"]


def parse_colour(value: str) -> tuple[float, float, float, float] | None:
    """RGBA in 0..1 from a CSS colour (the first colour in a ``background`` shorthand)."""
    for token in tinycss2.parse_component_value_list(value):
        colour = tinycss2.color3.parse_color(token)
        if colour is not None and colour != "currentColor":
            return tuple(colour)
    return None


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[float, ...]) -> float:
    """WCAG relative luminance."""
    red, green, blue = (_channel(c) for c in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: tuple[float, ...], background: tuple[float, ...]) -> float:
    """WCAG contrast ratio, 1 to 21."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
