"""Login sessions as the service keeps them: start, find, end, expire, describe."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from assessor.domain.clock import as_utc, utcnow
from assessor.models import LoginSession
from assessor.services.sessions import (
    KEEP_ENDED,
    SESSION_LIFETIME,
    TOUCH_INTERVAL,
    active_session,
    active_sessions,
    describe_user_agent,
    network_of,
    resume_session,
    revoke_session,
    revoke_sessions,
    start_session,
    token_hash,
)

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def test_only_a_hash_of_the_token_is_stored(db_session, make_user):
    token = start_session(db_session, make_user(), user_agent=FIREFOX, address="192.0.2.33")
    row = db_session.scalar(sa.select(LoginSession))
    assert row.token_hash == token_hash(token) and token not in row.token_hash
    assert (row.browser, row.system, row.network) == ("Firefox", "Linux", "192.0.2.0/24")


def test_a_token_finds_its_user_until_the_session_is_revoked(db_session, make_user):
    user = make_user()
    token = start_session(db_session, user)
    assert resume_session(db_session, token) == user
    assert user.get_id() == token  # what Flask-Login puts in the cookies
    revoke_session(db_session, token)
    assert resume_session(db_session, token) is None


def test_a_session_ends_by_itself_after_its_lifetime(db_session, make_user):
    token = start_session(db_session, make_user(), now=utcnow() - SESSION_LIFETIME
                          - timedelta(seconds=1))
    assert active_session(db_session, token) is None


@pytest.mark.parametrize("token", ["", "x" * 101, "not-a-token", "1"])
def test_unknown_or_malformed_tokens_find_no_one(db_session, make_user, token):
    start_session(db_session, make_user())
    assert resume_session(db_session, token) is None


def test_a_deactivated_account_is_not_resumed(db_session, make_user):
    user = make_user()
    token = start_session(db_session, user)
    user.active = False
    assert resume_session(db_session, token) is None


def test_revoking_all_but_the_current_session_keeps_only_that_one(db_session, make_user):
    user, other = make_user(), make_user()
    current, elsewhere = start_session(db_session, user), start_session(db_session, user)
    others_token = start_session(db_session, other)
    assert revoke_sessions(db_session, user, except_current=current) == 1
    assert active_session(db_session, current) is not None
    assert active_session(db_session, elsewhere) is None
    assert active_session(db_session, others_token) is not None


def test_logging_out_everywhere_ends_every_session_of_the_user(db_session, make_user):
    user = make_user()
    tokens = [start_session(db_session, user) for _ in range(3)]
    assert revoke_sessions(db_session, user, except_current=None) == 3
    assert all(active_session(db_session, token) is None for token in tokens)
    assert active_sessions(db_session, user) == []


def test_last_seen_is_written_at_most_once_per_interval(db_session, make_user):
    now = utcnow()
    user = make_user()
    token = start_session(db_session, user, now=now)
    row = active_session(db_session, token)
    resume_session(db_session, token, now=now + TOUCH_INTERVAL / 2)
    assert as_utc(row.last_seen_at) == now
    later = now + TOUCH_INTERVAL * 2
    resume_session(db_session, token, now=later)
    assert as_utc(row.last_seen_at) == later


def test_sessions_that_ended_long_ago_are_deleted_at_the_next_login(db_session, make_user):
    user = make_user()
    long_ago = utcnow() - SESSION_LIFETIME - KEEP_ENDED - timedelta(days=1)
    start_session(db_session, user, now=long_ago)
    recent = start_session(db_session, user)
    revoke_session(db_session, recent)
    start_session(db_session, user)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(LoginSession)) == 2


@pytest.mark.parametrize(("agent", "expected"), [
    (FIREFOX, ("Firefox", "Linux")),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0", ("Edge", "Windows")),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
     "like Gecko) Version/18.0 Mobile/15E148 Safari/604.1", ("Safari", "iOS")),
    ("Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/140.0.0.0 Mobile Safari/537.36", ("Chrome", "Android")),
    ("curl/8.5.0", ("", "")),
    ("", ("", "")),
])
def test_the_browser_is_kept_as_a_short_name_only(agent, expected):
    assert describe_user_agent(agent) == expected


@pytest.mark.parametrize(("address", "network"), [
    ("192.0.2.201", "192.0.2.0/24"),
    ("2001:db8:1:2:3:4:5:6", "2001:db8:1::/48"),
    ("fe80::1%eth0", "fe80::/48"),
    ("not an address", ""),
    (None, ""),
])
def test_only_the_network_of_an_address_is_kept(address, network):
    assert network_of(address) == network
