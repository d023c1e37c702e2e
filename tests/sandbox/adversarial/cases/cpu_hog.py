# case: 28 CPU hog across cores: four busy processes are held to one CPU in total
# expect: ok
# stdout-has: SAFE
# process: not contained: no CPU quota; a run may use every core
import os
import time

WALL = 1.5
children = []
for _ in range(4):
    pid = os.fork()
    if pid == 0:
        end = time.monotonic() + WALL
        while time.monotonic() < end:
            pass
        os._exit(0)
    children.append(pid)
for pid in children:
    os.waitpid(pid, 0)
used = os.times().children_user + os.times().children_system
print("SAFE" if used <= WALL * 1.25 + 0.3 else "LEAK", f"{used:.2f} CPU seconds in {WALL} s")
