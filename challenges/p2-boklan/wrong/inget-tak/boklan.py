from datetime import date, timedelta


class Lan:
    def __init__(self, titel, lanedag):
        self.titel = titel
        self.lanedag = date.fromisoformat(lanedag)
        self.aterlamnad = None

    def forfallodag(self):
        return (self.lanedag + timedelta(days=14)).isoformat()

    def lamna_tillbaka(self, dag):
        dag = date.fromisoformat(dag)
        if self.aterlamnad is not None:
            raise ValueError("redan tillbakalämnad")
        if dag < self.lanedag:
            raise ValueError("före lånedagen")
        self.aterlamnad = dag

    def avgift(self, idag):
        slut = self.aterlamnad or date.fromisoformat(idag)
        dagar_sent = (slut - self.lanedag).days - 14
        if dagar_sent <= 0:
            return 0
        return dagar_sent * 5
