"""Enumerations stored as strings with CHECK constraints (portable across the three backends).

Display labels live with the views and reports; these are the stored values.
"""

from enum import StrEnum


class UnitKind(StrEnum):
    COMMAND_ROOM = "command_room"          # 综合指挥室
    COMMUNITY_TEAM = "community_team"      # 社区警务队
    CASE_TEAM = "case_team"                # 案件办理队
    POLICE_OFFICE = "police_office"        # 警务室
    MEDIATION_CENTRE = "mediation_centre"  # 矛调中心
    LEADERSHIP = "leadership"              # 所领导
    OTHER = "other"


class CommunityKind(StrEnum):
    COMMUNITY = "community"  # 社区
    VILLAGE = "village"      # 村


class Rank(StrEnum):
    OFFICER = "officer"        # 民警
    AUXILIARY = "auxiliary"    # 辅警
    MEDIATOR = "mediator"      # 调解员
    CIVILIAN = "civilian"      # 文职


class Role(StrEnum):
    ADMIN = "admin"        # 管理员
    CHIEF = "chief"        # 指挥长
    DUTY = "duty"          # 值班员
    OFFICER = "officer"    # 民警
    MEDIATOR = "mediator"  # 调解员
    VIEWER = "viewer"      # 只读


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


class IncidentSource(StrEnum):
    IMPORT = "import"
    MANUAL = "manual"


class RepeatKind(StrEnum):
    SAME_CALLER = "same_caller"  # 一人多报
    SAME_PLACE = "same_place"    # 一地多报
    SAME_EVENT = "same_event"    # 多人同报


class ClusterStatus(StrEnum):
    OPEN = "open"
    ORDERED = "ordered"      # turned into a work order
    DISMISSED = "dismissed"


class CaseKind(StrEnum):
    CRIMINAL = "criminal"            # 刑事
    ADMINISTRATIVE = "administrative"  # 行政（治安）


class CaseStatus(StrEnum):
    ACCEPTED = "accepted"        # 受理
    IN_PROGRESS = "in_progress"  # 办理中
    EXTENDED = "extended"        # 延长
    SUSPENDED = "suspended"      # 中止（鉴定等）
    CLOSED = "closed"            # 结案
    TRANSFERRED = "transferred"  # 移送


class ClockEventKind(StrEnum):
    PAUSE = "pause"          # e.g. appraisal (鉴定) starts
    RESUME = "resume"
    EXTENSION = "extension"  # approved extension


class WarningSource(StrEnum):
    HQ = "hq"
    OWN = "own"
    OTHER_DEPT = "other_dept"


class WarningKind(StrEnum):
    FRAUD = "fraud"              # 反诈
    STABILITY = "stability"      # 涉稳
    PUBLIC_ORDER = "public_order"  # 治安
    HAZARD = "hazard"            # 安全隐患
    OTHER = "other"


class WarningStatus(StrEnum):
    RECEIVED = "received"
    ASSIGNED = "assigned"
    ACTED = "acted"
    CLOSED = "closed"


class BriefingKind(StrEnum):
    DAILY = "daily"      # 晨会
    WEEKLY = "weekly"    # 周分析
    MONTHLY = "monthly"  # 月会商


class BriefingStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"


class WorkOrderSource(StrEnum):
    INCIDENT = "incident"
    CLUSTER = "cluster"
    DIRECTIVE = "directive"
    WARNING = "warning"
    DISPUTE = "dispute"
    HQ = "hq"
    MANUAL = "manual"


class Priority(StrEnum):
    URGENT = "urgent"        # 紧急
    HIGH = "high"            # 急
    NORMAL = "normal"        # 一般
    LONG_TERM = "long_term"  # 长期


class WorkOrderStatus(StrEnum):
    ISSUED = "issued"
    ACCEPTED = "accepted"
    REPORTED = "reported"
    RETURNED = "returned"
    CLOSED = "closed"
    CANCELLED = "cancelled"


OPEN_WORK_ORDER_STATES = (
    WorkOrderStatus.ISSUED,
    WorkOrderStatus.ACCEPTED,
    WorkOrderStatus.REPORTED,
    WorkOrderStatus.RETURNED,
)


class WorkOrderEventKind(StrEnum):
    ISSUE = "issue"
    ACCEPT = "accept"
    REPORT = "report"
    RETURN = "return"
    CLOSE = "close"
    URGE = "urge"
    REASSIGN = "reassign"
    CANCEL = "cancel"


class DisputeNature(StrEnum):
    FAMILY = "family"                  # 婚恋家庭
    NEIGHBOUR = "neighbour"            # 邻里
    LAND = "land"                      # 土地山林
    LABOUR = "labour"                  # 劳资
    DEBT = "debt"                      # 经济债务
    PROPERTY_MGMT = "property_mgmt"    # 物业
    MEDICAL = "medical"                # 医患
    TRAFFIC = "traffic"                # 交通事故
    OTHER = "other"                    # 其他


class DisputeSource(StrEnum):
    INCIDENT = "incident"
    PATROL = "patrol"
    VISIT = "visit"
    TRANSFER_IN = "transfer_in"
    OTHER = "other"


class RiskLevel(StrEnum):
    LOW = "low"        # 低
    MEDIUM = "medium"  # 中
    HIGH = "high"      # 高
    MAJOR = "major"    # 重大


class DisputeStatus(StrEnum):
    REGISTERED = "registered"    # 排查登记
    MEDIATING = "mediating"      # 调解中
    RESOLVED = "resolved"        # 已化解
    FAILED = "failed"            # 调解不成
    TRANSFERRED = "transferred"  # 移交


class ResolvedHow(StrEnum):
    AGREEMENT = "agreement"
    OTHER = "other"


class PartyRole(StrEnum):
    APPLICANT = "applicant"    # 申请人
    RESPONDENT = "respondent"  # 被申请人
    OTHER = "other"


class MediatorRole(StrEnum):
    OFFICER = "officer"                # 民警
    PEOPLE_MEDIATOR = "people_mediator"  # 人民调解员
    LAWYER = "lawyer"                  # 律师
    LEGAL_OFFICER = "legal_officer"    # 综治专干
    GRID_WORKER = "grid_worker"        # 网格员
    OTHER = "other"


class SessionOutcome(StrEnum):
    AGREEMENT = "agreement"
    PARTIAL = "partial"
    NONE = "none"


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    SUPERSEDED = "superseded"


class SignMethod(StrEnum):
    SIGNATURE = "signature"    # 签名
    SEAL = "seal"              # 盖章
    THUMBPRINT = "thumbprint"  # 按指印


class Honoured(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    NOT_APPLICABLE = "n/a"


class TransferDirection(StrEnum):
    TO_CENTRE = "to_centre"  # 移交矛调中心
    TO_POLICE = "to_police"  # 移交派出所依法处理
    TO_COURT = "to_court"    # 诉讼


class TransferOutcome(StrEnum):
    RESOLVED = "resolved"
    UNRESOLVED = "unresolved"
    RETURNED = "returned"


class AttachmentOwner(StrEnum):
    WORK_ORDER = "work_order"
    WORK_ORDER_EVENT = "work_order_event"
    DISPUTE = "dispute"
    SESSION = "session"
    AGREEMENT = "agreement"
    FOLLOW_UP = "follow_up"
    CASE = "case"
    WARNING = "warning"
    INCIDENT = "incident"


class AttachmentStorage(StrEnum):
    DATABASE = "db"
    FILE = "file"


class AuditAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    TRANSITION = "transition"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    EXPORT = "export"
    PRINT = "print"
    IMPORT = "import"
    BULK = "bulk"
    OTHER = "other"
