"""What an evening's refusals and states say, in the user's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

#: ``assessor.services.events.errors.CODES`` in words: friendly, and saying nothing changed
ERRORS = {
    "unknown_code": _l("We found no evening with that code. Check the letters and try again."),
    "closed": _l("That evening has ended, so the code no longer works. Your tasks are still "
                 "under “Tasks”."),
    "already_joined": _l("You are already in this evening. Welcome back!"),
    "nickname": _l("Choose a nickname of 1 to 40 characters, with at least one letter or "
                   "digit."),
    "nickname_taken": _l("Someone at this evening already has that nickname. Choose another "
                         "one."),
    "not_guest": _l("This link does not work. It may already have been used."),
    "bad_name": _l("Give the evening a name of 1 to 200 characters."),
    "bad_window": _l("The evening must end after it starts, and last at most 12 hours."),
    "out_of_range": _l("Choose a date between the years 2000 and 2100."),
    "no_place": _l("Write where the evening is held."),
    "bad_link": _l("Write the video link as a full address that starts with https://."),
    "unknown_challenge": _l("One of the chosen tasks does not exist. Choose again."),
    "bad_text": _l("Write a message of 1 to 500 characters."),
    "unknown": _l("That is not part of this evening. Nothing was changed."),
    "own_results": _l("These results are already in this account."),
    "staff_account": _l("Staff accounts do not take part in evenings. Log in with a "
                        "participant's account, or join as a guest."),
    "no_tasks": _l("Choose at least one task, or choose suggestions per person."),
    "bad_email": _l("That does not look like an email address. Check it and try again."),
    "no_mail": _l("Kodprov cannot send email here. Copy the link from this page instead."),
}
NOTHING_CHANGED = _l("Nothing was changed.")

PHASES = {"before": _l("Not started yet"), "open": _l("Going on now"), "closed": _l("Ended")}

#: the attendance page's rows besides the months
ATTENDANCE_ROWS = {"all": _l("All evenings"), "returning": _l("Came back (two evenings or more)")}
