alder = int(input())

# Skriv resten av programmet här.
