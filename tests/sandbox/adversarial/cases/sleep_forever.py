# case: 12 Sleep forever
# expect: wall_limit
# process: contained (wall clock kill)
import time

time.sleep(3600)
