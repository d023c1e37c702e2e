"""Challenge pages. Work is committed before it is queued; nothing is lost on bad input.

Nothing is saved or checked without the candidate's yes to "Tests and results": until it is
given, the task page asks for it where the hand-in buttons would be, and the button sends what
was typed along, so it becomes the first draft (the services refuse without it, too)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import (
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor.services import policy, privacy
from assessor.services.catalogue import seed_for
from assessor.domain.grading.own_input import accepts_own_input
from assessor.domain.grading.sql_schema import task_tables
from assessor.services.jobs.challenge_grader import candidate_result
from assessor.models import ConsentPurpose, Person, Submission, SubmissionKind
from assessor.services.own_runs import run_own_input
from assessor.services.policy import Action
from assessor.services.submissions import (
    NewSubmission,
    SubmissionError,
    attempts,
    check_submission,
    create_submission,
    draft_revision,
    find_draft,
    save_draft,
)
from assessor.domain.vocabulary import AREAS
from web import database
from web.access import Refused, allow, ask
from web.challenges import bp, is_notebook
from web.challenges.answer_form import (
    answer_fields,
    answers_from_form,
    answers_to_toml,
    is_form,
    toml_to_answers,
)
from web.challenges.progress import progress_by_challenge
from web.challenges.uploads import MESSAGES, UploadError, read_upload
from web.errors import json_endpoint, wants_json
from web.grading import grade_after_commit
from web.ratelimits import DRAFT_SAVE, HAND_IN, limited
from web.grading import catalogue, sandbox

FILE_FIELD = "file:"
OWN_INPUT_FIELD = "own_input"


def _person(action: Action = Action.SUBMISSIONS_VIEW) -> Person:
    """The candidate's own person record, once the policy allows ``action`` on it."""
    person = database.session().scalar(sa.select(Person).where(Person.user_id == current_user.id))
    if person is None:
        abort(404)
    allow(action, person)
    return person


def _challenge(challenge_id: str):
    challenge = catalogue().challenge(challenge_id)
    if challenge is None:
        abort(404)
    return challenge


@bp.route("/")
def index():
    """Every challenge by area, with what the person has done."""
    person = _person()
    return render_template("challenges/index.html", groups=tasks_by_area(),
                           progress=progress_by_challenge(database.session(), person),
                           locale=str(get_locale()))


def tasks_by_area() -> list[tuple[str, list]]:
    """The bank's tasks grouped by area, in the areas' order (areas without tasks left out)."""
    bank = catalogue().bank()
    return [(area, group) for area in AREAS
            if (group := [c for c in bank if c.area.value == area])]


@bp.route("/<challenge_id>")
def show(challenge_id: str):
    """The challenge: statement, editor (with the draft, or the starter), history."""
    return _task_page(_person(), _challenge(challenge_id))


def _task_page(person: Person, challenge, typed: dict[str, str] | None = None,
               own_input: str = "", own_run_html: str = "") -> str:
    """The task page, with ``typed`` files in the editor when given (else the draft or the
    starter), and the consent step instead of the buttons while there is no yes to the tests.
    ``own_input`` and ``own_run_html``: a run on the candidate's own input, shown without
    script."""
    variant = challenge.variant(seed_for(person.public_id, challenge.id))
    session = database.session()
    draft = find_draft(session, person, challenge.id)
    files = starter_files(challenge, variant)
    if draft is not None:
        files.update({k: v for k, v in draft.files.items() if k in files})
    files.update({k: v for k, v in (typed or {}).items() if k in files})
    uploaded = {name for name in challenge.files
                if is_notebook(name) and _saved_notebook(person, challenge, name)}
    return render_template("challenges/show.html", **task_view(challenge, variant, files),
                           attempts=attempts(session, person, challenge.id), draft=draft,
                           revision=draft_revision(draft), uploaded_notebooks=uploaded,
                           own_input_allowed=accepts_own_input(challenge), own_input=own_input,
                           own_run_html=own_run_html,
                           may_submit=policy.check(
                               session, current_user, Action.SUBMIT, person).allowed)


def starter_files(challenge, variant) -> dict[str, str]:
    """The variant's starting files as text, one per file of the task."""
    return {name: _text(variant.starter.get(name, b"")) for name in challenge.files}


def task_view(challenge, variant, files: dict[str, str]) -> dict:
    """What every task page shows (the candidate's and the staff preview): the statement of
    the variant, ``files`` in the editor or the answer form, and an SQL task's tables."""
    locale = str(get_locale())
    form_fields = answer_fields(variant, locale) if is_form(challenge) else []
    return {"challenge": challenge, "variant": variant, "files": files, "locale": locale,
            "form_fields": form_fields, "tables": task_tables(variant),
            "answers": toml_to_answers(files[challenge.files[0]]) if form_fields else {}}


@bp.route("/<challenge_id>/samtycke", methods=["POST"])
def consent(challenge_id: str):
    """The yes to "Tests and results", given on the task page: recorded, and what was typed
    becomes the first draft; then back to the task."""
    person, challenge = _person(Action.CONSENT_CHANGE), _challenge(challenge_id)
    session = database.session()
    privacy.give_consent(session, person, ConsentPurpose.ASSESSMENT, current_user.id)
    try:
        with session.begin_nested():  # a draft that cannot be saved leaves the yes as it is
            save_draft(session, person, challenge.id,
                       submitted_files(challenge, person, to_grade=False), by=current_user)
    except (UploadError, SubmissionError) as error:
        flash(error_message(error), "error")
    flash(_("Thank you. From now on your work is saved and checked."), "success")
    return redirect(url_for(".show", challenge_id=challenge.id))


@bp.route("/<challenge_id>/start/<name>")
def starter(challenge_id: str, name: str):
    """A starting file of the person's own variant, to download."""
    person, challenge = _person(), _challenge(challenge_id)
    if name not in challenge.files:
        abort(404)
    variant = challenge.variant(seed_for(person.public_id, challenge.id))
    return Response(variant.starter.get(name, b""), mimetype="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _text(content: bytes) -> str:
    return content.decode("utf-8", errors="replace")


def submitted_files(challenge, person: Person | None, *, to_grade: bool) -> dict[str, str]:
    """The files from the editor fields, the answer form, or an upload when one was chosen.
    A notebook comes only from an upload, now or saved before (never from a form field): to be
    graded, one must exist. Without a person (a staff preview) only an upload counts."""
    if is_form(challenge):
        fields = answer_fields(challenge.variant(0), "sv")
        return {challenge.files[0]: answers_to_toml(answers_from_form(request.form, fields))}
    files = {name: _editor_text(name) for name in challenge.files if not is_notebook(name)}
    if _has_upload():
        files.update(read_upload(request.files["upload"], tuple(challenge.files)))
    for name in filter(is_notebook, challenge.files):
        if name not in files:
            saved = _saved_notebook(person, challenge, name) if person is not None else None
            if saved is None and to_grade:
                raise UploadError("no_notebook")
            if saved is not None:
                files[name] = saved
    return files


def _saved_notebook(person: Person, challenge, name: str) -> str | None:
    """The notebook the person uploaded before, if any (a draft holding the starter, as older
    pages saved, is none)."""
    draft = find_draft(database.session(), person, challenge.id)
    text = draft.files.get(name) if draft is not None else None
    variant = challenge.variant(seed_for(person.public_id, challenge.id))
    return text if text and text != _text(variant.starter.get(name, b"")) else None


def _typed(challenge, person: Person) -> dict[str, str]:
    """What the form holds, to show it again (an upload that cannot be read is left out)."""
    try:
        return submitted_files(challenge, person, to_grade=False)
    except UploadError:
        return {name: _editor_text(name) for name in challenge.files}


def _editor_text(name: str) -> str:
    """An editor field's text with the browser's CRLF line ends made plain newlines."""
    return request.form.get(FILE_FIELD + name, "").replace("\r\n", "\n")


def _has_upload() -> bool:
    upload = request.files.get("upload")
    return upload is not None and bool(upload.filename)


@bp.route("/<challenge_id>/utkast", methods=["POST"])
@limited(*DRAFT_SAVE)
@json_endpoint
def save(challenge_id: str):
    """Save the draft (called every few seconds and when leaving the editor)."""
    person, challenge = _person(Action.SUBMIT), _challenge(challenge_id)
    session = database.session()
    try:
        draft = save_draft(session, person, challenge.id,
                           submitted_files(challenge, person, to_grade=False), by=current_user)
    except (UploadError, SubmissionError) as error:
        return jsonify(saved=False, message=error_message(error)), 400
    return jsonify(saved=True, revision=draft_revision(draft))


def error_message(error: UploadError | SubmissionError) -> str:
    if isinstance(error, UploadError):
        return error.message
    return str(MESSAGES.get(error.code, MESSAGES["empty"]))


@bp.route("/<challenge_id>/skicka", methods=["POST"])
@limited(*HAND_IN)
def submit(challenge_id: str):
    """Precheck ("Testa") or attempt ("Lämna in"): saved first, then queued. Without a yes to
    the tests, the page comes back with what was typed and asks for it (nothing is saved)."""
    person, challenge = _person(), _challenge(challenge_id)
    decision = ask(Action.SUBMIT, person)
    if not decision.allowed:
        if wants_json():
            raise Refused(decision, person)
        return _task_page(person, challenge, _typed(challenge, person)), 403
    kind = SubmissionKind.PRECHECK if request.form.get("kind") == "precheck" \
        else SubmissionKind.ATTEMPT
    session = database.session()
    try:
        files = submitted_files(challenge, person, to_grade=True)
        new = NewSubmission(
            challenge_id=challenge.id, challenge_version=challenge.version,
            seed=seed_for(person.public_id, challenge.id), files=files, kind=kind,
            client_token=request.form.get("token") or None, locale=str(get_locale()))
        check_submission(new)  # refused before the draft is written: nothing is half-saved
        draft = save_draft(session, person, challenge.id, files, by=current_user)
        submission, created = create_submission(session, person, new, by=current_user)
    except (UploadError, SubmissionError) as error:
        database.discard()
        if wants_json():
            return jsonify(ok=False, message=error_message(error)), 400
        flash(error_message(error), "error")
        return redirect(url_for(".show", challenge_id=challenge.id))
    if created:
        grade_after_commit(submission.id)
    url = url_for(".submission", submission_id=submission.id)
    if wants_json():  # an uploaded file goes into the editor, so the next draft keeps it
        return jsonify(ok=True, id=submission.id, url=url, files=files if _has_upload() else None,
                       revision=draft_revision(draft))
    return redirect(url)


@bp.route("/<challenge_id>/egen-indata", methods=["POST"])
@limited(*HAND_IN)
def own_input(challenge_id: str):
    """Run the program on the candidate's own input ("Kör med egen indata"): in the sandbox,
    under the hand-in rate limit, penalty-free and stored nowhere. JSON for the page's script;
    without script, the task page again with the run's output."""
    person, challenge = _person(), _challenge(challenge_id)
    if not accepts_own_input(challenge):
        abort(404)
    typed = _typed(challenge, person)
    stdin = request.form.get(OWN_INPUT_FIELD, "").replace("\r\n", "\n")
    decision = ask(Action.SUBMIT, person)
    if not decision.allowed:
        if wants_json():
            raise Refused(decision, person)
        return _task_page(person, challenge, typed, own_input=stdin), 403
    try:
        run = run_own_input(database.session(), person, challenge,
                            submitted_files(challenge, person, to_grade=True), stdin,
                            by=current_user, runner=sandbox(), locale=str(get_locale()))
    except (UploadError, SubmissionError) as error:
        if wants_json():
            return jsonify(ok=False, message=error_message(error)), 400
        flash(error_message(error), "error")
        return _task_page(person, challenge, typed, own_input=stdin), 400
    html = render_template("challenges/_own_run.html", run=run)
    if wants_json():
        return jsonify(ok=True, html=html)
    return _task_page(person, challenge, typed, own_input=stdin, own_run_html=html)


def _result_context(challenge, seed: int) -> dict[str, bool]:
    """What the advice under a result may point to: answers in a form (no code), and a "Test"
    button (only when the task has examples to test)."""
    if challenge is None:
        return {"answers": False, "can_test": True}
    return {"answers": is_form(challenge),
            "can_test": bool(challenge.variant(seed).visible_tests())}


@bp.route("/inlamning/<int:submission_id>")
def submission(submission_id: str):
    """A submission's status and, when graded, its result (JSON for the page's polling)."""
    submission = database.session().get(Submission, submission_id)
    if submission is None:
        abort(404)
    allow(Action.SUBMISSIONS_VIEW, submission.person, about=submission.id)
    challenge = catalogue().challenge(submission.challenge_id)
    result = candidate_result(submission, str(get_locale()), catalogue())
    html = render_template("challenges/_result.html", submission=submission, result=result,
                           **_result_context(challenge, submission.seed))
    if wants_json():
        return jsonify(done=submission.done, status=submission.status, html=html)
    return render_template("challenges/submission.html", submission=submission,
                           challenge=challenge, result_html=html, locale=str(get_locale()))
