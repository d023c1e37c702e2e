"""What the calendar says, in the user's language: its errors, weekdays and evenings."""

from __future__ import annotations

from datetime import date, time

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

#: ``assessor.domain.calendar.CalendarError.CODES`` in words, each saying nothing changed
ERRORS = {
    "weekday": _l("Choose a weekday from the list."),
    "ends_first": _l("The evening must end after it starts."),
    "no_place": _l("Write where the evenings are held, or choose video."),
    "bad_link": _l("Write the video link as a full address that starts with https://."),
    "break_order": _l("The last day of the break must be on or after its first day."),
    "break_long": _l("A break can be at most a year long."),
    "reason": _l("Write a short reason (at most 200 characters)."),
    "out_of_range": _l("Choose dates between the years 2000 and 2100."),
    "not_an_evening": _l("There is no evening on that day."),
    "past": _l("That evening is over."),
    "cancelled": _l("That evening is cancelled."),
    "name": _l("Write a name or a nickname of at most 100 characters."),
    "email": _l("That does not look like an e-mail address."),
    "no_schedule": _l("Set the weekday and time of your evenings first."),
    "event_exists": _l("There is already an evening on that day. Open it under “Evenings”."),
}
NOTHING_CHANGED = _l("Nothing was changed.")

WEEKDAYS = (_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"), _l("Friday"),
            _l("Saturday"), _l("Sunday"))
#: for the schedule's weekday in a sentence: "Tuesdays"
WEEKDAYS_PLURAL = (_l("Mondays"), _l("Tuesdays"), _l("Wednesdays"), _l("Thursdays"),
                   _l("Fridays"), _l("Saturdays"), _l("Sundays"))


def error_text(code: str) -> str:
    """A calendar error in words, and that nothing changed."""
    return f"{ERRORS.get(code, ERRORS['not_an_evening'])} {NOTHING_CHANGED}"


def evening_day(day: date) -> str:
    """The day of an evening with its weekday: "tisdag 8 december 2026"."""
    return format_date(day, "EEEE d MMMM y")


def clock(moment: time) -> str:
    """A time on the 24-hour clock: "17:00"."""
    return moment.strftime("%H:%M")
