"""The append-only audit log, chained by hashes per station so a change or a gap is detected."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, BigId, enum_check
from desktop.models.enums import AuditAction


class AuditEntry(Base):
    """Who did what to which record, when, with before/after values (JSON in ``changes``).

    ``entry_hash`` = SHA-256 over ``prev_hash`` and the entry's canonical content; ``seq`` runs
    without gaps per chain (one chain per station). The application never updates or deletes these rows.
    """

    __tablename__ = "audit_entries"
    __table_args__ = (
        UniqueConstraint("chain_id", "seq"),
        enum_check("action", AuditAction),
        Index("ix_audit_entries_station_at", "station_id", "at"),
        Index("ix_audit_entries_record", "table_name", "record_id"),
        Index("ix_audit_entries_staff_at", "staff_id", "at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # The station's id, or 0 for the chain of changes made outside any station (shared code tables).
    chain_id: Mapped[int] = mapped_column(Integer, nullable=False)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(), nullable=False)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    table_name: Mapped[str | None] = mapped_column(String(64))
    record_id: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str | None] = mapped_column(String(300))
    changes: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    entry_hash: Mapped[str] = mapped_column(String(64), nullable=False)


class AuditChainHead(Base):
    """The last entry of each station's chain; locked while appending so desks never fork it."""

    __tablename__ = "audit_chain_heads"

    chain_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), nullable=False)
