class Konto:
    def __init__(self, agare, saldo=0):
        self.agare = agare
        self._saldo = saldo

    @property
    def saldo(self):
        return self._saldo

    def satt_in(self, belopp):
        self._saldo += belopp

    def ta_ut(self, belopp):
        self._saldo -= belopp
