"""Station, units, communities, grids and staff."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Created, StationScoped, Tracked, enum_check
from desktop.models.enums import CommunityKind, Rank, Role, UnitKind


class Station(Tracked, Base):
    """派出所. ``code`` prefixes work-order numbers (e.g. ``GD-2025-000123``)."""

    __tablename__ = "stations"
    __table_args__ = (
        UniqueConstraint("code"),
        CheckConstraint("cutover_hour >= 0 AND cutover_hour <= 23", name="cutover_hour"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    region: Mapped[str | None] = mapped_column(String(100))
    cutover_hour: Mapped[int] = mapped_column(Integer, nullable=False, default=8, server_default="8")


class Unit(StationScoped, Tracked, Base):
    """综合指挥室 / 社区警务队 / 案件办理队 / 警务室 / 矛调中心."""

    __tablename__ = "units"
    __table_args__ = (
        UniqueConstraint("station_id", "code"),
        enum_check("kind", UnitKind),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, server_default="1")


class Community(StationScoped, Tracked, Base):
    """社区 / 村, with the police office responsible for it."""

    __tablename__ = "communities"
    __table_args__ = (
        UniqueConstraint("station_id", "code"),
        enum_check("kind", CommunityKind),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default=CommunityKind.COMMUNITY)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    grids: Mapped[list[Grid]] = relationship(back_populates="community", order_by="Grid.code")


class Grid(StationScoped, Tracked, Base):
    """网格: the smallest area of community policing."""

    __tablename__ = "grids"
    __table_args__ = (UniqueConstraint("station_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), nullable=False, index=True)
    code: Mapped[str] = mapped_column(String(32), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    community: Mapped[Community] = relationship(back_populates="grids")


class Staff(StationScoped, Tracked, Base):
    """民警 / 辅警 / 调解员. ``number`` is the staff (warrant) number used to log in."""

    __tablename__ = "staff"
    __table_args__ = (
        UniqueConstraint("station_id", "number"),
        enum_check("rank", Rank),
        CheckConstraint("failed_logins >= 0", name="failed_logins"),
        Index("ix_staff_station_id_name", "station_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), nullable=False)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    rank: Mapped[str] = mapped_column(String(20), nullable=False)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    # argon2 hash (desktop.services.auth); NULL means the person cannot log in.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, server_default="1")
    failed_logins: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default="0"
    )

    role_rows: Mapped[list[StaffRole]] = relationship(
        back_populates="staff", cascade="all, delete-orphan", lazy="selectin",
        foreign_keys="StaffRole.staff_id",
    )

    @property
    def roles(self) -> set[str]:
        return {r.role for r in self.role_rows}


class StaffRole(Created, Base):
    """One role of a staff member; a person may hold several (e.g. duty and officer)."""

    __tablename__ = "staff_roles"
    __table_args__ = (enum_check("role", Role),)

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    staff: Mapped[Staff] = relationship(back_populates="role_rows", foreign_keys=[staff_id])
