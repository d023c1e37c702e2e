"""Submissions that attack the grader itself: each must earn nothing it did not earn honestly.

Every case runs through the real graders twice (the ``runner`` fixture): with the local test
runner (no isolation, so only the driver's own design protects the observations) and through
the Docker sandbox.
"""
