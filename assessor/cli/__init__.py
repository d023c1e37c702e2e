"""The ``kodprov`` command (``main.cli``) and its groups; demo data for ``make run``."""
