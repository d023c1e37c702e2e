"""Travel distance in matching: kilometres between Swedish places from the GeoNames table,
within or beyond the longest way the person travels; an unknown place is never guessed."""

from __future__ import annotations

import pytest

from assessor.domain.matching import WEIGHTS, Candidate, OpeningSpec, assess
from assessor.domain.matching.distance import coordinates, km_between, place_key, places


def travel(result):
    return [r for r in result.reasons if r.kind == "travel"]


def test_the_table_knows_every_kind_of_municipality_seat():
    assert len(places()) > 700
    for seat in ("Stockholm", "Lund", "Kiruna", "Eksjö", "Bjurholm", "Sorsele", "Österbymo"):
        assert coordinates(seat) is not None, seat


@pytest.mark.parametrize(("a", "b", "low", "high"), [
    ("Lund", "Malmö", 14, 19), ("Stockholm", "Göteborg", 390, 400),
    ("Malmö", "Kiruna", 1390, 1420), ("Eksjö", "Eksjö", 0, 0.001)])
def test_distances_are_straight_line_kilometres(a, b, low, high):
    assert low <= km_between(a, b) <= high


def test_names_are_found_whatever_their_case_spacing_or_kommun():
    assert place_key("  Lunds   KOMMUN ") == "lunds"
    assert coordinates("Lunds kommun") == coordinates("lund") == coordinates(" LUND ")
    assert coordinates("Eksjö kommun") == coordinates("Eksjö")
    assert coordinates("Atlantis") is None and km_between("Lund", "Atlantis") is None


def test_an_opening_within_the_persons_distance_gets_the_travel_points():
    person = Candidate(1, home="Lund", max_km=30)
    result = assess(person, OpeningSpec(10, place="malmö"))
    (reason,) = travel(result)
    assert (reason.code, reason.detail, reason.effect) == ("within_distance",
                                                           ("malmö", "16", "30"), "+")
    assert result.score == assess(Candidate(1, places=frozenset({"malmö"})),
                                  OpeningSpec(10, place="malmö")).score


def test_an_opening_too_far_away_is_flagged_and_gets_no_travel_points():
    person = Candidate(1, home="Lund", max_km=30)
    far = assess(person, OpeningSpec(10, place="stockholm"))
    (reason,) = travel(far)
    assert (reason.code, reason.effect) == ("too_far", "flag") and reason in far.flags
    near = assess(person, OpeningSpec(10, place="malmö"))
    assert near.score - far.score == pytest.approx(WEIGHTS["travel"])
    partly = travel(assess(person, OpeningSpec(10, place="stockholm", remote="partly")))
    assert [r.code for r in partly] == ["remote_possible"]


def test_without_a_home_a_distance_or_a_known_place_nothing_is_guessed():
    for person, place in ((Candidate(1, max_km=30), "malmö"),
                          (Candidate(1, home="Lund"), "malmö"),
                          (Candidate(1, home="Lund", max_km=30), "atlantis")):
        assert [r.code for r in travel(assess(person, OpeningSpec(10, place=place)))] == [
            "unknown"]


def test_a_place_the_person_listed_counts_even_beyond_the_distance():
    person = Candidate(1, home="Lund", max_km=10, places=frozenset({"malmö"}))
    assert [r.code for r in travel(assess(person, OpeningSpec(10, place="malmö")))] == [
        "place_reachable"]
