def till_minuter(tid):
    """Minuter efter midnatt för en tid som "8:15"."""
    timmar, minuter = tid.split(":")
    return int(timmar) * 60 + int(minuter)


def som_text(minuter):
    return f"{minuter // 60}:{minuter % 60:02d}"


def main():
    per_dag = {}
    fel = []
    with open("tider.txt", encoding="utf-8") as fil:
        for nummer, rad in enumerate(fil, start=1):
            if not rad.strip():
                continue
            try:
                dag, tider = rad.split()
                start, slut = tider.split("-")
                langd = till_minuter(slut) - till_minuter(start)
            except ValueError:
                fel.append(nummer)
                continue
            if langd <= 0:
                fel.append(nummer)
                continue
            per_dag[dag] = per_dag.get(dag, 0) + langd

    for dag, minuter in per_dag.items():
        print(f"{dag}: {som_text(minuter)}")
    print(f"Totalt: {som_text(sum(per_dag.values()))}")
    for nummer in fel:
        print(f"Fel på rad {nummer}")


main()
