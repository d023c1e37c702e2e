# case: 30 Shell: nohup and an endless loop in the background, then exit 0
# expect: ok
# stdout-has: daemon
# check: no-survivor
# process: contained (the launcher is the subreaper and kills every descendant)
nohup sleep 1000 >/dev/null 2>&1 &
echo "daemon $!"
while :; do :; done &
echo "daemon $!"
exit 0
