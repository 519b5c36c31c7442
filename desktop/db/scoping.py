"""Station scoping: a session opened for a station sees and writes only that station's records.

Every ORM SELECT gets ``station_id = :sid`` on every station-scoped entity it touches (joins and
relationship loads included), and every new record is filed under the session's station; writing
into another station's record is refused. Sessions without a station (HQ reading across stations,
administration) are not filtered.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from desktop.errors import PermissionDenied
from desktop.models.audit import AuditEntry
from desktop.models.base import StationScoped


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "do_orm_execute", _scope_select)
    event.listen(session_class, "before_flush", _file_under_station)


def _scope_select(state: ORMExecuteState) -> None:
    station_id = state.session.info.get("station_id")
    if station_id is None or not state.is_select or state.execution_options.get("all_stations"):
        return
    state.statement = state.statement.options(
        with_loader_criteria(
            StationScoped, lambda cls: cls.station_id == station_id, include_aliases=True
        ),
        with_loader_criteria(AuditEntry, AuditEntry.station_id == station_id, include_aliases=True),
    )


def _file_under_station(session: Session, _ctx, _instances) -> None:
    station_id = session.info.get("station_id")
    if station_id is None:
        return
    for obj in session.new:
        if isinstance(obj, StationScoped):
            if obj.station_id is None:
                obj.station_id = station_id
            elif obj.station_id != station_id:
                raise PermissionDenied("不能为其他派出所新建记录")
    for obj in session.dirty:
        if isinstance(obj, StationScoped) and obj.station_id != station_id:
            raise PermissionDenied("不能修改其他派出所的记录")
    for obj in session.deleted:
        if isinstance(obj, StationScoped) and obj.station_id != station_id:
            raise PermissionDenied("不能删除其他派出所的记录")
