"""Drafts and submissions are checked, saved before queueing, and never doubled."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.domain.clock import utcnow
from assessor.models import Consent, Draft, Submission, User
from assessor.services.policy import AccessDeniedError
from assessor.services.submissions import (
    MAX_TOTAL_BYTES,
    NewSubmission,
    SubmissionError,
    attempts,
    create_submission,
    find_draft,
    save_draft,
)


@pytest.fixture
def session(database):
    yield database.session()
    database.session.remove()


def new(files=None, token=None, **kwargs) -> NewSubmission:
    return NewSubmission(challenge_id="p1-hello", challenge_version="1", seed=3,
                         files=files or {"main.py": "print(1)"}, client_token=token, **kwargs)


def test_a_draft_is_replaced_not_duplicated(session, person):
    save_draft(session, person, "p1-hello", {"main.py": "a"}, by=person.user)
    save_draft(session, person, "p1-hello", {"main.py": "b"}, by=person.user)
    session.commit()
    assert find_draft(session, person, "p1-hello").files == {"main.py": "b"}


def test_an_empty_draft_may_be_saved_but_an_empty_submission_may_not(session, person):
    save_draft(session, person, "p1-hello", {"main.py": "  "}, by=person.user)
    with pytest.raises(SubmissionError) as error:
        create_submission(session, person, new({"main.py": " \n "}), by=person.user)
    assert error.value.code == "empty"


@pytest.mark.parametrize(("files", "code"), [
    ({"../x.py": "a"}, "bad_name"), ({"/etc/passwd": "a"}, "bad_name"),
    ({"a\nb.py": "a"}, "bad_name"), ({f"f{n}.py": "a" for n in range(11)}, "too_many_files"),
    ({"main.py": "x" * (MAX_TOTAL_BYTES + 1)}, "too_large"), ({"main.py": b"bytes"}, "not_text"),
])
def test_bad_files_are_refused_and_nothing_is_saved(session, person, files, code):
    with pytest.raises(SubmissionError) as error:
        create_submission(session, person, new(files), by=person.user)
    assert error.value.code == code
    session.rollback()
    assert session.scalar(sa.select(sa.func.count()).select_from(Submission)) == 0


def test_the_same_token_twice_gives_one_submission(session, person):
    first, created = create_submission(session, person, new(token="click-1"), by=person.user)
    second, created_again = create_submission(session, person, new(token="click-1"),
                                              by=person.user)
    session.commit()
    assert created and not created_again and first.id == second.id
    assert len(attempts(session, person, "p1-hello")) == 1


def test_a_submission_is_queued_with_its_variant_and_evidence(session, person):
    submission, _ = create_submission(session, person, new(), by=person.user)
    session.commit()
    assert (submission.status, submission.seed, submission.evidence) == (
        "queued", 3, "unsupervised")


def test_two_saves_racing_to_create_the_first_draft_make_one(session, person, monkeypatch):
    from assessor.services import submissions

    # the other request won
    save_draft(session, person, "p1-hello", {"main.py": "first"}, by=person.user)
    session.commit()
    real, calls = submissions.find_draft, []

    def late_find(*args):
        calls.append(args)
        return None if len(calls) == 1 else real(*args)  # this one looked before it won

    monkeypatch.setattr(submissions, "find_draft", late_find)
    draft = save_draft(session, person, "p1-hello", {"main.py": "second"}, by=person.user)
    session.commit()
    assert draft.files == {"main.py": "second"}
    assert [d.files for d in session.scalars(sa.select(Draft))] == [{"main.py": "second"}]


def test_nothing_is_saved_or_handed_in_after_the_yes_to_the_tests_is_taken_back(session, person):
    session.scalars(sa.select(Consent)).one().withdrawn_at = utcnow()
    session.commit()
    with pytest.raises(AccessDeniedError, match="no_tests_consent"):
        save_draft(session, person, "p1-hello", {"main.py": "a"}, by=person.user)
    with pytest.raises(AccessDeniedError, match="no_tests_consent"):
        create_submission(session, person, new(), by=person.user)
    session.rollback()
    assert session.scalars(sa.select(Draft)).all() == []
    assert session.scalars(sa.select(Submission)).all() == []


def test_nobody_hands_in_for_someone_else(session, person):
    other = User(email="annan@example.se", name="Annan", role="facilitator", password_hash="x")
    session.add(other)
    session.flush()
    with pytest.raises(AccessDeniedError, match="role"):
        create_submission(session, person, new(), by=other)
    session.rollback()
    assert session.scalars(sa.select(Submission)).all() == []
