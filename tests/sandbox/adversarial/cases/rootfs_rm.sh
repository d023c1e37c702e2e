# case: 6 rm -rf / (the next run must still see a pristine image)
# expect: ok
# stdout-has: SAFE
# process: not contained: would run rm -rf / on the host; never run there
timeout 2 rm -rf --no-preserve-root / 2>/dev/null  # bounded: /proc alone would take minutes
if [ -x /usr/bin/python3 ] && [ -f /opt/kodprov/harness/launcher.py ]; then echo SAFE; else echo LEAK; fi
