"""The indicator survey's rules (every statement rated 1–5, the points open, what counts as
positive) and its table in the funder report, masked like every other count."""

from __future__ import annotations

import itertools

import pytest

from assessor.domain.funder.indicators import (
    ITEMS,
    SurveyError,
    check_answers,
    is_positive,
    open_points,
)
from assessor.domain.statistics import Mask
from assessor.domain.statistics.indicators import indicator_table
from assessor.domain.statistics.tables import COLUMNS


def rated(*values: int) -> dict[str, int]:
    return dict(zip(ITEMS, values, strict=True))


def test_answers_are_kept_when_every_statement_has_a_rating_from_1_to_5():
    assert check_answers("start", rated(1, 2, 4, 5)) == rated(1, 2, 4, 5)


@pytest.mark.parametrize(("point", "answers", "code"), [
    ("middle", rated(3, 3, 3, 3), "point"),
    ("exit", dict(list(rated(3, 3, 3, 3).items())[:3]), "incomplete"),
    ("exit", rated(3, 3, 3, 3) | {"extra": 3}, "incomplete"),
    ("exit", rated(0, 3, 3, 3), "scale"),
    ("exit", rated(6, 3, 3, 3), "scale"),
    ("exit", rated(True, 3, 3, 3), "scale"),
    ("exit", rated("4", 3, 3, 3), "scale"),
])
def test_answers_that_do_not_fit_are_refused(point, answers, code):
    with pytest.raises(SurveyError) as error:
        check_answers(point, answers)
    assert error.value.code == code


def test_positive_means_4_or_5_on_more_than_half_of_the_statements():
    assert is_positive(rated(4, 5, 4, 1))
    assert not is_positive(rated(4, 5, 3, 3))  # half is not more than half
    assert not is_positive(rated(3, 3, 3, 3))


def test_the_exit_opens_once_the_last_day_is_recorded_and_each_point_is_answered_once():
    assert open_points(set(), has_left=False) == ["start"]
    assert open_points(set(), has_left=True) == ["start", "exit"]
    assert open_points({"start"}, has_left=True) == ["exit"]
    assert open_points({"start", "exit"}, has_left=True) == []


def test_the_table_counts_positive_answers_by_gender_with_the_share():
    table = indicator_table([("man", True)] * 6 + [("man", False)] * 3
                            + [("woman", True)] * 3 + [("woman", False)] * 3)
    assert table.counts[("positive", "man")].text == "6"
    assert table.counts[("total", "total")].text == "15"
    assert (table.shares["man"], table.shares["woman"], table.shares["total"]) == (67, 50, 60)


def test_a_small_count_is_masked_and_cannot_be_worked_out_nor_its_share_shown():
    table = indicator_table([("man", True)] * 5 + [("man", False)] * 4 + [("woman", True)])
    assert table.counts[("positive", "woman")].mask is Mask.SMALL
    assert table.shares["woman"] is None
    # the men's and the total's positive counts would give the woman away: one is hidden
    shown = [table.counts[(row, c)] for row in ("positive", "total") for c in ("man", "total")]
    assert any(not count.shown for count in shown)
    assert all(not (0 < count.value < 3 and count.shown) for count in table.counts.values())


@pytest.mark.parametrize("pattern", list(itertools.product(range(3), repeat=4)))
def test_no_filling_of_a_small_table_shows_a_count_of_1_or_2(pattern):
    women_yes, women_no, men_yes, men_no = pattern
    table = indicator_table([("woman", True)] * women_yes + [("woman", False)] * women_no
                            + [("man", True)] * men_yes + [("man", False)] * men_no)
    for column in COLUMNS:
        for row in ("positive", "not_positive", "total"):
            count = table.counts[(row, column)]
            assert not (count.shown and 0 < count.value < 3)
        share = table.shares[column]
        assert share is None or table.counts[("positive", column)].shown
