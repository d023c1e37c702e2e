"""Finding people: the interest form and referrals become leads; coaches contact them, hold
the first interview, record eligibility and invite; "Din väg" shows where each person is."""

from assessor.domain.intake import LeadError

__all__ = ["LeadError"]
