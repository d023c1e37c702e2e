belopp = int(input())
valorer = [500, 200, 100, 50, 20, 10, 5, 2]

for valor in valorer:
    antal, belopp = divmod(belopp, valor)
    if antal > 0:
        print(f"{valor} kr: {antal}")
