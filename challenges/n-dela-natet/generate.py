"""A /24 to split into equal subnets; the count, the network and a host vary by seed."""

import ipaddress


def generate(rng):
    block = ipaddress.IPv4Network(f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.0/24")
    count = rng.choice([4, 8, 16])
    subnets = list(block.subnets(new_prefix=24 + count.bit_length() - 1))
    host_subnet = rng.randrange(2, count)
    host = subnets[host_subnet].network_address + rng.randint(1, subnets[0].num_addresses - 2)
    return {
        "natet": str(block), "antal_delnat": count, "prefix": subnets[0].prefixlen,
        "vardar": subnets[0].num_addresses - 2, "andra": str(subnets[1]),
        "sista_broadcast": str(subnets[-1].broadcast_address), "vard": str(host),
        "vardens_nat": str(subnets[host_subnet]),
        # what the known-wrong solutions answer
        "fel_vardar": subnets[0].num_addresses, "fel_andra": str(subnets[2]),
        "fel_vardens_nat": str(subnets[host_subnet + 1] if host_subnet + 1 < count
                               else subnets[host_subnet - 1]),
    }
