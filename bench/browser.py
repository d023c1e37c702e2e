"""One person's browser for the benchmarks: cookies, and the CSRF token of the last page read;
and the 95th percentile of a list of times."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.parse
import urllib.request

TOKEN = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')
VALUE = re.compile(r'value="([^"]+)"')


class Browser:
    """Keeps its cookies and the last CSRF token it read; follows redirects."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.token = ""

    def get(self, path: str, accept: str = "text/html") -> str:
        """The page's text; remembers the form's CSRF token when it has one."""
        request = urllib.request.Request(self.base + path, headers={"Accept": accept})
        text = self.opener.open(request, timeout=60).read().decode()
        found = TOKEN.search(text)
        self.token = VALUE.search(found.group(0)).group(1) if found else self.token
        return text

    def post(self, path: str, fields: dict, accept: str = "text/html") -> str:
        """Send a form with the last CSRF token; the answer's text."""
        data = urllib.parse.urlencode({"csrf_token": self.token, **fields}).encode()
        request = urllib.request.Request(self.base + path, data=data,
                                         headers={"Accept": accept})
        return self.opener.open(request, timeout=60).read().decode()


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank below), NaN for no values."""
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))] if ordered else float("nan")
