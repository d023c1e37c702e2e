"""The staff preview of tasks: the candidate's page, with no draft, no hand-in and no consent
step. "Testa" runs the task's examples (the tests a candidate sees) right away and shows the
result as a candidate would see it; nothing of it is written to the database. "Lämna in" is
for candidates only, so the preview does not offer it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response, abort, current_app, render_template, request
from flask_babel import get_locale

from assessor.domain.grading.result import candidate_view
from assessor.services.jobs.challenge_grader import result_from_dict
from assessor.services.policy import Action
from assessor.services.submissions import SubmissionError, check_files
from web.access import allow
from web.challenges.routes import (
    error_message,
    starter_files,
    submitted_files,
    task_view,
    tasks_by_area,
)
from web.challenges.uploads import UploadError
from web.grading import catalogue
from web.preview import bp
from web.ratelimits import HAND_IN, limited

#: the variant staff see: a fixed one, so two coaches talk about the same page
PREVIEW_SEED = 0


@dataclass(frozen=True)
class PreviewRun:
    """A test run that was never stored, shaped as the result template reads a submission."""

    status: str
    kind: str = "precheck"


def _challenge(challenge_id: str):
    allow_preview()
    challenge = catalogue().challenge(challenge_id)
    if challenge is None:
        abort(404)
    return challenge


def allow_preview() -> None:
    """Ask the policy (``task.preview``); a refusal is logged and explained."""
    allow(Action.TASK_PREVIEW)


@bp.route("/")
def index():
    """Every task by area, to open as a candidate would."""
    allow_preview()
    return render_template("challenges/index.html", groups=tasks_by_area(),
                           locale=str(get_locale()),
                           progress={}, preview=True)


@bp.route("/<challenge_id>", methods=["GET", "POST"])
@limited(*HAND_IN)
def show(challenge_id: str):
    """The task as a candidate sees it; a POST is "Testa": the examples run on what was typed
    and the page comes back with it and the result. Nothing is stored either way."""
    challenge = _challenge(challenge_id)
    variant = challenge.variant(PREVIEW_SEED)
    files, result_html = starter_files(challenge, variant), None
    if request.method == "POST":
        result_html, typed = _test_run(challenge)
        files.update({k: v for k, v in typed.items() if k in files})
    return render_template("challenges/show.html", **task_view(challenge, variant, files),
                           preview=True, result_html=result_html, attempts=[], draft=None,
                           revision="", uploaded_notebooks=set(), may_submit=False)


def _test_run(challenge) -> tuple[str, dict[str, str]]:
    """Run the examples on the typed files: the result as HTML, and the files to show again."""
    try:
        files = check_files(submitted_files(challenge, None, to_grade=True))
    except (UploadError, SubmissionError) as error:
        return render_template("preview/_problem.html", message=error_message(error)), {}
    locale = str(get_locale())
    outcome = current_app.extensions["kodprov_grader"](challenge.id, files, PREVIEW_SEED, True,
                                                       locale)
    if outcome.our_error:
        return render_template("challenges/_result.html", submission=PreviewRun("error"),
                               result=None), files
    result = candidate_view(result_from_dict(outcome.result), locale)
    return render_template("challenges/_result.html", submission=PreviewRun("graded"),
                           result=result), files


@bp.route("/<challenge_id>/start/<name>")
def starter(challenge_id: str, name: str):
    """A starting file of the preview's variant, to download."""
    challenge = _challenge(challenge_id)
    if name not in challenge.files:
        abort(404)
    content = challenge.variant(PREVIEW_SEED).starter.get(name, b"")
    return Response(content, mimetype="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
