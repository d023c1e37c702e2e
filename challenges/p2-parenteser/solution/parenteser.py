PAR = {")": "(", "]": "[", "}": "{"}


def balanserad(text):
    """True om parenteserna ()[]{} i text är balanserade."""
    stack = []
    for tecken in text:
        if tecken in "([{":
            stack.append(tecken)
        elif tecken in PAR:
            if not stack or stack.pop() != PAR[tecken]:
                return False
    return not stack
