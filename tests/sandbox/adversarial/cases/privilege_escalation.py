# case: 19 Privilege escalation: sudo, setuid files, user namespaces, mount, chroot, keyctl,
#   ptrace of pid 1, /proc/sys; and the process's own credentials
# expect: ok
# wall: 20   (it walks the whole file system, which takes long on a loaded machine)
# stdout-has: SAFE
# process: not contained: no seccomp, no no_new_privs, user namespaces may be allowed
import ctypes
import os
import shutil
import subprocess

libc = ctypes.CDLL(None, use_errno=True)
leaks = []
if shutil.which("sudo"):
    leaks.append("sudo present")
setuid = subprocess.run("find / -xdev -perm /6000 -type f 2>/dev/null", shell=True,
                        capture_output=True, text=True).stdout.split()
if setuid:
    leaks.append(f"setuid files {setuid[:3]}")
CLONE_NEWUSER, CLONE_NEWNS = 0x10000000, 0x00020000
if libc.unshare(CLONE_NEWUSER) == 0:
    leaks.append("unshare(CLONE_NEWUSER)")
if libc.unshare(CLONE_NEWNS) == 0:
    leaks.append("unshare(CLONE_NEWNS)")
if libc.mount(b"none", b"/tmp", b"tmpfs", 0, None) == 0:
    leaks.append("mount")
try:
    os.chroot("/tmp")
    leaks.append("chroot")
except OSError:
    pass
SYS_KEYCTL, KEYCTL_JOIN_SESSION_KEYRING = 250, 1
if libc.syscall(SYS_KEYCTL, KEYCTL_JOIN_SESSION_KEYRING, None) >= 0:
    leaks.append("keyctl")
PTRACE_ATTACH = 16
if libc.ptrace(PTRACE_ATTACH, 1, None, None) == 0:
    leaks.append("ptrace pid 1")
try:
    with open("/proc/sys/kernel/hostname", "w") as handle:
        handle.write("pwned")
    leaks.append("/proc/sys writable")
except OSError:
    pass
status = dict(line.split(":\t", 1) for line in open("/proc/self/status"))
creds = {k: status[k].strip() for k in ("CapEff", "NoNewPrivs", "Seccomp")}
if os.getuid() == 0 or creds != {"CapEff": "0000000000000000", "NoNewPrivs": "1", "Seccomp": "2"}:
    leaks.append(f"credentials uid={os.getuid()} {creds}")
print("LEAK" if leaks else "SAFE", leaks, creds)
