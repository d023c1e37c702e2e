"""Challenges at the candidate's own pace: list, challenge page, drafts, prechecks, attempts."""

from flask import Blueprint
from flask_babel import format_decimal

from assessor.services import policy
from assessor.domain.grading.output_diff import output_diff
from assessor.services.policy import Action
from web.access import restrict_blueprint

bp = Blueprint("challenges", __name__)
restrict_blueprint(bp, roles=policy.roles_that_may(Action.SUBMIT))


@bp.app_template_filter("points")
def format_points(value: float) -> str:
    """Points without a needless decimal: 2.0 → "2", 1.5 → "1,5" in Swedish."""
    return format_decimal(round(float(value), 2), format="#,##0.##")


bp.add_app_template_global(output_diff)


@bp.app_template_test("is_notebook")
def is_notebook(name: str) -> bool:
    """Whether a challenge file is a Jupyter notebook (uploaded, not edited on the page)."""
    return name.lower().endswith(".ipynb")


from web.challenges import routes  # noqa: E402, F401 - registers the routes on bp
