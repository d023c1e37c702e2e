"""The forms of logging in, passwords and registering."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length

from assessor.models import User
from assessor.services.accounts import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from web.fields import fits, to_id


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


def _new_password_fields():
    """A new password, typed twice."""
    password = PasswordField(_l("New password"), validators=[
        DataRequired(_l("Choose a password.")),
        Length(min=MIN_PASSWORD_LENGTH, max=MAX_PASSWORD_LENGTH,
               message=_l("The password must be 8 to 1000 characters."))])
    again = PasswordField(_l("The same password again"), validators=[
        DataRequired(_l("Write the password again.")),
        EqualTo("password", _l("The two passwords are not the same."))])
    return password, again


class SetPasswordForm(FlaskForm):
    """Choose a password through a one-time link."""

    password, password_again = _new_password_fields()
    submit = SubmitField(_l("Save the password"))


class ChangePasswordForm(FlaskForm):
    """Change one's own password: the current one, then the new one twice."""

    current = PasswordField(_l("Current password"), validators=[
        DataRequired(_l("Write your current password.")), Length(max=MAX_PASSWORD_LENGTH)])
    password, password_again = _new_password_fields()
    submit = SubmitField(_l("Change the password"))


class ForgotPasswordForm(FlaskForm):
    """The email address to send a new-password link to."""

    email = EmailField(_l("Email"), validators=[
        DataRequired(_l("Write your email address.")),
        Email(_l("That does not look like an email address."), check_deliverability=False),
        Length(max=254)])
    submit = SubmitField(_l("Send a link"))


class RegisterForm(FlaskForm):
    """Make one's own account in a programme that takes registrations."""

    programme = SelectField(_l("Programme"), coerce=to_id, validate_choice=False,
                            validators=[DataRequired(_l("Choose your programme."))])
    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Write your name.")), fits(User.name)])
    email = EmailField(_l("Email"), validators=[
        DataRequired(_l("Write your email address.")),
        Email(_l("That does not look like an email address."), check_deliverability=False),
        Length(max=254)])
    password, password_again = _new_password_fields()
    submit = SubmitField(_l("Make my account"))

    def set_programmes(self, programmes) -> None:
        """Offer these programmes."""
        self.programme.choices = [SelectChoice(p.id, p.name) for p in programmes]
