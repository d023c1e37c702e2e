"""Kodprov's domain: models, screening, grading, skill levels, reports. No Flask here."""
