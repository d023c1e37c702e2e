"""A submitted web page, parsed once: the HTML tree, its stylesheets and its parse errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser

import html5lib
import soupsieve
from bs4 import BeautifulSoup, NavigableString, Tag

from assessor.domain.grading import css

#: html5lib error codes said plainly in Swedish (otherwise the code, dashes as spaces)
PLAIN_ERRORS_SV = {
    "expected-doctype-but-got-start-tag": "<!DOCTYPE html> saknas överst",
    "expected-doctype-but-got-chars": "<!DOCTYPE html> saknas överst",
    "unexpected-end-tag": "sluttagg </{name}> utan starttagg",
    "expected-one-end-tag-but-got-another": "väntade </{expectedName}> men fick </{gotName}>",
    "end-tag-too-early": "</{name}> kom för tidigt; något element är inte stängt",
    "expected-closing-tag-but-got-eof": "filen tog slut innan alla element stängdes",
    "eof-in-tag-name": "filen tog slut mitt i en tagg",
    "duplicate-attribute": "attributet {name} står två gånger",
}

#: class names that hide an element from sight but not from screen readers in the common
#: frameworks (Bootstrap, Tailwind, HTML5 Boilerplate, WordPress); the page may link their CSS
#: from elsewhere, where we cannot read it, so the name alone counts
HIDING_CLASSES = frozenset({"visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text"})


#: the most elements and nesting levels a page may have: html5lib's time grows with the square of
#: the open elements, so a hostile page could otherwise keep a grading worker busy for hours
MAX_ELEMENTS = 5000
MAX_DEPTH = 100
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
#: elements a browser closes when the same element starts again (``<li>a<li>b``)
SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "option", "tr", "td", "th", "dt", "dd"})


class _Shape(HTMLParser):
    """Counts start tags and the deepest nesting, in one fast pass (no tree is built)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.elements = self.depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.elements += 1
        if tag in VOID:
            return
        if tag in SELF_CLOSING_SIBLINGS and self.open and self.open[-1] == tag:
            self.open.pop()
        self.open.append(tag)
        self.depth = max(self.depth, len(self.open))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]


def page_shape(html: str) -> tuple[int, int]:
    """How many elements ``html`` starts and how deep they nest at most."""
    shape = _Shape()
    shape.feed(html)
    shape.close()
    return shape.elements, shape.depth


@dataclass
class Page:
    """The candidate's HTML and CSS as parsed documents."""

    html: str
    stylesheet_text: str = ""

    @cached_property
    def soup(self) -> BeautifulSoup:
        """The document tree (html5lib, as browsers build it)."""
        return BeautifulSoup(self.html, "html5lib")

    @cached_property
    def html_errors(self) -> list[tuple[tuple[int, int], str, dict]]:
        """html5lib's parse errors: position, error code, parameters."""
        parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"))
        parser.parse(self.html)
        return list(parser.errors)

    @cached_property
    def stylesheet(self) -> css.Stylesheet:
        """Rules from the CSS files and every ``<style>`` element, in that order."""
        sheet = css.parse(self.stylesheet_text)
        for style in self.soup.find_all("style"):
            # not get_text(): bs4 skips the text of <style> when html5lib built the tree
            css.parse("".join(t for t in style.children if isinstance(t, NavigableString)),
                      sheet)
        return sheet

    def select(self, selector: str) -> list[Tag]:
        """Elements matching a CSS selector (none when the selector is not supported)."""
        try:
            return list(self.soup.select(selector))
        except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
            return []

    def rules_for(self, element: Tag, media: str | None = None) -> list[css.Rule]:
        """Rules with a selector matching ``element``; ``media`` None means top-level only."""
        found = []
        for rule in self.stylesheet.rules:
            if (media is None and rule.media) or (media and media not in rule.media):
                continue
            if any(_matches(selector, element) for selector in rule.selectors):
                found.append(rule)
        return found

    def declared(self, element: Tag, prop: str, media: str | None = None) -> list[str]:
        """Values given to ``prop`` for ``element`` by matching rules, in source order."""
        return [value for rule in self.rules_for(element, media)
                for name, value in rule.declarations if name == prop]

    def hidden(self, element: Tag) -> bool:
        """Whether ``element`` is hidden from sight by itself or an element around it: the
        ``hidden`` attribute, a class in ``HIDING_CLASSES``, or a style that hides (see
        ``_hides``) in its ``style`` attribute or in any top-level CSS rule matching it."""
        for node in (element, *element.parents):
            if not isinstance(node, Tag) or node.name == "[document]":
                continue
            if node.has_attr("hidden") or HIDING_CLASSES & set(node.get("class") or ()):
                return True
            styles = css.declarations(str(node.get("style") or ""))
            styles += [d for rule in self.rules_for(node) for d in rule.declarations]
            if any(_hides(prop, value) for prop, value in styles):
                return True
        return False


def _hides(prop: str, value: str) -> bool:
    """Whether one declaration hides an element: ``display: none``, ``visibility: hidden``,
    ``opacity: 0`` or clipping it away as visually-hidden helpers do (``clip: rect(…)``,
    ``clip-path: inset(50%)``)."""
    value = value.split("!")[0].strip()
    if prop == "opacity":
        return css_number(value) == 0
    return ((prop == "display" and value == "none")
            or (prop == "visibility" and value in ("hidden", "collapse"))
            or (prop == "clip" and value.startswith("rect("))
            or (prop == "clip-path" and value.replace(" ", "") == "inset(50%)"))


def css_number(value: str) -> float | None:
    """The number at the start of a CSS value (``0.5`` in ``0.5``, ``50`` in ``50%``)."""
    number = re.match(r"-?(\d+(\.\d*)?|\.\d+)", value)
    return float(number.group()) if number else None


def _matches(selector: str, element: Tag) -> bool:
    try:
        return soupsieve.match(selector, element)
    except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
        return False


def plain_error(error: tuple[tuple[int, int], str, dict], locale: str) -> str:
    """One HTML parse error as ``line:column message`` (Swedish words where we have them)."""
    position, code, params = error
    template = PLAIN_ERRORS_SV.get(code, "") if locale == "sv" else ""
    try:
        message = template.format(**(params or {})) if template else code.replace("-", " ")
    except (KeyError, IndexError):
        message = code.replace("-", " ")
    line, column = position if isinstance(position, tuple) else ("?", "?")
    return f"{line}:{column} {message}"


def text_of(element: Tag) -> str:
    """The visible text of an element, spaces folded, image alt texts included."""
    parts = [element.get_text(" ")] + [img.get("alt", "") for img in element.find_all("img")]
    return re.sub(r"\s+", " ", " ".join(parts)).strip()
