"""A candidate gives and takes back consent per purpose; every change is logged."""

from __future__ import annotations

import sqlalchemy as sa

from assessor.models import AccessLog, Consent, Organisation, Person
from assessor.services import policy


def agency_reads_report(db_session, person, agency) -> bool:
    """Whether a caseworker of ``agency`` may read the person's report now."""
    caseworker = policy.Actor(None, "caseworker", agency.id)
    return policy.check(db_session, caseworker, policy.Action.REPORT_VIEW, person).allowed


def setup_candidate(db_session, make_user, login):
    user = make_user()
    login(user)
    agency = Organisation(name="Försäkringskassan (test)")
    db_session.add(agency)
    db_session.commit()
    person = db_session.scalar(sa.select(Person).where(Person.user_id == user.id))
    return person, agency


def test_sharing_the_report_with_an_organisation_and_taking_it_back(
        client, make_user, login, db_session):
    person, agency = setup_candidate(db_session, make_user, login)
    page = client.get("/kandidat/samtycke").get_data(as_text=True)
    assert "Dela min rapport" in page and "Försäkringskassan (test)" in page
    client.post("/kandidat/samtycke", data={"give-purpose": "share_report",
                                            "give-organisation": agency.id})
    assert agency_reads_report(db_session, person, agency)
    consent = db_session.scalars(sa.select(Consent)).one()
    client.post("/kandidat/samtycke", data={"withdraw-consent_id": consent.id})
    db_session.expire_all()
    assert not agency_reads_report(db_session, person, agency)
    assert db_session.get(Consent, consent.id).withdrawn_at is not None
    reasons = db_session.scalars(sa.select(AccessLog.reason)).all()
    assert reasons == ["given: share_report", "withdrawn: share_report"]


def test_each_purpose_is_its_own_yes(client, make_user, login, db_session):
    setup_candidate(db_session, make_user, login)
    client.post("/kandidat/samtycke", data={"give-purpose": "statistics"})
    client.post("/kandidat/samtycke", data={"give-purpose": "statistics"})
    purposes = db_session.scalars(sa.select(Consent.purpose)).all()
    assert purposes == ["statistics"]


def test_a_forged_purpose_or_someone_elses_consent_changes_nothing(
        client, make_user, login, db_session):
    other_user = make_user()
    other = db_session.scalar(sa.select(Person).where(Person.user_id == other_user.id))
    theirs = Consent(person_id=other.id, purpose="statistics")
    db_session.add(theirs)
    db_session.commit()
    setup_candidate(db_session, make_user, login)
    bad = client.post("/kandidat/samtycke", data={"give-purpose": "sell_my_data"},
                      follow_redirects=True)
    assert "Inget ändrades" in bad.get_data(as_text=True)
    client.post("/kandidat/samtycke", data={"withdraw-consent_id": theirs.id})
    db_session.expire_all()
    assert db_session.get(Consent, theirs.id).withdrawn_at is None
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Consent)) == 1


def test_sharing_needs_a_real_organisation(client, make_user, login, db_session):
    setup_candidate(db_session, make_user, login)
    client.post("/kandidat/samtycke", data={"give-purpose": "share_report",
                                            "give-organisation": 9999})
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Consent)) == 0
