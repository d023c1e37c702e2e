with open("text.txt", encoding="utf-8") as fil:
    text = fil.read()

# Räkna orden och skriv ut de tre vanligaste här.
