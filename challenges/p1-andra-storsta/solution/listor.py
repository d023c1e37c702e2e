def andra_storsta(tal):
    """Det näst största olika talet i listan tal; ValueError om det inte finns."""
    olika = sorted(set(tal))
    if len(olika) < 2:
        raise ValueError("listan behöver minst två olika tal")
    return olika[-2]
