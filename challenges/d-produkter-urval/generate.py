"""A category and a price limit per seed. The limit is always a price that exists in both data
sets, so < and <= give different answers, and at least two products qualify."""

CHOICES = [("Verktyg", 250), ("Verktyg", 800), ("Friluft", 200), ("Friluft", 300),
           ("Friluft", 400), ("Elektronik", 150), ("Elektronik", 300)]


def generate(rng):
    kategori, grans = rng.choice(CHOICES)
    return {"kategori": kategori, "grans": grans}
