def till_minuter(tid):
    """Minuter efter midnatt för en tid som "8:15"; ValueError om tiden inte finns."""


def som_text(minuter):
    """495 minuter som texten "8:15"."""


def main():
    with open("tider.txt", encoding="utf-8") as fil:
        for rad in fil:
            pass  # Läs passen och räkna ihop tiden per dag här.


if __name__ == "__main__":
    main()
