# case: 18 Raw sockets and ICMP
# expect: ok
# stdout-has: SAFE
# process: contained (uid 65534 has no CAP_NET_RAW)
import errno
import shutil
import socket

try:
    socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    print("LEAK raw socket opened")
except OSError as exc:
    print("SAFE raw socket:", errno.errorcode[exc.errno], "ping:", shutil.which("ping"))
