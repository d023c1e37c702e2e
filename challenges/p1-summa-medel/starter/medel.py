antal = int(input())

# Läs talen och räkna ut summan och medelvärdet här.
