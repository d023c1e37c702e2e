import socketserver
import sys


def svara(text):
    """Svaret på en rad enligt protokollet."""
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


class Hanterare(socketserver.StreamRequestHandler):
    def handle(self):
        for rad in self.rfile:
            text = rad.decode("utf-8").rstrip("\r\n")
            self.wfile.write((svara(text) + "\n").encode("utf-8"))
            if text == "QUIT":
                return


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with Server(("127.0.0.1", int(sys.argv[1])), Hanterare) as server:
        server.serve_forever()
