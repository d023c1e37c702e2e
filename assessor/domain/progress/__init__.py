"""Progress over time: a short self-rated conversation (a "life wheel"), repeated.

Each conversation rates a few areas of life from 1 to 10, as the person sees them. These
ratings are the person's own view, kept apart from every skill score: nothing in the ability
model, the levels, the report or matching reads them (a test keeps it so). The areas are the
programme's configuration; these are the defaults a programme starts with.
"""

from __future__ import annotations

from collections.abc import Mapping

#: the areas a programme starts with (keys; the web layer words them)
DEFAULT_AREAS: tuple[str, ...] = ("everyday_life", "health", "social_contact",
                                  "work_studies", "it_skills")
RATING_MIN, RATING_MAX = 1, 10
MAX_NOTE = 1000  #: characters in a conversation's note
MAX_AREA_NAME = 60


class RatingError(ValueError):
    """Ratings that cannot be saved (``code`` picks the translated message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def clean_ratings(ratings: Mapping[int, int | None], areas: set[int]) -> dict[int, int]:
    """The ratings to keep: only known areas, each 1–10; an area left out is not rated. At
    least one area must be rated."""
    kept = {}
    for area, rating in ratings.items():
        if rating is None:
            continue
        if area not in areas:
            raise RatingError("area")
        if not RATING_MIN <= rating <= RATING_MAX:
            raise RatingError("range")
        kept[area] = rating
    if not kept:
        raise RatingError("empty")
    return kept
