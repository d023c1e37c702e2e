# case: 21 Persistence across submissions, part 1: leave flags behind
# expect: ok
# pair: persist_read.py
# process: not contained: /tmp, /dev/shm and keyrings are the host's
import ctypes

for path in ("/tmp/flag", "/dev/shm/flag", "/run/lock/flag", "/var/tmp/flag"):
    try:
        open(path, "w").write("left by run 1")
        print("wrote", path)
    except OSError:
        pass
libc = ctypes.CDLL(None, use_errno=True)
SYS_ADD_KEY, KEY_SPEC_USER_KEYRING = 248, -4
serial = libc.syscall(SYS_ADD_KEY, b"user", b"kodprov-flag", b"run 1", 5, KEY_SPEC_USER_KEYRING)
print("keyring", serial)
