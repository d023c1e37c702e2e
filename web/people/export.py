"""The people list as a CSV file: the same columns the page shows, in the user's language,
every cell safe from spreadsheet formulas (``assessor.infra.spreadsheet``)."""

from __future__ import annotations

from flask_babel import gettext as _

from assessor.domain.vocabulary import AREAS
from assessor.infra.spreadsheet import csv_text
from assessor.services.people_overview import PersonRow
from web.dates import format_moment
from web.identity import person_name
from web.questionnaire.words import state_name
from web.words import area_name

HIDDEN = "–"  #: a value the user may not see (the page shows the same)


def questionnaire_text(state: str | None) -> str:
    """The questionnaire column in words."""
    if state is None:
        return HIDDEN
    return state_name(state)


def consent_text(given: bool | None) -> str:
    """The yes to the tests in words."""
    return HIDDEN if given is None else (_("Yes") if given else _("No"))


def _row(row: PersonRow) -> list[str | int]:
    counts = [] if row.areas is None else [row.areas.get(area) for area in AREAS]
    per_area = [HIDDEN] * (2 * len(AREAS)) if row.areas is None else [
        value for count in counts for value in ((count.tried, count.passed) if count else (0, 0))]
    return [person_name(row.person, row.may), row.person.public_id, row.email or "",
            format_moment(row.last_activity) if row.last_activity else "", *per_area,
            questionnaire_text(row.questionnaire), consent_text(row.tests_consent)]


def people_csv(rows: list[PersonRow]) -> str:
    """The file's text: a header and one line per person."""
    header = [_("Name"), _("Code name"), _("E-mail"), _("Last activity")]
    for area in AREAS:
        header += [_("%(area)s: tried", area=area_name(area)),
                   _("%(area)s: passed", area=area_name(area))]
    header += [_("Questionnaire"), _("Yes to “Tests and results”")]
    return csv_text(header, [_row(row) for row in rows])
