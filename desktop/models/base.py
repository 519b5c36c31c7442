"""Declarative base, naming convention and the mixins every record shares.

Times are naive station-local wall-clock values (China has one time zone and no DST); that keeps
SQLite, PostgreSQL and MariaDB identical and duty-day arithmetic simple.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Stable constraint names on every backend, so migrations can address them (STYLE.md).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments an INTEGER PRIMARY KEY; BIGINT elsewhere for the big tables.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: DateTime(),
        date: Date(),
        str: String(200),
    }


def enum_check(column: str, values: Iterable[str] | type[StrEnum], *, name: str | None = None,
               nullable: bool = False) -> CheckConstraint:
    """A CHECK that keeps ``column`` inside an enumeration, named ``ck_<table>_<column>``."""
    vals = [v.value if isinstance(v, StrEnum) else str(v) for v in values]
    listed = ", ".join("'" + v.replace("'", "''") + "'" for v in vals)
    expr = f"{column} IN ({listed})"
    if nullable:
        expr = f"{column} IS NULL OR {expr}"
    return CheckConstraint(expr, name=name or column)


def long_text() -> Text:
    """Free text (summaries, notes); MySQL's TEXT is 64 KB, which is enough for a note."""
    return Text()


class StationScoped:
    """Every record belongs to one station (DESIGN.md §6); queries are scoped by the session."""

    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), nullable=False)


class Created:
    """For append-only rows (events): who created them and when."""

    created_at: Mapped[datetime] = mapped_column(
        DateTime(), nullable=False, server_default=text("CURRENT_TIMESTAMP")
    )

    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:
        # use_alter: staff, units and stations reference each other through these columns.
        return mapped_column(ForeignKey("staff.id", use_alter=True), nullable=True, index=True)


class Tracked(Created):
    """Editable records: attribution of the last change and an optimistic-locking version."""

    updated_at: Mapped[datetime | None] = mapped_column(DateTime(), nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr
    def updated_by_id(cls) -> Mapped[int | None]:
        # use_alter: staff, units and stations reference each other through these columns.
        return mapped_column(ForeignKey("staff.id", use_alter=True), nullable=True, index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}
