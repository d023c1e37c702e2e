def platta_ut(lista):
    """Alla tal i lista, utan inre listor."""
    resultat = []
    for x in lista:
        if isinstance(x, list):
            resultat.extend(platta_ut(x))
        else:
            resultat.append(x)
    return resultat


def djup(lista):
    """Hur djupt listorna är nästlade; en platt lista har djupet 1."""
    inre = [djup(x) for x in lista if isinstance(x, list)]
    return 1 + max(inre, default=0)
