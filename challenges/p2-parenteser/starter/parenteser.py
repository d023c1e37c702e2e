PAR = {")": "(", "]": "[", "}": "{"}


def balanserad(text):
    """True om parenteserna ()[]{} i text är balanserade."""
    stack = []
