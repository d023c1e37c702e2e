with open("text.txt", encoding="utf-8") as fil:
    text = fil.read()

antal = {}
for ord_ in text.split():
    ord_ = ord_.lower().strip(".,!?;:")
    if ord_:
        antal[ord_] = antal.get(ord_, 0) + 1

ordnade = sorted(antal.items(), key=lambda par: (-par[1], par[0]))
for ord_, n in ordnade[:3]:
    print(f"{ord_}: {n}")
