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
        dagar_sent = (date.fromisoformat(idag) - self.lanedag).days - 14
        return min(max(dagar_sent, 0) * 5, 100)
