def sortera(tal):
    resultat = []
    kvar = list(tal)
    while kvar:
        minst = kvar[0]
        for x in kvar:
            if x < minst:
                minst = x
        resultat.append(minst)
        kvar.remove(minst)
    return resultat


def rangordna(resultat):
    ordnade = sorted(resultat, key=lambda par: par[1], reverse=True)
    return [namn for namn, _ in ordnade]
