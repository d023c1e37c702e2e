"""`kodprov sandbox ...` commands."""

import click


@click.group("sandbox")
def sandbox_group() -> None:
    """Run code in the sandbox and check its health."""
