# case: 6 Writing to the root filesystem and the image's files
# expect: ok
# stdout-has: SAFE
# process: not contained: runs see the host's files (uid 65534 limits what they can change)
import errno

refused = []
for path in ("/big", "/usr/bin/python3", "/etc/passwd", "/opt/kodprov/harness/launcher.py",
             "/var/tmp/x", "/run/lock/x", "/home/x"):
    try:
        with open(path, "ab") as handle:
            handle.write(b"pwned")
        print("LEAK wrote", path)
    except OSError as exc:
        refused.append(errno.errorcode.get(exc.errno))
print("SAFE", sorted(set(refused)))
