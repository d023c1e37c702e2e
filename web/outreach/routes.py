"""The two public pages, their printable PDFs, and the interest form (rate limited like the
other public forms; nothing sensitive is asked)."""

from __future__ import annotations

from flask import Response, redirect, render_template, url_for
from flask_babel import gettext as _

from assessor.domain.intake import LeadError
from assessor.services.calendar import public_calendars
from assessor.services.intake import leads
from web import database
from web.access import public
from web.outreach import bp
from web.outreach.forms import InterestForm
from web.ratelimits import INTEREST_FORM, limited

AUDIENCES = {"people": "outreach/people.html", "employers": "outreach/employers.html"}


def leaflet_pdf(audience: str, filename: str) -> Response:
    """The page as a one-page printable PDF (WeasyPrint, tagged PDF/UA-1)."""
    from weasyprint import HTML

    html = render_template("outreach/leaflet_pdf.html", audience=audience)
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{filename}"'})


@bp.route("/for-dig")
@public
def people():
    """For people with IT skills, and their families (with the next evenings)."""
    return render_template(AUDIENCES["people"],
                           evening_calendars=public_calendars(database.session(), count=2))


@bp.route("/for-dig.pdf")
@public
def people_pdf():
    """The page for people with IT skills, as a one-page PDF."""
    return leaflet_pdf("people", "kodprov-for-dig.pdf")


@bp.route("/for-arbetsgivare")
@public
def employers():
    """For employers."""
    return render_template(AUDIENCES["employers"])


@bp.route("/for-arbetsgivare.pdf")
@public
def employers_pdf():
    """The page for employers, as a one-page PDF."""
    return leaflet_pdf("employers", "kodprov-for-arbetsgivare.pdf")


@bp.route("/intresse", methods=["GET", "POST"])
@public
@limited(*INTEREST_FORM)
def interest():
    """"I am interested": the person, or someone on their behalf with their knowledge."""
    session = database.session()
    programmes = leads.programmes(session)
    form = InterestForm().for_programmes(programmes)
    if programmes and form.validate_on_submit():
        try:
            leads.send_interest(session, form.interest())
        except LeadError:
            database.discard()
            form.name.errors = [*form.name.errors,
                                _("That did not work. Nothing was saved. Try again.")]
        else:
            return redirect(url_for(".thanks"))
    return render_template("outreach/interest.html", form=form, open=bool(programmes))


@bp.route("/intresse/tack")
@public
def thanks():
    """What happens next."""
    return render_template("outreach/thanks.html")
