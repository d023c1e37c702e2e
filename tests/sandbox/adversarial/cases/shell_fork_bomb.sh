# case: 2 Shell fork bomb
# expect: time_limit wall_limit runtime_error ok
# process: contained (RLIMIT_NPROC for uid 65534, every descendant killed at the end)
:(){ :|:& };:
wait
