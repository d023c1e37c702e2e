"""All models, imported here so that Alembic and the app see one metadata."""

from assessor.models.access import AccessAction, AccessLog
from assessor.models.account_link import AccountLink, LinkPurpose
from assessor.models.calendar import (
    CancelledEvening,
    EveningInterest,
    EveningSchedule,
    ScheduleBreak,
)
from assessor.models.consent import Consent, ConsentPurpose
from assessor.models.employer import Employer, EmployerContact, Opening, OpeningKind, RemoteWork
from assessor.models.event import Announcement, Event, HelpRequest, Participant
from assessor.models.followup import CHECKLIST_ITEMS, FollowUp, FollowUpOutcome
from assessor.models.funder import IndicatorAnswer, SusRegistration
from assessor.models.intake import EligibilityAnswer, EligibilityCriterion, InvolvedAgency, Lead
from assessor.models.item_bank import StoredItemBank
from assessor.models.job_lease import JobLease
from assessor.models.login_session import LoginSession
from assessor.models.organisation import Organisation
from assessor.models.outbox import OutboxMessage
from assessor.models.person import Gender, Person
from assessor.models.placement import (
    FunderGoal,
    Participation,
    Placement,
    PlacementFollowUp,
    PlacementStep,
)
from assessor.models.plan import PlanEdit, PlanGoal, PlanReview, PlanStep
from assessor.models.pool import PoolArea, PoolEntry, PoolMove
from assessor.models.profile import ProfileEdit, WorkingProfile
from assessor.models.progress import WheelArea, WheelConversation, WheelRating
from assessor.models.proposal import EmployerLink, MatchProposal, ProposalStatus
from assessor.models.questionnaire import QuestionnaireResponse, QuestionnaireSitting
from assessor.models.regrade import RegradeItem, RegradeRun
from assessor.models.report_snapshot import ReportSnapshot
from assessor.models.rights_request import RequestKind, RequestOutcome, RightsRequest
from assessor.models.setting import AdminSetting
from assessor.models.submission import (
    MAX_CLIENT_TOKEN,
    Draft,
    Evidence,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)
from assessor.models.user import Role, User

__all__ = [
    "CHECKLIST_ITEMS",
    "MAX_CLIENT_TOKEN",
    "AccessAction",
    "AccessLog",
    "AccountLink",
    "AdminSetting",
    "Announcement",
    "CancelledEvening",
    "Consent",
    "ConsentPurpose",
    "Draft",
    "EligibilityAnswer",
    "EligibilityCriterion",
    "Employer",
    "EmployerContact",
    "EmployerLink",
    "EveningInterest",
    "EveningSchedule",
    "Event",
    "Evidence",
    "FollowUp",
    "FollowUpOutcome",
    "FunderGoal",
    "Gender",
    "HelpRequest",
    "IndicatorAnswer",
    "InvolvedAgency",
    "JobLease",
    "Lead",
    "LinkPurpose",
    "LoginSession",
    "MatchProposal",
    "Opening",
    "OpeningKind",
    "Organisation",
    "OutboxMessage",
    "Participant",
    "Participation",
    "Person",
    "Placement",
    "PlacementFollowUp",
    "PlacementStep",
    "PlanEdit",
    "PlanGoal",
    "PlanReview",
    "PlanStep",
    "PoolArea",
    "PoolEntry",
    "PoolMove",
    "ProfileEdit",
    "ProposalStatus",
    "QuestionnaireResponse",
    "QuestionnaireSitting",
    "RegradeItem",
    "RegradeRun",
    "RemoteWork",
    "ReportSnapshot",
    "RequestKind",
    "RequestOutcome",
    "RightsRequest",
    "Role",
    "ScheduleBreak",
    "StoredItemBank",
    "Submission",
    "SubmissionKind",
    "SubmissionStatus",
    "SusRegistration",
    "User",
    "WheelArea",
    "WheelConversation",
    "WheelRating",
    "WorkingProfile",
]
