"""Demo placements: a few participants of the demo programme (no logins of their own) at
workplaces, with steps, follow-ups (most held, some overdue) and their participation's dates,
so the placement pages, the overdue list, the funder report and its goals show something.
Every day counts back from the day the demo is loaded, through the same services the
coach's pages use."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from assessor.models import Consent, Person, User
from assessor.services.placements import today_here
from assessor.services.placements.follow_ups import record_follow_up
from assessor.services.placements.participation import ParticipationInput, save_participation
from assessor.services.placements.placing import PlacementInput, change_state, create_placement


@dataclass(frozen=True)
class Story:
    """One participant's way to a workplace; every number is days before today."""

    name: str
    gender: str
    birth_year: int
    enrolled: int
    kind: str
    workplace: str
    #: (state, days ago, end reason) after "proposed", oldest first
    steps: tuple[tuple[str, int, str | None], ...] = ()
    proposed: int = 0
    form: str | None = None
    hours: float | None = None
    #: follow-ups due up to this many days ago were held; later ones wait (None: every one)
    held_until: int | None = None
    left: int | None = None
    studies: int | None = None
    course_passed: int | None = None
    notes: tuple[str, ...] = field(default=("Trivs, vill ha fler uppgifter.",
                                            "Bra dag, handledaren nöjd."))


STORIES = (
    Story("Alex Exempel", "man", 2001, 200, "praktik", "Kodverkstan AB", proposed=120,
          steps=(("interview", 110, None), ("started", 100, None)), held_until=45),
    Story("Bea Exempel", "woman", 1998, 330, "praktik", "IT-enheten, Exempelkommunen",
          proposed=300, form="wage_subsidy", hours=24,
          steps=(("started", 280, None), ("employed", 200, None)), left=30,
          course_passed=250),
    Story("Chris Exempel", "non_binary", 2003, 260, "praktik", "Stadsbiblioteket",
          proposed=230, steps=(("started", 220, None), ("ended", 90, "studies")), left=90,
          studies=80),
    Story("Dana Exempel", "woman", 2000, 150, "social_enterprise", "Återbruket (socialt "
          "företag)", proposed=100, steps=(("started", 95, None),), held_until=20),
    Story("Eli Exempel", "man", 1996, 400, "praktik", "Nätdrift Syd AB", proposed=380,
          form="unsubsidised", hours=40,
          steps=(("started", 360, None), ("employed", 300, None)), left=200,
          course_passed=330),
    Story("Fia Exempel", "woman", 2002, 90, "praktik", "Webbyrån Pixel", proposed=20),
    Story("Gus Exempel", "man", 1999, 300, "uppdrag", "Föreningen Kodklubben", proposed=250,
          steps=(("started", 240, None), ("ended", 150, "interest")), left=140),
    Story("Hedda Exempel", "woman", 1997, 280, "praktik", "Databyrån Norr", proposed=240,
          steps=(("started", 230, None), ("ended", 110, "completed")), left=100,
          course_passed=120),
    Story("Ivar Exempel", "man", 2004, 180, "praktik", "Spelstudion Väst", proposed=140,
          steps=(("started", 130, None),), held_until=10),
    Story("Jonna Exempel", "woman", 2003, 300, "praktik", "Supporten AB", proposed=260,
          steps=(("started", 250, None), ("ended", 70, "completed")), left=60,
          course_passed=100),
    Story("Kalle Exempel", "man", 1990, 360, "praktik", "Lagret Logistik AB", proposed=330,
          form="new_start_job", hours=20,
          steps=(("started", 320, None), ("employed", 250, None)), left=120),
    Story("Lova Exempel", "woman", 2001, 120, "uppdrag", "Hembygdsföreningen",
          proposed=60, steps=(("started", 50, None),)),
)


def create_demo_placements(session: Session, coach: User, today: date | None = None,
                           ) -> list[Person]:
    """The demo programme's participants in ``STORIES``, with their placements (the coach
    records everything). Flushes, never commits."""
    today = today or today_here()
    return [_live(session, coach, story, today) for story in STORIES]


def _live(session: Session, coach: User, story: Story, today: date) -> Person:
    def ago(days: int) -> date:
        return today - timedelta(days=days)

    person = Person(name=story.name, gender=story.gender, created_by_id=coach.id,
                    organisation_id=coach.organisation_id)
    session.add(person)
    session.flush()
    session.add_all(Consent(person_id=person.id, purpose=purpose, recorded_by_id=coach.id)
                    for purpose in ("assessment", "statistics"))
    save_participation(session, coach, person, ParticipationInput(
        enrolled_on=ago(story.enrolled), birth_year=story.birth_year,
        left_on=ago(story.left) if story.left is not None else None,
        studies_from=ago(story.studies) if story.studies is not None else None,
        course_passed_on=ago(story.course_passed) if story.course_passed is not None
        else None), today=today)
    placement = create_placement(session, coach, person, PlacementInput(
        kind=story.kind, workplace=story.workplace,
        employment_form=story.form if story.kind == "employment" else None,
        hours_per_week=story.hours if story.kind == "employment" else None,
        proposed_on=ago(story.proposed)), today=today)
    for state, days, reason in story.steps:
        change_state(session, coach, placement, state, ago(days), reason=reason,
                     employment_form=story.form, hours_per_week=story.hours, today=today)
    _hold_follow_ups(session, coach, placement, story, today)
    return person


def _hold_follow_ups(session: Session, coach: User, placement, story: Story,
                     today: date) -> None:
    """Hold the follow-ups due by ``story.held_until`` days ago (every one due by today
    when None), on their day."""
    last = today - timedelta(days=story.held_until or 0)
    due = [f for f in placement.follow_ups
           if f.due_on is not None and not f.cancelled and f.due_on <= last]
    for number, follow_up in enumerate(due):
        record_follow_up(session, coach, placement, follow_up.due_on, follow_up=follow_up,
                         note=story.notes[number % len(story.notes)], today=today)
