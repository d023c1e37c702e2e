VOKALER = "aeiouyåäö"


def rakna_vokaler(text):
    """Antalet vokaler (a e i o u y å ä ö, små och stora) i text."""
    antal = 0
    for tecken in text.lower():
        if tecken in VOKALER:
            antal += 1
    return antal
