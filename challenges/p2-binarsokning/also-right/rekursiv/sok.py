def binarsok(lista, mal, lag=0, hog=None):
    """Index för mal i den sorterade listan, eller -1 (söker rekursivt i en halva i taget)."""
    if hog is None:
        hog = len(lista) - 1
    if lag > hog:
        return -1
    mitt = (lag + hog) // 2
    varde = lista[mitt]
    if varde == mal:
        return mitt
    if varde < mal:
        return binarsok(lista, mal, mitt + 1, hog)
    return binarsok(lista, mal, lag, mitt - 1)
