"""Statistics for funders and staff: masked counts of a programme, never a person.

``population`` decides who is counted (the policy: ``statistics`` about the programme,
``statistics.count`` per person, i.e. a yes to "Anonymous statistics") and logs each report;
``goals`` keeps a programme's goals; ``funder`` and ``dashboard`` gather the facts and let
``domain.statistics`` count and mask them.
"""


class StatisticsError(ValueError):
    """A request that cannot be answered (``code`` picks the translated message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
