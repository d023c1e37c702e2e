# case: 16 Network egress: HTTP, DNS, cloud metadata, the host's own addresses
# expect: ok
# stdout-has: SAFE
# files: targets.txt
# process: not contained: runs share the host's network
import socket
import urllib.request

reached = []
try:
    urllib.request.urlopen("http://example.com", timeout=2)
    reached.append("http://example.com")
except OSError:
    pass
try:
    socket.getaddrinfo("example.com", 80)
    reached.append("dns")
except OSError:
    pass
targets = [("169.254.169.254", 80), ("172.17.0.1", 80), ("1.1.1.1", 53)]
for line in open("targets.txt").read().split():  # the host's addresses and service ports
    host, _, port = line.rpartition(":")
    targets.append((host, int(port)))
for host, port in targets:
    try:
        socket.create_connection((host, port), timeout=2).close()
        reached.append(f"{host}:{port}")
    except OSError:
        pass
interfaces = [line.split(":")[0].strip() for line in open("/proc/net/dev").readlines()[2:]]
print("LEAK" if reached or interfaces != ["lo"] else "SAFE", reached, interfaces)
