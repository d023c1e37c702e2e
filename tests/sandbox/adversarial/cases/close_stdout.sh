# case: 30 Shell: close stdout, then work hard
# expect: time_limit wall_limit
# process: contained
exec 1>&-
while :; do :; done
