"""Funder categories through the session; each operation asks the policy.

``sus``: the SUS registration a coach records (only under the SUS consent) and the worksheet,
in full or anonymous; ``indicators``: the person's own answers to the indicator survey at start
and at exit; ``export``: both, for the person's own export. Services flush; the caller commits.
"""
