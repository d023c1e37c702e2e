"""Funder categories: pure rules.

``sus``: the SUS worksheet's code lists (income, occupation, education, time in public support,
end reason), a registration checked, and the worksheet in full or anonymous (gender and
budget year only); ``indicators``: the start and exit self-rating survey, and whether an answer
is positive. Neither is ever part of a skill score.
"""
