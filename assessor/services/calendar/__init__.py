"""The public calendar of Mini Hackathon evenings: a coach sets the programme's schedule and
breaks once (``schedule``), anyone reads the calendar and may sign up for one evening
(``sign_ups``), a coach cancels an evening (those signed up are told) or makes an evening of
it (``to_event``). Every coach's operation asks the access policy (``calendar``); none
commits."""

from assessor.domain.calendar import CalendarError
from assessor.services.calendar.schedule import (
    ProgrammeCalendar,
    ScheduleInput,
    add_break,
    calendar_of,
    public_calendars,
    remove_break,
    save_schedule,
    schedule_of,
    stored_schedule,
)
from assessor.services.calendar.sign_ups import (
    SignUp,
    cancel_evening,
    coming_evening,
    sign_up,
    sign_up_counts,
    sign_ups_for,
    withdraw,
    withdrawal_of,
)
from assessor.services.calendar.to_event import event_on, make_event

__all__ = [
    "CalendarError",
    "ProgrammeCalendar",
    "ScheduleInput",
    "SignUp",
    "add_break",
    "calendar_of",
    "cancel_evening",
    "coming_evening",
    "event_on",
    "make_event",
    "public_calendars",
    "remove_break",
    "save_schedule",
    "schedule_of",
    "sign_up",
    "sign_up_counts",
    "sign_ups_for",
    "stored_schedule",
    "withdraw",
    "withdrawal_of",
]
