# case: 15 Zombie factory (children never waited for)
# expect: ok
# stdout-has: SAFE
# process: contained (zombies die with their parent; the launcher reaps them)
import os
import time

made = 0
for _ in range(50):
    try:
        if os.fork() == 0:
            os._exit(0)
        made += 1
    except OSError:
        break
time.sleep(0.2)
print("SAFE zombies", made)
