"""The checklist items of the web grader. Each returns None when satisfied, else a message.

Every check reads the parsed page only; nothing is rendered or run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bs4 import Tag

from assessor.domain.challenges.model import TestCase as TestSpec
from assessor.domain.grading import css
from assessor.domain.grading.base import Context
from assessor.domain.grading.web_page import Page, plain_error, text_of

VAGUE_LINK_TEXTS = {"", "här", "klicka här", "klicka", "läs mer", "länk", "mer", "click here",
                    "here", "read more", "link", "more"}
NOT_LABELLED = {"hidden", "submit", "button", "reset", "image"}
SHOW = 3

Check = Callable[[Context, Page, TestSpec], str | None]


def _names(elements: list[Tag], attribute: str = "") -> str:
    shown = []
    for element in elements[:SHOW]:
        key = element.get(attribute) if attribute else None
        key = key or element.get("name") or element.get("id") or element.get("type") or ""
        shown.append(f"<{element.name}{' ' + str(key) if key else ''}>")
    return ", ".join(shown) + (" …" if len(elements) > SHOW else "")


def check_lang(ctx: Context, page: Page, test: TestSpec) -> str | None:
    html = page.soup.find("html")
    lang = (html.get("lang") or "").strip().lower() if isinstance(html, Tag) else ""
    want = test["expect"].lower()
    if lang == want or lang.startswith(want + "-"):
        return None
    return ctx.msg("web_lang", expected=want, got=lang or "–")


def check_element(ctx: Context, page: Page, test: TestSpec) -> str | None:
    found = page.select(test["selector"])
    if "text" in test:
        whole = test.get("whole", False)
        found = [e for e in found if _has_text(e, test["text"], whole)]
        if not found:
            return ctx.msg("web_text_whole" if whole else "web_text", selector=test["selector"],
                           expected=repr(test["text"]))
    low, high = test.get("min", 1), test.get("max")
    if len(found) < low or (high is not None and len(found) > high):
        if not found:
            return ctx.msg("web_missing", selector=test["selector"])
        wanted = f"{low}–{high}" if high is not None and high != low else str(low)
        if high is None:
            wanted = f"≥ {low}"
        return ctx.msg("web_count", selector=test["selector"], got=len(found), expected=wanted)
    return None


def _has_text(element: Tag, want: str, whole: bool) -> bool:
    """Whether the element's text (spaces folded, any case) contains ``want``, or with ``whole``
    is exactly ``want``."""
    have, want = text_of(element).lower(), " ".join(want.split()).lower()
    return have == want if whole else want in have


def check_attribute(ctx: Context, page: Page, test: TestSpec) -> str | None:
    found = page.select(test["selector"])
    if not found:
        return ctx.msg("web_missing", selector=test["selector"])
    name = test["attribute"]
    value = test.get("value")
    pattern = re.compile(test["pattern"]) if "pattern" in test else None

    def ok(element: Tag) -> bool:
        have = element.get(name)
        have = " ".join(have) if isinstance(have, list) else have
        if have is None:
            return False
        if value is not None:
            return have.strip().lower() == value.lower()
        return pattern.fullmatch(have.strip()) is not None if pattern else True

    if all(ok(element) for element in found):
        return None
    if pattern is not None and all(element.get(name) is not None for element in found):
        return ctx.msg("web_attribute_pattern", selector=test["selector"], attribute=name)
    shown = f'="{value}"' if value is not None else ""
    return ctx.msg("web_attribute", selector=test["selector"], attribute=name, value=shown)


def check_alt(ctx: Context, page: Page, test: TestSpec) -> str | None:
    decorative = set(page.select(test["decorative"])) if "decorative" in test else set()
    missing = [img for img in page.soup.find_all("img")
               if img.get("alt") is None
               or (not img.get("alt", "").strip() and img not in decorative
                   and img.get("role") != "presentation")
               or FILE_NAME.fullmatch(img.get("alt", "").strip())]
    return ctx.msg("web_alt", detail=_names(missing, "src")) if missing else None


#: an alt text that is only a file name says nothing about the picture
FILE_NAME = re.compile(r"[\w.-]+\.(?:jpe?g|png|gif|svg|webp|avif|bmp)", re.IGNORECASE)


def _visible_label(page: Page, field: Tag) -> bool:
    """A ``<label>`` with text, around the field or naming its id in ``for``, not hidden."""
    ident = field.get("id")
    labels = [label for label in page.soup.find_all("label")
              if ident and label.get("for") == ident]
    labels += [field.find_parent("label")] if field.find_parent("label") else []
    return any(text_of(label) and not page.hidden(label) for label in labels)


def _labelled(page: Page, field: Tag) -> bool:
    if (field.get("aria-label") or "").strip():
        return True
    labelled_by = (field.get("aria-labelledby") or "").split()
    if any(page.soup.find(id=ref) and text_of(page.soup.find(id=ref)) for ref in labelled_by):
        return True
    if field.find_parent("label") is not None and text_of(field.find_parent("label")):
        return True
    ident = field.get("id")
    return bool(ident) and any(text_of(label) for label in page.soup.find_all("label")
                               if label.get("for") == ident)


def check_labels(ctx: Context, page: Page, test: TestSpec) -> str | None:
    fields = [f for f in page.soup.find_all(["input", "select", "textarea"])
              if (f.get("type") or "text").lower() not in NOT_LABELLED]
    if not fields:
        return ctx.msg("web_missing", selector="input, select, textarea")
    labelled = _visible_label if test.get("visible") else _labelled
    missing = [f for f in fields if not labelled(page, f)]
    if not missing:
        return None
    return ctx.msg("web_visible_labels" if test.get("visible") else "web_labels",
                   detail=_names(missing))


def _submits(button: Tag) -> bool:
    """A submit button as HTML defines it: ``<button>`` of no, an empty or an unknown ``type``
    (the default is submit), or ``<input type="submit">`` / ``type="image"``."""
    kind = (button.get("type") or "").strip().lower()
    if button.name == "button":
        return kind not in ("button", "reset")
    return kind in ("submit", "image")


def check_submit(ctx: Context, page: Page, test: TestSpec) -> str | None:
    selector = test.get("selector", "form")
    forms = page.select(selector)
    if not forms:
        return ctx.msg("web_missing", selector=selector)
    for form in forms:
        buttons = form.find_all(["button", "input"])
        if form.get("id"):
            buttons += page.soup.find_all(["button", "input"], attrs={"form": form.get("id")})
        if not any(_submits(b) and not b.has_attr("disabled") for b in buttons):
            return ctx.msg("web_submit", selector=selector)
    return None


def check_headings(ctx: Context, page: Page, test: TestSpec) -> str | None:
    headings = page.soup.find_all(re.compile(r"^h[1-6]$"))
    ones = sum(1 for h in headings if h.name == "h1")
    if ones != 1:
        return ctx.msg("web_one_h1", got=ones)
    previous = 0
    for heading in headings:
        level = int(heading.name[1])
        if level > previous + 1:
            detail = f"<h{previous or '–'}> → <h{level}> ({text_of(heading)[:40]})"
            return ctx.msg("web_headings", detail=detail)
        previous = level
    return None


def check_link_text(ctx: Context, page: Page, test: TestSpec) -> str | None:
    vague = []
    for link in page.soup.find_all("a", href=True):
        label = (link.get("aria-label") or text_of(link)).strip().lower().strip(".!:»›→ ")
        if label in VAGUE_LINK_TEXTS:
            vague.append(repr(label) if label else "<a></a>")
    links = page.soup.find_all("a", href=True)
    if not links:
        return ctx.msg("web_missing", selector="a[href]")
    return ctx.msg("web_link_text", detail=", ".join(vague[:SHOW])) if vague else None


def check_valid_html(ctx: Context, page: Page, test: TestSpec) -> str | None:
    errors = page.html_errors
    if len(errors) <= test.get("max_errors", 0):
        return None
    detail = "; ".join(plain_error(e, ctx.locale) for e in errors[:SHOW])
    return ctx.msg("web_invalid_html", detail=detail + (" …" if len(errors) > SHOW else ""))


def check_valid_css(ctx: Context, page: Page, test: TestSpec) -> str | None:
    errors = page.stylesheet.errors
    if not errors:
        return None
    unknown = "okänd egenskap" if ctx.locale == "sv" else "unknown property"
    shown = [f"{line}:{col} " + (f"{unknown} {detail}" if kind == "property" else detail)
             for line, col, kind, detail in errors[:SHOW]]
    return ctx.msg("web_invalid_css", detail="; ".join(shown))


def _value_ok(value: str, test: TestSpec, shorthand: bool = False) -> bool:
    wanted = [test["value"]] if "value" in test else test.get("values")
    if wanted is not None:
        wanted = {css.normalise_value(v) for v in wanted}
        return bool(wanted & set(value.split())) if shorthand else value in wanted
    if "pattern" in test:
        return re.fullmatch(test["pattern"], value) is not None
    number = re.match(r"-?\d+(\.\d+)?", value)
    if "min" in test or "max" in test:
        if number is None:
            return False
        amount = float(number.group())
        return test.get("min", amount) <= amount <= test.get("max", amount)
    return True


def _declared_or_inherited(page: Page, element: Tag, test: TestSpec) -> list[tuple[str, bool]]:
    """(value, from a shorthand) set on the element, or, with ``inherit = true``, on its
    nearest ancestor that sets any. ``list-style-type`` is also read from ``list-style``."""
    media = test.get("media")
    prop = test["property"]
    shorthand = prop.rsplit("-", 1)[0] if "value" in test or "values" in test else ""
    nodes = [element, *element.parents] if test.get("inherit") else [element]
    for node in nodes:
        if isinstance(node, Tag) and node.name != "[document]":
            values = [(v, False) for v in page.declared(node, prop, media)]
            if shorthand and shorthand != prop:
                values += [(v, True) for v in page.declared(node, shorthand, media)]
            if values:
                return values
    return []


def check_css(ctx: Context, page: Page, test: TestSpec) -> str | None:
    elements = page.select(test["selector"])
    if not elements:
        return ctx.msg("web_missing", selector=test["selector"])
    media = test.get("media")
    for element in elements:
        if any(_value_ok(v, test, short) for v, short in _declared_or_inherited(page, element,
                                                                                  test)):
            return None
    wanted = test.get("value") or " / ".join(test.get("values", [])) or test.get("pattern", "")
    if "min" in test:
        wanted = f"≥ {test['min']}"
    declaration = f"{test['property']}: {wanted}".rstrip(": ")
    if media:
        declaration += f" (@media {media})"
    return ctx.msg("web_css_missing", selector=test["selector"], declaration=declaration)


def _inherited_colour(page: Page, element: Tag, props: tuple[str, ...],
                      default: tuple[float, ...]) -> tuple[float, ...] | None:
    for node in [element, *element.parents]:
        if not isinstance(node, Tag) or node.name == "[document]":
            continue
        values = [v for prop in props for v in page.declared(node, prop)]
        for value in reversed(values):
            colour = css.parse_colour(value)
            if colour is None:
                return None
            if colour[3] > 0:
                return colour
    return default


def check_contrast(ctx: Context, page: Page, test: TestSpec) -> str | None:
    elements = page.select(test.get("selector", "body"))
    if not elements:
        return ctx.msg("web_missing", selector=test.get("selector", "body"))
    least = test.get("min", 4.5)
    for element in elements:
        text = _inherited_colour(page, element, ("color",), (0.0, 0.0, 0.0, 1.0))
        back = _inherited_colour(page, element, ("background-color", "background"),
                                 (1.0, 1.0, 1.0, 1.0))
        ratio = css.contrast_ratio(text, back) if text and back else 0.0
        if ratio < least:
            return ctx.msg("web_contrast", got=f"{ratio:.1f}", expected=least)
    return None


#: check name -> (function, required fields, optional fields with their types)
CHECKS: dict[str, tuple[Check, dict[str, Any], dict[str, Any]]] = {
    "lang": (check_lang, {"expect": str}, {}),
    "element": (check_element, {"selector": str},
                {"min": int, "max": int, "text": str, "whole": bool}),
    "attribute": (check_attribute, {"selector": str, "attribute": str},
                  {"value": str, "pattern": str}),
    "alt": (check_alt, {}, {"decorative": str}),
    "labels": (check_labels, {}, {"visible": bool}),
    "submit": (check_submit, {}, {"selector": str}),
    "headings": (check_headings, {}, {}),
    "link_text": (check_link_text, {}, {}),
    "valid_html": (check_valid_html, {}, {"max_errors": int}),
    "valid_css": (check_valid_css, {}, {}),
    "css": (check_css, {"selector": str, "property": str},
            {"value": str, "values": list, "pattern": str, "min": float, "max": float,
             "media": str, "inherit": bool}),
    "contrast": (check_contrast, {}, {"selector": str, "min": float}),
}
