"""Incidents (警情): the list query, details, look-ups and hand entry with the import's validation. No Qt.

The list is a :class:`PagedQuery` over the incidents table alone: names of categories, communities,
grids, units and officers are correlated look-ups of the 200 rows shown, never joins, so counting a
million rows reads one index. Those columns sort by their indexed foreign keys (``sort_expr``).
Free text goes through the backend's trigram index (desktop/db/search_index.py) for words of three
or more characters and LIKE for shorter ones.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, bindparam, case, column, exists, literal_column, or_, select, table
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.db.search_index import FTS_TABLE, PG_SEARCH_SQL, SEARCH_COLUMNS
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.models import (
    Community,
    Grid,
    ImportBatch,
    Incident,
    IncidentCategory,
    RepeatCluster,
    Staff,
    Unit,
    repeat_cluster_incidents,
)
from desktop.models.enums import IncidentSource
from desktop.services.identity import normalize_address, normalize_phone
from desktop.services.paging import ColumnSpec, PagedQuery
from desktop.services.permissions import require_staff_id

# Chinese column titles; a view passes its own translated titles keyed the same way.
DEFAULT_TITLES: dict[str, str] = {
    "number": "警情编号", "reported_at": "报警时间", "category": "警情类型", "caller_name": "报警人",
    "caller_phone": "联系电话", "address": "发案地点", "community": "社区", "grid": "网格",
    "unit": "处警单位", "officer": "处警人", "summary": "简要警情", "disposal": "处警结果",
    "source": "来源", "repeat": "重复", "repeat_mark": "重复",
}
TRIGRAM = 3  # shortest word the trigram indexes can answer
SHORT_WORD_COLUMNS = ("caller_name", "address", "summary")


def _name_of(model: Any, fk: Any) -> Any:
    return select(model.name).where(model.id == fk).correlate(Incident).scalar_subquery()


def search_condition(db: Database, word: str) -> ColumnElement[bool]:
    """Incidents whose number, caller, phone, address or summary contain ``word``."""
    if len(word) >= TRIGRAM and db.backend == "sqlite":
        fts = table(FTS_TABLE, column("rowid"), column(FTS_TABLE))
        phrase = '"' + word.replace('"', '""') + '"'  # one literal phrase, not FTS query syntax
        matches = select(fts.c.rowid).where(fts.c[FTS_TABLE].op("MATCH")(bindparam(None, phrase)))
        return Incident.id.in_(matches)
    if db.backend == "postgresql":
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        # The very expression of the pg_trgm index, so the planner can use it.
        return literal_column(f"({PG_SEARCH_SQL})").ilike(f"%{escaped}%", escape="\\")
    # One or two characters cannot use a trigram index: a scan, so only over the columns where so
    # short a word means something (a name or place), not numbers and phones.
    columns = SEARCH_COLUMNS if len(word) >= TRIGRAM else SHORT_WORD_COLUMNS
    return or_(*(getattr(Incident, c).contains(word, autoescape=True) for c in columns))


def incident_list_query(db: Database, station_id: int, titles: Mapping[str, str] | None = None) -> PagedQuery:
    """The incident list of a station: every column, filterable by ``reported_at`` range and by
    ``category_id``, ``community_id``, ``grid_id``, ``unit_id``, ``officer_id``, ``source``."""
    t = {**DEFAULT_TITLES, **(titles or {})}
    member = exists().where(repeat_cluster_incidents.c.incident_id == Incident.id)
    columns = [
        ColumnSpec("number", t["number"], Incident.number),
        # Shown as the word, so the mark reads in the list, the export and the print alike.
        ColumnSpec("repeat", t["repeat"], case((member, t["repeat_mark"]), else_=""), sortable=False,
                   searchable=False, width=56),
        ColumnSpec("reported_at", t["reported_at"], Incident.reported_at, "datetime"),
        ColumnSpec("category", t["category"], _name_of(IncidentCategory, Incident.category_id),
                   sort_expr=Incident.category_id),
        ColumnSpec("caller_name", t["caller_name"], Incident.caller_name, mask="name"),
        ColumnSpec("caller_phone", t["caller_phone"], Incident.caller_phone, mask="phone"),
        ColumnSpec("address", t["address"], Incident.address),
        ColumnSpec("community", t["community"], _name_of(Community, Incident.community_id),
                   sort_expr=Incident.community_id),
        ColumnSpec("grid", t["grid"], _name_of(Grid, Incident.grid_id), sort_expr=Incident.grid_id),
        ColumnSpec("unit", t["unit"], _name_of(Unit, Incident.unit_id), sort_expr=Incident.unit_id),
        ColumnSpec("officer", t["officer"], _name_of(Staff, Incident.officer_id), sort_expr=Incident.officer_id),
        ColumnSpec("summary", t["summary"], Incident.summary),
        ColumnSpec("disposal", t["disposal"], Incident.disposal),
    ]
    filters = [
        ColumnSpec(key, key, getattr(Incident, key), "int")
        for key in ("category_id", "community_id", "grid_id", "unit_id", "officer_id")
    ] + [ColumnSpec("source", "source", Incident.source)]
    return PagedQuery(db, station_id=station_id, base=select(Incident.id), columns=columns, id_expr=Incident.id,
                      filter_columns=filters, search=lambda word: search_condition(db, word),
                      search_indexed=lambda word: len(word) >= TRIGRAM)


# --------------------------------------------------------------------------- look-ups


@dataclasses.dataclass(frozen=True)
class Choice:
    id: int
    name: str
    parent_id: int | None = None  # a subtype's category, a grid's community, an officer's unit
    code: str | None = None


@dataclasses.dataclass(frozen=True)
class Lookups:
    """What the filter boxes and the entry form offer."""

    categories: tuple[Choice, ...]   # level 1
    subtypes: tuple[Choice, ...]     # level 2, parent_id = category
    communities: tuple[Choice, ...]
    grids: tuple[Choice, ...]
    units: tuple[Choice, ...]
    officers: tuple[Choice, ...]

    def subtype_ids_of(self, category_id: int) -> list[int]:
        return [s.id for s in self.subtypes if s.parent_id == category_id]


def lookups(db: Database, station_id: int) -> Lookups:
    with db.session(station_id=station_id) as s:
        cats = s.execute(select(IncidentCategory.id, IncidentCategory.name, IncidentCategory.parent_id,
                                IncidentCategory.code, IncidentCategory.level)
                         .where(IncidentCategory.active.is_(True))
                         .order_by(IncidentCategory.sort_order, IncidentCategory.code)).all()
        communities = s.execute(select(Community.id, Community.name).order_by(Community.code)).all()
        grids = s.execute(select(Grid.id, Grid.name, Grid.community_id).order_by(Grid.code)).all()
        units = s.execute(select(Unit.id, Unit.name).order_by(Unit.code)).all()
        officers = s.execute(select(Staff.id, Staff.name, Staff.unit_id).where(Staff.active.is_(True))
                             .order_by(Staff.number)).all()
    return Lookups(
        categories=tuple(Choice(i, n, None, c) for i, n, _p, c, level in cats if level == 1),
        subtypes=tuple(Choice(i, n, p, c) for i, n, p, c, level in cats if level == 2),
        communities=tuple(Choice(i, n) for i, n in communities),
        grids=tuple(Choice(i, n, c) for i, n, c in grids),
        units=tuple(Choice(i, n) for i, n in units),
        officers=tuple(Choice(i, n, u) for i, n, u in officers),
    )


# --------------------------------------------------------------------------- details


@dataclasses.dataclass(frozen=True)
class ClusterRef:
    id: int
    kind: str
    match_key: str
    first_at: datetime
    last_at: datetime
    incident_count: int
    status: str


@dataclasses.dataclass(frozen=True)
class IncidentDetail:
    id: int
    version: int
    number: str
    reported_at: datetime
    caller_name: str | None
    caller_phone: str | None
    caller_phone_raw: str | None
    address: str | None
    category_id: int | None
    category: str | None
    community_id: int | None
    community: str | None
    grid_id: int | None
    grid: str | None
    summary: str | None
    unit_id: int | None
    unit: str | None
    officer_id: int | None
    officer: str | None
    disposal: str | None
    source: str
    source_file: str | None
    source_row: int | None
    created_at: datetime
    clusters: tuple[ClusterRef, ...]


def incident_detail(db: Database, station_id: int, incident_id: int) -> IncidentDetail:
    with db.session(station_id=station_id) as s:
        inc = s.get(Incident, incident_id)
        if inc is None:
            raise NotFound("找不到这条警情，可能已被删除。", hint="请刷新列表。")
        names = {}
        for key, model, fk in (("category", IncidentCategory, inc.category_id), ("community", Community,
                               inc.community_id), ("grid", Grid, inc.grid_id), ("unit", Unit, inc.unit_id),
                               ("officer", Staff, inc.officer_id)):
            names[key] = s.scalar(select(model.name).where(model.id == fk)) if fk is not None else None
        source_file = (s.scalar(select(ImportBatch.file_name).where(ImportBatch.id == inc.source_batch_id))
                       if inc.source_batch_id else None)
        clusters = s.execute(
            select(RepeatCluster.id, RepeatCluster.kind, RepeatCluster.match_key, RepeatCluster.first_at,
                   RepeatCluster.last_at, RepeatCluster.incident_count, RepeatCluster.status)
            .join(repeat_cluster_incidents, repeat_cluster_incidents.c.cluster_id == RepeatCluster.id)
            .where(repeat_cluster_incidents.c.incident_id == inc.id)
            .order_by(RepeatCluster.first_at)
        ).all()
        return IncidentDetail(
            id=inc.id, version=inc.version, number=inc.number, reported_at=inc.reported_at,
            caller_name=inc.caller_name, caller_phone=inc.caller_phone, caller_phone_raw=inc.caller_phone_raw,
            address=inc.address, category_id=inc.category_id, category=names["category"],
            community_id=inc.community_id, community=names["community"], grid_id=inc.grid_id, grid=names["grid"],
            summary=inc.summary, unit_id=inc.unit_id, unit=names["unit"], officer_id=inc.officer_id,
            officer=names["officer"], disposal=inc.disposal, source=inc.source, source_file=source_file,
            source_row=inc.source_row, created_at=inc.created_at,
            clusters=tuple(ClusterRef(*row) for row in clusters),
        )


# --------------------------------------------------------------------------- hand entry

FORM_FIELDS = ("number", "reported_at", "caller_name", "caller_phone", "address", "category_id", "community_id",
               "grid_id", "summary", "unit_id", "officer_id", "disposal")
_MAX_LEN = {"number": 40, "caller_name": 50, "caller_phone": 64, "address": 300}


@dataclasses.dataclass(frozen=True)
class Checked:
    """Clean values for the incidents table plus what a person should look at (not errors)."""

    values: dict[str, Any]
    warnings: dict[str, str]


def check_incident(values: Mapping[str, Any], *, now: datetime) -> Checked:
    """The import's validation for one typed-in incident: :class:`ValidationError` with every
    field's problem in ``fields`` (Chinese), or the clean values. An invalid phone is a warning: the
    phone is left empty and the typed text kept, as an import does."""
    from desktop.services.importing.normalize import clean_number, clean_text, parse_time

    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    clean: dict[str, Any] = {}
    number = clean_number(values.get("number"))
    if not number:
        errors["number"] = "请填写警情编号"
    elif len(number) > _MAX_LEN["number"]:
        errors["number"] = f"警情编号太长（最多 {_MAX_LEN['number']} 个字符）"
    clean["number"] = number
    raw_time = values.get("reported_at")
    if raw_time is None or (isinstance(raw_time, str) and not raw_time.strip()):
        errors["reported_at"] = "请填写报警时间"
    else:
        try:
            clean["reported_at"] = parse_time(raw_time, now=now)
        except ValueError as exc:
            errors["reported_at"] = str(exc)
    for key in ("caller_name", "address", "summary", "disposal"):
        text = clean_text(values.get(key))
        if text is not None and key in _MAX_LEN and len(text) > _MAX_LEN[key]:
            errors[key] = f"内容太长（最多 {_MAX_LEN[key]} 个字符）"
        clean[key] = text
    phone_text = clean_text(values.get("caller_phone"))
    phone = normalize_phone(phone_text)
    clean["caller_phone"] = phone.normalized
    clean["caller_phone_raw"] = phone_text
    if phone_text and not phone.valid:
        warnings["caller_phone"] = f"电话号码无效：{phone.error or phone_text}（已保留原文）"
    clean["address_norm"] = normalize_address(clean["address"])
    for key in ("category_id", "community_id", "grid_id", "unit_id", "officer_id"):
        value = values.get(key)
        clean[key] = int(value) if value not in (None, "") else None
    if errors:
        raise ValidationError(next(iter(errors.values())), fields=errors)
    return Checked(clean, warnings)


def _check_references(session: Session, clean: Mapping[str, Any]) -> None:
    """The chosen community, grid, unit and officer belong to this station and agree."""
    errors = {}
    for key, model, label in (("community_id", Community, "社区"), ("grid_id", Grid, "网格"),
                              ("unit_id", Unit, "处警单位"), ("officer_id", Staff, "处警人"),
                              ("category_id", IncidentCategory, "警情类型")):
        if clean.get(key) is not None and session.get(model, clean[key]) is None:
            errors[key] = f"{label}不存在"
    grid = session.get(Grid, clean["grid_id"]) if clean.get("grid_id") and "grid_id" not in errors else None
    if grid is not None and clean.get("community_id") and grid.community_id != clean["community_id"]:
        errors["grid_id"] = "网格不属于所选社区"
    if errors:
        raise ValidationError(next(iter(errors.values())), fields=errors)


def create_incident(db: Database, station_id: int, staff_id: int, values: Mapping[str, Any], *,
                    now: datetime | None = None, rules: Any = None) -> int:
    """Save a typed-in incident and refresh the repeat clusters around it; returns its id."""
    require_staff_id(db, station_id, staff_id, "incident.edit")
    from desktop.services.repeats import RepeatRules, refresh_clusters

    now = now or datetime.now()
    checked = check_incident(values, now=now)
    rules = rules or RepeatRules()
    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        _check_references(s, checked.values)
        if s.scalar(select(Incident.id).where(Incident.number == checked.values["number"])) is not None:
            message = f"警情编号 {checked.values['number']} 已存在"
            raise ValidationError(message, fields={"number": message})
        inc = Incident(station_id=station_id, source=IncidentSource.MANUAL, **checked.values)
        s.add(inc)
        s.flush()
        at = inc.reported_at
        refresh_clusters(s, station_id, at - timedelta(seconds=1), at + timedelta(seconds=1), rules)
        return inc.id


def update_incident(db: Database, station_id: int, staff_id: int, incident_id: int, version: int,
                    values: Mapping[str, Any], *, now: datetime | None = None, rules: Any = None) -> None:
    """Save changes to an incident if nobody changed it since ``version`` was read (else
    :class:`ConflictError`), and refresh the repeat clusters of its old and new time."""
    require_staff_id(db, station_id, staff_id, "incident.edit")
    from desktop.services.repeats import RepeatRules, refresh_clusters

    now = now or datetime.now()
    checked = check_incident(values, now=now)
    rules = rules or RepeatRules()
    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        inc = s.get(Incident, incident_id)
        if inc is None:
            raise NotFound("找不到这条警情，可能已被删除。", hint="请刷新列表。")
        if inc.version != version:
            raise ConflictError("这条警情已被他人修改。", hint="请关闭后重新打开，查看最新内容再修改。")
        _check_references(s, checked.values)
        if checked.values["number"] != inc.number and s.scalar(
                select(Incident.id).where(Incident.number == checked.values["number"])) is not None:
            message = f"警情编号 {checked.values['number']} 已存在"
            raise ValidationError(message, fields={"number": message})
        old_at = inc.reported_at
        for key, value in checked.values.items():
            setattr(inc, key, value)
        s.flush()  # updated_at/by are stamped by the audit hook
        for at in sorted({old_at, inc.reported_at}):
            refresh_clusters(s, station_id, at - timedelta(seconds=1), at + timedelta(seconds=1), rules)


# --------------------------------------------------------------------------- repeat-call clusters


@dataclasses.dataclass(frozen=True)
class MemberRow:
    """An incident of a cluster, as the 重复警情 view lists it."""

    id: int
    number: str
    reported_at: datetime
    caller_name: str | None
    caller_phone: str | None
    address: str | None
    category: str | None
    summary: str | None


def repeat_clusters(db: Database, station_id: int, start: datetime, end: datetime,
                    kinds: list[str] | None = None) -> list:
    """The stored clusters overlapping [start, end) (desktop.services.repeats.ClusterRow)."""
    from desktop.services.repeats import clusters_in_range

    with db.session(station_id=station_id) as s:
        return clusters_in_range(s, station_id, start, end, kinds)


def refresh_repeat_clusters(db: Database, station_id: int, staff_id: int | None, start: datetime, end: datetime,
                            rules: Any = None) -> Any:
    """Recompute the clusters of [start, end) with ``rules`` (after the rules were changed)."""
    require_staff_id(db, station_id, staff_id, "repeats.refresh")
    from desktop.services.repeats import RepeatRules, refresh_clusters

    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        return refresh_clusters(s, station_id, start, end, rules or RepeatRules())


def cluster_incidents(db: Database, station_id: int, cluster_id: int) -> list[MemberRow]:
    with db.session(station_id=station_id) as s:
        rows = s.execute(
            select(Incident.id, Incident.number, Incident.reported_at, Incident.caller_name, Incident.caller_phone,
                   Incident.address, _name_of(IncidentCategory, Incident.category_id), Incident.summary)
            .join(repeat_cluster_incidents, repeat_cluster_incidents.c.incident_id == Incident.id)
            .where(repeat_cluster_incidents.c.cluster_id == cluster_id)
            .order_by(Incident.reported_at, Incident.id)
        ).all()
    return [MemberRow(*row) for row in rows]


def record_view_of_personal_data(db: Database, station_id: int, staff_id: int, incident_id: int) -> None:
    """Opening an incident's unmasked caller details is an access to personal data: audited."""
    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        record_event(s, "view_personal", table_name="incidents", record_id=incident_id,
                     summary="查看报警人信息")


__all__ = [
    "DEFAULT_TITLES", "Checked", "Choice", "ClusterRef", "IncidentDetail", "Lookups", "MemberRow", "check_incident",
    "cluster_incidents", "create_incident", "incident_detail", "incident_list_query", "lookups",
    "refresh_repeat_clusters", "repeat_clusters", "search_condition", "update_incident",
]
