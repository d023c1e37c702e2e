SIFFROR = "0123456789"


def kontrollsiffra(nio):
    """Kontrollsiffran för de nio siffrorna ÅÅMMDDNNN."""
    summa = 0
    for plats, tecken in enumerate(nio):
        produkt = int(tecken) * (2 if plats % 2 == 0 else 1)
        summa += produkt // 10 + produkt % 10
    return (10 - summa % 10) % 10


def tio_siffror(pnr):
    """De tio siffrorna ÅÅMMDDNNNK i pnr, eller None om pnr har fel form."""
    if len(pnr) in (11, 13) and pnr[-5] == "-":
        pnr = pnr[:-5] + pnr[-4:]
    if len(pnr) not in (10, 12):
        return None
    if not all(tecken in SIFFROR for tecken in pnr):
        return None
    return pnr[-10:]


def rimligt_datum(siffror):
    """Om månaden är 01–12 och dagen 01–31 i ÅÅMMDD..."""
    manad = int(siffror[2:4])
    dag = int(siffror[4:6])
    return 1 <= manad <= 12 and 1 <= dag <= 31


def ar_giltigt(pnr):
    """True om pnr är ett giltigt personnummer, annars False."""
    siffror = tio_siffror(pnr)
    if siffror is None or not rimligt_datum(siffror):
        return False
    return kontrollsiffra(siffror[:9]) == int(siffror[9])
