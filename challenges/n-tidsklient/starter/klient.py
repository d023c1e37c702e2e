import socket
import sys

vard, port = sys.argv[1], int(sys.argv[2])

with socket.create_connection((vard, port)) as anslutning:
    pass  # Skicka TID, läs svaret, skriv ut det, säg HEJDÅ.
