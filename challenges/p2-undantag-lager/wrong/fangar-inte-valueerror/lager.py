def las_lager(rader):
    lager = {}
    fel = 0
    for rad in rader:
        if not rad.strip():
            continue
        delar = rad.split(";")
        if len(delar) != 2:
            fel += 1
            continue
        vara, antal = delar[0].strip(), int(delar[1])
        if antal < 0:
            fel += 1
            continue
        lager[vara] = lager.get(vara, 0) + antal
    return lager, fel
