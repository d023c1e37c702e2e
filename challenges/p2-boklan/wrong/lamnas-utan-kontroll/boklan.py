from datetime import date, timedelta


class Lan:
    def __init__(self, titel, lanedag):
        self.titel = titel
        self.lanedag = date.fromisoformat(lanedag)
        self.aterlamnad = None

    def forfallodag(self):
        return (self.lanedag + timedelta(days=14)).isoformat()

    def lamna_tillbaka(self, dag):
        self.aterlamnad = date.fromisoformat(dag)

    def avgift(self, idag):
        slut = self.aterlamnad or date.fromisoformat(idag)
        dagar_sent = (slut - self.lanedag).days - 14
        return min(max(dagar_sent, 0) * 5, 100)
