"""Disputes (矛盾纠纷), parties, mediation sessions, agreements, follow-ups and transfers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, BigId, StationScoped, Tracked, enum_check, long_text
from desktop.models.enums import (
    AgreementStatus,
    DisputeNature,
    DisputeSource,
    DisputeStatus,
    Honoured,
    MediatorRole,
    PartyRole,
    ResolvedHow,
    RiskLevel,
    SessionOutcome,
    Sex,
    SignMethod,
    TransferDirection,
    TransferOutcome,
)


class Party(StationScoped, Tracked, Base):
    """当事人: stored once, linked to many disputes and incidents."""

    __tablename__ = "parties"
    __table_args__ = (
        UniqueConstraint("station_id", "id_number"),
        enum_check("sex", Sex, nullable=True),
        Index("ix_parties_station_name", "station_id", "name"),
        Index("ix_parties_station_phone", "station_id", "phone"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    sex: Mapped[str | None] = mapped_column(String(1))
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[date | None]
    id_number: Mapped[str | None] = mapped_column(String(18))  # 居民身份证号码 (checked)
    phone: Mapped[str | None] = mapped_column(String(32))
    phone_raw: Mapped[str | None] = mapped_column(String(64))
    address: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(long_text())


incident_parties = Table(
    "incident_parties",
    Base.metadata,
    Column("incident_id", BigId, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("party_id", ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True, index=True),
)

dispute_incidents = Table(
    "dispute_incidents",
    Base.metadata,
    Column("dispute_id", ForeignKey("disputes.id", ondelete="CASCADE"), primary_key=True),
    Column("incident_id", BigId, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class DisputeParty(Base):
    """A party's role in one dispute (申请人 / 被申请人 / other)."""

    __tablename__ = "dispute_parties"
    __table_args__ = (enum_check("role", PartyRole),)

    dispute_id: Mapped[int] = mapped_column(ForeignKey("disputes.id", ondelete="CASCADE"), primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False, default=PartyRole.OTHER)

    party: Mapped[Party] = relationship()


class Dispute(StationScoped, Tracked, Base):
    """矛盾纠纷, registered with the seven elements of DESIGN.md §3."""

    __tablename__ = "disputes"
    __table_args__ = (
        UniqueConstraint("station_id", "number"),
        enum_check("nature", DisputeNature),
        enum_check("source", DisputeSource),
        enum_check("risk_level", RiskLevel),
        enum_check("status", DisputeStatus),
        enum_check("resolved_how", ResolvedHow, nullable=True),
        CheckConstraint("scale >= 1", name="scale"),
        CheckConstraint("status <> 'resolved' OR resolved_how IS NOT NULL", name="resolved_how_set"),
        Index("ix_disputes_station_status", "station_id", "status", "risk_level"),
        Index("ix_disputes_station_registered", "station_id", "registered_at"),
        Index("ix_disputes_station_ended", "station_id", "ended_at"),
        Index("ix_disputes_station_criminal_risk", "station_id", "criminal_risk"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), nullable=False)
    registered_at: Mapped[datetime] = mapped_column(nullable=False)
    # The seven elements: cause, time, place, nature, scale, composition, progression.
    cause: Mapped[str] = mapped_column(long_text(), nullable=False)      # 诱因
    occurred_at: Mapped[datetime | None]                                # 时间
    place: Mapped[str | None] = mapped_column(String(300))               # 地点
    nature: Mapped[str] = mapped_column(String(20), nullable=False)      # 性质
    scale: Mapped[int] = mapped_column(Integer, nullable=False, default=2)  # 规模 (people)
    composition: Mapped[str | None] = mapped_column(long_text())         # 人员构成
    progression: Mapped[str | None] = mapped_column(long_text())         # 事态发展
    summary: Mapped[str | None] = mapped_column(long_text())
    source: Mapped[str] = mapped_column(String(20), nullable=False, default=DisputeSource.OTHER)
    source_incident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("incidents.id"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("communities.id"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"), index=True)
    risk_level: Mapped[str] = mapped_column(String(20), nullable=False, default=RiskLevel.LOW)
    risk_reasons: Mapped[str | None] = mapped_column(long_text())
    criminal_risk: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default="0")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=DisputeStatus.REGISTERED)
    resolved_how: Mapped[str | None] = mapped_column(String(20))
    ended_at: Mapped[datetime | None]  # mediation ended: resolved or failed
    lead_mediator_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)

    party_links: Mapped[list[DisputeParty]] = relationship(cascade="all, delete-orphan")
    sessions: Mapped[list[MediationSession]] = relationship(
        back_populates="dispute", order_by="MediationSession.held_at", cascade="all, delete-orphan"
    )
    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="dispute", order_by="Agreement.version", cascade="all, delete-orphan"
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="dispute", order_by="FollowUp.visited_on", cascade="all, delete-orphan"
    )
    transfers: Mapped[list[Transfer]] = relationship(
        back_populates="dispute", order_by="Transfer.transferred_on", cascade="all, delete-orphan"
    )


class MediationSession(StationScoped, Tracked, Base):
    __tablename__ = "mediation_sessions"
    __table_args__ = (
        enum_check("outcome", SessionOutcome),
        Index("ix_mediation_sessions_dispute_held", "dispute_id", "held_at"),
        Index("ix_mediation_sessions_station_held", "station_id", "held_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("disputes.id", ondelete="CASCADE"), nullable=False)
    held_at: Mapped[datetime] = mapped_column(nullable=False)
    place: Mapped[str | None] = mapped_column(String(200))
    remote: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default="0")
    attendees: Mapped[str | None] = mapped_column(long_text())
    notes: Mapped[str | None] = mapped_column(long_text())
    outcome: Mapped[str] = mapped_column(String(20), nullable=False, default=SessionOutcome.NONE)

    dispute: Mapped[Dispute] = relationship(back_populates="sessions")
    mediators: Mapped[list[SessionMediator]] = relationship(cascade="all, delete-orphan")


class SessionMediator(Base):
    """A mediator at a session; staff, or an outside person (lawyer, grid worker) by name."""

    __tablename__ = "session_mediators"
    __table_args__ = (enum_check("role", MediatorRole),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("mediation_sessions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)


class Agreement(StationScoped, Tracked, Base):
    """人民调解协议书. Signed versions are locked; a correction is a new version."""

    __tablename__ = "agreements"
    __table_args__ = (
        UniqueConstraint("station_id", "number", "agreement_version"),
        enum_check("status", AgreementStatus),
        CheckConstraint("copies >= 2", name="copies"),
        CheckConstraint("agreement_version >= 1", name="agreement_version"),
        CheckConstraint("status = 'draft' OR signed_on IS NOT NULL", name="signed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("disputes.id", ondelete="CASCADE"), nullable=False,
                                            index=True)
    number: Mapped[str] = mapped_column(String(40), nullable=False)
    agreement_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=AgreementStatus.DRAFT)
    facts: Mapped[str] = mapped_column(long_text(), nullable=False)          # 主要事实
    points: Mapped[str | None] = mapped_column(long_text())                  # 争议事项
    terms: Mapped[str] = mapped_column(long_text(), nullable=False)          # 协议内容
    performance: Mapped[str | None] = mapped_column(long_text())             # 履行方式
    performance_deadline: Mapped[date | None]                                # 履行期限
    copies: Mapped[int] = mapped_column(Integer, nullable=False, default=3)
    mediators: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))            # 调解组织
    signed_on: Mapped[date | None]
    confirmation_applied_on: Mapped[date | None]                             # 司法确认申请

    dispute: Mapped[Dispute] = relationship(back_populates="agreements")
    signatories: Mapped[list[AgreementParty]] = relationship(cascade="all, delete-orphan")

    @property
    def version_label(self) -> str:
        return f"{self.number}（第{self.agreement_version}版）"


class AgreementParty(Base):
    """A party to an agreement and how they signed (签名 / 盖章 / 按指印)."""

    __tablename__ = "agreement_parties"
    __table_args__ = (
        enum_check("role", PartyRole),
        enum_check("signed_how", SignMethod, nullable=True),
    )

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    signed_how: Mapped[str | None] = mapped_column(String(20))


class FollowUp(StationScoped, Tracked, Base):
    """回访: is the agreement honoured, and what is the risk now."""

    __tablename__ = "follow_ups"
    __table_args__ = (
        enum_check("honoured", Honoured),
        enum_check("new_risk_level", RiskLevel, nullable=True),
        Index("ix_follow_ups_dispute_visited", "dispute_id", "visited_on"),
        Index("ix_follow_ups_station_due", "station_id", "next_due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("disputes.id", ondelete="CASCADE"), nullable=False)
    visited_on: Mapped[date] = mapped_column(nullable=False)
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    visitor_name: Mapped[str] = mapped_column(String(50), nullable=False)
    honoured: Mapped[str] = mapped_column(String(10), nullable=False)
    notes: Mapped[str | None] = mapped_column(long_text())
    new_risk_level: Mapped[str | None] = mapped_column(String(20))
    next_due: Mapped[date | None]

    dispute: Mapped[Dispute] = relationship(back_populates="follow_ups")


class Transfer(StationScoped, Tracked, Base):
    """流转 between the station, the mediation centre and the court."""

    __tablename__ = "transfers"
    __table_args__ = (
        enum_check("direction", TransferDirection),
        enum_check("outcome", TransferOutcome, nullable=True),
        CheckConstraint("outcome IS NULL OR outcome_on IS NOT NULL", name="outcome_on"),
        Index("ix_transfers_station_on", "station_id", "transferred_on"),
        Index("ix_transfers_dispute", "dispute_id", "transferred_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("disputes.id", ondelete="CASCADE"), nullable=False)
    direction: Mapped[str] = mapped_column(String(20), nullable=False)
    transferred_on: Mapped[date] = mapped_column(nullable=False)
    reason: Mapped[str] = mapped_column(long_text(), nullable=False)
    receiver: Mapped[str] = mapped_column(String(200), nullable=False)
    outcome: Mapped[str | None] = mapped_column(String(20))
    outcome_on: Mapped[date | None]
    outcome_notes: Mapped[str | None] = mapped_column(long_text())

    dispute: Mapped[Dispute] = relationship(back_populates="transfers")
