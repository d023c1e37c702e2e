# case: 17 A legitimate network exercise: server and client on 127.0.0.1; port 80 is refused
# expect: ok
# stdout-has: SAFE
# process: not contained: shares the host's loopback (ports may clash, host services answer)
import errno
import socket
import threading

server = socket.create_server(("127.0.0.1", 5000))


def answer() -> None:
    connection, _ = server.accept()
    connection.sendall(connection.recv(100).upper())
    connection.close()


threading.Thread(target=answer).start()
with socket.create_connection(("127.0.0.1", 5000)) as client:
    client.sendall(b"ping")
    reply = client.recv(100)
try:
    socket.create_server(("127.0.0.1", 80))
    low_port = "bound"
except OSError as exc:
    low_port = errno.errorcode[exc.errno]
print("SAFE" if reply == b"PING" and low_port == "EACCES" else "LEAK", reply, low_port)
