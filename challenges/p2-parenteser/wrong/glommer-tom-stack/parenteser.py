PAR = {")": "(", "]": "[", "}": "{"}


def balanserad(text):
    stack = []
    for tecken in text:
        if tecken in "([{":
            stack.append(tecken)
        elif tecken in PAR:
            if stack.pop() != PAR[tecken]:
                return False
    return True
