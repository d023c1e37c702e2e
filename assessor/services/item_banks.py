"""Which item bank scores a report, and how a cohort's responses make a new one.

Until a cohort is calibrated, the bank is the authors' difficulty priors from ``challenge.toml``.
``calibrate_cohort`` fits the partial credit model to the stored responses (each person's
*first* graded attempt at each challenge: later tries follow feedback and would make items look
easier), stores the result as a new version and, unless asked not to, puts it in use. Stored
banks are never changed; the bank in use is the one activated last, and every report names the
version that scored it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.ability import BankItem, ItemBank, ItemMeta, calibrate
from assessor.domain.ability.items import category_for, challenge_meta, prior_params
from assessor.domain.clock import utcnow
from assessor.models import Person, StoredItemBank, Submission, SubmissionKind, SubmissionStatus
from assessor.services import policy
from assessor.services.catalogue import Catalogue

#: an area needs this many persons' responses to be fitted; with fewer it keeps the priors
MIN_PERSONS = 10
#: an item moved this far from its author prior (logits, centred) is flagged for review
LARGE_SHIFT = 1.0
#: fewer responses than this leave an item's thresholds mostly prior (Linacre: ≥ 10 per category)
FEW_RESPONSES = 10
#: author priors have no calibration date; a fixed one keeps their version steady from day to
#: day, so identical priors always have the same version
PRIORS_CREATED = date(2026, 1, 1)


class ItemBankError(ValueError):
    """A calibration or activation that cannot be done; the message says why."""


@dataclass(frozen=True)
class ItemShift:
    """How one item moved in a calibration, for the authors to review."""

    item_id: str
    area: str
    prior: float  #: the author's difficulty, centred within the area
    fitted: float  #: the fitted difficulty (centred)
    n_responses: int

    @property
    def shift(self) -> float:
        """Fitted minus prior, in logits."""
        return self.fitted - self.prior

    @property
    def flags(self) -> tuple[str, ...]:
        """Reasons to review the item: ``large_shift``, ``few_responses``."""
        flags = []
        if abs(self.shift) > LARGE_SHIFT:
            flags.append("large_shift")
        if self.n_responses < FEW_RESPONSES:
            flags.append("few_responses")
        return tuple(flags)


@dataclass(frozen=True)
class CohortCalibration:
    """The outcome of ``calibrate_cohort``."""

    bank: ItemBank
    stored: StoredItemBank
    n_persons: int
    fitted_areas: tuple[str, ...]
    prior_areas: tuple[str, ...]  #: areas with fewer than MIN_PERSONS persons
    shifts: tuple[ItemShift, ...]  #: items of the fitted areas


def author_metas(catalogue: Catalogue) -> list[ItemMeta]:
    """Model metadata for every challenge in the bank, with the authors' priors."""
    return [challenge_meta(challenge) for challenge in catalogue.bank()]


@functools.cache
def priors_bank(catalogue: Catalogue) -> ItemBank:
    """The bank of the authors' priors (used until a calibrated bank is put in use)."""
    return ItemBank.from_priors(author_metas(catalogue), created=PRIORS_CREATED)


def current_bank(session: Session, *, catalogue: Catalogue) -> ItemBank:
    """The bank in use, with author priors for challenges added since it was fitted."""
    row = session.scalars(sa.select(StoredItemBank).where(StoredItemBank.activated_at.is_not(None))
                          .order_by(StoredItemBank.activated_at.desc()).limit(1)).first()
    if row is None:
        return priors_bank(catalogue)
    return _bank_in_use(row.version, row.content, catalogue)


@functools.lru_cache(maxsize=8)
def _bank_in_use(version: str, content: str, catalogue: Catalogue) -> ItemBank:
    """A stored bank, plus author priors for any challenge it has not seen."""
    bank = ItemBank.from_json(content)
    known = {item.id for item in bank.items}
    new = [meta for meta in author_metas(catalogue) if meta.id not in known]
    if not new:
        return bank
    items = [*bank.items, *(BankItem(meta, prior_params(meta)) for meta in new)]
    return ItemBank.build(items, bank.populations, cohort=f"{bank.cohort} + author priors",
                          created=bank.created)


def first_attempts(session: Session, since: datetime | None = None, *,
                   catalogue: Catalogue) -> list[tuple[str, str, int]]:
    """(person, challenge, score category) for each person's first graded attempt per challenge.

    Only attempts at challenges still in the bank count; prechecks and ungradable files never do,
    nor the attempts of people without a yes to the tests now (``results.use``).
    """
    known = {meta.id: meta for meta in author_metas(catalogue)}
    consented = policy.allowed_people(session, policy.SYSTEM, policy.Action.USE_RESULTS)
    query = (sa.select(Person.public_id, Submission.challenge_id, Submission.score)
             .join(Person, Person.id == Submission.person_id)
             .where(Person.id.in_(sorted(consented)), Submission.kind == SubmissionKind.ATTEMPT,
                    Submission.status == SubmissionStatus.GRADED,
                    Submission.gradable.is_(True), Submission.score.is_not(None))
             .order_by(Submission.created_at, Submission.id))
    if since is not None:
        query = query.where(Submission.created_at >= since)
    seen: set[tuple[str, str]] = set()
    rows = []
    for person, challenge_id, score in session.execute(query):
        if challenge_id in known and (person, challenge_id) not in seen:
            seen.add((person, challenge_id))
            rows.append((person, challenge_id, category_for(known[challenge_id], float(score))))
    return rows


def calibrate_cohort(session: Session, cohort: str, *, catalogue: Catalogue,
                     since: datetime | None = None, activate: bool = True) -> CohortCalibration:
    """Fit a new bank to the stored responses and store it (in use unless ``activate=False``)."""
    cohort = cohort.strip()
    if not cohort:
        raise ItemBankError("Name the cohort, for example “Code_X hösten 2026”.")
    metas = author_metas(catalogue)
    area_of = {meta.id: meta.area for meta in metas}
    rows = first_attempts(session, since, catalogue=catalogue)
    persons_per_area = {area: {p for p, item, _ in rows if area_of[item] == area}
                        for area in sorted(set(area_of.values()))}
    fitted = tuple(a for a, people in persons_per_area.items() if len(people) >= MIN_PERSONS)
    if not fitted:
        most = max((len(p) for p in persons_per_area.values()), default=0)
        raise ItemBankError(f"Too few responses to calibrate: an area needs {MIN_PERSONS} "
                            f"persons, the largest has {most}. The bank in use is unchanged.")
    bank = calibrate(metas, [row for row in rows if area_of[row[1]] in fitted],
                     cohort=cohort).bank
    n_persons = len({person for person, item, _ in rows if area_of[item] in fitted})
    stored = session.get(StoredItemBank, bank.version)
    if stored is None:
        stored = StoredItemBank(version=bank.version, cohort=cohort, content=bank.to_json(),
                                n_persons=n_persons)
        session.add(stored)
    if activate:
        stored.activated_at = utcnow()
    session.flush()
    return CohortCalibration(bank, stored, n_persons, fitted,
                             tuple(a for a in persons_per_area if a not in fitted),
                             _shifts(metas, bank, fitted))


def _shifts(metas: Sequence[ItemMeta], bank: ItemBank,
            areas: Sequence[str]) -> tuple[ItemShift, ...]:
    shifts = []
    for area in areas:
        in_area = [meta for meta in metas if meta.area == area]
        prior_mean = sum(meta.difficulty for meta in in_area) / len(in_area)
        for meta in in_area:
            item = bank.item(meta.id)
            shifts.append(ItemShift(meta.id, area, meta.difficulty - prior_mean,
                                    item.params.difficulty, item.n_responses))
    return tuple(shifts)


def stored_banks(session: Session) -> list[StoredItemBank]:
    """Every stored bank, newest first."""
    return list(session.scalars(sa.select(StoredItemBank)
                                .order_by(StoredItemBank.created_at.desc())))


def activate_priors(session: Session, *, catalogue: Catalogue) -> StoredItemBank:
    """Go back to the authors' priors: store them as a bank of their own and put it in use."""
    bank = priors_bank(catalogue)
    stored = session.get(StoredItemBank, bank.version)
    if stored is None:
        stored = StoredItemBank(version=bank.version, cohort=bank.cohort, content=bank.to_json())
        session.add(stored)
    stored.activated_at = utcnow()
    session.flush()
    return stored


def activate(session: Session, version: str) -> StoredItemBank:
    """Put a stored bank in use again (for example to go back to an earlier calibration)."""
    stored = session.get(StoredItemBank, version.strip())
    if stored is None:
        raise ItemBankError(f"No stored item bank has the version {version!r}. "
                            "`kodprov irt banks` lists them.")
    ItemBank.from_json(stored.content)  # refuses content that does not match its version
    stored.activated_at = utcnow()
    session.flush()
    return stored
