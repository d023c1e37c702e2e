"""The grading messages: one text per code, in every language, with the same blanks."""

from __future__ import annotations

import string

from assessor.domain.grading.messages import CATALOGUE, PARTS, text
from assessor.domain.vocabulary import LOCALES


def blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_each_code_is_given_by_one_part_only():
    assert sum(len(part) for part in PARTS) == len(CATALOGUE)


def test_every_message_has_each_language_with_the_same_blanks():
    for code, texts in CATALOGUE.items():
        assert len(texts) == len(LOCALES), code
        assert all(texts), code
        assert len({frozenset(blanks(t)) for t in texts}) == 1, code


def test_a_message_is_filled_in_the_asked_language_and_keeps_its_code():
    said = text("timed_out", "en", seconds=2.0)
    assert said == "Did not finish within 2 s. An endless loop, perhaps?"
    assert (said.code, said.params) == ("timed_out", {"seconds": 2.0})
    assert text("timed_out", "xx", seconds=2) == text("timed_out", "sv", seconds=2)
