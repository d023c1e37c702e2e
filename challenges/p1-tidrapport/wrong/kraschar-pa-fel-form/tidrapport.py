def till_minuter(tid):
    timmar, minuter = tid.split(":")
    return int(timmar) * 60 + int(minuter)


def giltig(tid):
    timmar, minuter = tid.split(":")
    return 0 <= int(timmar) <= 23 and 0 <= int(minuter) <= 59


def som_text(minuter):
    return f"{minuter // 60}:{minuter % 60:02d}"


def main():
    per_dag = {}
    fel = []
    with open("tider.txt", encoding="utf-8") as fil:
        for nummer, rad in enumerate(fil, start=1):
            delar = rad.split()
            if len(delar) == 0:
                continue
            if len(delar) != 2 or "-" not in delar[1]:
                fel.append(nummer)
                continue
            start, slut = delar[1].split("-")
            if not giltig(start) or not giltig(slut):
                fel.append(nummer)
                continue
            if till_minuter(slut) <= till_minuter(start):
                fel.append(nummer)
                continue
            dag = delar[0]
            per_dag[dag] = per_dag.get(dag, 0) + till_minuter(slut) - till_minuter(start)

    for dag, minuter in per_dag.items():
        print(f"{dag}: {som_text(minuter)}")
    print(f"Totalt: {som_text(sum(per_dag.values()))}")
    for nummer in fel:
        print(f"Fel på rad {nummer}")


main()
