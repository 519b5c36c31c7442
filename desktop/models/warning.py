"""Warnings (预警信息) pushed by HQ or raised by the station's own analysis."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, StationScoped, Tracked, enum_check, long_text
from desktop.models.enums import WarningKind, WarningSource, WarningStatus


class Warning(StationScoped, Tracked, Base):
    __tablename__ = "warnings"
    __table_args__ = (
        UniqueConstraint("station_id", "number"),
        enum_check("source", WarningSource),
        enum_check("kind", WarningKind),
        enum_check("status", WarningStatus),
        Index("ix_warnings_station_received", "station_id", "received_at"),
        Index("ix_warnings_station_status", "station_id", "status", "deadline"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    received_at: Mapped[datetime] = mapped_column(nullable=False)
    subject_name: Mapped[str | None] = mapped_column(String(50))
    subject_phone: Mapped[str | None] = mapped_column(String(32))
    subject_id_number: Mapped[str | None] = mapped_column(String(18))
    subject_place: Mapped[str | None] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(long_text(), nullable=False)
    required_action: Mapped[str | None] = mapped_column(long_text())
    deadline: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=WarningStatus.RECEIVED)
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    acted_at: Mapped[datetime | None]
    result: Mapped[str | None] = mapped_column(long_text())
