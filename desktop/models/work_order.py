"""Work orders (工单), their event history and the number sequences that name them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, BigId, Created, StationScoped, Tracked, enum_check, long_text
from desktop.models.enums import Priority, WorkOrderEventKind, WorkOrderSource, WorkOrderStatus

# Each source kind must carry its link, so "the source stays linked both ways" holds in the database.
_SOURCE_LINKS = {
    "incident": "incident_id",
    "cluster": "cluster_id",
    "directive": "directive_id",
    "warning": "warning_id",
    "dispute": "dispute_id",
}
_SOURCE_CHECK = " AND ".join(
    f"(source_kind <> '{kind}' OR {col} IS NOT NULL)" for kind, col in _SOURCE_LINKS.items()
)


class NumberSequence(StationScoped, Base):
    """Per-station, per-year counters for document numbers (work orders, disputes, agreements).

    Allocation locks the row (SELECT … FOR UPDATE), so two desks never get the same number.
    """

    __tablename__ = "number_sequences"
    __table_args__ = (CheckConstraint("last_value >= 0", name="last_value"),)

    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class WorkOrder(StationScoped, Tracked, Base):
    __tablename__ = "work_orders"
    __table_args__ = (
        UniqueConstraint("station_id", "number"),
        UniqueConstraint("station_id", "year", "seq"),
        enum_check("source_kind", WorkOrderSource),
        enum_check("priority", Priority),
        enum_check("status", WorkOrderStatus),
        CheckConstraint(_SOURCE_CHECK, name="source_link"),
        CheckConstraint("status <> 'cancelled' OR cancel_reason IS NOT NULL", name="cancel_reason"),
        CheckConstraint("status <> 'closed' OR closed_at IS NOT NULL", name="closed_at"),
        Index("ix_work_orders_station_status", "station_id", "status", "deadline"),
        Index("ix_work_orders_station_unit", "station_id", "unit_id", "status"),
        Index("ix_work_orders_station_tracker", "station_id", "tracker_id", "status"),
        Index("ix_work_orders_station_assignee", "station_id", "assignee_id", "status"),
        Index("ix_work_orders_station_issued", "station_id", "issued_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), nullable=False)  # GD-2025-000123
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    source_kind: Mapped[str] = mapped_column(String(20), nullable=False)
    incident_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("incidents.id"), index=True)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("repeat_clusters.id"), index=True)
    directive_id: Mapped[int | None] = mapped_column(ForeignKey("directives.id"), index=True)
    warning_id: Mapped[int | None] = mapped_column(ForeignKey("warnings.id"), index=True)
    dispute_id: Mapped[int | None] = mapped_column(ForeignKey("disputes.id"), index=True)
    hq_reference: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    instructions: Mapped[str | None] = mapped_column(long_text())
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), nullable=False)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    tracker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    priority: Mapped[str] = mapped_column(String(20), nullable=False, default=Priority.NORMAL)
    deadline: Mapped[datetime] = mapped_column(nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=WorkOrderStatus.ISSUED)
    issued_at: Mapped[datetime] = mapped_column(nullable=False)
    closed_at: Mapped[datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(long_text())

    events: Mapped[list[WorkOrderEvent]] = relationship(
        back_populates="work_order", order_by="WorkOrderEvent.at", cascade="all, delete-orphan"
    )


class WorkOrderEvent(StationScoped, Created, Base):
    """One step of a work order's history: who did what, when, with what text."""

    __tablename__ = "work_order_events"
    __table_args__ = (
        enum_check("kind", WorkOrderEventKind),
        enum_check("from_status", WorkOrderStatus, nullable=True),
        enum_check("to_status", WorkOrderStatus, nullable=True),
        Index("ix_work_order_events_order_at", "work_order_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(
        ForeignKey("work_orders.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    at: Mapped[datetime] = mapped_column(nullable=False)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    text: Mapped[str | None] = mapped_column(long_text())
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    to_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    to_assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)

    work_order: Mapped[WorkOrder] = relationship(back_populates="events")
