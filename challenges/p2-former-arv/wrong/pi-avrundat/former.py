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


class Kvadrat(Rektangel):
    def __init__(self, sida):
        super().__init__(sida, sida)


class Cirkel(Form):
    def __init__(self, radie):
        self.radie = radie

    def area(self):
        return 3.14 * self.radie * self.radie
