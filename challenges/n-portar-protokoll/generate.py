"""Four services of twelve, picked per seed, with their well-known port and transport protocol.

``forvaxlad`` is the port of a service people often mix it up with (for a known-wrong answer).
"""

TJANSTER = [
    # (name, port, protocols accepted, port of a service it is often confused with)
    ("HTTP", 80, ["tcp"], 443),
    ("HTTPS", 443, ["tcp"], 80),
    ("SSH", 22, ["tcp"], 23),
    ("SMTP", 25, ["tcp"], 110),
    ("IMAP", 143, ["tcp"], 993),
    ("FTP", 21, ["tcp"], 22),
    ("RDP", 3389, ["tcp"], 5900),
    ("DNS", 53, ["udp", "udp/tcp", "tcp/udp", "udp och tcp", "udp and tcp"], 67),
    ("DHCP (server)", 67, ["udp"], 68),
    ("NTP", 123, ["udp"], 161),
    ("SNMP", 161, ["udp"], 123),
    ("TFTP", 69, ["udp"], 21),
]


def generate(rng):
    params = {}
    for n, (name, port, protocols, confused) in enumerate(rng.sample(TJANSTER, 4), start=1):
        params.update({f"t{n}": name, f"port{n}": port, f"proto{n}": protocols,
                       f"svar_proto{n}": protocols[0], f"forvaxlad{n}": confused,
                       f"fel_proto{n}": "udp" if protocols[0] == "tcp" else "tcp"})
    return params
