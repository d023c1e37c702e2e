def las_lager(rader):
    """(antal per vara, antal felaktiga rader) för rader på formen "vara;antal"."""
    lager = {}
    fel = 0
    return lager, fel
