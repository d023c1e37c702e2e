"""Progress over time: the programme's life-wheel areas and the person's self-rated
conversations, through the session; each operation asks the policy.

``areas`` keeps each programme's areas (the defaults until a coach changes them);
``conversations`` records and reads the ratings; ``chart`` draws them; ``export`` gives them
as plain data. None of this is a skill score: the ability model, levels, reports and matching
never import it (``tests/progress`` keeps it so). Services flush; the caller commits once.
"""
