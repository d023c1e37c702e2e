belopp = int(input())
valorer = [500, 200, 100, 50, 20, 10, 5, 2, 1]

# Skriv ut hur många av varje valör som behövs.
