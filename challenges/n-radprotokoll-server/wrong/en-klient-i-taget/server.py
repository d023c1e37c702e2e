import socket
import sys


def svara(text):
    kommando, _, resten = text.partition(" ")
    if kommando == "PING":
        return "PONG"
    if kommando == "UPPER":
        return resten.upper()
    if kommando == "ADD":
        try:
            a, b = resten.split()
            return str(int(a) + int(b))
        except ValueError:
            return "FEL ogiltigt tal"
    if kommando == "QUIT":
        return "HEJDÅ"
    return "FEL okänt kommando"


lyssnare = socket.create_server(("127.0.0.1", int(sys.argv[1])))
while True:
    anslutning, _ = lyssnare.accept()
    try:
        with anslutning, anslutning.makefile("rwb") as fil:
            for rad in fil:
                text = rad.decode("utf-8").rstrip("\r\n")
                fil.write((svara(text) + "\n").encode("utf-8"))
                fil.flush()
                if text == "QUIT":
                    break
    except OSError:
        pass  # klienten försvann; vänta på nästa
