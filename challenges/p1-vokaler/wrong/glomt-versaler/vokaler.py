def rakna_vokaler(text):
    antal = 0
    for tecken in text:
        if tecken in "aeiouyåäö":
            antal += 1
    return antal
