"""Four neighbouring /24 networks to summarise, plus a list to collapse; all seeded."""

import ipaddress


def generate(rng):
    first, second = rng.randint(16, 31), rng.randrange(0, 256, 4)
    summary = ipaddress.IPv4Network(f"172.{first}.{second}.0/22")
    nets = list(summary.subnets(new_prefix=24))
    inside = rng.random() < 0.5
    probe_net = nets[rng.randrange(4)] if inside else ipaddress.IPv4Network(
        f"172.{first}.{(second + 4) % 256}.0/24")
    probe = probe_net.network_address + rng.randint(1, 254)
    pair = ipaddress.IPv4Network(f"192.168.{rng.randrange(0, 256, 2)}.0/24")
    lone = ipaddress.IPv4Network(f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.0/24")
    halves = list(pair.subnets(new_prefix=25))
    collapsed = sorted(ipaddress.collapse_addresses([*halves, lone]))
    return {
        "n1": str(nets[0]), "n2": str(nets[1]), "n3": str(nets[2]), "n4": str(nets[3]),
        "sammanfattning": str(summary), "antal": summary.num_addresses,
        "adress": str(probe), "ingar": "ja" if inside else "nej",
        "h1": str(halves[0]), "h2": str(halves[1]), "ensam": str(lone),
        "kort_lista": ", ".join(str(n) for n in collapsed),
        # what the known-wrong solutions answer
        "fel_sammanfattning": str(summary.supernet(new_prefix=16)),
        "fel_antal": summary.supernet(new_prefix=16).num_addresses,
    }
