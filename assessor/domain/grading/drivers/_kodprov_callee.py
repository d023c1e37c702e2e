"""The candidate's side of the function driver: processes the driver does not trust.

The fork server is forked from the driver before the driver reads its plan (or started as
``python3 _kodprov_callee.py SOCKET_FD`` to replace one that died): it imports nothing of the
candidate's and never sees a test's input; for each test the driver sends it two pipe ends and
it forks a fresh child. The child imports the candidate's module and performs the steps the
driver sends over those pipes, one at a time, for that one test. Whatever it reports (returned
values, printed text, raised exceptions) is the candidate's own behaviour. The facts the driver
observes itself stay in the driver: arguments named in ``counting``/``unchanged`` arrive here
as ``RemoteList`` proxies whose own storage is empty, so each read and write is a request the
driver serves, counts and applies to its copy.
"""

import contextlib
import copy
import functools
import importlib
import operator
import os
import socket
import sys
import traceback
import types

import _kodprov_observe as obs
import _kodprov_rpc as rpc

ERRORS = {"IndexError": IndexError, "ValueError": ValueError, "TypeError": TypeError,
          "MemoryError": MemoryError}


class Wire:
    """This process's channel to the driver, and the proxies for the lists it lends."""

    channel = None
    proxies = {}


def _ask(proxy, op, *args):
    """One request about a lent list; the driver's answer, or its error raised here."""
    Wire.channel.send({"ask": list.__getattribute__(proxy, "_handle"), "op": op,
                       "args": list(args)})
    reply = Wire.channel.receive()
    if "error" in reply:
        raise ERRORS.get(reply["error"], TypeError)(reply.get("detail", ""))
    return rpc.decode(reply.get("ok"), remote)


def remote(handle):
    """The proxy for lent list ``handle`` (one per list, so identity holds)."""
    if handle not in Wire.proxies:
        proxy = RemoteList()
        proxy._handle = handle
        Wire.proxies[handle] = proxy
    return Wire.proxies[handle]


def outgoing(value):
    """A value on its way to the driver: lent lists by handle, the rest tagged."""
    return obs.encode(value, special=_as_handle)


def _as_handle(value):
    if isinstance(value, RemoteList):
        return {"$remote": list.__getattribute__(value, "_handle")}
    return None


def _index(value):
    return None if value is None else operator.index(value)


def _bounds(part):
    return [_index(part.start), _index(part.stop), _index(part.step)]


def _same(a, b):
    return a is b or a == b


class RemoteList(list):
    """A list whose items live in the driver. Reading them past the proxy finds nothing."""

    __slots__ = ("_handle",)
    __hash__ = None

    def __len__(self):
        return _ask(self, "len")

    def __bool__(self):
        return len(self) > 0

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _ask(self, "slice", *_bounds(index))
        return _ask(self, "get", operator.index(index))

    def __iter__(self):
        position = 0
        while True:
            try:
                item = _ask(self, "get", position)
            except IndexError:
                return
            yield item
            position += 1

    def __reversed__(self):
        for position in range(len(self) - 1, -1, -1):
            yield self[position]

    def __contains__(self, item):
        return any(_same(value, item) for value in self)

    def index(self, item, start=0, stop=sys.maxsize):
        for position, value in enumerate(self):
            if start <= position < stop and _same(value, item):
                return position
        raise ValueError(f"{item!r} is not in list")

    def count(self, item):
        return sum(1 for value in self if _same(value, item))

    def copy(self):
        return self[:]

    __copy__ = copy

    def __deepcopy__(self, memo):
        return copy.deepcopy(self[:], memo)

    def __reduce_ex__(self, protocol):
        return (list, (self[:],))

    def __reduce__(self):
        return (list, (self[:],))

    def __repr__(self):
        return repr(self[:])

    __str__ = __repr__

    def __format__(self, spec):
        return format(self[:], spec)

    def __eq__(self, other):
        return self[:] == _plain(other)

    def __ne__(self, other):
        return self[:] != _plain(other)

    def __lt__(self, other):
        return self[:] < _plain(other)

    def __le__(self, other):
        return self[:] <= _plain(other)

    def __gt__(self, other):
        return self[:] > _plain(other)

    def __ge__(self, other):
        return self[:] >= _plain(other)

    def __add__(self, other):
        return self[:] + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self[:]

    def __mul__(self, times):
        return self[:] * times

    __rmul__ = __mul__

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __imul__(self, times):
        _ask(self, "imul", operator.index(times))
        return self

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            _ask(self, "setslice", *_bounds(index), outgoing(list(value)))
        else:
            _ask(self, "set", operator.index(index), outgoing(value))

    def __delitem__(self, index):
        if isinstance(index, slice):
            _ask(self, "delslice", *_bounds(index))
        else:
            _ask(self, "del", operator.index(index))

    def append(self, value):
        _ask(self, "append", outgoing(value))

    def extend(self, values):
        _ask(self, "extend", outgoing(list(values)))

    def insert(self, index, value):
        _ask(self, "insert", operator.index(index), outgoing(value))

    def pop(self, index=-1):
        return _ask(self, "pop", operator.index(index))

    def remove(self, item):
        del self[self.index(item)]

    def reverse(self):
        _ask(self, "reverse")

    def sort(self, *, key=None, reverse=False):
        items = self[:]
        items.sort(key=key, reverse=reverse)
        self[:] = items

    def clear(self):
        _ask(self, "clear")


def _plain(value):
    return value[:] if isinstance(value, RemoteList) else value


def watch(module, name, token):
    """Route calls of the module's function ``name`` past the driver, which sees nesting.

    The token proves to the driver that a notice comes from this wrapper; it lives only here.
    """
    original = getattr(module, name, None)
    if not isinstance(original, types.FunctionType):
        return

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        Wire.channel.send({"enter": name, "token": token})
        try:
            return original(*args, **kwargs)
        finally:
            Wire.channel.send({"leave": name, "token": token})

    setattr(module, name, wrapper)


def perform(module, step, saved):
    """Do one step: call, create, call a method, read or set an attribute, or ask issubclass."""
    value = functools.partial(rpc.plan_value, saved=saved, remote=remote)
    op, name = step["op"], step["target"]
    if op in ("attr", "set", "method"):
        owner = saved[step["on"]]
        if op == "attr":
            return getattr(owner, name)
        if op == "set":
            return setattr(owner, name, value(step.get("value")))
        target = getattr(owner, name)
    else:
        target = getattr(module, name)
    if op == "issubclass":
        return isinstance(target, type) and issubclass(target, getattr(module, step["of"]))
    args = [value(a) for a in step.get("args", [])]
    kwargs = {k: value(v) for k, v in step.get("kwargs", {}).items()}
    return target(*args, **kwargs)


def run_step(module, step, saved):
    """Perform a step and describe what happened, as the candidate's code did it."""
    record = {}
    printed = obs.CappedText()
    try:
        with contextlib.redirect_stdout(printed):
            result = perform(module, step, saved)
        if step.get("as"):
            saved[step["as"]] = result
        record["value"] = outgoing(result)
    except BaseException as error:  # SystemExit too: the call raised it, the process goes on
        record.update(obs.describe(error))
    record["printed"] = printed.getvalue()
    return record


def load(hello):
    """Import the candidate's module (its printing is dropped), then watch what the plan asks."""
    try:
        with contextlib.redirect_stdout(obs.CappedText()):
            module = importlib.import_module(hello["module"])
    except BaseException as error:  # SystemExit and KeyboardInterrupt too: report, stop
        report = obs.describe(error)
        report["traceback"] = obs.clip(traceback.format_exc(), 2000)
        Wire.channel.send({"import_error": report})
        return None
    for name in hello.get("watch", []):
        watch(module, name, hello.get("token"))
    Wire.channel.send({"ready": True})
    return module


def serve(read_fd, write_fd):
    """The child: import the module, then do each step the driver sends until it hangs up."""
    Wire.channel = rpc.Channel(read_fd, write_fd)
    module = load(Wire.channel.receive())
    saved = {}
    while module is not None:
        try:
            message = Wire.channel.receive()
        except rpc.Gone:
            return
        record = run_step(module, message["step"], saved)
        Wire.channel.send({"done": record})


def fork_server(sock):
    """Fork a child for each pair of pipe ends received; answer with its pid.

    Each child is forked twice (through a helper that exits at once), so it becomes the
    driver's child: the driver, as the reaper of everything below it, waits for it and reads
    how it ended (exit code, signal) from the kernel, and its CPU time counts in the driver's.
    """
    obs.set_dumpable(False)  # a child cannot change this process, and so not its siblings
    while True:
        try:
            _, fds, _, _ = socket.recv_fds(sock, 16, 2)
        except OSError:
            return
        if len(fds) != 2:
            return
        pid = _fork_orphan(sock, fds)
        for fd in fds:
            os.close(fd)
        sock.sendall(pid.to_bytes(4, "big"))


def _fork_orphan(sock, fds):
    """The pid of a new child serving ``fds``, whose parent (a helper) has already ended."""
    pid_r, pid_w = os.pipe()
    helper = os.fork()
    if helper == 0:
        os.close(pid_r)
        pid = os.fork()
        if pid == 0:
            os.close(pid_w)
            sock.close()
            obs.set_dumpable(True)
            try:
                serve(*fds)
            finally:
                os._exit(0)
        os.write(pid_w, pid.to_bytes(4, "big"))
        os._exit(0)
    os.close(pid_w)
    with open(pid_r, "rb") as answer:
        data = answer.read(4)
    os.waitpid(helper, 0)  # the child is the driver's once its parent has ended
    return int.from_bytes(data, "big") if len(data) == 4 else 0


if __name__ == "__main__":
    fork_server(socket.socket(fileno=int(sys.argv[1])))
