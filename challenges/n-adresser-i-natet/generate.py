"""Each candidate gets their own address and prefix, and the answers computed with ipaddress.

Also the answers two common mistakes give, for the known-wrong solutions.
"""

import ipaddress


def generate(rng):
    prefix = rng.randint(25, 29)
    third = rng.randint(0, 255)
    host = rng.randint(1, 254)
    address = ipaddress.IPv4Address(f"192.168.{third}.{host}")
    net = ipaddress.IPv4Network(f"{address}/{prefix}", strict=False)
    if address in (net.network_address, net.broadcast_address):
        address = net.network_address + 1
    first, last = net.network_address + 1, net.broadcast_address - 1
    return {
        "adress": str(address), "prefix": prefix, "natadress": str(net.network_address),
        "broadcast": str(net.broadcast_address), "forsta": str(first), "sista": str(last),
        "antal": net.num_addresses - 2,
        # what the known-wrong solutions answer
        "fel_antal": net.num_addresses, "fel_broadcast": str(net.broadcast_address + 1),
    }
