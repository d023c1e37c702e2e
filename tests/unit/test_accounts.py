"""Accounts: argon2id hashes, creating users, logging in."""

import pytest
import sqlalchemy as sa

from assessor.models import Person
from assessor.services.accounts import AccountError, authenticate, create_user, hash_password
from tests.conftest import TEST_PASSWORD


def test_passwords_are_stored_as_argon2id_hashes(make_user):
    user = make_user()
    assert user.password_hash.startswith("$argon2id$")
    assert TEST_PASSWORD not in user.password_hash


def test_login_succeeds_with_the_right_password_and_any_email_case(db_session, make_user):
    user = make_user(email="Someone@Example.se")
    assert user.email == "someone@example.se"
    assert authenticate(db_session, "SOMEONE@example.se", TEST_PASSWORD) == user


def test_login_fails_with_a_wrong_password_or_inactive_account(db_session, make_user):
    user = make_user()
    assert authenticate(db_session, user.email, "wrong-password") is None
    user.active = False
    db_session.commit()
    assert authenticate(db_session, user.email, TEST_PASSWORD) is None


def test_a_candidate_account_gets_a_person_record_with_a_pseudonymous_id(db_session, make_user):
    user = make_user(role="candidate", name="Kim")
    person = db_session.scalar(sa.select(Person).where(Person.user_id == user.id))
    assert person is not None and person.name == "Kim"
    assert person.public_id.startswith("K-") and "Kim" not in person.public_id


def test_staff_accounts_get_no_person_record(db_session, make_user):
    user = make_user(role="facilitator")
    assert db_session.scalar(sa.select(Person).where(Person.user_id == user.id)) is None


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"role": "wizard"}, "Unknown role"),
    ({"email": "not-an-email"}, "not an email"),
    ({"password": "short"}, "at least 8"),
])
def test_bad_account_data_is_refused_with_a_reason(db_session, kwargs, message):
    values = {"email": "a@b.se", "name": "A", "role": "admin", "password": "long-enough"}
    values.update(kwargs)
    with pytest.raises(AccountError, match=message):
        create_user(db_session, **values)


def test_two_accounts_cannot_share_an_email(db_session, make_user):
    make_user(email="same@example.se")
    with pytest.raises(AccountError, match="already an account"):
        create_user(db_session, email="SAME@example.se", name="B", role="admin",
                    password="long-enough")


def test_outdated_hashes_are_upgraded_at_login(db_session, make_user):
    from argon2 import PasswordHasher

    user = make_user()
    user.password_hash = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(
        TEST_PASSWORD)
    old = user.password_hash
    assert authenticate(db_session, user.email, TEST_PASSWORD) == user
    assert user.password_hash != old
    assert hash_password("x") != hash_password("x")  # salted


def test_an_unknown_email_costs_a_hash_check_like_a_wrong_password(db_session, monkeypatch):
    from assessor.services import accounts

    checked = []
    real = accounts.password_matches
    monkeypatch.setattr(accounts, "password_matches",
                        lambda stored, password: checked.append(stored) or real(stored, password))
    assert authenticate(db_session, "nobody@example.se", TEST_PASSWORD) is None
    assert len(checked) == 1 and checked[0].startswith("$argon2id$")


def test_password_hashes_use_owasp_argon2id_parameters(make_user):
    from argon2 import Type, extract_parameters

    parameters = extract_parameters(make_user().password_hash)
    assert parameters.type is Type.ID
    assert (parameters.memory_cost, parameters.time_cost, parameters.parallelism) \
        == (19 * 1024, 2, 1)


def test_a_hash_made_with_the_old_heavier_parameters_still_logs_in_and_is_rehashed(
        db_session, make_user):
    from argon2 import PasswordHasher, extract_parameters

    user = make_user()
    user.password_hash = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4).hash(
        TEST_PASSWORD)
    assert authenticate(db_session, user.email, TEST_PASSWORD) == user
    assert extract_parameters(user.password_hash).memory_cost == 19 * 1024
