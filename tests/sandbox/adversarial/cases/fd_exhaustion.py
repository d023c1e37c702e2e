# case: 27 File-descriptor exhaustion: /dev/null and sockets until EMFILE
# expect: ok
# stdout-has: SAFE
# process: contained (RLIMIT_NOFILE)
import errno
import socket

files, sockets, errors = [], [], set()
try:
    while len(files) < 100_000:
        files.append(open("/dev/null"))
except OSError as exc:
    errors.add(errno.errorcode[exc.errno])
for handle in files:
    handle.close()
try:
    while len(sockets) < 10_000:
        sockets.append(socket.socket())
except OSError as exc:
    errors.add(errno.errorcode[exc.errno])
print("SAFE" if len(files) <= 256 and len(sockets) <= 256 else "LEAK", len(files), len(sockets),
      sorted(errors))
