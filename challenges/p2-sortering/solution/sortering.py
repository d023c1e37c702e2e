def sortera(tal):
    """En ny lista med talen i stigande ordning (insättningssortering)."""
    resultat = list(tal)
    for i in range(1, len(resultat)):
        varde = resultat[i]
        j = i - 1
        while j >= 0 and resultat[j] > varde:
            resultat[j + 1] = resultat[j]
            j -= 1
        resultat[j + 1] = varde
    return resultat


def rangordna(resultat):
    """Namnen med flest poäng först; lika poäng i bokstavsordning."""
    ordnade = sorted(resultat, key=lambda par: (-par[1], par[0]))
    return [namn for namn, _ in ordnade]
