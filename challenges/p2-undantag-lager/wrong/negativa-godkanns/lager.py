def las_lager(rader):
    lager = {}
    fel = 0
    for rad in rader:
        if not rad.strip():
            continue
        try:
            vara, antal = rad.split(";")
            lager[vara.strip()] = lager.get(vara.strip(), 0) + int(antal)
        except ValueError:
            fel += 1
    return lager, fel
