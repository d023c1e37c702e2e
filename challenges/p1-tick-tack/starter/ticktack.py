n = int(input())

# Skriv loopen här.
