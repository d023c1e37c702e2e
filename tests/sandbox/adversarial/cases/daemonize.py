# case: 14 Daemonises and exits 0 at once
# expect: ok
# stdout-has: daemon
# check: no-survivor
# process: contained (the launcher is the subreaper and kills every descendant)
import subprocess
import sys

child = subprocess.Popen(["sleep", "1000"], start_new_session=True)
print("daemon", child.pid, flush=True)
sys.exit(0)
