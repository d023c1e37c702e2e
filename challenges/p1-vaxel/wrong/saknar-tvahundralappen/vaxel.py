belopp = int(input())
valorer = [500, 100, 50, 20, 10, 5, 2, 1]

for valor in valorer:
    antal = belopp // valor
    belopp = belopp % valor
    if antal > 0:
        print(f"{valor} kr: {antal}")
