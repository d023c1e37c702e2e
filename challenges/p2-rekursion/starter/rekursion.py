def platta_ut(lista):
    """Alla tal i lista, utan inre listor."""


def djup(lista):
    """Hur djupt listorna är nästlade; en platt lista har djupet 1."""
