"""Forms for progress over time. The ratings themselves are one field per area in use
(``rating-<id>``), read by ``ratings_from``, since the programme chooses its areas."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from assessor.domain.progress import MAX_AREA_NAME, MAX_NOTE, RatingError
from web.fields import IdField, within_years


class ConversationForm(FlaskForm):
    """The day and a short note; the ratings come beside it."""

    held_on = DateField(_l("Day of the conversation"),
                        validators=[InputRequired(_l("Choose a date.")), within_years])
    note = TextAreaField(_l("A few words (optional)"), validators=[Optional(),
                                                                   Length(max=MAX_NOTE)])


def ratings_from(form: Mapping[str, str], area_ids: Iterable[int]) -> dict[int, int | None]:
    """The typed rating of each area in use (None when left empty); RatingError("range") for
    anything but a whole number."""
    ratings: dict[int, int | None] = {}
    for area_id in area_ids:
        text = (form.get(f"rating-{area_id}") or "").strip()
        if not text:
            ratings[area_id] = None
            continue
        if not (text.isascii() and text.isdigit()) or len(text) > 2:
            raise RatingError("range")
        ratings[area_id] = int(text)
    return ratings


class AreaForm(FlaskForm):
    """A new area of the programme's own, or an area taken out of (or back into) use."""

    area_id = IdField(validators=[Optional()])
    name = StringField(_l("A new area"), validators=[Optional(), Length(max=MAX_AREA_NAME)])
    active = BooleanField(_l("In use"))
