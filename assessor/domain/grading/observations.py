"""Reading what a driver observed: the JSON lines on the driver's own stdout.

No candidate process holds that stream, but nothing here trusts the data anyway. Oversized
output, broken lines and wrong types are skipped, and unknown shapes decode to ``Opaque``, which
equals nothing a test expects.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from sandbox.spec import RunResult

log = logging.getLogger(__name__)
MAX_BYTES = 4 * 1024 * 1024
MAX_LINES = 10_000


@dataclass(frozen=True)
class Opaque:
    """A value the driver could only describe (an object, a non-finite float...)."""

    text: str
    type_name: str = ""

    def __repr__(self) -> str:
        return self.text


def read_observations(result: RunResult) -> dict[str, dict]:
    """Observation records by test id; the last record for an id wins. Never raises."""
    raw = result.stdout
    if not isinstance(raw, bytes) or len(raw) > MAX_BYTES:
        log.info("observations missing or too large (%s bytes)", len(raw or b""))
        return {}
    records: dict[str, dict] = {}
    for line in raw.decode("utf-8", "replace").splitlines()[:MAX_LINES]:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):  # RecursionError: nested deeper than any record
            continue
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            records[record["id"]] = record
    return records


def decode(value: Any, depth: int = 0) -> Any:
    """The Python value behind the driver's tagged JSON (tuples, sets, dicts, opaque objects)."""
    if depth > 30:
        return Opaque("...")
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [decode(v, depth + 1) for v in value]
    if isinstance(value, dict) and len(value) >= 1:
        return _decode_tagged(value, depth)
    return Opaque(repr(value)[:200])


def _decode_tagged(value: dict, depth: int) -> Any:
    items = value.get("$tuple", value.get("$set", value.get("$dict")))
    if "$tuple" in value and isinstance(items, list):
        return tuple(decode(v, depth + 1) for v in items)
    if "$set" in value and isinstance(items, list):
        try:
            return frozenset(_hashable(decode(v, depth + 1)) for v in items)
        except TypeError:
            return Opaque("set")
    if "$dict" in value and isinstance(items, list):
        try:
            pairs = [pair for pair in items if isinstance(pair, list) and len(pair) == 2]
            return {_hashable(decode(k, depth + 1)): decode(v, depth + 1) for k, v in pairs}
        except TypeError:
            return Opaque("dict")
    if isinstance(value.get("$float"), str):
        return Opaque(value["$float"], "float")
    return Opaque(str(value.get("$repr", "?"))[:300], str(value.get("$type", ""))[:60])


def _hashable(value: Any) -> Any:
    return tuple(_hashable(v) for v in value) if isinstance(value, list) else value


def text_field(record: dict, key: str, default: str = "") -> str:
    """A string field of a record, or ``default`` when missing or not a string."""
    value = record.get(key, default)
    return value if isinstance(value, str) else default


def int_field(record: dict, key: str) -> int | None:
    """An integer field of a record, or None."""
    value = record.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None
