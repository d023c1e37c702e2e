def las_lager(rader):
    """(antal per vara, antal felaktiga rader) för rader på formen "vara;antal"."""
    lager = {}
    fel = 0
    for rad in rader:
        if not rad.strip():
            continue
        delar = rad.split(";")
        try:
            if len(delar) != 2:
                raise ValueError(rad)
            vara, antal = delar[0].strip(), int(delar[1])
            if antal < 0:
                raise ValueError(rad)
        except ValueError:
            fel += 1
            continue
        lager[vara] = lager.get(vara, 0) + antal
    return lager, fel
