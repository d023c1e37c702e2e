def andra_storsta(tal):
    tal.sort(reverse=True)
    for x in tal:
        if x < tal[0]:
            return x
    raise ValueError("för få olika tal")
