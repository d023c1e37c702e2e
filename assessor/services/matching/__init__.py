"""Employers, openings, ranking people for an opening, proposals and employer links.

``employers`` manages employers and openings (coaches of the programme), ``ranking`` turns
people into the domain's candidates and ranks them (one opening at a time, never by a need),
``proposals`` records the coach's proposal and the person's answer, ``employer_links`` makes
and opens the consented, time-limited links.
"""

class MatchingError(ValueError):
    """Something that cannot be done (``code`` picks the translated message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
