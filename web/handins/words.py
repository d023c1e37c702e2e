"""A hand-in's status in words, as the candidate and staff read it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

#: ``assessor.models.SubmissionStatus`` in words, and ``not_gradable`` for a graded hand-in
#: that cannot count
STATUS_NAMES = {
    "queued": _l("Waiting to be checked"),
    "running": _l("Being checked"),
    "graded": _l("Checked"),
    "error": _l("Could not be checked (not counted)"),
    "withheld": _l("Not checked: no yes to “Tests and results” (not counted)"),
    "not_gradable": _l("Something to fix first (not counted)"),
}


def submission_status_name(submission) -> str:
    """The translated status of a submission."""
    key = "not_gradable" if submission.status == "graded" and submission.gradable is False \
        else submission.status
    return str(STATUS_NAMES.get(key, key))
