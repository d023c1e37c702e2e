def andra_storsta(tal):
    """Det näst största olika talet i listan tal; ValueError om det inte finns."""
