class Konto:
    def __init__(self, agare, saldo=0):
        self.agare = agare
        self.saldo = saldo

    def satt_in(self, belopp):
        if belopp <= 0:
            raise ValueError("beloppet måste vara större än 0")
        self.saldo += belopp

    def ta_ut(self, belopp):
        if belopp <= 0:
            raise ValueError("beloppet måste vara större än 0")
        if belopp > self.saldo:
            raise ValueError("saldot räcker inte")
        self.saldo -= belopp
