"""What an editable record holds now, as the edit forms see it: for the conflict dialog.

When a save is refused because a colleague saved first (optimistic locking, ``version``), the form
needs the colleague's values in its own field keys, the new version to save against, and who
changed it when. One place for every editable kind; the values come from the services' detail
functions so the form sees exactly what it would show after a reload.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop.db.database import Database
from desktop.errors import NotFound
from desktop.models import Case, Dispute, Incident, Staff, Warning, WorkOrder


@dataclasses.dataclass(frozen=True)
class RecordState:
    """A record's current form values, its version, and its last change (who, when)."""

    values: dict[str, Any]
    version: int
    updated_by: str | None
    updated_at: datetime | None


def _incident(db: Database, station_id: int, record_id: int) -> tuple[dict[str, Any], int]:
    from desktop.services.incidents import incident_detail

    d = incident_detail(db, station_id, record_id)
    return {
        "number": d.number, "reported_at": d.reported_at, "caller_name": d.caller_name,
        # The form edits the phone as typed; the normalised one only when nothing raw was kept.
        "caller_phone": d.caller_phone_raw or d.caller_phone, "address": d.address,
        "category_id": d.category_id, "community_id": d.community_id, "grid_id": d.grid_id,
        "summary": d.summary, "unit_id": d.unit_id, "officer_id": d.officer_id, "disposal": d.disposal,
    }, d.version


def _case(db: Database, station_id: int, record_id: int) -> tuple[dict[str, Any], int]:
    from desktop.services.cases import case_detail

    d = case_detail(db, station_id, record_id)
    return {
        "number": d.number, "kind": d.kind, "title": d.title, "category": d.category, "stage": d.stage,
        "accepted_at": d.accepted_at, "unit_id": d.unit_id, "officer_id": d.officer_id, "summary": d.summary,
    }, d.version


def _dispute(db: Database, station_id: int, record_id: int) -> tuple[dict[str, Any], int]:
    from desktop.services.disputes import dispute_detail

    d = dispute_detail(db, station_id, record_id)
    return {
        "cause": d.cause, "occurred_at": d.occurred_at, "place": d.place, "nature": d.nature, "scale": d.scale,
        "composition": d.composition, "progression": d.progression, "risk_level": d.risk_level,
        "risk_reasons": d.risk_reasons, "criminal_risk": d.criminal_risk, "community_id": d.community_id,
    }, d.version


def _warning(db: Database, station_id: int, record_id: int) -> tuple[dict[str, Any], int]:
    from desktop.services.warnings import warning_detail

    d = warning_detail(db, station_id, record_id)
    return {
        "number": d.number, "source": d.source, "kind": d.kind, "received_at": d.received_at,
        "subject_name": d.subject_name, "subject_phone": d.subject_phone, "subject_id_number": d.subject_id_number,
        "subject_place": d.subject_place, "content": d.content, "required_action": d.required_action,
        "deadline": d.deadline,
    }, d.version


def _work_order(db: Database, station_id: int, record_id: int) -> tuple[dict[str, Any], int]:
    from desktop.services.work_orders import order_detail

    d = order_detail(db, station_id, record_id)
    return {
        "title": d.title, "instructions": d.instructions, "priority": d.priority, "status": d.status,
        "unit_id": d.unit_id, "assignee_id": d.assignee_id, "tracker_id": d.tracker_id, "deadline": d.deadline,
    }, d.version


_KINDS: dict[str, tuple[Any, Callable[[Database, int, int], tuple[dict[str, Any], int]]]] = {
    "incident": (Incident, _incident),
    "case": (Case, _case),
    "dispute": (Dispute, _dispute),
    "warning": (Warning, _warning),
    "work_order": (WorkOrder, _work_order),
}

KINDS = tuple(_KINDS)


def current_values(db: Database, station_id: int, kind: str, record_id: int) -> RecordState:
    """The record's values now (keys as its edit form's ``values()``), version, and last change.

    Raises :class:`NotFound` when the record was deleted meanwhile, ``ValueError`` for an unknown
    ``kind`` (a programming error, not a user's)."""
    if kind not in _KINDS:
        raise ValueError(f"unknown record kind {kind!r}; one of {', '.join(KINDS)}")
    model, read = _KINDS[kind]
    values, version = read(db, station_id, record_id)
    with db.session(station_id=station_id) as s:
        row = s.execute(
            select(model.updated_at, Staff.name).outerjoin(Staff, Staff.id == model.updated_by_id)
            .where(model.id == record_id)
        ).first()
    if row is None:  # deleted between the two reads
        raise NotFound("这条记录已被删除。", hint="请刷新列表。")
    return RecordState(values=values, version=version, updated_by=row[1], updated_at=row[0])


__all__ = ["KINDS", "RecordState", "current_values"]
