# case: 20 Secret hunting: environment, /proc, the Docker socket, grader files
# expect: ok
# stdout-has: SAFE
# process: not contained: runs see the host's files and processes
import os

leaks = []
allowed = {"PATH", "LANG", "HOME", "TMPDIR", "KODPROV_OUT", "PYTHONDONTWRITEBYTECODE"}
if set(os.environ) - allowed:
    leaks.append(f"environment {sorted(set(os.environ) - allowed)}")
for path in ("/var/run/docker.sock", "/run/docker.sock", "/run/containerd/containerd.sock",
             "/work", "/root", "/etc/kodprov", "/srv", "/home", "/mnt"):
    try:
        if os.listdir(path) if os.path.isdir(path) else os.path.exists(path):
            leaks.append(path)
    except OSError:  # there but unreadable: nothing to take
        pass
commands = []
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        environ = open(f"/proc/{pid}/environ", "rb").read()
        if b"SECRET" in environ or b"DATABASE_URL" in environ or b"KODPROV_SECRET" in environ:
            leaks.append(f"secret in /proc/{pid}/environ")
        commands.append(open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")[0].decode())
    except OSError:
        pass
if len(commands) > 6:
    leaks.append(f"{len(commands)} processes visible: {commands[:8]}")
found = []
for root, dirs, files in os.walk("/"):
    if root.startswith(("/proc", "/sys", "/usr", "/dev")):
        dirs[:] = []
        continue
    found += [f"{root}/{f}" for f in files if "expected" in f.lower() or "answer" in f.lower()]
if found:
    leaks.append(f"grader-like files {found[:5]}")
print("LEAK" if leaks else "SAFE", leaks)
