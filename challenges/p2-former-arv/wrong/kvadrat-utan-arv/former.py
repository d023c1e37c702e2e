import math


class Form:
    def area(self):
        raise NotImplementedError

    def beskriv(self):
        return f"{type(self).__name__} med area {self.area():.1f}"


class Rektangel(Form):
    def __init__(self, bredd, hojd):
        self.bredd = bredd
        self.hojd = hojd

    def area(self):
        return self.bredd * self.hojd


class Kvadrat(Form):
    def __init__(self, sida):
        self.sida = sida

    def area(self):
        return self.sida * self.sida


class Cirkel(Form):
    def __init__(self, radie):
        self.radie = radie

    def area(self):
        return math.pi * self.radie ** 2
