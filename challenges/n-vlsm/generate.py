"""VLSM: four departments in one /24, largest first. The largest department's need sits just
above a power of two, so forgetting the network and broadcast addresses changes the answer."""

import ipaddress


def _prefix(hosts, reserved=2):
    """The longest prefix whose subnet has room for ``hosts`` (plus ``reserved`` addresses)."""
    prefix = 32
    while 2 ** (32 - prefix) - reserved < hosts:
        prefix -= 1
    return prefix


def _allocate(block, prefixes):
    """Subnets for ``prefixes`` in the given order, each at the next aligned free address."""
    nets, start = [], int(block.network_address)
    for prefix in prefixes:
        size = 2 ** (32 - prefix)
        start = (start + size - 1) // size * size
        nets.append(ipaddress.IPv4Network((start, prefix)))
        start += size
    return nets


def generate(rng):
    block = ipaddress.IPv4Network(f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.0/24")
    big = rng.choice([31, 63])
    needs = {"lager": big, "kontor": rng.randint(15, min(30, big // 2)),
             "verkstad": rng.randint(7, 13), "lank": 2}
    order = sorted(needs, key=lambda d: -needs[d])
    right = dict(zip(order, _allocate(block, [_prefix(needs[d]) for d in order]), strict=True))
    forgot = dict(zip(order, _allocate(block, [_prefix(needs[d], 0) for d in order]),
                      strict=True))
    smallest_first = dict(zip(reversed(order), _allocate(
        block, [_prefix(needs[d]) for d in reversed(order)]), strict=True))

    def left(nets):
        return block.num_addresses - sum(n.num_addresses for n in nets.values())

    params = {"natet": str(block), "kvar": left(right), "fel_kvar": left(forgot)}
    for dept in needs:
        params[f"behov_{dept}"] = needs[dept]
        params[dept] = str(right[dept])
        params[f"glomt_{dept}"] = str(forgot[dept])
        params[f"minst_{dept}"] = str(smallest_first[dept])
    return params
