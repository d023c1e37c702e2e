"""Socket driver: talks to the candidate's program over loopback and records the conversation.

``server`` mode starts the candidate's server with a port number and connects as clients;
``client`` mode serves canned replies on a port and runs the candidate's client against it.
Each test gets its own run of the program, in a fresh folder; the plan stays in this driver.
"""

import shutil
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


def _start_server(plan, port, err, folder):
    return subprocess.Popen([sys.executable, plan["entry"], str(port)], cwd=folder,
                            env=obs.environment(folder), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)


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


def serve_test(plan, program, test):
    """Server mode: a fresh server process for the test, and its conversation."""
    port = free_port()
    folder = obs.fresh_folder(program)
    record = {"id": test["id"], "port": port}
    with tempfile.TemporaryFile() as err:
        process = _start_server(plan, port, err, folder)
        try:
            if not _wait_until_listening(port, process, plan["startup_seconds"]):
                record["server"] = _ending(process, err)
                raise OSError("not listening")
            record["replies"] = converse(port, test["clients"], plan["reply_seconds"])
        except OSError as error:
            record["connect_error"] = obs.clip(str(error), 200)
        finally:
            process.kill()
            process.wait()
            obs.end_all()
            shutil.rmtree(folder, ignore_errors=True)
    return record


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


def client_test(plan, program, test):
    """Client mode: a fresh canned server and one client run, in a fresh folder."""
    server = CannedServer(test.get("replies", {}))
    server.start()
    folder = obs.fresh_folder(program)
    argv = [sys.executable, plan["entry"], HOST, str(server.port), *test.get("args", [])]
    record = {"id": test["id"]}
    record.update(obs.run_program(argv, test.get("stdin", ""), plan["client_seconds"],
                                  cwd=folder))
    server.listener.close()
    shutil.rmtree(folder, ignore_errors=True)
    record["received"] = list(server.received)
    return record


def main():
    plan = obs.start()
    program = obs.submitted_files()
    run = serve_test if plan["mode"] == "server" else client_test
    for test in plan["tests"]:
        obs.emit(run(plan, program, test))


if __name__ == "__main__":
    main()
