# case: 4 Memory bomb (one huge allocation)
# expect: memory_limit
# process: contained (RLIMIT_AS makes the allocation fail; reported as memory_limit)
x = bytearray(2**31)
print("LEAK allocated", len(x))
