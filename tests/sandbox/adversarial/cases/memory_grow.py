# case: 4 Memory bomb (a list that grows forever)
# expect: memory_limit
# wall: 30   (the memory limit, not the clock, must end it, also on a loaded machine)
# process: contained (RLIMIT_AS makes the allocation fail; reported as memory_limit)
chunks = []
while True:
    chunks.append(bytearray(1 << 20))
