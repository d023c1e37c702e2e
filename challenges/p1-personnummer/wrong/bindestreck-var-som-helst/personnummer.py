def kontrollsiffra(nio):
    summa = 0
    for plats, tecken in enumerate(nio):
        produkt = int(tecken) * (2 if plats % 2 == 0 else 1)
        summa += produkt // 10 + produkt % 10
    return (10 - summa % 10) % 10


def ar_giltigt(pnr):
    siffror = pnr.replace("-", "")
    if len(siffror) not in (10, 12) or not siffror.isdigit():
        return False
    siffror = siffror[-10:]
    if not (1 <= int(siffror[2:4]) <= 12 and 1 <= int(siffror[4:6]) <= 31):
        return False
    return kontrollsiffra(siffror[:9]) == int(siffror[9])
