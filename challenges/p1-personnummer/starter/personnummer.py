def kontrollsiffra(nio):
    """Kontrollsiffran för de nio siffrorna ÅÅMMDDNNN."""


def ar_giltigt(pnr):
    """True om pnr är ett giltigt personnummer, annars False."""


# Dela gärna upp arbetet i fler funktioner, till exempel en som tar fram
# de tio siffrorna ur pnr och en som kontrollerar månad och dag.
