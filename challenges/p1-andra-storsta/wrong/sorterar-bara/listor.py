def andra_storsta(tal):
    return sorted(tal)[-2]
