"""The lists the function driver lends to a test's child: the only copies that count.

Arguments named in ``counting``/``unchanged`` stay in the driver; the child gets a handle to
each and asks the driver for every read and write (``_kodprov_callee.RemoteList``). Here each
request is served on the driver's own copy, and every item handed out is counted.
"""

import _kodprov_observe as obs
import _kodprov_rpc as rpc

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
