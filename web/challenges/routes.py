"""Challenge pages. Work is saved before anything is queued; nothing is lost on bad input."""

from __future__ import annotations

import sqlalchemy as sa
from flask import (
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_login import current_user

from assessor import catalogue
from assessor.grading.sql_schema import task_tables
from assessor.jobs.challenge_grader import candidate_result
from assessor.models import Person, Submission, SubmissionKind
from assessor.submissions import (
    NewSubmission,
    SubmissionError,
    attempts,
    create_submission,
    draft_revision,
    find_draft,
    save_draft,
)
from assessor.vocabulary import AREAS
from web import database
from web.challenges import bp, is_notebook
from web.challenges.answer_form import (
    answer_fields,
    answers_from_form,
    answers_to_toml,
    is_form,
    toml_to_answers,
)
from web.challenges.progress import progress_by_challenge
from web.errors import wants_json
from web.challenges.uploads import MESSAGES, UploadError, read_upload

FILE_FIELD = "file:"


def _person() -> Person:
    person = database.session().scalar(sa.select(Person).where(Person.user_id == current_user.id))
    if person is None:
        abort(404)
    return person


def _challenge(challenge_id: str):
    challenge = catalogue.challenge(challenge_id)
    if challenge is None:
        abort(404)
    return challenge


def _wants_json() -> bool:
    return wants_json() or request.args.get("format") == "json"


@bp.route("/")
def index():
    """Every challenge by area, with what the person has done."""
    person = _person()
    bank = catalogue.bank()
    groups = [(area, group) for area in AREAS
              if (group := [c for c in bank if c.area.value == area])]
    return render_template("challenges/index.html", groups=groups,
                           progress=progress_by_challenge(database.session(), person),
                           locale=str(get_locale()))


@bp.route("/<challenge_id>")
def show(challenge_id: str):
    """The challenge: statement, editor (with the draft, or the starter), history."""
    person, challenge = _person(), _challenge(challenge_id)
    variant = challenge.variant(catalogue.seed_for(person.public_id, challenge.id))
    session = database.session()
    draft = find_draft(session, person, challenge.id)
    files = {name: _text(variant.starter.get(name, b"")) for name in challenge.files}
    if draft is not None:
        files.update({k: v for k, v in draft.files.items() if k in files})
    locale = str(get_locale())
    form_fields = answer_fields(variant, locale) if is_form(challenge) else []
    answers = toml_to_answers(files[challenge.files[0]]) if form_fields else {}
    uploaded = {name for name in challenge.files
                if is_notebook(name) and _saved_notebook(person, challenge, name)}
    return render_template("challenges/show.html", challenge=challenge, variant=variant,
                           files=files, attempts=attempts(session, person, challenge.id),
                           locale=locale, draft=draft, form_fields=form_fields,
                           answers=answers, tables=task_tables(variant),
                           revision=draft_revision(draft),
                           uploaded_notebooks=uploaded)


@bp.route("/<challenge_id>/start/<name>")
def starter(challenge_id: str, name: str):
    """A starting file of the person's own variant, to download."""
    person, challenge = _person(), _challenge(challenge_id)
    if name not in challenge.files:
        abort(404)
    variant = challenge.variant(catalogue.seed_for(person.public_id, challenge.id))
    return Response(variant.starter.get(name, b""), mimetype="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _text(content: bytes) -> str:
    return content.decode("utf-8", errors="replace")


def _submitted_files(challenge, person: Person, *, to_grade: bool) -> dict[str, str]:
    """The files from the editor fields, the answer form, or an upload when one was chosen.
    A notebook comes only from an upload, now or saved before (never from a form field): to be
    graded, one must exist."""
    if is_form(challenge):
        fields = answer_fields(challenge.variant(0), "sv")
        return {challenge.files[0]: answers_to_toml(answers_from_form(request.form, fields))}
    files = {name: _editor_text(name) for name in challenge.files if not is_notebook(name)}
    if _has_upload():
        files.update(read_upload(request.files["upload"], tuple(challenge.files)))
    for name in filter(is_notebook, challenge.files):
        if name not in files:
            saved = _saved_notebook(person, challenge, name)
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
    variant = challenge.variant(catalogue.seed_for(person.public_id, challenge.id))
    return text if text and text != _text(variant.starter.get(name, b"")) else None


def _editor_text(name: str) -> str:
    """An editor field's text with the browser's CRLF line ends made plain newlines."""
    return request.form.get(FILE_FIELD + name, "").replace("\r\n", "\n")


def _has_upload() -> bool:
    upload = request.files.get("upload")
    return upload is not None and bool(upload.filename)


@bp.route("/<challenge_id>/utkast", methods=["POST"])
def save(challenge_id: str):
    """Save the draft (called every few seconds and when leaving the editor)."""
    person, challenge = _person(), _challenge(challenge_id)
    session = database.session()
    try:
        draft = save_draft(session, person, challenge.id,
                           _submitted_files(challenge, person, to_grade=False))
    except (UploadError, SubmissionError) as error:
        session.rollback()
        return jsonify(saved=False, message=_message(error)), 400
    session.commit()
    return jsonify(saved=True, revision=draft_revision(draft))


def _message(error: UploadError | SubmissionError) -> str:
    if isinstance(error, UploadError):
        return error.message
    return str(MESSAGES.get(error.code, MESSAGES["empty"]))


@bp.route("/<challenge_id>/skicka", methods=["POST"])
def submit(challenge_id: str):
    """Precheck ("Testa") or attempt ("Lämna in"): saved first, then queued."""
    person, challenge = _person(), _challenge(challenge_id)
    kind = SubmissionKind.PRECHECK if request.form.get("kind") == "precheck" \
        else SubmissionKind.ATTEMPT
    session = database.session()
    try:
        files = _submitted_files(challenge, person, to_grade=True)
        draft = save_draft(session, person, challenge.id, files)
        seed = catalogue.seed_for(person.public_id, challenge.id)
        submission, created = create_submission(session, person, NewSubmission(
            challenge_id=challenge.id, challenge_version=challenge.version, seed=seed,
            files=files, kind=kind, client_token=request.form.get("token") or None,
            locale=str(get_locale())))
    except (UploadError, SubmissionError) as error:
        session.rollback()
        if _wants_json():
            return jsonify(ok=False, message=_message(error)), 400
        flash(_message(error), "error")
        return redirect(url_for(".show", challenge_id=challenge.id))
    session.commit()
    if created:
        current_app.extensions["kodprov_queue"].enqueue(submission.id)
    url = url_for(".submission", submission_id=submission.id)
    if _wants_json():  # an uploaded file goes into the editor, so the next draft keeps it
        return jsonify(ok=True, id=submission.id, url=url, files=files if _has_upload() else None,
                       revision=draft_revision(draft))
    return redirect(url)


@bp.route("/inlamning/<int:submission_id>")
def submission(submission_id: str):
    """A submission's status and, when graded, its result (JSON for the page's polling)."""
    person = _person()
    submission = database.session().get(Submission, submission_id)
    if submission is None or submission.person_id != person.id:
        abort(404)
    challenge = catalogue.challenge(submission.challenge_id)
    result = candidate_result(submission, str(get_locale()))
    html = render_template("challenges/_result.html", submission=submission, result=result)
    if _wants_json():
        return jsonify(done=submission.done, status=submission.status, html=html)
    return render_template("challenges/submission.html", submission=submission,
                           challenge=challenge, result_html=html, locale=str(get_locale()))
