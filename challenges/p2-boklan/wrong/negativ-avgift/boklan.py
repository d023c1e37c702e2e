from datetime import date, timedelta


class Lan:
    def __init__(self, titel, lanedag):
        self.titel = titel
        self.lanedag = date.fromisoformat(lanedag)
        self.tillbaka = None

    def forfallodag(self):
        return (self.lanedag + timedelta(days=14)).isoformat()

    def lamna_tillbaka(self, dag):
        dag = date.fromisoformat(dag)
        if self.tillbaka is not None or dag < self.lanedag:
            raise ValueError("kan inte lämna tillbaka boken")
        self.tillbaka = dag

    def avgift(self, idag):
        if self.tillbaka is not None:
            slut = self.tillbaka
        else:
            slut = date.fromisoformat(idag)
        dagar = (slut - date.fromisoformat(self.forfallodag())).days
        return min(dagar * 5, 100)
