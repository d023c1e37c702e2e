"""Kodprov without the web: the domain, its services and the infrastructure under them.

Layers, each importing only those below it (checked by import-linter in ``make test``):
``cli`` → ``services`` → ``infra`` → ``models`` → ``domain``. See the README's Layout.
"""
