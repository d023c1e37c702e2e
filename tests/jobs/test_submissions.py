"""Drafts and submissions are checked, saved before queueing, and never doubled."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.models import Draft, Submission
from assessor.submissions import (
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
    save_draft(session, person, "p1-hello", {"main.py": "a"})
    save_draft(session, person, "p1-hello", {"main.py": "b"})
    session.commit()
    assert find_draft(session, person, "p1-hello").files == {"main.py": "b"}


def test_an_empty_draft_may_be_saved_but_an_empty_submission_may_not(session, person):
    save_draft(session, person, "p1-hello", {"main.py": "  "})
    with pytest.raises(SubmissionError) as error:
        create_submission(session, person, new({"main.py": " \n "}))
    assert error.value.code == "empty"


@pytest.mark.parametrize(("files", "code"), [
    ({"../x.py": "a"}, "bad_name"), ({"/etc/passwd": "a"}, "bad_name"),
    ({"a\nb.py": "a"}, "bad_name"), ({f"f{n}.py": "a" for n in range(11)}, "too_many_files"),
    ({"main.py": "x" * (MAX_TOTAL_BYTES + 1)}, "too_large"), ({"main.py": b"bytes"}, "not_text"),
])
def test_bad_files_are_refused_and_nothing_is_saved(session, person, files, code):
    with pytest.raises(SubmissionError) as error:
        create_submission(session, person, new(files))
    assert error.value.code == code
    session.rollback()
    assert session.scalar(sa.select(sa.func.count()).select_from(Submission)) == 0


def test_the_same_token_twice_gives_one_submission(session, person):
    first, created = create_submission(session, person, new(token="click-1"))
    second, created_again = create_submission(session, person, new(token="click-1"))
    session.commit()
    assert created and not created_again and first.id == second.id
    assert len(attempts(session, person, "p1-hello")) == 1


def test_a_submission_is_queued_with_its_variant_and_evidence(session, person):
    submission, _ = create_submission(session, person, new())
    session.commit()
    assert (submission.status, submission.seed, submission.evidence) == (
        "queued", 3, "unsupervised")


def test_two_saves_racing_to_create_the_first_draft_make_one(session, person, monkeypatch):
    from assessor import submissions

    save_draft(session, person, "p1-hello", {"main.py": "first"})  # the other request won
    session.commit()
    real, calls = submissions.find_draft, []

    def late_find(*args):
        calls.append(args)
        return None if len(calls) == 1 else real(*args)  # this one looked before it won

    monkeypatch.setattr(submissions, "find_draft", late_find)
    draft = save_draft(session, person, "p1-hello", {"main.py": "second"})
    session.commit()
    assert draft.files == {"main.py": "second"}
    assert [d.files for d in session.scalars(sa.select(Draft))] == [{"main.py": "second"}]
