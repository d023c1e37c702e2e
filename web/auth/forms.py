"""The login form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Email, Length


class LoginForm(FlaskForm):
    """Email and password."""

    email = EmailField(_l("Email"), validators=[
        DataRequired(_l("Write your email address.")),
        Email(_l("That does not look like an email address."), check_deliverability=False),
        Length(max=254)])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Write your password.")), Length(max=1000)])
    remember = BooleanField(_l("Stay logged in on this computer"))
    next = HiddenField()
    submit = SubmitField(_l("Log in"))


class LogoutEverywhereForm(FlaskForm):
    """One button: end every login session of the account."""

    submit = SubmitField(_l("Log out everywhere"))
