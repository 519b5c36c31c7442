"""Small builders of valid records for tests (real rows in real databases, no mocks)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from desktop.models import Incident, WorkOrder
from desktop.models.enums import Priority, Rank, Role, UnitKind, WorkOrderSource
from desktop.services.stations import add_staff, add_unit, create_station


def make_station(session: Session, code: str = "GD", name: str = "城关派出所"):
    """A station with a command room, a community team and one duty officer."""
    station = create_station(session, code=code, name=name)
    room = add_unit(session, station, code=f"{code}-ZHS", name="综合指挥室", kind=UnitKind.COMMAND_ROOM)
    team = add_unit(session, station, code=f"{code}-SQ", name="社区警务队", kind=UnitKind.COMMUNITY_TEAM)
    officer = add_staff(session, station, number=f"{code}001", name="张伟", rank=Rank.OFFICER,
                        roles={Role.DUTY}, unit=room)
    return station, room, team, officer


def make_incident(session: Session, station, number: str, *, at: datetime | None = None, **kw) -> Incident:
    inc = Incident(station_id=station.id, number=number, reported_at=at or datetime(2025, 3, 5, 14, 7),
                   caller_name=kw.pop("caller_name", "李娜"), caller_phone=kw.pop("caller_phone", "13800138000"),
                   address=kw.pop("address", "解放路128号"), **kw)
    session.add(inc)
    session.flush()
    return inc


def make_work_order(session: Session, station, unit, *, seq: int = 1, **kw) -> WorkOrder:
    issued = kw.pop("issued_at", datetime(2025, 3, 6, 9, 0))
    wo = WorkOrder(station_id=station.id, number=f"{station.code}-2025-{seq:06d}", year=2025, seq=seq,
                   source_kind=kw.pop("source_kind", WorkOrderSource.MANUAL), title=kw.pop("title", "核查噪音扰民"),
                   unit_id=unit.id, priority=kw.pop("priority", Priority.NORMAL),
                   deadline=kw.pop("deadline", issued + timedelta(days=3)), issued_at=issued, **kw)
    session.add(wo)
    session.flush()
    return wo
