"""Why participations ended and how soon people came to their first step, by gender, masked:
the counts, the rows people fall in, and an integer solver that must not find a masked count
again."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.domain.statistics import GENDERS, TOTAL, Line
from assessor.domain.statistics.leaving import (
    END_ROWS,
    FIRST_STEP_ROWS,
    Leaver,
    Starter,
    first_step_row,
    leaving_figures,
)
from tests.unit.test_statistics_masking import assert_nothing_recoverable


def test_two_weeks_is_within_the_goal_a_day_more_is_later_and_none_is_not_yet():
    assert [first_step_row(d) for d in (0, 14, 15, None)] == ["within_goal", "within_goal",
                                                              "later", "not_yet"]


def test_end_reasons_are_counted_by_gender_and_a_missing_reason_as_not_recorded():
    leavers = [Leaver("man", "health")] * 4 + [Leaver("woman", "health")] * 3 + \
        [Leaver("man", None)] * 3 + [Leaver("man", "employer")] * 3
    figures = leaving_figures(leavers, [])
    assert figures.end_reasons[("health", "man")].text == "4"
    assert figures.end_reasons[("health", "woman")].text == "3"
    assert figures.end_reasons[("health", TOTAL)].text == "7"
    # no reason, and a placement-only reason, count as "not recorded"
    assert figures.end_reasons[("not_recorded", "man")].text == "6"
    assert figures.end_reasons[(TOTAL, TOTAL)].text == "13"


def test_the_share_within_two_weeks_is_shown_per_gender_when_its_counts_are():
    starters = [Starter("woman", 3)] * 3 + [Starter("woman", 30)] * 3 + \
        [Starter("man", 10)] * 4 + [Starter("man", None)] * 4
    figures = leaving_figures([], starters)
    assert figures.within_goal["woman"] == 50
    assert figures.within_goal["man"] == 50
    assert figures.within_goal[TOTAL] == 50
    assert figures.first_step[("not_yet", "man")].text == "4"


def test_a_small_count_hides_its_share():
    figures = leaving_figures([], [Starter("woman", 1), Starter("woman", 20), Starter("man", 2)]
                              * 3 + [Starter("non_binary", 1)])
    assert figures.first_step[("within_goal", "non_binary")].text == "<3"
    assert figures.within_goal["non_binary"] is None


leavers = st.lists(st.builds(Leaver, gender=st.sampled_from(GENDERS),
                             reason=st.one_of(st.none(), st.sampled_from(END_ROWS[:-1]))),
                   max_size=20)
starters = st.lists(st.builds(Starter, gender=st.sampled_from(GENDERS),
                              days_to_first_step=st.one_of(st.none(), st.integers(0, 60))),
                    max_size=20)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(leavers, starters)
def test_neither_table_gives_a_masked_count_away(left, enrolled):
    figures = leaving_figures(left, enrolled)
    seen = {("e", *key): c for key, c in figures.end_reasons.items()}
    seen |= {("f", *key): c for key, c in figures.first_step.items()}
    lines = []
    for table, rows in (("e", END_ROWS), ("f", FIRST_STEP_ROWS)):
        lines += [Line((table, r, TOTAL), tuple((table, r, g) for g in GENDERS))
                  for r in (*rows, TOTAL)]
        lines += [Line((table, TOTAL, c), tuple((table, r, c) for r in rows))
                  for c in (*GENDERS, TOTAL)]
    assert_nothing_recoverable(seen, lines)
    for column, share in figures.within_goal.items():
        if share is not None:
            assert figures.first_step[("within_goal", column)].shown
            assert figures.first_step[(TOTAL, column)].shown
