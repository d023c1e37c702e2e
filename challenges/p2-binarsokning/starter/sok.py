def binarsok(lista, mal):
    """Index för mal i den sorterade listan, eller -1."""
    lag, hog = 0, len(lista) - 1
    return -1
