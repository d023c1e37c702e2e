def till_minuter(tid):
    """Minuter efter midnatt för en tid som "8:15"; ValueError om tiden inte finns."""
    timmar, minuter = tid.split(":")
    timmar = int(timmar)
    minuter = int(minuter)
    if not (0 <= timmar <= 23 and 0 <= minuter <= 59):
        raise ValueError(f"ingen tid: {tid}")
    return timmar * 60 + minuter


def som_text(minuter):
    """495 minuter som texten "8:15"."""
    return f"{minuter // 60}:{minuter % 60:02d}"


def las_pass(rad):
    """(dag, minuter) för en rad som "mån 08:00-12:00"; ValueError om raden är fel."""
    dag, tider = rad.split()
    start, slut = tider.split("-")
    langd = till_minuter(slut) - till_minuter(start)
    if langd <= 0:
        raise ValueError(f"slutar inte efter start: {rad}")
    return dag, langd


def main():
    per_dag = {}
    fel = []
    with open("tider.txt", encoding="utf-8") as fil:
        for nummer, rad in enumerate(fil, start=1):
            if not rad.strip():
                continue
            try:
                dag, minuter = las_pass(rad)
            except ValueError:
                fel.append(nummer)
                continue
            per_dag[dag] = per_dag.get(dag, 0) + minuter

    for dag, minuter in per_dag.items():
        print(f"{dag}: {som_text(minuter)}")
    print(f"Totalt: {som_text(sum(per_dag.values()))}")
    for nummer in fel:
        print(f"Fel på rad {nummer}")


if __name__ == "__main__":
    main()
