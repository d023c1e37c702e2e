def sortera(tal):
    tal.sort()
    return tal


def rangordna(resultat):
    ordnade = sorted(resultat, key=lambda par: (-par[1], par[0]))
    return [namn for namn, _ in ordnade]
