"""The matching rules, from data alone: hard constraints first, then a score with reasons."""

from __future__ import annotations

import pytest

from assessor.domain.matching import (
    Candidate,
    OpeningSpec,
    Requirement,
    Skill,
    assess,
    level_rank,
    rank,
    suggest_assignment,
)
from assessor.domain.profiles import CHECKLIST, CHECKLIST_GROUPS, ProfileContent, employer_part
from assessor.domain.profiles.sections import interest_tags

P1E = Requirement("programmering", level_rank("programmering", "Programmering 1 E"),
                  "Programmering 1 E")


def person(pid=1, needs=None, **fields):
    return Candidate.from_needs(pid, needs or {}, **fields)


def opening(**fields):
    return OpeningSpec(id=fields.pop("id", 7), **fields)


def test_the_checklist_has_29_items_in_six_groups_and_no_diagnosis():
    assert len(CHECKLIST) == len(set(CHECKLIST)) == 29
    assert len(CHECKLIST_GROUPS) == 6
    assert not any("diagnos" in code or "health" in code for code in CHECKLIST)


def test_levels_are_ranked_on_the_areas_ladder():
    assert level_rank("programmering", "Programmering 1 E") == 1
    assert level_rank("programmering", "Programmering 2 E") == 4
    assert level_rank("webb", "Programmering 1 E") == 0


def test_a_must_the_workplace_answers_no_excludes_and_names_the_item():
    result = assess(person(needs={"env.quiet_space": "must"}),
                    opening(offers={"env.quiet_space": "no"}))
    assert not result.feasible and result.score == 0
    assert [(r.code, r.detail) for r in result.reasons] == [("must_refused",
                                                             ("env.quiet_space",))]


def test_a_help_the_workplace_answers_no_only_costs_points():
    helped = assess(person(needs={"env.quiet_space": "helps"}),
                    opening(offers={"env.quiet_space": "yes"}))
    not_helped = assess(person(needs={"env.quiet_space": "helps"}),
                        opening(offers={"env.quiet_space": "no"}))
    assert helped.feasible and not_helped.feasible and helped.score > not_helped.score


def test_a_must_that_can_be_arranged_is_in_but_flagged_for_the_coach():
    result = assess(person(needs={"comm.written": "must"}),
                    opening(offers={"comm.written": "can_arrange"}))
    assert result.feasible
    assert [(r.code, r.detail) for r in result.flags] == [("must_to_arrange",
                                                           ("comm.written",))]


def test_a_missing_level_excludes_by_default_and_is_flagged_when_the_coach_chooses():
    needs_level = opening(requirements=(P1E,))
    assert not assess(person(), needs_level).feasible
    flagged = assess(person(), needs_level, missing="flag")
    assert flagged.feasible and [r.code for r in flagged.flags] == ["level_missing"]
    with pytest.raises(ValueError):
        assess(person(), needs_level, missing="maybe")


def test_a_verified_level_scores_higher_than_the_same_level_from_home():
    needs_level = opening(requirements=(P1E,))
    home = assess(person(skills={"programmering": Skill(2, "Programmering 1 C")}), needs_level)
    verified = assess(person(skills={"programmering": Skill(2, "Programmering 1 C", True)}),
                      needs_level)
    assert verified.score > home.score
    assert ("skills", "level_verified") in {(r.kind, r.code) for r in verified.reasons}


def test_shared_interests_and_a_reachable_place_add_points_with_their_reasons():
    work = opening(tags=frozenset({"python", "test"}), place="lund")
    fits = assess(person(interests=frozenset({"python"}), places=frozenset({"lund"})), work)
    does_not = assess(person(interests=frozenset({"spel"}), places=frozenset({"malmö"})), work)
    assert fits.score > does_not.score
    assert {r.code for r in fits.reasons} >= {"shared", "place_reachable"}
    assert {r.code for r in does_not.reasons} >= {"none_shared", "place_not_listed"}


def test_hours_outside_the_persons_range_are_flagged_not_excluded():
    result = assess(person(hours_min=10, hours_max=20), opening(hours=40))
    assert result.feasible and [r.code for r in result.flags] == ["outside_range"]


def test_the_ranked_list_is_best_first_and_only_counts_who_was_left_out():
    people = [person(1), person(2, needs={"env.quiet_space": "must"}),
              person(3, interests=frozenset({"python"}))]
    shown, left_out = rank(people, opening(tags=frozenset({"python"}),
                                           offers={"env.quiet_space": "no"}))
    assert [r.person_id for r in shown] == [3, 1] and left_out == 1


def test_the_assignment_gives_each_person_one_opening_and_the_best_total():
    a, b = opening(id=1, tags=frozenset({"python"})), opening(id=2, tags=frozenset({"webb"}))
    pythonista = person(1, interests=frozenset({"python"}))
    webbie = person(2, interests=frozenset({"webb"}))
    results = [assess(p, o) for p in (pythonista, webbie) for o in (a, b)]
    pairs = suggest_assignment(results)
    assert {(p.person_id, p.opening_id) for p in pairs} == {(1, 1), (2, 2)}


def test_the_assignment_repeats_an_opening_with_room_for_two_and_skips_non_fits():
    a = opening(id=1, offers={"env.quiet_space": "no"})
    people = [person(1), person(2), person(3, needs={"env.quiet_space": "must"})]
    pairs = suggest_assignment([assess(p, a) for p in people], capacity={1: 2})
    assert sorted(p.person_id for p in pairs) == [1, 2]
    assert suggest_assignment([]) == []


def test_the_employer_sees_only_the_shared_sections_and_the_checklist_when_shared():
    profile = ProfileContent(sections={"strengths": "Felsökning", "travel": "Buss"},
                             interests=("python",), needs={"comm.written": "must",
                                                           "env.lighting": "helps"},
                             shared=frozenset({"travel"}))
    part = employer_part(profile)
    assert part.sections == (("travel", "Buss"),)
    assert part.accommodations == () and part.interests == ()
    everything = employer_part(ProfileContent(**{**profile.__dict__, "shared": frozenset(
        {"strengths", "accommodations"})}))
    assert everything.accommodations == (("env.lighting", "helps"), ("comm.written", "must"))
    assert everything.interests == ("python",)


def test_interests_become_lower_case_tags_without_repeats():
    assert interest_tags("Python, spel;  python ,, Webb ") == ("python", "spel", "webb")


def test_no_table_has_a_column_for_a_diagnosis_or_health():
    from assessor.models.base import Base

    words = ("diagnos", "icd", "medic", "health", "halsa", "hälsa", "condition")
    columns = [f"{table.name}.{column.name}" for table in Base.metadata.tables.values()
               for column in table.columns]
    assert not [c for c in columns if any(word in c.lower() for word in words)]
