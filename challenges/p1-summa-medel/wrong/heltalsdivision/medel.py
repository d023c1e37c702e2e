antal = int(input())
summa = 0
for _ in range(antal):
    summa += int(input())

print(f"Summa: {summa}")
print(f"Medel: {summa // antal}")
