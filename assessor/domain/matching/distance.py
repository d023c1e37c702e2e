"""Travel distance between Swedish places: straight-line kilometres between two place names,
from ``places_se.csv`` (GeoNames' Swedish places with 1,000 inhabitants or more and every
municipality seat, CC BY 4.0; ``scripts/swedish_places.py`` makes it). A place the file does
not know has no distance: matching then says so instead of guessing."""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

PLACES = Path(__file__).with_name("places_se.csv")
EARTH_RADIUS_KM = 6371.0
#: the longest travel a person can give (more is a typing error)
MAX_TRAVEL_KM = 500


def place_key(name: str) -> str:
    """A place name as the table is searched: case and spacing do not matter, nor a
    trailing "kommun" ("Lunds kommun" is Lund)."""
    key = " ".join(name.split()).casefold()
    suffix = " kommun"
    return key[: -len(suffix)] if key.endswith(suffix) and len(key) > len(suffix) else key


@cache
def places() -> dict[str, tuple[float, float]]:
    """place key -> (latitude, longitude), read once: every name, then the Swedish spellings
    GeoNames also knows a place by (Göteborg for Gothenburg) where no place has that name."""
    with PLACES.open(encoding="utf-8") as rows:
        reader = csv.DictReader((row for row in rows if not row.startswith("#")), delimiter=";")
        table = list(reader)
    found = {place_key(row["name"]): (float(row["latitude"]), float(row["longitude"]))
             for row in table}
    for row in table:
        for alias in filter(None, row["also"].split("|")):
            found.setdefault(place_key(alias), (float(row["latitude"]), float(row["longitude"])))
    return found


def coordinates(name: str) -> tuple[float, float] | None:
    """Where a place lies, or None when the table does not know it."""
    key = place_key(name)
    found = places().get(key)
    if found is None and key.endswith("s"):  # "Lunds", "Eksjös" as in "Lunds kommun"
        found = places().get(key[:-1])
    return found


def km_between(a: str, b: str) -> float | None:
    """Straight-line kilometres between two places (haversine), or None when either is
    unknown."""
    start, end = coordinates(a), coordinates(b)
    if start is None or end is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*start, *end))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
