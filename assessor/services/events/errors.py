"""What can go wrong with an evening, by code: the web layer says each in words."""

from __future__ import annotations

#: every code an EventError may carry
CODES = ("unknown_code", "closed", "already_joined", "nickname", "nickname_taken", "not_guest",
         "bad_name", "bad_window", "out_of_range", "no_place", "bad_link", "unknown_challenge",
         "bad_text", "unknown", "own_results", "staff_account", "no_tasks", "bad_email",
         "no_mail")


class EventError(ValueError):
    """Input an evening cannot take; nothing was changed. ``code`` is one of ``CODES``."""

    def __init__(self, code: str) -> None:
        if code not in CODES:
            raise ValueError(f"unknown event error {code!r}")
        super().__init__(code)
        self.code = code
