def rakna_vokaler(text):
    antal = 0
    for tecken in text.lower():
        if tecken in "aeiou":
            antal += 1
    return antal
