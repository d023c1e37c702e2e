alder = int(input())

if alder <= 6:
    print("Pris: 0 kr")
elif alder <= 17:
    print("Pris: 25 kr")
else:
    print("Pris: 40 kr")
