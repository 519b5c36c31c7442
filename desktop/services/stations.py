"""Stations and their organisation: the records every other service hangs off."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.models import Staff, StaffRole, Station, Unit
from desktop.models.enums import Rank, Role, UnitKind


def create_station(session: Session, *, code: str, name: str, region: str | None = None,
                   cutover_hour: int = 8) -> Station:
    """A new station (in an unscoped session: the station does not exist yet)."""
    code = code.strip().upper()
    if not code or not code.isascii() or not code.replace("-", "").isalnum() or len(code) > 16:
        raise ValidationError("派出所代码应为 1–16 位字母或数字", fields={"code": "格式不正确"})
    if not name.strip():
        raise ValidationError("请填写派出所名称", fields={"name": "必填"})
    if not 0 <= cutover_hour <= 23:
        raise ValidationError("交接班时间应在 0–23 点之间", fields={"cutover_hour": "超出范围"})
    station = Station(code=code, name=name.strip(), region=region, cutover_hour=cutover_hour)
    session.add(station)
    session.flush()
    # The shared 110 taxonomy (idempotent): a first station's imports and forms need it at once.
    from desktop.services.taxonomy import seed_categories

    seed_categories(session)
    return station


def add_unit(session: Session, station: Station, *, code: str, name: str, kind: UnitKind) -> Unit:
    unit = Unit(station_id=station.id, code=code, name=name, kind=kind)
    session.add(unit)
    session.flush()
    return unit


def add_staff(session: Session, station: Station, *, number: str, name: str, rank: Rank = Rank.OFFICER,
              roles: set[Role] | frozenset[Role] = frozenset(), unit: Unit | None = None,
              password_hash: str | None = None) -> Staff:
    staff = Staff(station_id=station.id, number=number, name=name, rank=rank,
                  unit_id=unit.id if unit else None, password_hash=password_hash)
    staff.role_rows = [StaffRole(role=r) for r in sorted(roles)]
    session.add(staff)
    session.flush()
    return staff
