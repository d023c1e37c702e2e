# case: 13 Ignores SIGTERM, then spins
# expect: time_limit wall_limit
# process: contained (SIGKILL, not SIGTERM)
import signal

for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(sig, signal.SIG_IGN)
while True:
    pass
