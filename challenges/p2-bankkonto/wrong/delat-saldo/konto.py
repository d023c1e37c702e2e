class Konto:
    saldo = 0

    def __init__(self, agare, saldo=0):
        self.agare = agare
        Konto.saldo = saldo

    def satt_in(self, belopp):
        if belopp <= 0:
            raise ValueError("beloppet måste vara större än 0")
        Konto.saldo += belopp

    def ta_ut(self, belopp):
        if belopp <= 0 or belopp > Konto.saldo:
            raise ValueError("ogiltigt belopp")
        Konto.saldo -= belopp
