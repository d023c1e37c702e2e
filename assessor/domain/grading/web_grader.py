"""The web grader: a checklist run on the parsed HTML and CSS (no browser, no sandbox).

Each test names a ``check`` from ``web_checks.CHECKS`` (lang, element, attribute, alt, labels,
submit, headings, link_text, valid_html, valid_css, css, contrast) and that check's fields.
"""

from __future__ import annotations

import re
from typing import ClassVar

from assessor.domain.challenges.fields import Fields
from assessor.domain.grading.base import Context, Grader, NotGradable
from assessor.domain.grading.result import TestOutcome
from assessor.domain.grading.web_checks import CHECKS
from assessor.domain.grading.web_page import MAX_DEPTH, MAX_ELEMENTS, Page, page_shape


class WebGrader(Grader):
    """Parses ``index.html`` (and any ``.css`` files) once and runs every check on it."""

    kind: ClassVar[str] = "web"
    sandboxed: ClassVar[bool] = False

    def grade(self, ctx: Context) -> list[TestOutcome]:
        files = ctx.variant.challenge.files
        html_name = next((f for f in files if f.endswith((".html", ".htm"))), files[0])
        html = ctx.source(html_name)
        _check_shape(ctx, html)
        styles = "\n".join(ctx.source(f) for f in files if f.endswith(".css") and f in ctx.files)
        page = Page(html, styles)
        outcomes = []
        for test in ctx.tests:
            check = CHECKS[test["check"]][0]
            message = check(ctx, page, test)
            outcomes.append(ctx.failed(test, message) if message else ctx.passed(test))
        return outcomes

    def check_test(self, test: Fields, options: Fields) -> None:
        name = test.choice("check", tuple(CHECKS), required=True)
        if name is None:
            return
        _, required, optional = CHECKS[name]
        for field, kind in required.items():
            test.get(field, kind, required=True, example=f'{field} = "..."')
        for field, kind in optional.items():
            test.get(field, kind)
        if test.data.get("whole") and "text" not in test.data:
            test.problem("whole", "needs the text the element must have.",
                         'Write, for example: text = "Öppettider"')
        pattern = test.data.get("pattern")
        if isinstance(pattern, str):
            try:
                re.compile(pattern)
            except re.error as error:
                test.problem("pattern", f"is not a valid regular expression ({error}).",
                             "Check brackets and backslashes.")


def _check_shape(ctx: Context, html: str) -> None:
    """Refuse, before parsing, a page too large or too deep to parse in reasonable time."""
    elements, depth = page_shape(html)
    if elements > MAX_ELEMENTS:
        raise NotGradable(ctx.msg("web_too_many", count=elements, most=MAX_ELEMENTS))
    if depth > MAX_DEPTH:
        raise NotGradable(ctx.msg("web_too_deep", depth=depth, most=MAX_DEPTH))
