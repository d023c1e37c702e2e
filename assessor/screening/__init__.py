"""The screening questionnaire: likely programmer, likely superuser, or unclear, with reasons."""

from assessor.screening.questionnaire import Item, Option, Questionnaire, load_questionnaire
from assessor.screening.scoring import ScreeningResult, screen

__all__ = ["Item", "Option", "Questionnaire", "ScreeningResult", "load_questionnaire", "screen"]
