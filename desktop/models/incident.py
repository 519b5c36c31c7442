"""Incidents (警情), their two-level category table, import batches and repeat-call clusters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
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

from desktop.models.base import Base, BigId, Created, StationScoped, Tracked, enum_check, long_text
from desktop.models.enums import ClusterStatus, IncidentSource, RepeatKind


class IncidentCategory(Created, Base):
    """警情类别 (level 1) and 警情类型 (level 2).

    A shared code table (reference data like ID area codes), not a station record: every station
    of a county reports in the same taxonomy so HQ can add them up.
    """

    __tablename__ = "incident_categories"
    __table_args__ = (
        UniqueConstraint("code"),
        CheckConstraint("level IN (1, 2)", name="level"),
        CheckConstraint(
            "(level = 1 AND parent_id IS NULL) OR (level = 2 AND parent_id IS NOT NULL)",
            name="level_parent",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    level: Mapped[int] = mapped_column(Integer, nullable=False)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("incident_categories.id"), index=True)
    # Criminal incidents are always "notable" in the briefing and count as crime in statistics.
    criminal: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default="0")
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, server_default="1")

    parent: Mapped[IncidentCategory | None] = relationship(
        remote_side="IncidentCategory.id", foreign_keys=[parent_id]
    )


class ImportBatch(StationScoped, Created, Base):
    """One import of an export file: what was read, imported, rejected and in conflict."""

    __tablename__ = "import_batches"
    __table_args__ = (
        enum_check("kind", ["incident", "case", "warning"]),
        Index("ix_import_batches_station_id_created_at", "station_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    file_name: Mapped[str] = mapped_column(String(260), nullable=False)
    file_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    profile: Mapped[str | None] = mapped_column(String(100))
    rows_read: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_imported: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_conflict: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Exact duplicates within the file itself (counted, not imported twice).
    rows_duplicate: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    # Imported, but something needs a person's look (invalid phone kept raw, unmapped category).
    rows_review: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    # The rejected, conflicting and review rows with their reasons, so the summary can be reopened.
    report: Mapped[dict | None] = mapped_column(JSON)


class ImportProfile(StationScoped, Tracked, Base):
    """A named column mapping of one 110 export layout, offered again next time."""

    __tablename__ = "import_profiles"
    __table_args__ = (UniqueConstraint("station_id", "kind", "name"),
                      enum_check("kind", ["incident", "case", "warning"]))

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    # field key -> the header text it was mapped from (headers move between versions; names stay).
    mapping: Mapped[dict] = mapped_column(JSON, nullable=False)


class Incident(StationScoped, Tracked, Base):
    """警情: one call for service, imported from a 110 export or typed in."""

    __tablename__ = "incidents"
    __table_args__ = (
        UniqueConstraint("station_id", "number"),
        enum_check("source", IncidentSource),
        CheckConstraint(
            "source <> 'import' OR source_batch_id IS NOT NULL", name="import_has_batch"
        ),
        Index("ix_incidents_station_reported", "station_id", "reported_at"),
        Index("ix_incidents_station_phone", "station_id", "caller_phone", "reported_at"),
        Index("ix_incidents_station_address", "station_id", "address_norm", "reported_at"),
        Index("ix_incidents_station_grid_cat", "station_id", "grid_id", "category_id", "reported_at"),
        Index("ix_incidents_station_cat", "station_id", "category_id", "reported_at"),
        Index("ix_incidents_station_community", "station_id", "community_id", "reported_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), nullable=False)  # 接警单编号
    reported_at: Mapped[datetime] = mapped_column(nullable=False)
    caller_name: Mapped[str | None] = mapped_column(String(50))
    caller_phone: Mapped[str | None] = mapped_column(String(32))      # normalised
    caller_phone_raw: Mapped[str | None] = mapped_column(String(64))  # as received
    address: Mapped[str | None] = mapped_column(String(300))          # as received, shown
    address_norm: Mapped[str | None] = mapped_column(String(300))     # for matching
    community_id: Mapped[int | None] = mapped_column(ForeignKey("communities.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("incident_categories.id"))
    summary: Mapped[str | None] = mapped_column(long_text())
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    disposal: Mapped[str | None] = mapped_column(long_text())
    source: Mapped[str] = mapped_column(String(10), nullable=False, default=IncidentSource.MANUAL)
    source_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), index=True)
    source_row: Mapped[int | None] = mapped_column(Integer)

    category: Mapped[IncidentCategory | None] = relationship(foreign_keys=[category_id])


repeat_cluster_incidents = Table(
    "repeat_cluster_incidents",
    Base.metadata,
    Column("cluster_id", ForeignKey("repeat_clusters.id", ondelete="CASCADE"), primary_key=True),
    Column("incident_id", BigId, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class RepeatCluster(StationScoped, Tracked, Base):
    """重复警情: incidents grouped by a repeat-call rule (一人多报 / 一地多报 / 多人同报)."""

    __tablename__ = "repeat_clusters"
    __table_args__ = (
        UniqueConstraint("station_id", "kind", "match_key", "first_at"),
        enum_check("kind", RepeatKind),
        enum_check("status", ClusterStatus),
        CheckConstraint("incident_count >= 2", name="incident_count"),
        CheckConstraint("last_at >= first_at", name="period"),
        Index("ix_repeat_clusters_station_last", "station_id", "last_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    # The normalised phone, address or "grid:category" the rule matched on.
    match_key: Mapped[str] = mapped_column(String(300), nullable=False)
    first_at: Mapped[datetime] = mapped_column(nullable=False)
    last_at: Mapped[datetime] = mapped_column(nullable=False)
    incident_count: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=ClusterStatus.OPEN)
    note: Mapped[str | None] = mapped_column(long_text())

    incidents: Mapped[list[Incident]] = relationship(
        secondary=repeat_cluster_incidents, order_by=Incident.reported_at
    )
