"""Cases (案件) and the events of their legal clocks (pause, resume, extension)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, BigId, Created, StationScoped, Tracked, enum_check, long_text
from desktop.models.enums import CaseKind, CaseStatus, ClockEventKind


class Case(StationScoped, Tracked, Base):
    """刑事 / 行政（治安）案件. ``due_at`` caches the legal deadline the clock service computes."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("station_id", "number"),
        enum_check("kind", CaseKind),
        enum_check("status", CaseStatus),
        Index("ix_cases_station_due", "station_id", "kind", "status", "due_at"),
        Index("ix_cases_station_accepted", "station_id", "accepted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    category: Mapped[str | None] = mapped_column(String(100))  # 案由
    stage: Mapped[str | None] = mapped_column(String(40))      # criminal-case stage
    accepted_at: Mapped[datetime] = mapped_column(nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=CaseStatus.ACCEPTED)
    extended: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default="0")
    due_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    incident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("incidents.id"), index=True)
    dispute_id: Mapped[int | None] = mapped_column(ForeignKey("disputes.id"), index=True)
    summary: Mapped[str | None] = mapped_column(long_text())

    clock_events: Mapped[list[CaseClockEvent]] = relationship(
        back_populates="case", order_by="CaseClockEvent.at", cascade="all, delete-orphan"
    )


class CaseClockEvent(StationScoped, Created, Base):
    """A pause (e.g. appraisal), resume or approved extension, with reason and approver."""

    __tablename__ = "case_clock_events"
    __table_args__ = (
        enum_check("kind", ClockEventKind),
        Index("ix_case_clock_events_case_at", "case_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    at: Mapped[datetime] = mapped_column(nullable=False)
    reason: Mapped[str] = mapped_column(long_text(), nullable=False)
    approver: Mapped[str | None] = mapped_column(String(100))
    article: Mapped[str | None] = mapped_column(String(100))  # the rule's legal basis

    case: Mapped[Case] = relationship(back_populates="clock_events")
