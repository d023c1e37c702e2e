"""Small counts masked, and proof that they cannot be worked out again.

Two attackers try to find a count of 1 or 2 again: one enumerates every whole-number filling
of the masked cells of small tables, the other asks an integer solver for the smallest and
largest value of each masked count in the full report shapes. Both know every shown count,
that "<3" is 1 or 2, that "–" is any count, and every total. (A "–" over a 0 or a count of 3
or more may be worked out: that gives no small count away.)
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Mapping, Sequence
from datetime import date

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from assessor.domain.statistics import (
    GENDERS,
    STAGES,
    TOTAL,
    Count,
    Line,
    Mask,
    Member,
    Participant,
    dashboard,
    funder_report,
    mask,
    percent,
)

LADDERS = {"programmering": ("Programmering 1 E", "Programmering 1 C"),
           "webb": ("Webbutveckling 1 E",)}


def grid(values: Sequence[Sequence[int]]) -> tuple[dict, list[Line]]:
    """A table with row totals, column totals and a grand total, and its lines."""
    rows, cols = len(values), len(values[0])
    counts = {(r, c): values[r][c] for r in range(rows) for c in range(cols)}
    counts |= {(r, "t"): sum(values[r]) for r in range(rows)}
    counts |= {("t", c): sum(values[r][c] for r in range(rows)) for c in range(cols)}
    counts[("t", "t")] = sum(map(sum, values))
    lines = [Line((r, "t"), tuple((r, c) for c in range(cols))) for r in range(rows)]
    lines += [Line(("t", c), tuple((r, c) for r in range(rows))) for c in [*range(cols), "t"]]
    lines += [Line(("t", "t"), tuple(("t", c) for c in range(cols)))]
    return counts, lines


def what_is_seen(masked: Mapping[Hashable, Count]) -> dict[Hashable, str]:
    return {key: count.text for key, count in masked.items()}


def enumerate_fillings(seen: Mapping[Hashable, str], lines: Sequence[Line], top: int,
                       targets: Sequence[Hashable]) -> dict[Hashable, set[int]]:
    """Values each of ``targets`` can take in a filling of the masked cells that adds up
    ("–" from 0 to ``top``), found by trying each value in turn (until two are found) and
    searching for one whole filling with it: each cell's range is narrowed along the lines,
    then each value of the narrowest open cell is tried."""
    masked = [key for key, text in seen.items() if not text.isdigit()]
    start = {key: (int(t), int(t)) if t.isdigit() else (1, 2) if t == "<3" else (0, top)
             for key, t in seen.items()}

    def narrow(ranges: dict) -> dict | None:
        changed = True
        while changed:
            changed = False
            for line in lines:
                names = [(line.total, -1), *((part, 1) for part in line.parts)]
                for name, sign in names:  # name's range from the others: sum of signs = 0
                    rest = [(ranges[o], s) for o, s in names if o != name]
                    low = -sum(hi if s > 0 else -lo for (lo, hi), s in rest)
                    high = -sum(lo if s > 0 else -hi for (lo, hi), s in rest)
                    low, high = (low, high) if sign > 0 else (-high, -low)
                    lo, hi = ranges[name]
                    new = (max(lo, low), min(hi, high))
                    if new[0] > new[1]:
                        return None
                    if new != (lo, hi):
                        ranges[name], changed = new, True
        return ranges

    def a_filling(ranges: dict) -> bool:
        ranges = narrow(dict(ranges))
        if ranges is None:
            return False
        open_cells = [key for key in masked if ranges[key][0] < ranges[key][1]]
        if not open_cells:
            return True
        key = min(open_cells, key=lambda name: ranges[name][1] - ranges[name][0])
        return any(a_filling(ranges | {key: (value, value)})
                   for value in range(ranges[key][0], ranges[key][1] + 1))

    found: dict[Hashable, set[int]] = {}
    for key in targets:
        found[key] = set()
        for value in range(start[key][0], start[key][1] + 1):
            if len(found[key]) < 2 and a_filling(start | {key: (value, value)}):
                found[key].add(value)
    return found


def solver_range(key: Hashable, seen: Mapping[Hashable, str], lines: Sequence[Line],
                 ) -> tuple[float, float]:
    """The smallest and largest value of one masked count, by an integer solver."""
    masked = [name for name, text in seen.items() if not text.isdigit()]
    index = {name: i for i, name in enumerate(masked)}
    rows, sums = [], []
    for line in lines:
        row, known = np.zeros(len(masked)), 0
        for name, sign in [(line.total, -1), *((part, 1) for part in line.parts)]:
            if name in index:
                row[index[name]] += sign
            else:
                known += sign * int(seen[name])
        if row.any():
            rows.append(row)
            sums.append(-known)
    bounds = Bounds([1 if seen[n] == "<3" else 0 for n in masked],
                    [2 if seen[n] == "<3" else 10**5 for n in masked])
    constraints = [LinearConstraint(np.array(rows), sums, sums)] if rows else []
    ends = []
    for sign in (1, -1):
        goal = np.zeros(len(masked))
        goal[index[key]] = sign
        result = milp(goal, integrality=np.ones(len(masked)), bounds=bounds,
                      constraints=constraints)
        ends.append(result.x[index[key]])
    return ends[0], ends[1]


def assert_nothing_recoverable(masked: Mapping[Hashable, Count], lines: Sequence[Line]):
    seen = what_is_seen(masked)
    assert not any(count.shown and 0 < count.value < 3 for count in masked.values())
    for key, count in masked.items():
        if 0 < count.value < 3:
            low, high = solver_range(key, seen, lines)
            assert high - low >= 1, f"{key} is {count.value} for anyone who adds up"


def test_a_count_of_one_or_two_is_shown_as_less_than_three():
    counts, lines = grid([[1, 5], [2, 7]])
    masked = mask(counts, lines)
    assert masked[(0, 0)].text == "<3" and masked[(1, 0)].text == "<3"
    assert masked[(0, 0)].mask is Mask.SMALL


def test_zero_and_counts_of_three_or_more_are_shown_when_nothing_depends_on_them():
    counts, lines = grid([[0, 5], [3, 7]])
    assert {key: c.text for key, c in mask(counts, lines).items()} == {
        key: str(value) for key, value in counts.items()}


def test_one_small_cell_in_a_row_hides_a_second_cell_so_the_total_does_not_give_it_away():
    counts = {"total": 6, "women": 2, "men": 4}
    masked = mask(counts, [Line("total", ("women", "men"))])
    assert masked["women"].text == "<3"
    assert masked["men"].text == "–" or masked["total"].text == "–"


def test_two_small_cells_that_add_up_to_two_are_hidden_further():
    counts = {"total": 7, "a": 1, "b": 1, "c": 5}
    masked = mask(counts, [Line("total", ("a", "b", "c"))])
    assert_nothing_recoverable(masked, [Line("total", ("a", "b", "c"))])
    assert masked["c"].text == "–"


def test_the_research_files_example_hides_the_share_of_a_masked_count():
    # IT-spåret's positive outcomes: women 2, men 4, other 0, total 6 (research file, B2)
    people = ([Participant("woman", 2000, frozenset({"job"}))] * 2
              + [Participant("woman", 2000, frozenset())]
              + [Participant("man", 2000, frozenset({"job"}))] * 4
              + [Participant("man", 2000, frozenset())] * 3)
    report = funder_report(people, date(2024, 1, 1), date(2024, 12, 31))
    assert report.outcomes[("job", "woman")].text == "<3"
    assert report.outcomes[("job", "man")].text == "–" or \
        report.outcomes[("job", TOTAL)].text == "–"
    woman_goal = next(g for g in report.goals if g.outcome == "job" and g.column == "woman")
    assert woman_goal.share is None and woman_goal.met is None


def test_a_share_is_hidden_when_its_numerator_or_denominator_is_masked():
    shown, small, hidden = Count(4, Mask.SHOWN), Count(2, Mask.SMALL), Count(9, Mask.HIDDEN)
    assert percent(shown, Count(8, Mask.SHOWN)) == 50
    assert percent(small, Count(8, Mask.SHOWN)) is None
    assert percent(shown, hidden) is None
    assert percent(Count(0, Mask.SHOWN), Count(0, Mask.SHOWN)) is None


def test_counts_that_do_not_add_up_are_refused():
    with pytest.raises(ValueError):
        mask({"total": 5, "a": 1}, [Line("total", ("a",))])


def test_a_threshold_below_three_is_refused_because_less_than_two_means_one():
    with pytest.raises(ValueError):
        mask({"a": 1}, [], k=2)


small_tables = st.integers(2, 3).flatmap(lambda rows: st.integers(2, 3).flatmap(
    lambda cols: st.lists(st.lists(st.sampled_from([0, 0, 1, 1, 2, 2, 3, 4, 5]),
                                   min_size=cols, max_size=cols),
                          min_size=rows, max_size=rows)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_tables)
def test_no_masked_cell_of_a_small_table_can_be_recovered_by_trying_every_filling(values):
    counts, lines = grid(values)
    masked = mask(counts, lines)
    assert not any(c.shown and 0 < c.value < 3 for c in masked.values())
    top = max(counts.values()) + 3
    small = [key for key, value in counts.items() if 0 < value < 3]
    found = enumerate_fillings(what_is_seen(masked), lines, top, small)
    for key in small:
        assert len(found[key]) >= 2, f"{key} can only be {found[key]}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 6).flatmap(lambda rows: st.lists(
    st.lists(st.integers(0, 9), min_size=4, max_size=4), min_size=rows, max_size=rows)))
def test_no_masked_cell_of_a_gender_table_can_be_recovered_by_an_integer_solver(values):
    counts, lines = grid(values)
    assert_nothing_recoverable(mask(counts, lines), lines)


people = st.lists(st.builds(
    Participant, gender=st.sampled_from(GENDERS),
    birth_year=st.one_of(st.none(), st.integers(1980, 2006)),
    outcomes=st.frozensets(st.sampled_from(["praktik", "job", "studies", "course_passed"]))),
    max_size=25)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people)
def test_the_funder_report_gives_no_masked_count_away(population):
    report = funder_report(population, date(2024, 1, 1), date(2024, 12, 31))
    seen = {("p", *key): c for key, c in report.participants.items()}
    seen |= {("o", *key): c for key, c in report.outcomes.items()}
    rows = ("under_25", "25_29", "30_plus", "unknown")
    columns = (*GENDERS, TOTAL)
    lines = [Line(("p", r, TOTAL), tuple(("p", r, g) for g in GENDERS)) for r in (*rows, TOTAL)]
    lines += [Line(("p", TOTAL, c), tuple(("p", r, c) for r in rows)) for c in columns]
    lines += [Line(("o", o, TOTAL), tuple(("o", o, g) for g in GENDERS))
              for o in ("praktik", "job", "studies", "course_passed")]
    assert_nothing_recoverable(seen, lines)
    for goal in report.goals:
        if goal.share is not None:
            assert goal.reached.shown and goal.exited.shown


members = st.lists(st.builds(
    Member, gender=st.sampled_from(GENDERS), furthest=st.sampled_from(STAGES),
    levels=st.fixed_dictionaries({}, optional={
        "programmering": st.sampled_from(LADDERS["programmering"]),
        "webb": st.sampled_from(LADDERS["webb"])})), max_size=20)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(members)
def test_the_dashboard_gives_no_masked_count_away_across_its_tables(population):
    board = dashboard(population, LADDERS)
    seen = {("f", *key): c for key, c in board.funnel.items()}
    seen |= {("s", *key): c for key, c in board.stopped.items()}
    columns = (*GENDERS, TOTAL)
    lines = [Line(("f", s, TOTAL), tuple(("f", s, g) for g in GENDERS)) for s in STAGES]
    lines += [Line(("s", s, TOTAL), tuple(("s", s, g) for g in GENDERS)) for s in STAGES[:-1]]
    lines += [Line(("f", s, c), (("f", after, c), ("s", s, c)))
              for s, after in itertools.pairwise(STAGES) for c in columns]
    for area, levels in board.ladders.items():
        seen |= {("l", area, *key): c for key, c in board.levels[area].items()}
        lines += [Line(("l", area, lv, TOTAL), tuple(("l", area, lv, g) for g in GENDERS))
                  for lv in levels]
        lines += [Line(("f", "found", c), tuple(("l", area, lv, c) for lv in levels))
                  for c in columns]
    assert_nothing_recoverable(seen, lines)


def test_the_funnel_narrows_and_says_where_people_stopped():
    population = [Member("man", "placed")] * 5 + [Member("man", "found")] * 4
    board = dashboard(population, LADDERS)
    assert board.funnel[("found", TOTAL)].text == "9"
    assert board.funnel[("placed", TOTAL)].text == "5"
    assert board.stopped[("found", TOTAL)].text == "4"
    assert board.funnel[("still_placed", TOTAL)].text == "0"


def test_both_attackers_recover_a_cell_that_only_primary_masking_would_hide():
    seen = {"total": "6", "women": "<3", "men": "4"}
    lines = [Line("total", ("women", "men"))]
    assert enumerate_fillings(seen, lines, 10, ["women"])["women"] == {2}
    assert solver_range("women", seen, lines) == (2, 2)
