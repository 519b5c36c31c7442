"""SQLAlchemy ORM classes, one module per aggregate. No Qt here (DESIGN.md §6)."""

from desktop.models.attachment import Attachment
from desktop.models.audit import AuditChainHead, AuditEntry
from desktop.models.base import Base, StationScoped, Tracked
from desktop.models.briefing import Briefing, Directive
from desktop.models.case import Case, CaseClockEvent
from desktop.models.dispute import (
    Agreement,
    AgreementParty,
    Dispute,
    DisputeParty,
    FollowUp,
    MediationSession,
    Party,
    SessionMediator,
    Transfer,
    dispute_incidents,
    incident_parties,
)
from desktop.models.incident import (
    ImportBatch,
    ImportProfile,
    Incident,
    IncidentCategory,
    RepeatCluster,
    repeat_cluster_incidents,
)
from desktop.models.org import Community, Grid, Staff, StaffRole, Station, Unit
from desktop.models.report import ExportProfile
from desktop.models.warning import Warning
from desktop.models.work_order import NumberSequence, WorkOrder, WorkOrderEvent

__all__ = [
    "Agreement", "AgreementParty", "Attachment", "AuditChainHead", "AuditEntry", "Base",
    "Briefing", "Case", "CaseClockEvent", "Community", "Directive", "Dispute", "DisputeParty",
    "ExportProfile", "FollowUp", "Grid", "ImportBatch", "ImportProfile", "Incident", "IncidentCategory",
    "MediationSession",
    "NumberSequence", "Party", "RepeatCluster", "SessionMediator", "Staff", "StaffRole", "Station",
    "StationScoped", "Tracked", "Transfer", "Unit", "Warning", "WorkOrder", "WorkOrderEvent",
    "dispute_incidents", "incident_parties", "repeat_cluster_incidents",
]
