def platta_ut(lista):
    resultat = []
    stack = [iter(lista)]
    while stack:
        for x in stack[-1]:
            if isinstance(x, list):
                stack.append(iter(x))
                break
            resultat.append(x)
        else:
            stack.pop()
    return resultat


def djup(lista):
    inre = [djup(x) for x in lista if isinstance(x, list)]
    return 1 + max(inre, default=0)
