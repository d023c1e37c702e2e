"""Function driver: runs each test's calls in a fresh process and observes what it cannot fake.

The candidate's module is imported only in a child process, a fresh one per test, forked by a
clean fork server (``_kodprov_callee.py``) that never sees a test's input; the child talks to
this driver over two private pipes, and is this driver's own child, so how it ended (exit code,
signal, the out-of-memory killer) comes from the kernel, not from anything it says. What the
child reports (returned value, raised exception, printed text) is the candidate's behaviour.
What this driver observes itself cannot be changed from the child: the lists named in
``counting``/``unchanged`` stay here (the child gets proxies), so reads are counted and changes
compared on this driver's own copies; a nested call of a watched function is seen when the
child's wrapper announces it with a token only that wrapper holds. Nothing is judged here.
"""

import contextlib
import copy
import os
import signal
import socket
import sys
import time

import _kodprov_callee as callee
import _kodprov_observe as obs
import _kodprov_rpc as rpc

CALLEE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_kodprov_callee.py")
#: seconds the fork server may take to start its interpreter (a busy machine is slow)
STARTUP = 20.0
#: seconds a forked child may take to begin, on top of the import's own time limit
BEGIN = 2.0
MAX_LENGTH = 1_000_000
ERRORS = (IndexError, ValueError, TypeError, MemoryError)


class Lent:
    """The lists this driver lends to the child: the only copies that count."""

    def __init__(self):
        self.lists, self.handles, self.counted = {}, {}, set()
        self.reads = 0

    def lend(self, items, counted):
        """The handle of list ``items`` (one per list); reads through it count if ``counted``."""
        key = id(items)
        if key not in self.handles:
            self.handles[key] = len(self.lists)
            self.lists[len(self.lists)] = items
        handle = self.handles[key]
        if counted:
            self.counted.add(handle)
        return handle

    def out(self, value, counted):
        """A value handed to the child: lists as handles (so their changes land here)."""
        def special(item):
            if isinstance(item, list):
                return {"$remote": self.lend(item, counted)}
            if isinstance(item, rpc.Alien):
                return {"$repr": item.text, "$type": "?"}
            return None
        return obs.encode(value, special=special)

    def into(self, value):
        """A value from the child, to store: handles become the lists they stand for."""
        return rpc.decode(value, lambda h: self.lists.get(h, rpc.Alien("?")) if type(h) is int
                          else rpc.Alien("?"))

    def shown(self, value, depth=0):
        """A value the child reported, with each handle replaced by the list it stands for."""
        if depth > 30:
            return None
        if isinstance(value, list):
            return [self.shown(v, depth + 1) for v in value]
        if isinstance(value, dict):
            handle = value.get("$remote")
            if len(value) == 1 and type(handle) is int and handle in self.lists:
                return obs.encode(self.lists[handle])
            return {k: self.shown(v, depth + 1) for k, v in value.items()}
        return value

    def serve(self, request):
        """Do one list operation for the child; the reply it gets (values already encoded)."""
        handle, op, args = request.get("ask"), request.get("op"), request.get("args")
        items = self.lists.get(handle) if type(handle) is int else None
        method = getattr(self, "op_" + op, None) if isinstance(op, str) else None
        if items is None or method is None or not isinstance(args, list):
            return {"error": "TypeError", "detail": "not a list operation"}
        try:
            result = method(items, handle in self.counted, *args)
        except ERRORS as error:
            return {"error": type(error).__name__, "detail": obs.clip(str(error), 200)}
        if len(items) > MAX_LENGTH:
            del items[MAX_LENGTH:]
            return {"error": "MemoryError", "detail": "the list is too long"}
        return {"ok": result}

    # Each operation gets the list, whether its reads count, and the child's arguments. Items
    # handed out are counted one by one; length and writes are not reads.

    def op_len(self, items, counted):
        return len(items)

    def op_get(self, items, counted, index):
        item = items[_int(index)]
        self.reads += counted
        return self.out(item, counted)

    def op_slice(self, items, counted, start, stop, step):
        part = items[_part(start, stop, step)]
        self.reads += len(part) * counted
        return [self.out(item, counted) for item in part]

    def op_pop(self, items, counted, index):
        item = items.pop(_int(index))
        self.reads += counted
        return self.out(item, counted)

    def op_set(self, items, counted, index, value):
        items[_int(index)] = self.into(value)

    def op_setslice(self, items, counted, start, stop, step, values):
        items[_part(start, stop, step)] = [self.into(v) for v in _list(values)]

    def op_del(self, items, counted, index):
        del items[_int(index)]

    def op_delslice(self, items, counted, start, stop, step):
        del items[_part(start, stop, step)]

    def op_append(self, items, counted, value):
        items.append(self.into(value))

    def op_extend(self, items, counted, values):
        items.extend(self.into(v) for v in _list(values))

    def op_insert(self, items, counted, index, value):
        items.insert(_int(index), self.into(value))

    def op_reverse(self, items, counted):
        items.reverse()

    def op_clear(self, items, counted):
        items.clear()

    def op_imul(self, items, counted, times):
        if len(items) * max(_int(times), 0) > MAX_LENGTH:
            raise MemoryError("the list would be too long")
        items *= times


def _int(value):
    if type(value) is not int:
        raise TypeError("list indices must be integers")
    return value


def _part(start, stop, step):
    return slice(*[None if v is None else _int(v) for v in (start, stop, step)])


def _list(values):
    if not isinstance(values, list):
        raise TypeError("expected a list")
    return values


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


class Child:
    """One test's process with the candidate's module, and what this driver saw of it.

    The child is this driver's own (the fork server's helper that forked it has ended), so
    when the pipes close the driver learns from the kernel how it ended.
    """

    def __init__(self, plan, server):
        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        try:
            self.pid = server.fork([down_r, up_w])
        finally:
            os.close(down_r)
            os.close(up_w)
        os.set_blocking(down_w, False)
        self.server = server
        self.channel = rpc.Channel(up_r, down_w)
        self.token = os.urandom(16).hex()
        self.seconds = plan["call_timeout"]
        self.depth, self.nested = {}, set()
        self.lent = Lent()
        self.oom_before, self.reaped = None, False

    def start(self, plan):
        """None once the module is imported; else why not (time, its ending, what it raised)."""
        deadline = time.monotonic() + self.seconds + BEGIN
        self.oom_before = obs.oom_kills()
        try:
            self.channel.send({"module": plan["module"], "watch": plan.get("watch", []),
                               "token": self.token}, deadline)
            reply = self.channel.receive(deadline)
        except rpc.Late:
            return {"timeout": self.seconds}
        except rpc.Gone:
            return {"ended": self.ending()}
        if reply.get("ready") is True:
            return None
        report = reply.get("import_error")
        report = report if isinstance(report, dict) else {}
        record = {key: obs.clip(report[key], 2000) for key in ("raised", "detail", "traceback")
                  if isinstance(report.get(key), str)}
        return {**record, **_exit(report)}

    def ending(self):
        """How the child ended, once its pipes closed; empty when it did not end by itself
        within ``BEGIN`` seconds (it is then stopped: that signal would be this driver's)."""
        deadline, pause = time.monotonic() + BEGIN, 0.001
        while True:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                return {}
            if pid:
                self.reaped = True  # its pid is free now: never signal it again
                return obs.ending(status, self.oom_before)
            if time.monotonic() > deadline:
                return {}
            time.sleep(pause)
            pause = min(pause * 2, 0.05)

    def step(self, step):
        """Perform one step in the child; what it reported, with this driver's own facts."""
        self.lent.reads = 0
        self.depth = {}
        planned, unchanged = self._lend(step)
        deadline = time.monotonic() + self.seconds
        self.oom_before = obs.oom_kills()
        try:
            self.channel.send({"step": planned}, deadline)
            done = self._serve_until_done(deadline)
        except rpc.Late:
            return {"timeout": self.seconds}
        except rpc.TooLarge:
            return {"too_large": True}
        except rpc.Gone:
            return {"ended": self.ending()}
        record = _reported(done)
        if "value" in done:
            record["value"] = self.lent.shown(done["value"])
        record["reads"] = self.lent.reads
        record["changed"] = [p for p, (items, before) in unchanged.items() if items != before]
        return record

    def _lend(self, step):
        counting, unchanged = step.get("counting", []), step.get("unchanged", [])
        args = list(step.get("args", []))
        kept = {}
        for position in dict.fromkeys(counting + unchanged):
            items = rpc.plan_value(args[position])
            args[position] = {"$remote": self.lent.lend(items, position in counting)}
            if position in unchanged:
                kept[position] = (items, copy.deepcopy(items))
        return {**step, "args": args}, kept

    def _serve_until_done(self, deadline):
        while True:
            message = self.channel.receive(deadline)
            if "done" in message:
                return message["done"] if isinstance(message["done"], dict) else {}
            if "ask" in message:
                self.channel.send(self.lent.serve(message), deadline)
            elif message.get("token") == self.token:
                self._notice(message)

    def _notice(self, message):
        name = message.get("enter", message.get("leave"))
        if not isinstance(name, str):
            return
        depth = self.depth.get(name, 0)
        if "enter" in message:
            if depth > 0:
                self.nested.add(name)
            self.depth[name] = depth + 1
        else:
            self.depth[name] = max(depth - 1, 0)

    def end(self):
        """Stop the child and everything it started (the fork server stays)."""
        if not self.reaped:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        obs.end_all(keep={self.server.pid})
        self.channel.close()


def _reported(done):
    """The fields of the child's report that mean something, each of the right kind."""
    record = {}
    for key in ("raised", "detail", "printed"):
        if isinstance(done.get(key), str):
            record[key] = obs.clip(done[key])
    kinds = done.get("kinds")
    if isinstance(kinds, list):
        record["kinds"] = [obs.clip(k, 100) for k in kinds[:50] if isinstance(k, str)]
    return {**record, **_exit(done)}


def _exit(report):
    """The ``exit`` the child reported with a ``SystemExit`` (see ``obs.exit_of``), checked."""
    told = report.get("exit")
    if not isinstance(told, dict) or type(told.get("exit_code")) is not int:
        return {}
    shown = {"exit_code": told["exit_code"] & 0xFF}
    if isinstance(told.get("stderr"), str):
        shown["stderr"] = obs.clip(told["stderr"], 300)
    return {"exit": shown}


def run_test(plan, server, test):
    """The record of one test: each step's observation, and the watched functions that nested."""
    child = Child(plan, server)
    try:
        failure = child.start(plan)
        if failure is not None:
            return {"id": "_import", **failure}
        steps = []
        for step in test["steps"]:
            steps.append(child.step(step))
            if {"timeout", "ended", "too_large"} & set(steps[-1]):
                break
        return {"id": test["id"], "steps": steps, "recursed": sorted(child.nested)}
    finally:
        child.end()


def main():
    server = ForkServer()  # before the plan exists in this process
    plan = obs.start()
    try:
        for test in plan["tests"]:
            record = run_test(plan, server, test)
            obs.emit(record)
            if record["id"] == "_import":
                return
    finally:
        server.stop()


if __name__ == "__main__":
    main()
