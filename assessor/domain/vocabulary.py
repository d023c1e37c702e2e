"""The words that challenges, grading, levels and reports share: one home for each.

Areas with their courses, the grade steps, the languages and the kinds of evidence. Everything
else (challenge.toml, the database constraints, the ladders of levels, the report, the command
line) takes them from here, so adding one means changing this file, the words the web shows
for it (``web/words.py``), and a migration for the database constraint.
"""

from __future__ import annotations

import enum


class Area(enum.StrEnum):
    """The four areas a caseworker reads results in, in the order reports show them."""

    PROGRAMMERING = "programmering"
    WEBB = "webb"
    NATVERK = "natverk"
    DATABAS = "databas"


AREAS: tuple[str, ...] = tuple(area.value for area in Area)

#: the Swedish upper-secondary courses of each area, easiest first (the ladder of levels)
AREA_COURSES: dict[Area, tuple[str, ...]] = {
    Area.PROGRAMMERING: ("Programmering 1", "Programmering 2"),
    Area.WEBB: ("Webbutveckling 1",),
    Area.NATVERK: ("Nätverksteknik",),
    Area.DATABAS: ("Databasteknik",),
}
COURSES: tuple[str, ...] = tuple(course for courses in AREA_COURSES.values()
                                 for course in courses)
#: the grade steps of a course, lowest first
GRADES: tuple[str, ...] = ("E", "C", "A")

#: the languages of the app and of every text a candidate reads; the first is the default
LOCALES: tuple[str, ...] = ("sv", "en")
DEFAULT_LOCALE = LOCALES[0]
#: the kinds of grader a challenge names (``grader = "io"``); ``grading.registry`` has one
#: class for each
GRADER_KINDS: tuple[str, ...] = ("io", "function", "sql", "web", "network", "notebook", "choice")

#: the languages named in English, for messages to challenge authors
LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}


class Evidence(enum.StrEnum):
    """How much a result can be trusted, weakest first."""

    SELF_REPORT = "self_report"
    UNSUPERVISED = "unsupervised"
    #: a Mini Hackathon evening held by video: a facilitator saw the person, not in the room
    SUPERVISED_REMOTE = "supervised_remote"
    SUPERVISED = "supervised"
    WORK_SAMPLE = "work_sample"
