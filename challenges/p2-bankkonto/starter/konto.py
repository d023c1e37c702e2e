class Konto:
    """Ett bankkonto med ägare och saldo."""

    def __init__(self, agare, saldo=0):
        pass
