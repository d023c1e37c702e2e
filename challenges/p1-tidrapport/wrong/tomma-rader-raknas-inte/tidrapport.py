def minuter(tid):
    t, m = tid.split(":")
    t, m = int(t), int(m)
    if t < 0 or t > 23 or m < 0 or m > 59:
        raise ValueError(tid)
    return t * 60 + m


def main():
    with open("tider.txt", encoding="utf-8") as fil:
        rader = [rad for rad in fil if rad.strip() != ""]

    dagar = {}
    fel = []
    for nr, rad in enumerate(rader, start=1):
        try:
            dag, tider = rad.split()
            start, slut = tider.split("-")
            langd = minuter(slut) - minuter(start)
            if langd <= 0:
                raise ValueError(rad)
        except ValueError:
            fel.append(nr)
            continue
        dagar[dag] = dagar.get(dag, 0) + langd

    for dag in dagar:
        print(f"{dag}: {dagar[dag] // 60}:{dagar[dag] % 60:02d}")
    totalt = sum(dagar.values())
    print(f"Totalt: {totalt // 60}:{totalt % 60:02d}")
    for nr in fel:
        print(f"Fel på rad {nr}")


main()
