# case: 26 Crash: unbounded recursion with sys.setrecursionlimit(10**9)
# expect: runtime_error memory_limit time_limit wall_limit
# note: Python 3.11 keeps Python frames on the heap: memory or time runs out before the C stack
# process: contained
import sys

sys.setrecursionlimit(10**9)


def down(n: int) -> int:
    return down(n + 1) + 1


down(0)
