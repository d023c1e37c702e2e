
"""The verification report: consent first, every read logged, a PDF that renders."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Consent, Organisation, Person
from assessor.services.reports.lix import lix
from tests.app_settings import catalogue
from tests.services import require_service


@pytest.fixture
def shared(db_session, make_user):
    """A candidate who shares the report with an agency, and a caseworker there."""
    agency = Organisation(name="Arbetsförmedlingen (test)")
    db_session.add(agency)
    db_session.commit()
    candidate = make_user(name="Åsa Öberg")
    person = db_session.scalar(sa.select(Person).where(Person.user_id == candidate.id))
    db_session.add(Consent(person_id=person.id, purpose="share_report",
                           organisation_id=agency.id))
    caseworker = make_user(role="caseworker")
    caseworker.organisation_id = agency.id
    db_session.commit()
    return person, caseworker


def log_rows(db_session, person):
    db_session.expire_all()
    return [(row.action, row.what) for row in db_session.scalars(
        sa.select(AccessLog).where(AccessLog.person_id == person.id).order_by(AccessLog.id))]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    main = re.search(r"<article.*?</article>", html, flags=re.S).group(0)
    return unescape(re.sub(r"<[^>]+>", "\n", main))


def test_a_caseworker_with_consent_reads_the_report_and_it_is_logged(
        client, login, shared, db_session):
    person, caseworker = shared
    login(caseworker)
    page = client.get(f"/rapport/{person.public_id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Rapport om kunskaper" in text and "Åsa Öberg" in text
    assert "Programmering" in text and "Inte gjort än" in text
    assert log_rows(db_session, person) == [("read", "report")]


def test_without_consent_the_caseworker_gets_a_clear_refusal_that_is_logged(
        client, login, make_user, db_session):
    stranger = db_session.scalar(sa.select(Person).where(
        Person.user_id == make_user(name="Utan Samtycke").id))
    agency = Organisation(name="Kommunen (test)")
    db_session.add(agency)
    db_session.commit()
    caseworker = make_user(role="caseworker")
    caseworker.organisation_id = agency.id
    db_session.commit()
    login(caseworker)
    page = client.get(f"/rapport/{stranger.public_id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 403
    assert "har inte sagt ja till att dela rapporten" in text
    assert stranger.public_id in text and "Utan Samtycke" not in text
    assert client.get(f"/rapport/{stranger.public_id}.pdf").status_code == 403
    assert log_rows(db_session, stranger) == [("denied", "report"), ("denied", "report.pdf")]


def test_withdrawn_consent_closes_the_report_again(client, login, shared, db_session):
    person, caseworker = shared
    consent = db_session.scalars(sa.select(Consent)).one()
    consent.withdrawn_at = sa.func.now()
    db_session.commit()
    login(caseworker)
    assert client.get(f"/rapport/{person.public_id}").status_code == 403


def test_the_person_reads_their_own_report_but_nobody_elses(client, login, make_user,
                                                            db_session):
    own_user = make_user()
    own = db_session.scalar(sa.select(Person).where(Person.user_id == own_user.id))
    other = db_session.scalar(sa.select(Person).where(Person.user_id == make_user().id))
    login(own_user)
    assert client.get(f"/rapport/{own.public_id}").status_code == 200
    assert client.get(f"/rapport/{other.public_id}").status_code == 403


def test_an_admin_account_cannot_read_reports(client, login, make_user, shared):
    person, _ = shared
    login(make_user(role="admin"))
    assert client.get(f"/rapport/{person.public_id}").status_code == 403


def test_the_swedish_report_is_easy_to_read(client, login, shared):
    person, caseworker = shared
    login(caseworker)
    text = visible_text(client.get(f"/rapport/{person.public_id}").get_data(as_text=True))
    assert len(text.split()) > 120
    assert lix(text) <= 40, (lix(text), text)


def test_lix_matches_a_hand_counted_example():
    # 7 words, 2 sentences, 1 long word (läsbarhet; "mäter" has 5 letters)
    assert lix("Vi mäter läsbarhet här. Det är bra.") == pytest.approx(7 / 2 + 100 * 1 / 7)
    assert lix("") == 0.0


def test_the_pdf_downloads_renders_swedish_letters_and_is_logged(
        client, login, shared, db_session, tmp_path):
    for tool in ("pdftoppm", "pdftotext", "pdffonts"):
        require_service(tool, shutil.which(tool) is not None, "apt-get install poppler-utils")
    person, caseworker = shared
    login(caseworker)
    response = client.get(f"/rapport/{person.public_id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Åsa Öberg" in text and "Nivå per område" in text and "Område" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages
    from PIL import Image

    for page in pages:
        with Image.open(page) as image:
            grey = image.convert("L")
            dark = sum(grey.histogram()[:200])
            assert dark / (grey.width * grey.height) > 0.005, f"{page.name} looks blank"
    assert log_rows(db_session, person) == [("export", "report.pdf")]


def test_the_demo_caseworker_reads_kims_questionnaire_outcome_and_is_refused_sams(
        client, db_session):
    from assessor.cli.demo import DEMO_PASSWORD, create_demo
    from assessor.models import User

    create_demo(db_session, catalogue)
    db_session.commit()
    kim, sam = (db_session.scalar(sa.select(Person).join(User, Person.user_id == User.id)
                                  .where(User.email == email))
                for email in ("kandidat@demo.kodprov.se", "kandidat2@demo.kodprov.se"))
    client.post("/konto/logga-in", data={"email": "handlaggare@demo.kodprov.se",
                                         "password": DEMO_PASSWORD})
    text = visible_text(client.get(f"/rapport/{kim.public_id}").get_data(as_text=True))
    questionnaire = text.split("Frågeformuläret", 1)[1].split("Bra att veta", 1)[0]
    assert "Troligen programmerare" in questionnaire
    assert "säger att hen skriver kod varje vecka" in questionnaire
    assert "svarade rätt på 9 av 10 kunskapsfrågor" in questionnaire
    refused = client.get(f"/rapport/{sam.public_id}")
    assert refused.status_code == 403
    assert sam.public_id in refused.get_data(as_text=True)
    assert "Sam" not in refused.get_data(as_text=True)
    assert log_rows(db_session, sam) == [("denied", "report")]


def test_the_demo_coach_reaches_both_candidates_and_sams_report_claims_no_share(client,
                                                                                db_session):
    from assessor.cli.demo import DEMO_PASSWORD, create_demo
    from assessor.models import User

    create_demo(db_session, catalogue)
    db_session.commit()
    sam = db_session.scalar(sa.select(Person).join(User, Person.user_id == User.id)
                            .where(User.email == "kandidat2@demo.kodprov.se"))
    client.post("/konto/logga-in", data={"email": "handledare@demo.kodprov.se",
                                         "password": DEMO_PASSWORD})
    people = client.get("/handledare/").get_data(as_text=True)
    assert "Kim Kandidat" in people and "Sam Sökande" in people
    text = visible_text(client.get(f"/rapport/{sam.public_id}").get_data(as_text=True))
    assert "sagt ja till att dela" not in text and "Ja till att dela" not in text
    assert "Personen delar inte rapporten med någon organisation." in text
