antal = int(input())
summa = 0
for _ in range(antal - 1):
    summa += int(input())

print(f"Summa: {summa}")
print(f"Medel: {summa / antal:.2f}")
