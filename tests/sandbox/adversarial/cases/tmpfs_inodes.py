# case: 5 Kernel memory through inodes: hundreds of thousands of empty files in /tmp and /dev/shm
# expect: ok
# stdout-has: SAFE
# process: not contained: /tmp is the host's disk and has no inode limit here
import errno
import os

made = {}
for folder in ("/tmp", "/dev/shm"):
    count, error = 0, None
    try:
        for i in range(300_000):
            os.close(os.open(f"{folder}/e{i}", os.O_CREAT | os.O_WRONLY, 0o600))
            count += 1
    except OSError as exc:
        error = errno.errorcode.get(exc.errno)
    made[folder] = (count, error)
# the program is told "no space" long before the files could cost the harness its memory
ok = all(n < 50_000 and err in ("ENOSPC", "EACCES", "EROFS") for n, err in made.values())
print("SAFE" if ok else "LEAK", made)
