"""Mini Hackathon evenings: planning, joining (with an account or as a guest), running the
evening (check-in, help, announcements, the live view), and what comes after (summary,
export, guests' results). Every operation asks the access policy; none commits."""

from assessor.services.events.errors import EventError
from assessor.services.events.export import ExportRow, export_csv, export_json, hand_in_rows
from assessor.services.events.guest_links import new_claim_link
from assessor.services.events.joining import (
    claim_guest,
    find_by_code,
    join_as_guest,
    join_with_account,
    participant_of,
)
from assessor.services.events.live import PersonSummary, live_view, person_summaries
from assessor.services.events.planning import (
    NewEvent,
    close_event,
    create_event,
    events_of,
    set_scoreboard,
    window_of,
)
from assessor.services.events.running import (
    announce,
    announcements,
    ask_for_help,
    check_in,
    evidence_at,
    mark_handled,
    open_help_request,
    opt_in,
    scoreboard_lines,
)
from assessor.services.events.tasks import suggested_tasks, tasks_for

__all__ = [
    "EventError",
    "ExportRow",
    "NewEvent",
    "PersonSummary",
    "announce",
    "announcements",
    "ask_for_help",
    "check_in",
    "claim_guest",
    "close_event",
    "create_event",
    "events_of",
    "evidence_at",
    "export_csv",
    "export_json",
    "find_by_code",
    "hand_in_rows",
    "join_as_guest",
    "join_with_account",
    "live_view",
    "mark_handled",
    "new_claim_link",
    "open_help_request",
    "opt_in",
    "participant_of",
    "person_summaries",
    "scoreboard_lines",
    "set_scoreboard",
    "suggested_tasks",
    "tasks_for",
    "window_of",
]
