# case: 4 Memory bomb (one huge allocation)
# expect: memory_limit
# wall: 30   (the memory limit, not the clock, must end it, also on a loaded machine)
# process: contained (RLIMIT_AS makes the allocation fail; reported as memory_limit)
x = bytearray(2**31)
print("LEAK allocated", len(x))
