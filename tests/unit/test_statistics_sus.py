"""The funder report's SUS section: registrations in full or anonymous, who was registered out,
occupation before and after in SUS's categories (40 h a week = 100 %) for those registered out
in full, by gender, masked together; and an integer solver that must not find a masked count
again."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.domain.funder.sus import OCCUPATIONS, Registration, worksheet
from assessor.domain.statistics import GENDERS, TOTAL
from assessor.domain.statistics.sus import (
    CHANGE_ROWS,
    OCCUPATION_ROWS,
    SHAPES,
    SusMember,
    change_row,
    extent,
    sus_figures,
    sus_lines,
)
from tests.unit.test_statistics_masking import assert_nothing_recoverable

STARTED = date(2025, 2, 1)


def member(gender: str, *, full: bool = True, left: bool = True, before: str | None = "ingen",
           after: str | None = "arbete", hours_before: float | None = None,
           hours_after: float | None = 40) -> SusMember:
    registration = Registration(occupation_before=before, hours_before=hours_before,
                                occupation_after=after, hours_after=hours_after)
    return SusMember(gender, left, worksheet(full=full, gender=gender, started=STARTED,
                                             registration=registration))


def test_registrations_count_everyone_and_split_full_from_anonymous():
    figures = sus_figures([member("man")] * 4 + [member("man", full=False)] * 3
                          + [member("woman", left=False)] * 3)
    assert figures.registrations[("full", "man")].text == "4"
    assert figures.registrations[("anonymous", "man")].text == "3"
    assert figures.registrations[(TOTAL, TOTAL)].text == "10"
    assert figures.exits[("out_full", "man")].text == "4"
    assert figures.exits[("out_anonymous", "man")].text == "3"
    assert figures.exits[("still_in", "woman")].text == "3"
    assert figures.exits[(TOTAL, TOTAL)].text == "10"


def test_anonymous_registrations_count_only_by_gender_never_by_occupation():
    figures = sus_figures([member("man")] * 3 + [member("man", full=False)] * 4)
    assert figures.before[("ingen", "man")].text == "3"
    assert figures.after[("arbete", "man")].text == "3"
    assert figures.before[(TOTAL, "man")].text == "3"  # those registered out in full
    assert figures.change[(TOTAL, TOTAL)].text == "3"


def test_only_those_registered_out_are_counted_by_occupation():
    figures = sus_figures([member("woman", left=False)] * 5)
    assert all(figures.before[(row, TOTAL)].value == 0 for row in OCCUPATION_ROWS)
    assert figures.exits[("still_in", "woman")].text == "5"


def test_a_missing_occupation_counts_as_not_recorded():
    figures = sus_figures([member("man", before=None, after=None, hours_after=None)] * 3)
    assert figures.before[("not_recorded", "man")].text == "3"
    assert figures.after[("not_recorded", "man")].text == "3"


def test_per_cent_of_full_time_is_of_40_hours_and_none_without_hours_is_0():
    assert extent("ingen", None) == 0 and extent("arbete", None) is None
    assert extent("arbete", 50) == 50
    half = member("man", before="arbete", hours_before=20, after="arbete", hours_after=20)
    assert half.sheet.percent_before == 50
    assert change_row(half.sheet) == "same"
    assert change_row(member("man").sheet) == "increased"  # none (0 %) to 40 h (100 %)
    assert change_row(member("man", before="arbete", hours_before=40, after="studier",
                             hours_after=10).sheet) == "decreased"
    assert change_row(member("man", before="studier").sheet) == "not_recorded"


def test_a_small_count_is_masked_and_what_would_give_it_away_is_hidden():
    figures = sus_figures([member("man")] * 5 + [member("woman", full=False)])
    assert figures.registrations[("anonymous", "woman")].text == "<3"
    shown = [figures.registrations[(row, c)] for row in ("anonymous", TOTAL)
             for c in ("woman", TOTAL)]
    assert not all(count.shown for count in shown)
    every = [c for table in (figures.registrations, figures.exits, figures.before,
                             figures.after, figures.change) for c in table.values()]
    assert not any(c.shown and 0 < c.value < 3 for c in every)


members = st.lists(st.builds(
    member, gender=st.sampled_from(GENDERS), full=st.booleans(), left=st.booleans(),
    before=st.one_of(st.none(), st.sampled_from(OCCUPATIONS)),
    after=st.one_of(st.none(), st.sampled_from(OCCUPATIONS)),
    hours_before=st.one_of(st.none(), st.sampled_from([0, 10, 20, 40])),
    hours_after=st.one_of(st.none(), st.sampled_from([0, 10, 20, 40]))), max_size=20)


def seen_cells(figures) -> dict:
    """What a reader sees, keyed as the masking keys them (a total shown twice is one key)."""
    seen = {}
    for table, cells in (("s", figures.registrations), ("x", figures.exits),
                         ("b", figures.before), ("a", figures.after), ("c", figures.change)):
        seen |= {(table, row, c): count for (row, c), count in cells.items()
                 if row in SHAPES[table]}
    return seen


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(members)
def test_no_table_of_the_sus_section_gives_a_masked_count_away(population):
    figures = sus_figures(population)
    seen = seen_cells(figures)
    assert len(seen) == 5 * (3 + 3 + 2 * len(OCCUPATION_ROWS) + len(CHANGE_ROWS))
    assert_nothing_recoverable(seen, sus_lines())
    # a total shown twice is the same count, masked the same way
    assert figures.exits[(TOTAL, TOTAL)] == figures.registrations[(TOTAL, TOTAL)]
    assert figures.before[(TOTAL, "man")] == figures.exits[("out_full", "man")]
