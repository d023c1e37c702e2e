def binarsok(lista, mal):
    lag, hog = 0, len(lista) - 1
    while lag < hog:
        mitt = (lag + hog) // 2
        if lista[mitt] == mal:
            return mitt
        if lista[mitt] < mal:
            lag = mitt + 1
        else:
            hog = mitt - 1
    return -1
