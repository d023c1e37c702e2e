"""Each candidate gets their own amounts. Each hidden amount is built so that one common
mistake shows: a 200-note is needed, a 1-krona coin is needed, or neither."""

VALORER = (500, 200, 100, 50, 20, 10, 5, 2, 1)


def vaxel(belopp: int) -> str:
    """The expected output for ``belopp``: one line per denomination used."""
    rader = []
    for valor in VALORER:
        antal, belopp = divmod(belopp, valor)
        if antal:
            rader.append(f"{valor} kr: {antal}\n")
    return "".join(rader)


def _rest(rng, low, high, needs_one_krona):
    """A remainder in [low, high) that needs a 1-krona coin exactly when asked to."""
    choices = [r for r in range(low, high) if (r % 5 in (1, 3)) == needs_one_krona]
    return rng.choice(choices)


def generate(rng):
    med_200_och_1 = 500 * rng.randint(0, 3) + 200 * rng.randint(1, 2) + _rest(rng, 0, 100, True)
    med_200 = 500 * rng.randint(0, 3) + 200 * rng.randint(1, 2) + _rest(rng, 0, 100, False)
    med_1 = 500 * rng.randint(1, 3) + _rest(rng, 0, 200, True)
    return {"a": med_200_och_1, "a_ut": vaxel(med_200_och_1),
            "b": med_200, "b_ut": vaxel(med_200),
            "c": med_1, "c_ut": vaxel(med_1)}
