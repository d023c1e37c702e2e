import math


class Form:
    def area(self):
        raise NotImplementedError

    def beskriv(self):
        pass
