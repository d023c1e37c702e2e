def sortera(tal):
    """En ny lista med talen i stigande ordning (utan sorted/sort)."""


def rangordna(resultat):
    """Namnen med flest poäng först; lika poäng i bokstavsordning."""
