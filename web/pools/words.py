"""The words of the intake pools: the log's sentences, the end reasons of a participation,
and the messages for what the rules refuse (one home each)."""

from flask_babel import lazy_gettext as _l

#: each move of the log as a sentence: %(who)s, %(area)s (the place's area, or the queue's),
#: %(own)s (the person's own area), %(from)s (given back: the area that lent the place),
#: %(places)s and %(reason)s
MOVE_TEXTS = {
    "queued": _l("%(who)s joined the queue of %(area)s."),
    "own": _l("A place of %(area)s was offered to %(who)s: next in the queue of %(area)s."),
    "lent": _l("A place of %(area)s was lent to %(who)s of %(own)s: nobody was waiting in "
               "%(area)s, and %(who)s had waited longest."),
    "given_back": _l("A place of %(area)s came free, and %(who)s moved onto it. The place "
                     "%(who)s had borrowed went back to %(from)s."),
    "admitted": _l("%(who)s took up the place of %(area)s. The participation started."),
    "ended": _l("The participation of %(who)s ended (%(reason)s). The place of %(area)s is "
                "free again."),
    "left_queue": _l("%(who)s is no longer waiting (%(area)s). A place offered to them goes "
                     "to the next person."),
    "places": _l("%(area)s has %(places)s places from now on."),
}
#: why a participation ended (the codes are the placements' end reasons)
END_REASON_NAMES = {
    "completed": _l("Completed the programme"),
    "other_job": _l("Work"),
    "studies": _l("Studies"),
    "health": _l("Health"),
    "interest": _l("Lost interest"),
    "moved": _l("Moved away"),
    "other": _l("Other reason"),
}
STATUS_NAMES = {
    "waiting": _l("Waiting"),
    "offered": _l("Offered a place"),
    "admitted": _l("Taking part"),
}
ERRORS = {
    "area": _l("That area is not one of the programme's. Nothing was changed."),
    "name": _l("Write the area's name. Nothing was changed."),
    "name_taken": _l("The programme already has an area with that name. Nothing was changed."),
    "places": _l("Places must be a whole number from 0 to 100. Nothing was changed."),
    "in_use": _l("Someone waits in that area's queue or holds one of its places, so it "
                 "stays. Set its places to 0 instead. Nothing was changed."),
    "already": _l("That person already waits in a queue or holds a place. Nothing was "
                  "changed."),
    "closed": _l("That lead is closed. Nothing was changed."),
    "not_offered": _l("Only someone offered a place can be admitted. Nothing was changed."),
    "not_waiting": _l("Only someone waiting or offered a place can leave the queue. Nothing "
                      "was changed."),
    "not_admitted": _l("Only a participation that has started can end. Nothing was changed."),
    "reason": _l("Choose why the participation ended. Nothing was changed."),
    "future": _l("A date cannot be in the future. Nothing was changed."),
    "before_enrolled": _l("The participation cannot end before it started. Nothing was "
                          "changed."),
    "who": _l("Choose a lead or a person of the programme. Nothing was changed."),
}
