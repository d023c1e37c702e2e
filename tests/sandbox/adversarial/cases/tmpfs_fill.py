# case: 5 Memory hidden in tmpfs (/tmp and /dev/shm filled with many files)
# expect: ok memory_limit
# stdout-has: SAFE
# process: not contained: /tmp is the host's disk and has no size limit here
import errno
import os

written = {}
for folder in ("/tmp", "/dev/shm"):
    total = 0
    try:
        for i in range(1024):  # up to 1 GiB in 1 MiB files (each under the file size limit)
            with open(f"{folder}/fill-{i}", "wb") as handle:
                handle.write(b"\0" * (1 << 20))
            total += 1
    except OSError as exc:
        written[folder] = (total, errno.errorcode.get(exc.errno))
    else:
        written[folder] = (total, None)
ok = all(n < 100 and err in ("ENOSPC", "EFBIG", "EACCES", "EROFS") for n, err in written.values())
print("SAFE" if ok else "LEAK", written)
