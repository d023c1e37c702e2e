class Konto:
    _saldo = 0

    def __init__(self, agare, saldo=0):
        self.agare = agare
        Konto._saldo = saldo

    @property
    def saldo(self):
        return Konto._saldo

    def satt_in(self, belopp):
        if belopp <= 0:
            raise ValueError("beloppet måste vara större än 0")
        Konto._saldo += belopp

    def ta_ut(self, belopp):
        if belopp <= 0 or belopp > Konto._saldo:
            raise ValueError("ogiltigt belopp")
        Konto._saldo -= belopp
