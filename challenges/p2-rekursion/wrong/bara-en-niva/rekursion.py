def platta_ut(lista):
    resultat = []
    for x in lista:
        if isinstance(x, list):
            resultat.extend(x)
        else:
            resultat.append(x)
    return resultat


def djup(lista):
    inre = [djup(x) for x in lista if isinstance(x, list)]
    return 1 + max(inre, default=0)
