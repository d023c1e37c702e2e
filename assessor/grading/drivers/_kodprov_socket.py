"""Socket driver: talks to the candidate's program over loopback and records the conversation.

``server`` mode starts the candidate's server with a port number and connects as clients;
``client`` mode serves canned replies on a port and runs the candidate's client against it.
"""

import socket
import subprocess
import sys
import tempfile
import threading
import time

import _kodprov_observe as obs

HOST = "127.0.0.1"


def free_port():
    """A port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _start_server(plan, port, err):
    return subprocess.Popen([sys.executable, plan["entry"], str(port)], env=obs.environment(),
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)


def _wait_until_listening(port, process, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection((HOST, port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


class Line:
    """Reads newline-terminated replies from one connection, with a timeout per reply."""

    def __init__(self, port, seconds):
        self.sock = socket.create_connection((HOST, port), timeout=seconds)
        self.buffer = b""

    def ask(self, line):
        self.sock.sendall(line.encode("utf-8") + b"\n")
        while b"\n" not in self.buffer and len(self.buffer) < obs.MAX_TEXT:
            chunk = self.sock.recv(4096)
            if not chunk:
                if not self.buffer:
                    return None  # the server closed the connection
                break
            self.buffer += chunk
        reply, _, self.buffer = self.buffer.partition(b"\n")
        return reply.decode("utf-8", "replace").rstrip("\r")


def converse(port, clients, seconds):
    """Send each client's lines in turn, interleaved; a reply that never comes is None."""
    connections = [Line(port, seconds) for _ in clients]
    replies = [[] for _ in clients]
    try:
        for turn in range(max(len(lines) for lines in clients)):
            for index, lines in enumerate(clients):
                if turn < len(lines):
                    try:
                        replies[index].append(connections[index].ask(lines[turn]))
                    except OSError:
                        replies[index].append(None)
    finally:
        for connection in connections:
            connection.sock.close()
    return replies


def _ending(process, err):
    """How a server that never listened ended: its exit code and the end of its stderr."""
    if process.poll() is None:
        return {}
    err.seek(0)
    return {"exit_code": process.returncode,
            "stderr": err.read()[-2000:].decode("utf-8", "replace")}


def serve_tests(plan):
    """Server mode: one server process, one conversation per test."""
    port = free_port()
    with tempfile.TemporaryFile() as err:
        process = _start_server(plan, port, err)
        try:
            listening = _wait_until_listening(port, process, plan["startup_seconds"])
            for test in plan["tests"]:
                record = {"id": test["id"], "port": port}
                try:
                    if not listening:
                        record["server"] = _ending(process, err)
                        raise OSError("not listening")
                    record["replies"] = converse(port, test["clients"], plan["reply_seconds"])
                except OSError as error:
                    record["connect_error"] = obs.clip(str(error), 200)
                obs.emit(record)
        finally:
            process.kill()
            process.wait()


class CannedServer(threading.Thread):
    """Accepts connections, records every line received and answers from the plan's replies."""

    def __init__(self, replies):
        super().__init__(daemon=True)
        self.replies, self.received = replies, []
        self.listener = socket.create_server((HOST, 0))
        self.port = self.listener.getsockname()[1]

    def run(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn, conn.makefile("rwb") as stream:
                for raw in stream:
                    line = raw.decode("utf-8", "replace").rstrip("\r\n")
                    self.received.append(obs.clip(line, 1000))
                    stream.write(self.replies.get(line, "FEL").encode("utf-8") + b"\n")
                    stream.flush()


def client_tests(plan):
    """Client mode: a fresh canned server and one client run per test."""
    for test in plan["tests"]:
        server = CannedServer(test.get("replies", {}))
        server.start()
        argv = [sys.executable, plan["entry"], HOST, str(server.port), *test.get("args", [])]
        record = {"id": test["id"]}
        record.update(obs.run_program(argv, test.get("stdin", ""), plan["client_seconds"]))
        server.listener.close()
        record["received"] = list(server.received)
        obs.emit(record)


def main():
    plan = obs.load_plan()
    (serve_tests if plan["mode"] == "server" else client_tests)(plan)


if __name__ == "__main__":
    main()
