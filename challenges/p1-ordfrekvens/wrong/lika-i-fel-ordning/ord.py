from collections import Counter

with open("text.txt", encoding="utf-8") as fil:
    text = fil.read()

orden = [o.lower().strip(".,!?;:") for o in text.split()]
for ord_, n in Counter(o for o in orden if o).most_common(3):
    print(f"{ord_}: {n}")
