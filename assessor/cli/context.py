"""What a ``kodprov`` command works with: the settings, read once per run, and what they name.

The ``kodprov`` group reads the settings when it starts (``start``); every command asks for them
here. A command group run on its own (as tests do) reads them on first use instead.
"""

from __future__ import annotations

import click

from assessor.infra.db import Database
from assessor.infra.settings import ConfigurationError, Settings
from assessor.services.catalogue import Catalogue, catalogue_at
from sandbox.cli import CONFIG_KEY as SANDBOX_CONFIG_KEY

SETTINGS_KEY = "kodprov.settings"


def start(ctx: click.Context) -> Settings:
    """Read the settings for this run and hand the sandbox commands their part; a setting that
    cannot be used ends the run with one line."""
    try:
        found = Settings.from_env()
    except (ConfigurationError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    ctx.meta[SETTINGS_KEY] = found
    ctx.meta[SANDBOX_CONFIG_KEY] = found.sandbox_config
    return found


def settings() -> Settings:
    """This run's settings."""
    ctx = click.get_current_context()
    found = ctx.meta.get(SETTINGS_KEY)
    return found if found is not None else start(ctx)


def database() -> Database:
    """The database the settings name (dispose of it when done)."""
    return Database(settings().database_url)


def catalogue() -> Catalogue:
    """The challenge bank the settings name."""
    return catalogue_at(settings().challenges_path)
