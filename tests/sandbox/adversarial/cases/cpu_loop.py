# case: 11 Endless CPU loop
# expect: time_limit wall_limit
# process: contained (CPU time polled and RLIMIT_CPU)
while True:
    pass
