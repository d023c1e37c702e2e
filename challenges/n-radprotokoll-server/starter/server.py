import socketserver
import sys


class Hanterare(socketserver.StreamRequestHandler):
    def handle(self):
        for rad in self.rfile:
            text = rad.decode("utf-8").rstrip("\r\n")
            # Räkna ut svaret och skicka det med self.wfile.write(...)


if __name__ == "__main__":
    port = int(sys.argv[1])
