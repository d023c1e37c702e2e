# case: 1 Python fork bomb
# expect: time_limit wall_limit runtime_error
# process: contained (RLIMIT_NPROC for uid 65534, every descendant killed at the end)
import os

while True:
    try:
        os.fork()
    except OSError:
        pass
