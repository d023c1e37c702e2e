# case: 7 Huge file in the work folder (written in a loop)
# expect: ok
# stdout-has: SAFE
# process: contained (RLIMIT_FSIZE)
import errno

written = 0
try:
    with open("big.bin", "wb") as handle:
        for _ in range(10 * 1024):  # 10 GiB in 1 MiB writes
            handle.write(b"\0" * (1 << 20))
            handle.flush()
            written += 1
except OSError as exc:
    print("SAFE" if written <= 4 else "LEAK", written, "MiB then", errno.errorcode[exc.errno])
else:
    print("LEAK wrote", written, "MiB")
