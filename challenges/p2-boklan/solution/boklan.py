from datetime import date, timedelta

LANETID = timedelta(days=14)
KRONOR_PER_DAG = 5
HOGSTA_AVGIFT = 100


class Lan:
    """Ett boklån: titel, lånedag och, när boken är tillbaka, återlämningsdag."""

    def __init__(self, titel, lanedag):
        self.titel = titel
        self.lanedag = date.fromisoformat(lanedag)
        self.aterlamnad = None

    def forfallodag(self):
        """Sista dagen att lämna tillbaka boken, som text."""
        return (self.lanedag + LANETID).isoformat()

    def lamna_tillbaka(self, dag):
        """Noterar att boken lämnades dag; ValueError om det inte går."""
        dag = date.fromisoformat(dag)
        if self.aterlamnad is not None:
            raise ValueError("boken är redan tillbakalämnad")
        if dag < self.lanedag:
            raise ValueError("boken kan inte lämnas före lånedagen")
        self.aterlamnad = dag

    def avgift(self, idag):
        """Förseningsavgiften i kronor, räknad till återlämningsdagen eller idag."""
        slut = self.aterlamnad or date.fromisoformat(idag)
        dagar_sent = (slut - self.lanedag - LANETID).days
        return min(max(dagar_sent, 0) * KRONOR_PER_DAG, HOGSTA_AVGIFT)
