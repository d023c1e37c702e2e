# case: 22 Symlink trap for the host: links in the output and work folders, a hardlink
# expect: ok
# stdout-has: made
# check: no-host-file
# process: contained (the launcher opens with O_NOFOLLOW and sends regular files only)
import os

out = os.environ["KODPROV_OUT"]
os.symlink("/etc/passwd", f"{out}/result.txt")
os.symlink("/", f"{out}/output")
os.symlink("/etc/shadow", "result.txt")
try:
    os.link("/etc/passwd", f"{out}/hard.txt")
except OSError as exc:
    print("hardlink refused:", exc.strerror)
open(f"{out}/honest.json", "w").write('{"ok": true}')
print("made")
