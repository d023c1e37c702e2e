"""The function driver's fork server: the process that forks each test's child.

It runs ``_kodprov_callee.fork_server`` and never the candidate's code itself; the driver checks
with the kernel that each pid it names is the driver's own running child.
"""

import contextlib
import os
import signal
import socket
import sys

import _kodprov_callee as callee
import _kodprov_observe as obs

CALLEE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_kodprov_callee.py")
#: seconds the fork server may take to start its interpreter (a busy machine is slow)
STARTUP = 20.0


class ForkServer:
    """The process that forks each test's child; it never runs the candidate's code itself.

    The first one is forked from this driver before the plan is read, so it holds no test's
    input and costs no interpreter start. One started later (a child killed it) is a fresh
    interpreter, since this driver then holds the plan.
    """

    def __init__(self):
        self.sock, theirs = socket.socketpair()
        self.pid = os.fork()
        if self.pid == 0:  # the fork server: nothing of the driver's may reach its children
            self.sock.close()
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            try:
                callee.fork_server(theirs)
            finally:
                os._exit(0)
        theirs.close()

    def fork(self, fds):
        """The pid of a new child that owns ``fds``; a fork server that died is replaced."""
        for _ in range(2):
            if not self.alive():
                self._restart()
            try:
                socket.send_fds(self.sock, [b"fork"], fds)
                self.sock.settimeout(STARTUP)
                answer = self.sock.recv(4)
                if len(answer) == 4 and _our_child(int.from_bytes(answer, "big")):
                    return int.from_bytes(answer, "big")
            except OSError:
                pass
            self.stop()
        raise RuntimeError("the fork server does not answer")

    def alive(self):
        if self.pid is None:
            return False
        try:
            return os.waitpid(self.pid, os.WNOHANG)[0] == 0
        except ChildProcessError:  # already reaped
            return False

    def _restart(self):
        self.stop()
        self.sock, theirs = socket.socketpair()
        theirs.set_inheritable(True)
        null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
        self.pid = os.posix_spawn(
            sys.executable, [sys.executable, "-B", "-X", "utf8", CALLEE, str(theirs.fileno())],
            obs.environment(os.getcwd()), file_actions=null, setsid=True)
        theirs.close()

    def stop(self):
        if self.pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            self.sock.close()
            self.pid = None


def _our_child(pid):
    """Whether ``pid`` is a running child of this driver (a fork server may have been replaced
    by one the candidate wrote: its answer is checked with the kernel)."""
    try:
        return pid > 0 and os.waitpid(pid, os.WNOHANG)[0] == 0
    except ChildProcessError:
        return False
