class Konto:
    def __init__(self, agare, saldo=0):
        self.agare = agare
        self.saldo = saldo

    def satt_in(self, belopp):
        self.saldo += belopp

    def ta_ut(self, belopp):
        self.saldo -= belopp
