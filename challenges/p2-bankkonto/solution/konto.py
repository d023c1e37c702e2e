class Konto:
    """Ett bankkonto med ägare och saldo."""

    def __init__(self, agare, saldo=0):
        self.agare = agare
        self._saldo = saldo

    @property
    def saldo(self):
        """Saldot går att läsa men ändras bara med satt_in och ta_ut."""
        return self._saldo

    def satt_in(self, belopp):
        if belopp <= 0:
            raise ValueError("beloppet måste vara större än 0")
        self._saldo += belopp

    def ta_ut(self, belopp):
        if belopp <= 0:
            raise ValueError("beloppet måste vara större än 0")
        if belopp > self._saldo:
            raise ValueError("saldot räcker inte")
        self._saldo -= belopp
