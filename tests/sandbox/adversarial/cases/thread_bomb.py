# case: 3 Thread bomb (threads count against the pids limit)
# expect: ok
# stdout-has: SAFE
# process: contained (RLIMIT_NPROC counts threads)
import threading
import time

stop = threading.Event()
started = 0
try:
    for _ in range(10_000):
        threading.Thread(target=stop.wait, daemon=True).start()
        started += 1
except RuntimeError:
    pass
stop.set()
print("SAFE" if started < 200 else "LEAK", "threads started:", started)
time.sleep(0.1)
