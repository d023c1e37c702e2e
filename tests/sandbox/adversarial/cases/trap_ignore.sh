# case: 30 Shell: trap '' INT TERM, then spin
# expect: time_limit wall_limit
# process: contained (SIGKILL, not SIGTERM)
trap '' INT TERM HUP
while :; do :; done
