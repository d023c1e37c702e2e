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
The lent lists live in ``_kodprov_lent.py``, the fork server in ``_kodprov_forkserver.py``.
"""

import contextlib
import copy
import os
import signal
import time

import _kodprov_forkserver as forks
import _kodprov_lent as lent
import _kodprov_observe as obs
import _kodprov_rpc as rpc

#: seconds a forked child may take to begin, on top of the import's own time limit
BEGIN = 2.0


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
        self.lent = lent.Lent()
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
    server = forks.ForkServer()  # before the plan exists in this process
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
