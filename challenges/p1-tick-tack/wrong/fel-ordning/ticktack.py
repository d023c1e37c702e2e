n = int(input())

for tal in range(1, n + 1):
    if tal % 3 == 0:
        print("Tick")
    elif tal % 5 == 0:
        print("Tack")
    elif tal % 15 == 0:
        print("TickTack")
    else:
        print(tal)
