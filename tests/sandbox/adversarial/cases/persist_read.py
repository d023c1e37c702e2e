# case: 21 Persistence across submissions, part 2: another run looks for the flags
# expect: ok
# stdout-has: SAFE
# process: not contained: /tmp, /dev/shm and keyrings are the host's
import ctypes
import os

found = [p for p in ("/tmp/flag", "/dev/shm/flag", "/run/lock/flag", "/var/tmp/flag")
         if os.path.exists(p)]
libc = ctypes.CDLL(None, use_errno=True)
SYS_REQUEST_KEY, KEY_SPEC_USER_KEYRING = 249, -4
if libc.syscall(SYS_REQUEST_KEY, b"user", b"kodprov-flag", None, 0) >= 0:
    found.append("keyring")
print("LEAK" if found else "SAFE", found)
