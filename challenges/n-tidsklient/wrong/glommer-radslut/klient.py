import socket
import sys

vard, port = sys.argv[1], int(sys.argv[2])

with socket.create_connection((vard, port)) as anslutning:
    anslutning.sendall(b"TID")
    svar = anslutning.recv(1024).decode("utf-8").strip()
    print(f"Klockan är {svar}")
    anslutning.sendall("HEJDÅ".encode("utf-8"))
    anslutning.recv(1024)
