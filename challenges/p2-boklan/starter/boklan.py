from datetime import date, timedelta


class Lan:
    """Ett boklån: titel, lånedag och, när boken är tillbaka, återlämningsdag."""

    def __init__(self, titel, lanedag):
        pass
