"""Runs untrusted files under limits and reports what it observed (see issue 4)."""
