"""The versioned item bank: fitted parameters for one cohort, serialisable to and from JSON.

A bank is never changed in place: a recalibration makes a new bank with a new version, so a
report that names the version it was scored with can always be reproduced. The version is
``<created>-<cohort>-<digest>``, the digest being the first 8 hex digits of a SHA-256 over the
bank's content; loading a bank whose content does not match its version is refused.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from assessor.domain.ability.area import AreaModel
from assessor.domain.ability.items import BankItem, ItemError, ItemMeta, prior_params
from assessor.domain.ability.model import ItemParams

MODEL = "pcm-rasch+fixed-guessing/eap-grid/v1"
DEFAULT_POPULATION = (0.0, 1.0)


class BankError(ValueError):
    """A bank file that cannot be read, or whose content does not match its version."""


@dataclass(frozen=True)
class ItemBank:
    """Item parameters fitted for one cohort, with the population prior per area."""

    version: str
    cohort: str
    created: date
    items: tuple[BankItem, ...]
    populations: Mapping[str, tuple[float, float]]  #: area → (mean, SD) of θ, the EAP prior
    model: str = MODEL
    _areas: dict[str, AreaModel] = field(default_factory=dict, init=False, repr=False,
                                         compare=False)

    @classmethod
    def build(cls, items: Iterable[BankItem], populations: Mapping[str, tuple[float, float]],
              *, cohort: str, created: date | None = None) -> ItemBank:
        """A new bank, its version computed from its content."""
        created = created or date.today()
        draft = cls("", cohort, created, tuple(items), dict(populations))
        return cls(_version(draft), cohort, created, draft.items, draft.populations)

    @classmethod
    def from_priors(cls, metas: Iterable[ItemMeta], *, cohort: str = "author priors",
                    created: date | None = None) -> ItemBank:
        """A bank from the authors' difficulty priors alone (before any calibration)."""
        return cls.build([BankItem(meta, prior_params(meta)) for meta in metas], {},
                         cohort=cohort, created=created)

    def item(self, item_id: str) -> BankItem:
        """The item with this id."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise ItemError(f"item {item_id!r} is not in bank {self.version}")

    @property
    def areas(self) -> tuple[str, ...]:
        """The areas the bank has items in, sorted."""
        return tuple(sorted({item.meta.area for item in self.items}))

    def population(self, area: str) -> tuple[float, float]:
        """Mean and SD of θ in the area's population (N(0, 1) before calibration)."""
        mean, sd = self.populations.get(area, DEFAULT_POPULATION)
        return mean, sd

    def area(self, area: str) -> AreaModel:
        """The area's scoring model (tables, prior, level scale), built once per bank."""
        if area not in self._areas:
            items = [item for item in self.items if item.meta.area == area]
            if not items:
                raise ItemError(f"bank {self.version} has no items in area {area!r}")
            self._areas[area] = AreaModel.build(area, items, self.population(area),
                                                self.version)
        return self._areas[area]

    def to_dict(self) -> dict:
        """The bank as plain JSON-ready data."""
        return {"version": self.version, **_content(self)}

    def to_json(self) -> str:
        """The bank as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def save(self, path: Path) -> None:
        """Write the bank to a JSON file."""
        path.write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Mapping) -> ItemBank:
        """A bank from :meth:`to_dict` data; checks that content and version agree."""
        try:
            bank = cls(str(data["version"]), str(data["cohort"]),
                       date.fromisoformat(data["created"]),
                       tuple(_item_from_dict(entry) for entry in data["items"]),
                       {area: (float(mean), float(sd))
                        for area, (mean, sd) in data["populations"].items()},
                       str(data["model"]))
        except (KeyError, TypeError, ValueError) as error:
            raise BankError(f"not an item bank: {error}") from None
        if _version(bank) != bank.version:
            raise BankError(f"bank {bank.version}: its content does not match its version")
        return bank

    @classmethod
    def from_json(cls, text: str) -> ItemBank:
        """A bank from JSON text."""
        try:
            return cls.from_dict(json.loads(text))
        except json.JSONDecodeError as error:
            raise BankError(f"not valid JSON ({error.msg}, line {error.lineno})") from None

    @classmethod
    def load(cls, path: Path) -> ItemBank:
        """A bank from a JSON file."""
        return cls.from_json(path.read_text(encoding="utf-8"))


def load_cached(path: Path) -> ItemBank:
    """The bank in this file, read once per process and file change (area tables included)."""
    return _load_cached(str(path.resolve()), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int) -> ItemBank:
    return ItemBank.load(Path(path))


def _content(bank: ItemBank) -> dict:
    return {"cohort": bank.cohort, "created": bank.created.isoformat(), "model": bank.model,
            "populations": {area: list(pair) for area, pair in sorted(bank.populations.items())},
            "items": [_item_to_dict(item) for item in bank.items]}


def _item_to_dict(item: BankItem) -> dict:
    return {**asdict(item.meta), "thresholds": list(item.params.thresholds),
            "guessing": item.params.guessing, "slope": item.params.slope,
            "n_responses": item.n_responses}


def _item_from_dict(entry: Mapping) -> BankItem:
    meta_fields = {name: entry[name] for name in ItemMeta.__dataclass_fields__ if name in entry}
    meta = ItemMeta(**meta_fields)
    params = ItemParams(meta.id, tuple(float(t) for t in entry["thresholds"]),
                        float(entry["guessing"]), float(entry["slope"]))
    if params.max_score != meta.max_score:
        raise ValueError(f"item {meta.id}: {params.max_score} thresholds for max_score "
                         f"{meta.max_score}")
    return BankItem(meta, params, int(entry.get("n_responses", 0)))


def _version(bank: ItemBank) -> str:
    text = json.dumps(_content(bank), sort_keys=True, ensure_ascii=True)
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return f"{bank.created.isoformat()}-{_slug(bank.cohort)}-{digest}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "cohort"

