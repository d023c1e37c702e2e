""""Din väg": the step is derived from what is recorded; the first step not done is "now"."""

from __future__ import annotations

import pytest

from assessor.domain.intake import LeadError, PathFacts, interview_notes, path_of
from assessor.domain.intake.path import current_step


def states(facts: PathFacts) -> list[tuple[str, str]]:
    return [(step.step, step.state) for step in path_of(facts)]


def test_a_new_person_is_on_the_first_step_with_the_rest_later():
    assert states(PathFacts()) == [("find", "now"), ("verify", "later"),
                                   ("understand", "later"), ("match", "later")]
    assert path_of(PathFacts())[0].detail == "no_consent"


def test_a_finished_questionnaire_moves_the_person_to_verify():
    facts = PathFacts(tests_consent=True, questionnaire="finished", hand_ins=2)
    assert states(facts)[:2] == [("find", "done"), ("verify", "now")]
    assert path_of(facts)[1].detail == "hand_ins"


def test_a_profile_written_early_shows_as_started_not_done():
    facts = PathFacts(tests_consent=True, questionnaire="finished", profile_sections=1)
    assert states(facts)[2] == ("understand", "started")


def test_supervised_levels_and_a_profile_lead_to_match_which_never_ends_by_itself():
    facts = PathFacts(tests_consent=True, questionnaire="finished", hand_ins=5, levels=2,
                      supervised=1, profile_sections=4, proposals=1, agreed=1)
    assert states(facts) == [("find", "done"), ("verify", "done"), ("understand", "done"),
                             ("match", "now")]
    assert path_of(facts)[3].detail == "agreed"
    assert current_step(facts) == "match"


def test_interview_notes_keep_only_known_codes_and_short_text():
    notes = interview_notes({"experience": {"programmering": "much"}, "learned_via": ["course"],
                             "next_step": "evening", "note": "x" * 900, "languages": "Py\nthon"})
    assert notes.experience == {"programmering": "much"} and notes.next_step == "evening"
    assert len(notes.note) == 500 and notes.languages == "Py thon"


@pytest.mark.parametrize("bad", [{"experience": {"programmering": "expert"}},
                                 {"experience": {"cooking": "much"}},
                                 {"learned_via": ["dream"]}, {"next_step": "diagnosis"}])
def test_interview_notes_refuse_unknown_codes(bad):
    with pytest.raises(LeadError):
        interview_notes({"next_step": "questionnaire"} | bad)
