import socketserver
import sys


class Hanterare(socketserver.StreamRequestHandler):
    def handle(self):
        for rad in self.rfile:
            text = rad.decode("utf-8").strip()
            delar = text.split()
            if text == "PING":
                svar = "PONG"
            elif delar and delar[0] == "ADD":
                svar = str(int(delar[1]) + int(delar[2]))
            elif delar and delar[0] == "UPPER":
                svar = text[6:].upper()
            elif text == "QUIT":
                self.wfile.write("HEJDÅ\n".encode("utf-8"))
                return
            else:
                svar = "FEL okänt kommando"
            self.wfile.write((svar + "\n").encode("utf-8"))


socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer.daemon_threads = True
with socketserver.ThreadingTCPServer(("127.0.0.1", int(sys.argv[1])), Hanterare) as server:
    server.serve_forever()
