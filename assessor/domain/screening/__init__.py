"""The screening questionnaire: likely programmer, likely superuser, or unclear, with reasons."""

from assessor.domain.screening.questionnaire import Item, Option, Questionnaire, load_questionnaire
from assessor.domain.screening.scoring import ScreeningResult, screen

__all__ = ["Item", "Option", "Questionnaire", "ScreeningResult", "load_questionnaire", "screen"]
