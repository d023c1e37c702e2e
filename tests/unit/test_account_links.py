"""One-time links: codes, their hashes, and using one exactly once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import AccountLink, User
from assessor.services import account_links
from assessor.services.account_links import LinkError, LinkPurpose, LinkState


def test_codes_are_grouped_unambiguous_and_read_loosely():
    code = account_links.new_code()
    assert len(code) == 29 and code.count("-") == 4
    assert not set(code.replace("-", "")) & set("01IO")
    assert account_links.normalised(code.lower().replace("-", " ")) == code.replace("-", "")
    assert account_links.normalised(code + "A") is None
    assert account_links.normalised("0" * 25) is None  # 0 is not in the alphabet


def test_the_database_keeps_only_the_hash_of_a_code(db_session, make_user):
    link = account_links.issue(db_session, make_user(), LinkPurpose.RESET)
    db_session.commit()
    row = db_session.scalar(sa.select(AccountLink))
    plain = link.code.replace("-", "")
    assert plain not in row.token_hash and row.token_hash == account_links.code_hash(plain)


def test_a_link_made_in_two_requests_at_once_is_used_by_only_one(app, db_session, make_user):
    link = account_links.issue(db_session, make_user(), LinkPurpose.RESET)
    db_session.commit()
    engine = app.extensions["kodprov_db"].engine
    with Session(engine) as first, Session(engine) as second:
        stale = account_links.find(second, link.code)  # held: the session keeps it as read
        assert account_links.state_of(stale) == LinkState.OK
        account_links.use(first, link.code, "first-password")
        first.commit()
        # the second request loaded the link before the first one used it
        with pytest.raises(LinkError) as refused:
            account_links.use(second, link.code, "second-password")
        assert refused.value.state == LinkState.USED


def test_issuing_a_link_ends_the_earlier_ones_and_using_one_ends_the_rest(db_session,
                                                                         make_user):
    user = make_user()
    old = account_links.issue(db_session, user, LinkPurpose.RESET)
    new = account_links.issue(db_session, user, LinkPurpose.RESET)
    assert account_links.state_of(account_links.find(db_session, old.code)) \
        == LinkState.REPLACED
    account_links.use(db_session, new.code, "a-new-password")
    assert account_links.state_of(account_links.find(db_session, new.code)) == LinkState.USED


def test_a_link_stops_at_its_expiry_and_when_the_account_is_closed(db_session, make_user):
    user = make_user()
    link = account_links.issue(db_session, user, LinkPurpose.INVITATION,
                               lifetime=timedelta(days=3))
    found = account_links.find(db_session, link.code)
    now = datetime.now(UTC)
    assert account_links.state_of(found, now + timedelta(days=2, hours=23)) == LinkState.OK
    assert account_links.state_of(found, now + timedelta(days=3, minutes=1)) \
        == LinkState.EXPIRED
    db_session.get(User, user.id).active = False
    assert account_links.state_of(found) == LinkState.CLOSED
    with pytest.raises(LinkError):
        account_links.use(db_session, link.code, "a-new-password")


def test_a_short_password_uses_up_nothing(db_session, make_user):
    from assessor.services.accounts import AccountError

    link = account_links.issue(db_session, make_user(), LinkPurpose.RESET)
    with pytest.raises(AccountError):
        account_links.use(db_session, link.code, "short")
    assert account_links.state_of(account_links.find(db_session, link.code)) == LinkState.OK
