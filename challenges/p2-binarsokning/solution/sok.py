def binarsok(lista, mal):
    """Index för mal i den sorterade listan, eller -1."""
    lag, hog = 0, len(lista) - 1
    while lag <= hog:
        mitt = (lag + hog) // 2
        varde = lista[mitt]
        if varde == mal:
            return mitt
        if varde < mal:
            lag = mitt + 1
        else:
            hog = mitt - 1
    return -1
