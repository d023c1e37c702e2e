def binarsok(lista, mal):
    for i in range(len(lista)):
        if lista[i] == mal:
            return i
    return -1
