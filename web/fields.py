"""Form fields and validators that keep typed values within what the database can hold.

Every form takes ids, times and texts through these, so that a value out of range gets the
field's message instead of an overflow in the database.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import InstrumentedAttribute
from wtforms import DateTimeLocalField, IntegerField
from wtforms.validators import Length, NumberRange, ValidationError

from assessor.domain.clock import EARLIEST_YEAR, LATEST_YEAR, from_local, in_typed_range
from assessor.models.base import MAX_ID

YEARS_MESSAGE = _l("Choose a date between the years %(first)s and %(last)s.",
                   first=EARLIEST_YEAR, last=LATEST_YEAR)


def to_id(value: object) -> int:
    """``value`` as a row id (a ``SelectField`` coerce); ValueError when it can name no row."""
    number = int(str(value))
    if not 1 <= number <= MAX_ID:
        raise ValueError("not an id")
    return number


class IdField(IntegerField):
    """The id of a row: a whole number the id columns can hold."""

    def __init__(self, label=None, validators=None, **kwargs) -> None:
        super().__init__(label, [*(validators or []), NumberRange(min=1, max=MAX_ID)], **kwargs)


def fits(column: InstrumentedAttribute) -> Length:
    """A ``Length`` validator for text stored in ``column`` (its own maximum length)."""
    return Length(max=column.property.columns[0].type.length)


def as_utc_or_none(wall_clock: datetime | None) -> datetime | None:
    """A time typed on a Swedish clock as UTC, or None when it has no moment in range."""
    if wall_clock is None:
        return None
    try:
        moment = from_local(wall_clock)
    except (OverflowError, ValueError):  # year 1 has no UTC moment before it
        return None
    return moment if in_typed_range(moment) else None


def within_years(_form, field) -> None:
    """Validator: a typed date or time lies between ``EARLIEST_YEAR`` and ``LATEST_YEAR``."""
    if field.data is None:
        return
    in_range = as_utc_or_none(field.data) is not None if isinstance(field.data, datetime) \
        else in_typed_range(field.data)
    if not in_range:
        raise ValidationError(str(YEARS_MESSAGE))


class SwedishDateTimeField(DateTimeLocalField):
    """A date and time typed on a Swedish clock (``datetime-local``), within the typed years;
    ``utc`` is the moment to store."""

    def __init__(self, label=None, validators=None, **kwargs) -> None:
        super().__init__(label, [*(validators or []), within_years],
                         format="%Y-%m-%dT%H:%M", **kwargs)

    @property
    def utc(self) -> datetime | None:
        """The typed time in UTC, or None when there is none in range."""
        return as_utc_or_none(self.data)
