"""Briefings (晨会 / 周分析 / 月会商) and their directives (指令)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, StationScoped, Tracked, enum_check, long_text
from desktop.models.enums import BriefingKind, BriefingStatus, Priority


class Briefing(StationScoped, Tracked, Base):
    """A briefing of one period. ``compiled`` freezes the figures so a reprint is identical."""

    __tablename__ = "briefings"
    __table_args__ = (
        UniqueConstraint("station_id", "kind", "period_start"),
        enum_check("kind", BriefingKind),
        enum_check("status", BriefingStatus),
        CheckConstraint("period_end > period_start", name="period"),
        Index("ix_briefings_station_period", "station_id", "period_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    period_start: Mapped[datetime] = mapped_column(nullable=False)
    period_end: Mapped[datetime] = mapped_column(nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=BriefingStatus.DRAFT)
    held_at: Mapped[datetime | None]
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    attendees: Mapped[str | None] = mapped_column(long_text())
    analysis: Mapped[str | None] = mapped_column(long_text())  # 研判意见
    compiled: Mapped[dict | None] = mapped_column(JSON)
    compiled_at: Mapped[datetime | None]
    signed_at: Mapped[datetime | None]
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    # Corrections after sign-off: [{"at": iso time, "by": staff id, "text": …}], never edits.
    addenda: Mapped[list | None] = mapped_column(JSON)

    directives: Mapped[list[Directive]] = relationship(
        back_populates="briefing", order_by="Directive.seq", cascade="all, delete-orphan"
    )


class Directive(StationScoped, Tracked, Base):
    """指令: one instruction of a briefing; it becomes one or more work orders."""

    __tablename__ = "directives"
    __table_args__ = (
        UniqueConstraint("briefing_id", "seq"),
        enum_check("priority", Priority),
        CheckConstraint("seq >= 1", name="seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(ForeignKey("briefings.id", ondelete="CASCADE"), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(long_text(), nullable=False)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    priority: Mapped[str] = mapped_column(String(20), nullable=False, default=Priority.NORMAL)
    deadline: Mapped[datetime | None]
    # The units (each with a person) the directive goes to: [{"unit_id": …, "assignee_id": …}];
    # issuing the briefing makes one work order per entry (``unit_id`` above is the first).
    targets: Mapped[list | None] = mapped_column(JSON)

    briefing: Mapped[Briefing] = relationship(back_populates="directives")
