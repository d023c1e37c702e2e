alder = int(input())

if alder <= 6:
    pris = 0
elif alder < 17:
    pris = 25
elif alder < 64:
    pris = 40
else:
    pris = 25

print(f"Pris: {pris} kr")
