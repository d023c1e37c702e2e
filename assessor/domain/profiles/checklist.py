"""The accommodation checklist: 29 functional needs in six groups, never a diagnosis.

The same codes serve both sides. The candidate marks each item ``must`` (behöver), ``helps``
(underlättar) or leaves it out (inte aktuellt); an opening answers each ``yes`` (ja),
``can_arrange`` (kan ordnas) or ``no`` (nej). Sources: placement-domain research, B3 (JAN,
Autismforum, SLSO, Jobba frisk NPF, Finansförbundet, Arbetsförmedlingen). The web layer words
each code in Swedish and English (``web.profiles.words``).
"""

from __future__ import annotations

import enum


class Need(enum.StrEnum):
    """How much the candidate needs an item (not marked: not relevant)."""

    MUST = "must"  #: behöver: a workplace that answers "no" is not a fit
    HELPS = "helps"  #: underlättar: adds to the score where it is offered


class Offer(enum.StrEnum):
    """What a workplace can offer of an item."""

    YES = "yes"  #: ja
    CAN_ARRANGE = "can_arrange"  #: kan ordnas
    NO = "no"  #: nej


NEEDS: tuple[str, ...] = tuple(Need)
OFFERS: tuple[str, ...] = tuple(Offer)

#: group -> item codes, in the order the pages show them
CHECKLIST_GROUPS: dict[str, tuple[str, ...]] = {
    "env": ("env.quiet_space", "env.headphones", "env.lighting", "env.fixed_desk",
            "env.scent_free", "env.retreat_room"),
    "time": ("time.flexible_hours", "time.late_start", "time.gradual_hours", "time.remote",
             "time.extra_breaks"),
    "comm": ("comm.written", "comm.direct", "comm.async", "comm.meeting_prep", "comm.feedback"),
    "struct": ("struct.clear_tasks", "struct.priorities", "struct.change_notice",
               "struct.visual_plan"),
    "social": ("social.contact_person", "social.buddy", "social.optional_events",
               "social.colleague_info", "social.coach_visits"),
    "intro": ("intro.extended", "intro.praktik_first", "intro.af_supports",
              "intro.assistive_tech"),
}
CHECKLIST: tuple[str, ...] = tuple(code for codes in CHECKLIST_GROUPS.values() for code in codes)
CHECKLIST_CODES = frozenset(CHECKLIST)
