def kontrollsiffra(nio):
    summa = 0
    for plats, tecken in enumerate(nio):
        produkt = int(tecken) * (2 if plats % 2 == 0 else 1)
        summa += produkt // 10 + produkt % 10
    return (10 - summa % 10) % 10


def ar_giltigt(pnr):
    if len(pnr) in (11, 13) and pnr[-5] == "-":
        pnr = pnr[:-5] + pnr[-4:]
    if len(pnr) not in (10, 12) or not pnr.isdigit():
        return False
    siffror = pnr[-10:]
    return kontrollsiffra(siffror[:9]) == int(siffror[9])
