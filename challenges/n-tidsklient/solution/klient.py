import socket
import sys

vard, port = sys.argv[1], int(sys.argv[2])

with socket.create_connection((vard, port)) as anslutning:
    fil = anslutning.makefile("rw", encoding="utf-8", newline="\n")

    def fraga(rad):
        fil.write(rad + "\n")
        fil.flush()
        return fil.readline().rstrip("\n")

    print(f"Klockan är {fraga('TID')}")
    fraga("HEJDÅ")
