"""Integrity signals for facilitators: each with its explanation; never a verdict."""
